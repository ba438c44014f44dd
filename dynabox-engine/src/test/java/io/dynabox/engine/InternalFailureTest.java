package io.dynabox.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A failure inside Dynabox is a logged 500 InternalServerError with a request id, and the engine keeps serving. */
class InternalFailureTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";

    private static DynamoResponse call(Engine engine, String action, String body) {
        return engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTH, "20260101T000000Z", body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anInternalFailureIsA500WithItsRequestIdAndTheEngineKeepsServing() {
        FailingStore store = new FailingStore();
        try (Engine engine = new Engine(DynaboxOptions.defaults(), store, System::currentTimeMillis)) {
            call(engine, "CreateTable", "{\"TableName\":\"things\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
            store.failing.set(true);
            DynamoResponse failed = call(engine, "PutItem", "{\"TableName\":\"things\",\"Item\":{\"id\":{\"S\":\"a\"}}}");

            assertThat(failed.status()).isEqualTo(500);
            String body = new String(failed.body(), StandardCharsets.UTF_8);
            assertThat(body).startsWith("{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"Internal server error");
            assertThat(body).contains(failed.requestId());

            store.failing.set(false);
            DynamoResponse next = call(engine, "PutItem", "{\"TableName\":\"things\",\"Item\":{\"id\":{\"S\":\"a\"}}}");
            assertThat(next.status()).isEqualTo(200);
            DynamoResponse read = call(engine, "GetItem", "{\"TableName\":\"things\",\"Key\":{\"id\":{\"S\":\"a\"}}}");
            assertThat(new String(read.body(), StandardCharsets.UTF_8)).isEqualTo("{\"Item\":{\"id\":{\"S\":\"a\"}}}");
        }
    }
}
