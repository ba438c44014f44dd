package io.dynabox.tests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Small builders for the tables and items the Query and Scan tests use. */
final class ReadTables {
    private ReadTables() {}

    /** "name:S" or "name:N" */
    static List<KeySchemaElement> key(String partition, String sort) {
        List<KeySchemaElement> key = new ArrayList<>();
        key.add(KeySchemaElement.builder().attributeName(partition.split(":")[0]).keyType(KeyType.HASH).build());
        if (sort != null) key.add(KeySchemaElement.builder().attributeName(sort.split(":")[0]).keyType(KeyType.RANGE).build());
        return key;
    }

    static GlobalSecondaryIndex gsi(String name, String partition, String sort, ProjectionType type, String... include) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(key(partition, sort))
                .projection(projection(type, include)).build();
    }

    static LocalSecondaryIndex lsi(String name, String partition, String sort, ProjectionType type, String... include) {
        return LocalSecondaryIndex.builder().indexName(name).keySchema(key(partition, sort))
                .projection(projection(type, include)).build();
    }

    static Projection projection(ProjectionType type, String... include) {
        Projection.Builder b = Projection.builder().projectionType(type);
        if (include.length > 0) b.nonKeyAttributes(include);
        return b.build();
    }

    /** Creates an on-demand table; attribute definitions are "name:T" for every key attribute of the table and its indexes. */
    static void create(DynamoDbClient client, String table, String partition, String sort, List<String> definitions,
                       List<GlobalSecondaryIndex> gsis, List<LocalSecondaryIndex> lsis) {
        List<AttributeDefinition> defs = new ArrayList<>();
        for (String d : definitions) {
            defs.add(AttributeDefinition.builder().attributeName(d.split(":")[0]).attributeType(d.split(":")[1]).build());
        }
        CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(table).keySchema(key(partition, sort))
                .attributeDefinitions(defs).billingMode(BillingMode.PAY_PER_REQUEST);
        if (!gsis.isEmpty()) b.globalSecondaryIndexes(gsis);
        if (!lsis.isEmpty()) b.localSecondaryIndexes(lsis);
        client.createTable(b.build());
        client.waiter().waitUntilTableExists(w -> w.tableName(table));
    }

    /** An item from alternating names and values; a value is a String (S) or a Number (N). */
    static Map<String, AttributeValue> item(Object... nameValues) {
        Map<String, AttributeValue> item = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            Object v = nameValues[i + 1];
            item.put((String) nameValues[i], v instanceof Number ? AttributeValue.fromN(v.toString()) : AttributeValue.fromS((String) v));
        }
        return item;
    }

    /** Puts many items 25 at a time, as BatchWriteItem takes them. */
    static void putAll(DynamoDbClient client, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> writes = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + 25))) {
                writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
            }
            Map<String, List<WriteRequest>> unprocessed = Map.of(table, writes);
            while (!unprocessed.isEmpty()) {
                Map<String, List<WriteRequest>> request = unprocessed;
                unprocessed = client.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
