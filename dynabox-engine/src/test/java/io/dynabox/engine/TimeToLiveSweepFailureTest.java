package io.dynabox.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A table whose expired items cannot be deleted (its store failing) holds up no other table's Time to Live. */
class TimeToLiveSweepFailureTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final long NOW_SECONDS = 1_780_000_000L;

    private static DynamoResponse call(Engine engine, String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTH, "20260101T000000Z",
                body.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).as(action).isEqualTo(200);
        return response;
    }

    /** A table with Time to Live on {@code expires} and two items that expired a minute ago. */
    private static void tableWithExpiredItems(Engine engine, String table) {
        call(engine, "CreateTable", "{\"TableName\":\"" + table + "\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
        call(engine, "UpdateTimeToLive", "{\"TableName\":\"" + table + "\",\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"expires\"}}");
        for (String id : new String[] {"a", "b"}) {
            call(engine, "PutItem", "{\"TableName\":\"" + table + "\",\"Item\":{\"id\":{\"S\":\"" + id + "\"},\"expires\":{\"N\":\"" + (NOW_SECONDS - 60) + "\"}}}");
        }
    }

    private static String scan(Engine engine, String table) {
        return new String(call(engine, "Scan", "{\"TableName\":\"" + table + "\",\"Select\":\"COUNT\"}").body(), StandardCharsets.UTF_8);
    }

    @Test
    void theTablesAfterOneThatFailsAreStillSweptAndItIsSweptOnceItsStoreWorks() {
        FailingStore store = FailingStore.onlyTable("broken");
        AtomicLong clock = new AtomicLong(NOW_SECONDS * 1000);
        try (Engine engine = new Engine(DynaboxOptions.defaults(), store, clock::get)) {
            tableWithExpiredItems(engine, "broken"); // swept first: tables are swept in name order
            tableWithExpiredItems(engine, "fine");
            store.failing.set(true);

            assertThat(engine.sweepExpiredItems()).isEqualTo(2);
            assertThat(scan(engine, "fine")).contains("\"Count\":0");
            assertThat(scan(engine, "broken")).contains("\"Count\":2");

            store.failing.set(false);
            assertThat(engine.sweepExpiredItems()).isEqualTo(2);
            assertThat(scan(engine, "broken")).contains("\"Count\":0");
        }
    }
}
