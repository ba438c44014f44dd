package io.dynabox.engine.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Capacity units beyond the service's bound of 10^12 are refused in the digits sent, also
 * those a long cannot hold (which were wrapped round and accepted: 2^63 became a negative
 * capacity, 2^64 + 1 became 1). Raw JSON: the SDKs cannot send such numbers.
 */
class CapacityBoundsTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";

    static Stream<Arguments> cases() {
        String bounds = "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Given value %s for %s is out of bounds\"}";
        return Stream.of(
                Arguments.of("9223372036854775808", "1", String.format(bounds, "9223372036854775808", "ReadCapacityUnits")),
                Arguments.of("18446744073709551617", "1", String.format(bounds, "18446744073709551617", "ReadCapacityUnits")),
                Arguments.of("99999999999999999999999", "1", String.format(bounds, "99999999999999999999999", "ReadCapacityUnits")),
                Arguments.of("1", "9223372036854775808", String.format(bounds, "9223372036854775808", "WriteCapacityUnits")),
                Arguments.of("9223372036854775807", "1", String.format(bounds, "9223372036854775807", "ReadCapacityUnits")),
                Arguments.of("1000000000001", "1", String.format(bounds, "1000000000001", "ReadCapacityUnits")),
                Arguments.of("1000000000000", "1000000000000", "200"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void capacityOverTheBoundIsRefusedAsSent(String read, String write, String answer) {
        try (Engine engine = new Engine(DynaboxOptions.defaults(), new MemoryStore(), System::currentTimeMillis)) {
            String body = "{\"TableName\":\"tab\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                    + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":" + read + ",\"WriteCapacityUnits\":" + write + "}}";
            DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810.CreateTable", AUTH, "20260101T000000Z",
                    body.getBytes(StandardCharsets.UTF_8)));
            String got = response.status() + (response.status() == 200 ? "" : " " + new String(response.body(), StandardCharsets.UTF_8));
            assertThat(got).isEqualTo(answer);
        }
    }
}
