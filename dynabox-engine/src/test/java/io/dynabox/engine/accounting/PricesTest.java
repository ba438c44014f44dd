package io.dynabox.engine.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled price files: one per region whose prices were checked against a public source, each complete,
 * dated and sourced, and us-east-1's for a region without one (us-west-2's prices were not found published).
 */
class PricesTest {
    @ParameterizedTest
    @CsvSource({
            // region,       read RU/M, write RU/M, RCU-hour,  WCU-hour, GB-month
            "us-east-1,      0.125,     0.625,      0.00013,   0.00065,  0.25",
            "us-east-2,      0.125,     0.625,      0.00013,   0.00065,  0.25",
            "us-west-2,      0.125,     0.625,      0.00013,   0.00065,  0.25",   // no file: us-east-1's
            "eu-west-1,      0.1415,    0.7068,     0.000147,  0.000735, 0.283",
            "eu-central-1,   0.1525,    0.7625,     0.0001586, 0.000793, 0.306",
            "ap-northeast-1, 0.1425,    0.715,      0.0001484, 0.000742, 0.285",
            "sa-east-1,      0.125,     0.625,      0.00013,   0.00065,  0.25"})   // no file: us-east-1's
    void eachMainRegionHasItsOwnDatedPrices(String region, double read, double write, double rcu, double wcu, double storage) {
        Prices prices = Prices.forRegion(region);

        boolean bundled = !region.equals("sa-east-1") && !region.equals("us-west-2");
        assertThat(prices.region()).isEqualTo(bundled ? region : "us-east-1"); // no file: us-east-1's, and it says so
        assertThat(prices.date()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(prices.currency()).isEqualTo("USD");
        assertThat(prices.source()).contains("check the current prices").doesNotContain("NOT VERIFIED");
        assertThat(prices.readRequestUnitsPerMillion()).isEqualTo(read);
        assertThat(prices.writeRequestUnitsPerMillion()).isEqualTo(write);
        assertThat(prices.readCapacityUnitHour()).isEqualTo(rcu);
        assertThat(prices.writeCapacityUnitHour()).isEqualTo(wcu);
        assertThat(prices.storageGbMonth()).isEqualTo(storage);
    }
}
