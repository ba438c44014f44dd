package io.dynabox.engine.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import io.dynabox.engine.store.StoredItem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A table at a moment read a page at a time ({@link RecoveryLog.ItemsAt}, as a full export reads it) with writes
 * between the pages: on keys already read and keys not read yet, deletions, updates and new keys, before and after
 * the moment. The pages together hold the table as it was at the moment, each item once.
 */
class ItemsAtTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";

    private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    private Engine engine;

    @BeforeEach
    void open() {
        engine = new Engine(DynaboxOptions.builder().strictMessages(true).build(), new MemoryStore(), now::get);
        call("CreateTable", "{\"TableName\":\"ttt\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
        call("UpdateContinuousBackups", "{\"TableName\":\"ttt\",\"PointInTimeRecoverySpecification\":{\"PointInTimeRecoveryEnabled\":true}}");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private void call(String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTH, "20260101T000000Z",
                body.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    }

    private void put(String pk, int v) {
        now.addAndGet(10);
        call("PutItem", "{\"TableName\":\"ttt\",\"Item\":{\"pk\":{\"S\":\"" + pk + "\"},\"v\":{\"N\":\"" + v + "\"}}}");
    }

    private void delete(String pk) {
        now.addAndGet(10);
        call("DeleteItem", "{\"TableName\":\"ttt\",\"Key\":{\"pk\":{\"S\":\"" + pk + "\"}}}");
    }

    private Table table() {
        return engine.namespace("k", "us-east-1").table("ttt", now.get());
    }

    private static String pk(StoredItem item) {
        String json = new String(item.json(), StandardCharsets.UTF_8);
        return json.substring(json.indexOf("\"S\":\"") + 5, json.indexOf('"', json.indexOf("\"S\":\"") + 5));
    }

    private static Set<String> texts(List<StoredItem> items) {
        Set<String> texts = new HashSet<>();
        for (StoredItem item : items) texts.add(new String(item.json(), StandardCharsets.UTF_8));
        return texts;
    }

    @Test
    void pagesReadWithWritesBetweenThemHoldTheTableAtTheMomentEachItemOnce() {
        for (int i = 0; i < 30; i++) put("k" + i, 1);
        delete("k29"); // before the moment: absent from every page
        long moment = now.get();
        // after the moment, before the first page
        put("k0", 2);
        delete("k1");
        put("new-before", 1);
        Table table = table();
        Set<String> atMoment = texts(TableLocks.read(table, () -> table.itemsAt(moment)));
        assertThat(atMoment).hasSize(29);

        RecoveryLog.ItemsAt reader = TableLocks.read(table, () -> table.pagesAt(moment));
        List<StoredItem> read = new ArrayList<>(TableLocks.read(table, () -> reader.next(5)));
        Set<String> firstPageKeys = new HashSet<>();
        for (StoredItem item : read) firstPageKeys.add(pk(item));
        List<String> notReadYet = new ArrayList<>();
        for (int i = 2; i < 29; i++) if (!firstPageKeys.contains("k" + i)) notReadYet.add("k" + i);
        String passed = firstPageKeys.stream().filter(k -> !k.equals("k0") && !k.equals("k1")).findFirst().orElseThrow();

        // between pages: keys already read change (they must not come again), keys not read yet change (undone)
        put(passed, 3);
        delete(passed);
        put(notReadYet.get(0), 3);
        delete(notReadYet.get(1));
        put(notReadYet.get(2), 3);
        delete(notReadYet.get(2));
        put("new-between", 1);
        for (List<StoredItem> page = TableLocks.read(table, () -> reader.next(5)); page != null; page = TableLocks.read(table, () -> reader.next(5))) {
            read.addAll(page);
            put(notReadYet.get(notReadYet.size() - 1), 4);
            delete(notReadYet.get(notReadYet.size() - 2));
        }

        assertThat(read).hasSize(29);
        assertThat(texts(read)).isEqualTo(atMoment);
    }
}
