package io.dynabox.engine.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An index's NonKeyAttributes as a CreateTable sends them (JSON no SDK sends: nulls in the list
 * pass the model's checks) -> the answer: the first problem in the list's order is reported, a
 * missing name in the words DynamoDB Local uses (it had been an internal error).
 */
class NonKeyAttributesTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static Engine engine;

    @BeforeAll
    static void start() {
        engine = new Engine(DynaboxOptions.defaults(), new MemoryStore(), () -> 1_700_000_000_000L);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "GlobalSecondaryIndexes | [null]           | 400 Attribute name must be specified.",
        "GlobalSecondaryIndexes | [\"a\",null,\"a\"] | 400 Attribute name must be specified.",
        "GlobalSecondaryIndexes | [\"a\",\"a\",null] | 400 One or more parameter values were invalid: Duplicate element in NonKeyAttributes: a",
        "LocalSecondaryIndexes  | [null,\"a\"]       | 400 Attribute name must be specified.",
        "GlobalSecondaryIndexes | [\"a\",\"b\"]       | 200",
        "LocalSecondaryIndexes  | [\"a\"]           | 200",
    })
    void answers(String indexes, String nonKey, String expected) {
        String index = indexes.equals("GlobalSecondaryIndexes")
                ? "{\"IndexName\":\"byG\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}]"
                : "{\"IndexName\":\"byG\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"g\",\"KeyType\":\"RANGE\"}]";
        String table = "t" + Math.abs((indexes + nonKey).hashCode());
        String body = "{\"TableName\":\"" + table + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                + "\"" + indexes + "\":[" + index + ",\"Projection\":{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":" + nonKey + "}}]}";
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810.CreateTable", AUTH, "20260101T000000Z",
                body.getBytes(StandardCharsets.UTF_8)));
        String answer = new String(response.body(), StandardCharsets.UTF_8);
        if (expected.equals("200")) {
            assertThat(response.status()).as(answer).isEqualTo(200);
        } else {
            assertThat(response.status() + " " + answer).isEqualTo(expected.substring(0, 4)
                    + "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"" + expected.substring(4) + "\"}");
        }
    }
}
