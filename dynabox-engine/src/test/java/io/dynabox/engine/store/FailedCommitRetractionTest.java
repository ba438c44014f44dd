package io.dynabox.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.wire.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write whose commit fails (the disk is full) is undone in memory, and so are its stream
 * records: a stream never shows a change the table does not have.
 */
class FailedCommitRetractionTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";

    @TempDir
    Path dir;

    private static DynamoResponse call(Engine engine, String target, String body) {
        return engine.handle(new DynamoRequest(target, AUTH, "20260101T000000Z", body.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode ok(Engine engine, String target, String body) throws Exception {
        DynamoResponse response = call(engine, target, body);
        assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static List<String> streamKeys(Engine engine, String arn) throws Exception {
        String shard = ok(engine, "DynamoDBStreams_20120810.DescribeStream", "{\"StreamArn\":\"" + arn + "\"}")
                .get("StreamDescription").get("Shards").get(0).get("ShardId").textValue();
        String iterator = ok(engine, "DynamoDBStreams_20120810.GetShardIterator", "{\"StreamArn\":\"" + arn + "\",\"ShardId\":\"" + shard
                + "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}").get("ShardIterator").textValue();
        List<String> keys = new ArrayList<>();
        for (JsonNode record : ok(engine, "DynamoDBStreams_20120810.GetRecords", "{\"ShardIterator\":\"" + iterator + "\"}").get("Records")) {
            keys.add(record.get("dynamodb").get("Keys").get("k").get("S").textValue());
        }
        return keys;
    }

    @Test
    void theStreamForgetsTheRecordsOfAWriteWhoseCommitFailed() throws Exception {
        SqliteStore store = new SqliteStore(dir, false);
        try (Engine engine = new Engine(DynaboxOptions.builder().build(), store, System::currentTimeMillis)) {
            String arn = ok(engine, "DynamoDB_20120810.CreateTable", "{\"TableName\":\"tab\",\"KeySchema\":[{\"AttributeName\":\"k\",\"KeyType\":\"HASH\"}],"
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"k\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_IMAGE\"}}")
                    .get("TableDescription").get("LatestStreamArn").textValue();
            ok(engine, "DynamoDB_20120810.PutItem", "{\"TableName\":\"tab\",\"Item\":{\"k\":{\"S\":\"a\"}}}");
            assertThat(streamKeys(engine, arn)).containsExactly("a");

            store.fileOf("k_us-east-1").capPages(1);
            DynamoResponse refused = call(engine, "DynamoDB_20120810.PutItem",
                    "{\"TableName\":\"tab\",\"Item\":{\"k\":{\"S\":\"b\"},\"p\":{\"S\":\"" + "x".repeat(50_000) + "\"}}}");
            assertThat(refused.status()).isEqualTo(500);
            // the retraction runs on the committer thread as the failure is reported: give it a moment
            List<String> keys = streamKeys(engine, arn);
            for (int i = 0; i < 100 && keys.size() > 1; i++) {
                Thread.sleep(20);
                keys = streamKeys(engine, arn);
            }
            assertThat(keys).containsExactly("a");
            assertThat(new String(call(engine, "DynamoDB_20120810.GetItem", "{\"TableName\":\"tab\",\"Key\":{\"k\":{\"S\":\"b\"}}}").body(),
                    StandardCharsets.UTF_8)).isEqualTo("{}");
        }
    }
}
