package io.dynabox.engine.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.value.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change feed through the engine's front door: every write path, in order, nothing for a write that changes nothing. */
class ChangeFeedTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";

    final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    final List<String> seen = new ArrayList<>();
    Engine engine;

    @BeforeEach
    void open() throws Exception {
        engine = new Engine(DynaboxOptions.builder().strictMessages(true).build(), new MemoryStore(), now::get);
        for (String name : List.of("aaa", "bbb")) {
            call("CreateTable", "{\"TableName\":\"" + name + "\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
        }
        engine.changeFeed().subscribe((table, changes) -> {
            for (Change c : changes) {
                Map<String, AttributeValue> keys = c.keys(table.definition().keySchema());
                seen.add(table.name() + " " + c.sequence() + " " + c.kind() + " " + ((AttributeValue.S) keys.get("pk")).value()
                        + " g" + c.group() + " t" + (c.timeMillis() - 1_800_000_000_000L)
                        + " old=" + (c.oldImage() == null ? "-" : new String(c.oldImage(), StandardCharsets.UTF_8))
                        + " new=" + (c.newImage() == null ? "-" : new String(c.newImage(), StandardCharsets.UTF_8)));
            }
        });
    }

    private String call(String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTH, "20260101T000000Z",
                body.getBytes(StandardCharsets.UTF_8)));
        String answer = response.status() + " " + new String(response.body(), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("200 ");
        return answer;
    }

    @Test
    void everyItemWritePathPublishesItsChangesInOrder() {
        call("PutItem", "{\"TableName\":\"aaa\",\"Item\":{\"pk\":{\"S\":\"x\"},\"v\":{\"N\":\"1\"}}}");
        now.addAndGet(5);
        call("UpdateItem", "{\"TableName\":\"aaa\",\"Key\":{\"pk\":{\"S\":\"x\"}},\"UpdateExpression\":\"SET v = :v\","
                + "\"ExpressionAttributeValues\":{\":v\":{\"N\":\"2\"}}}");
        call("DeleteItem", "{\"TableName\":\"aaa\",\"Key\":{\"pk\":{\"S\":\"x\"}}}");
        call("BatchWriteItem", "{\"RequestItems\":{\"aaa\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"y\"}}}}],"
                + "\"bbb\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"z\"}}}}]}}");
        call("TransactWriteItems", "{\"TransactItems\":[{\"Delete\":{\"TableName\":\"aaa\",\"Key\":{\"pk\":{\"S\":\"y\"}}}},"
                + "{\"Put\":{\"TableName\":\"bbb\",\"Item\":{\"pk\":{\"S\":\"z\"},\"w\":{\"S\":\"t\"}}}}]}");

        assertThat(seen).containsExactly(
                "aaa 1 INSERT x g1 t0 old=- new={\"pk\":{\"S\":\"x\"},\"v\":{\"N\":\"1\"}}",
                "aaa 2 MODIFY x g2 t5 old={\"pk\":{\"S\":\"x\"},\"v\":{\"N\":\"1\"}} new={\"pk\":{\"S\":\"x\"},\"v\":{\"N\":\"2\"}}",
                "aaa 3 REMOVE x g3 t5 old={\"pk\":{\"S\":\"x\"},\"v\":{\"N\":\"2\"}} new=-",
                "aaa 4 INSERT y g4 t5 old=- new={\"pk\":{\"S\":\"y\"}}",
                "bbb 1 INSERT z g4 t5 old=- new={\"pk\":{\"S\":\"z\"}}",
                "aaa 5 REMOVE y g5 t5 old={\"pk\":{\"S\":\"y\"}} new=-",
                "bbb 2 MODIFY z g5 t5 old={\"pk\":{\"S\":\"z\"}} new={\"pk\":{\"S\":\"z\"},\"w\":{\"S\":\"t\"}}");
    }

    @Test
    void aWriteThatChangesNothingPublishesNothing() {
        call("PutItem", "{\"TableName\":\"aaa\",\"Item\":{\"pk\":{\"S\":\"x\"},\"v\":{\"N\":\"1\"},\"s\":{\"SS\":[\"p\",\"q\"]}}}");
        seen.clear();
        call("DeleteItem", "{\"TableName\":\"aaa\",\"Key\":{\"pk\":{\"S\":\"missing\"}}}");
        // the same attributes in another order, a set in another order
        call("PutItem", "{\"TableName\":\"aaa\",\"Item\":{\"s\":{\"SS\":[\"q\",\"p\"]},\"v\":{\"N\":\"1.0\"},\"pk\":{\"S\":\"x\"}}}");
        call("UpdateItem", "{\"TableName\":\"aaa\",\"Key\":{\"pk\":{\"S\":\"x\"}},\"UpdateExpression\":\"SET v = v\"}");
        call("BatchWriteItem", "{\"RequestItems\":{\"aaa\":[{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"gone\"}}}}]}}");
        assertThat(seen).isEmpty();
        call("UpdateItem", "{\"TableName\":\"aaa\",\"Key\":{\"pk\":{\"S\":\"x\"}},\"UpdateExpression\":\"REMOVE s\"}");
        assertThat(seen).hasSize(1).first().asString().startsWith("aaa 2 MODIFY x");
    }

    @Test
    void aTableSubscriberSeesOnlyItsTableAndStopsWhenClosed() throws Exception {
        List<Long> sequences = new ArrayList<>();
        AutoCloseable subscription = engine.namespace("k", "us-east-1").table("bbb", now.get()).feed()
                .subscribe((table, changes) -> changes.forEach(c -> sequences.add(c.sequence())));
        call("PutItem", "{\"TableName\":\"aaa\",\"Item\":{\"pk\":{\"S\":\"x\"}}}");
        call("PutItem", "{\"TableName\":\"bbb\",\"Item\":{\"pk\":{\"S\":\"x\"}}}");
        subscription.close();
        call("PutItem", "{\"TableName\":\"bbb\",\"Item\":{\"pk\":{\"S\":\"y\"}}}");
        assertThat(sequences).containsExactly(1L);
        assertThat(KeySchema.class).isNotNull();
    }
}
