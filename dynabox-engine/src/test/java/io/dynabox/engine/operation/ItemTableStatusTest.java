package io.dynabox.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Item actions on a table that is still being created answer as if it did not exist, and work once it is ACTIVE. */
class ItemTableStatusTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String NOT_FOUND = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\",\"message\":\"Requested resource not found\"}";

    private static String call(Engine engine, String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTH, "20260101T000000Z",
                body.getBytes(StandardCharsets.UTF_8)));
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void creatingTablesAreNotFoundForItemActions() {
        AtomicLong now = new AtomicLong(1_000_000);
        DynaboxOptions options = DynaboxOptions.builder().delayTransientStatuses(Duration.ofSeconds(5)).strictMessages(true).build();
        try (Engine engine = new Engine(options, new MemoryStore(), now::get)) {
            call(engine, "CreateTable", "{\"TableName\":\"things\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
            String key = "{\"TableName\":\"things\",\"Key\":{\"id\":{\"S\":\"a\"}}}";
            assertThat(call(engine, "PutItem", "{\"TableName\":\"things\",\"Item\":{\"id\":{\"S\":\"a\"}}}")).isEqualTo(NOT_FOUND);
            assertThat(call(engine, "GetItem", key)).isEqualTo(NOT_FOUND);
            assertThat(call(engine, "DeleteItem", key)).isEqualTo(NOT_FOUND);
            assertThat(call(engine, "UpdateItem", key)).isEqualTo(NOT_FOUND);
            // request-level problems still come first
            assertThat(call(engine, "PutItem", "{\"TableName\":\"things\",\"Item\":{\"id\":{\"S\":\"a\"}},\"ReturnValues\":\"ALL_NEW\"}"))
                    .isEqualTo("{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"ReturnValues can only be ALL_OLD or NONE\"}");

            now.addAndGet(5_000);
            assertThat(call(engine, "PutItem", "{\"TableName\":\"things\",\"Item\":{\"id\":{\"S\":\"a\"}},\"ReturnConsumedCapacity\":\"TOTAL\"}"))
                    .isEqualTo("{\"ConsumedCapacity\":{\"TableName\":\"things\",\"CapacityUnits\":1.0}}");
            assertThat(call(engine, "GetItem", key)).isEqualTo("{\"Item\":{\"id\":{\"S\":\"a\"}}}");
        }
    }
}
