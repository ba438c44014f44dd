package io.dynabox.engine.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.RawRequests;
import io.dynabox.engine.store.MemoryStore;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Capacity units beyond the service's bound of 10^12 are refused in the digits sent, also
 * those a long cannot hold (which were wrapped round and accepted: 2^63 became a negative
 * capacity, 2^64 + 1 became 1); within it, the account's quota of 40,000 a table applies.
 * Raw JSON: the SDKs cannot send the largest numbers.
 */
class CapacityBoundsTest {
    static Stream<Arguments> cases() {
        String quota = "400 {\"__type\":\"com.amazonaws.dynamodb.v20120810#LimitExceededException\",\"message\":\"The requested %s, %s, "
                + "is above the per table maximum for the account in us-east-1. Per table maximum: 40000. "
                + "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.\"}";
        String bounds = "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Given value %s for %s is out of bounds\"}";
        return Stream.of(
                Arguments.of("9223372036854775808", "1", String.format(bounds, "9223372036854775808", "ReadCapacityUnits")),
                Arguments.of("18446744073709551617", "1", String.format(bounds, "18446744073709551617", "ReadCapacityUnits")),
                Arguments.of("99999999999999999999999", "1", String.format(bounds, "99999999999999999999999", "ReadCapacityUnits")),
                Arguments.of("1", "9223372036854775808", String.format(bounds, "9223372036854775808", "WriteCapacityUnits")),
                Arguments.of("9223372036854775807", "1", String.format(bounds, "9223372036854775807", "ReadCapacityUnits")),
                Arguments.of("1000000000001", "1", String.format(bounds, "1000000000001", "ReadCapacityUnits")),
                // within the bound, the account's quota of 40,000 a table (read, then write) is a LimitExceededException
                Arguments.of("1000000000000", "1", String.format(quota, "ReadCapacityUnits", "1000000000000")),
                Arguments.of("40000", "40001", String.format(quota, "WriteCapacityUnits", "40001")),
                Arguments.of("40000", "40000", "200"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void capacityOverTheBoundIsRefusedAsSent(String read, String write, String answer) {
        try (Engine engine = new Engine(DynaboxOptions.defaults(), new MemoryStore(), System::currentTimeMillis)) {
            String body = "{\"TableName\":\"tab\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                    + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":" + read + ",\"WriteCapacityUnits\":" + write + "}}";
            String got = RawRequests.call(engine, "CreateTable", body);
            assertThat(got.startsWith("200 ") ? "200" : got).isEqualTo(answer);
        }
    }
}
