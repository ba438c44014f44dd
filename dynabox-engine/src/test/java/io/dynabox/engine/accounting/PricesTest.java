package io.dynabox.engine.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled price files: one per main region, each complete and dated, and us-east-1's for a region without one. */
class PricesTest {
    @ParameterizedTest
    @CsvSource({
            // region,       read RU/M, write RU/M, RCU-hour,  WCU-hour, GB-month
            "us-east-1,      0.125,     0.625,      0.00013,   0.00065,  0.25",
            "us-east-2,      0.125,     0.625,      0.00013,   0.00065,  0.25",
            "us-west-2,      0.125,     0.625,      0.00013,   0.00065,  0.25",
            "eu-west-1,      0.1415,    0.7068,     0.000147,  0.000735, 0.283",
            "eu-central-1,   0.1525,    0.7625,     0.0001586, 0.000793, 0.306",
            "ap-northeast-1, 0.1427,    0.7135,     0.0001484, 0.000742, 0.285",
            "sa-east-1,      0.125,     0.625,      0.00013,   0.00065,  0.25"})
    void eachMainRegionHasItsOwnDatedPrices(String region, double read, double write, double rcu, double wcu, double storage) {
        Prices prices = Prices.forRegion(region);

        assertThat(prices.region()).isEqualTo(region.equals("sa-east-1") ? "us-east-1" : region); // no file: us-east-1's, and it says so
        assertThat(prices.date()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(prices.currency()).isEqualTo("USD");
        assertThat(prices.source()).contains("check the current prices");
        assertThat(prices.readRequestUnitsPerMillion()).isEqualTo(read);
        assertThat(prices.writeRequestUnitsPerMillion()).isEqualTo(write);
        assertThat(prices.readCapacityUnitHour()).isEqualTo(rcu);
        assertThat(prices.writeCapacityUnitHour()).isEqualTo(wcu);
        assertThat(prices.storageGbMonth()).isEqualTo(storage);
    }
}
