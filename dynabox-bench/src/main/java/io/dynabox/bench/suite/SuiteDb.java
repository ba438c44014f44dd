package io.dynabox.bench.suite;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the user's-suite tests do to their data, in the words of a small repository class of
 * an application: once over DynamoDB (Dynabox, in-process or over HTTP) and once over plain
 * maps, the baseline the suite's time in Dynabox is measured against. Every table has the
 * partition key {@code pk} (S) and the sort key {@code sk} (N).
 */
interface SuiteDb {
    /** The item, or null. */
    Map<String, AttributeValue> get(String table, String pk, int sk);

    void put(String table, Map<String, AttributeValue> item);

    /** Puts the item unless one with its key exists; whether it did. */
    boolean putIfAbsent(String table, Map<String, AttributeValue> item);

    void delete(String table, String pk, int sk);

    /** The partition's items in sort key order. */
    List<Map<String, AttributeValue>> query(String table, String pk);

    /** Adds {@code delta} to a number attribute (0 when missing) and answers its new value. */
    long add(String table, String pk, int sk, String attribute, long delta);

    /** How many items the table holds (a full scan). */
    int count(String table);

    /** The five tables of every test's namespace. */
    List<String> TABLES = List.of("users", "orders", "items", "events", "sessions");
    /** Partitions per table, and items per partition: 5 tables of 20 items, 100 items in all. */
    int PARTITIONS = 4;
    int ITEMS_PER_PARTITION = 5;

    static Map<String, AttributeValue> item(String pk, int sk, String name, long count) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Integer.toString(sk)),
                "name", AttributeValue.fromS(name), "count", AttributeValue.fromN(Long.toString(count)),
                "tags", AttributeValue.fromSs(List.of("a", "b")));
    }

    /** The items every test starts with. */
    static void load(SuiteDb db) {
        for (String table : TABLES) {
            for (int p = 0; p < PARTITIONS; p++) {
                for (int s = 0; s < ITEMS_PER_PARTITION; s++) db.put(table, item("p" + p, s, table + " " + p + "/" + s, s));
            }
        }
    }
}
