package io.dynabox.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client hears when the disk is full: the service's InternalServerError shape,
 * with Dynabox's explanation naming the cause (none with strict messages); reads are
 * answered as usual meanwhile.
 */
class DiskFullAnswerTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";

    @TempDir
    Path dir;

    private static DynamoResponse call(Engine engine, String action, String body) {
        return engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTH, "20260101T000000Z", body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesAnswerInternalServerErrorNamingTheFullDiskAndReadsGoOn() throws Exception {
        for (boolean strict : new boolean[] {false, true}) {
            Path db = dir.resolve(strict ? "strict" : "plain");
            SqliteStore store = new SqliteStore(db, false);
            try (Engine engine = new Engine(DynaboxOptions.builder().strictMessages(strict).build(), store, System::currentTimeMillis)) {
                assertThat(call(engine, "CreateTable", "{\"TableName\":\"tab\",\"KeySchema\":[{\"AttributeName\":\"k\",\"KeyType\":\"HASH\"}],"
                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"k\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}").status())
                        .isEqualTo(200);
                assertThat(call(engine, "PutItem", "{\"TableName\":\"tab\",\"Item\":{\"k\":{\"S\":\"a\"}}}").status()).isEqualTo(200);
                store.fileOf("k_us-east-1").capPages(1);

                DynamoResponse refused = call(engine, "PutItem", "{\"TableName\":\"tab\",\"Item\":{\"k\":{\"S\":\"b\"},\"p\":{\"S\":\"" + "x".repeat(50_000) + "\"}}}");
                String body = new String(refused.body(), StandardCharsets.UTF_8);
                assertThat(refused.status()).isEqualTo(500);
                assertThat(body).startsWith("{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"Internal server error");
                if (strict) {
                    assertThat(body).doesNotContain("Dynabox");
                } else {
                    assertThat(body).contains(" [Dynabox: writing to the database ").contains("failed: the disk is full");
                }
                DynamoResponse read = call(engine, "GetItem", "{\"TableName\":\"tab\",\"Key\":{\"k\":{\"S\":\"a\"}}}");
                assertThat(read.status()).isEqualTo(200);
                assertThat(new String(read.body(), StandardCharsets.UTF_8)).isEqualTo("{\"Item\":{\"k\":{\"S\":\"a\"}}}");
                assertThat(new String(call(engine, "GetItem", "{\"TableName\":\"tab\",\"Key\":{\"k\":{\"S\":\"b\"}}}").body(), StandardCharsets.UTF_8))
                        .isEqualTo("{}");
            }
        }
    }
}
