package io.dynabox.tests;

import static io.dynabox.tests.QueryTest.cond;
import static io.dynabox.tests.QueryTest.eq;
import static io.dynabox.tests.QueryTest.with;
import static io.dynabox.tests.ReadTables.gsi;
import static io.dynabox.tests.ReadTables.item;
import static io.dynabox.tests.ReadTables.lsi;
import static io.dynabox.tests.ReadTables.n;
import static io.dynabox.tests.ReadTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Queries and scans of local and global secondary indexes, after every kind of write: the
 * table "orders" (customer, id) has a KEYS_ONLY local index on total, an INCLUDE global index
 * on (status, total) with "note", and an ALL global index on region.
 */
@ParameterizedClass
@EnumSource(Door.class)
class IndexReadTest extends DoorTest {
    @BeforeEach
    void open() {
        ReadTables.create(client, "orders", "customer:S", "id:S",
                List.of("customer:S", "id:S", "total:N", "status:S", "region:S"),
                List.of(gsi("by-status", "status:S", "total:N", ProjectionType.INCLUDE, "note"),
                        gsi("by-region", "region:S", null, ProjectionType.ALL)),
                List.of(lsi("by-total", "customer:S", "total:N", ProjectionType.KEYS_ONLY)));
    }

    private void put(Map<String, AttributeValue> item) {
        client.putItem(b -> b.tableName("orders").item(item));
    }

    private QueryResponse query(Consumer<QueryRequest.Builder> request) {
        return client.query(b -> {
            b.tableName("orders");
            request.accept(b);
        });
    }

    private static List<String> ids(List<Map<String, AttributeValue>> items) {
        List<String> ids = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) ids.add(item.get("id").s());
        return ids;
    }

    @Test
    void indexesFollowPutsUpdatesAndDeletes() {
        put(item("customer", "c1", "id", "o1", "total", 30, "status", "open", "note", "n1", "extra", "e1", "region", "eu"));
        put(item("customer", "c1", "id", "o2", "total", 10, "status", "open", "region", "us"));
        put(item("customer", "c1", "id", "o3", "total", 20)); // sparse: in no global index
        put(item("customer", "c2", "id", "o4", "total", 5, "status", "open"));

        assertThat(ids(query(b -> b.indexName("by-total").keyConditions(eq("customer", s("c1")))).items())).containsExactly("o2", "o3", "o1");
        assertThat(ids(query(b -> b.indexName("by-status").keyConditions(eq("status", s("open")))).items())).containsExactly("o4", "o2", "o1");
        assertThat(ids(query(b -> b.indexName("by-status").keyConditions(with(eq("status", s("open")), "total", cond(ComparisonOperator.GE, n(10)))).scanIndexForward(false)).items()))
                .containsExactly("o1", "o2");

        // an update that moves the index keys moves the entries; one that removes a key attribute drops the entry
        client.updateItem(b -> b.tableName("orders").key(Map.of("customer", s("c1"), "id", s("o2")))
                .attributeUpdates(Map.of("status", AttributeValueUpdate.builder().action(AttributeAction.PUT).value(s("closed")).build(),
                        "total", AttributeValueUpdate.builder().action(AttributeAction.PUT).value(n(40)).build())));
        client.updateItem(b -> b.tableName("orders").key(Map.of("customer", s("c1"), "id", s("o1")))
                .attributeUpdates(Map.of("region", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build())));
        assertThat(ids(query(b -> b.indexName("by-status").keyConditions(eq("status", s("open")))).items())).containsExactly("o4", "o1");
        assertThat(ids(query(b -> b.indexName("by-status").keyConditions(eq("status", s("closed")))).items())).containsExactly("o2");
        assertThat(ids(query(b -> b.indexName("by-total").keyConditions(eq("customer", s("c1")))).items())).containsExactly("o3", "o1", "o2");
        assertThat(query(b -> b.indexName("by-region").keyConditions(eq("region", s("eu")))).count()).isZero();

        // a put that replaces an item replaces its entries; a delete removes them
        put(item("customer", "c1", "id", "o1", "total", 1, "status", "closed"));
        client.deleteItem(b -> b.tableName("orders").key(Map.of("customer", s("c2"), "id", s("o4"))));
        assertThat(query(b -> b.indexName("by-status").keyConditions(eq("status", s("open")))).count()).isZero();
        assertThat(ids(query(b -> b.indexName("by-status").keyConditions(eq("status", s("closed")))).items())).containsExactly("o1", "o2");
        assertThat(ids(query(b -> b.indexName("by-total").keyConditions(eq("customer", s("c1")))).items())).containsExactly("o1", "o3", "o2");
        assertThat(ids(client.scan(b -> b.tableName("orders").indexName("by-status")).items())).containsExactlyInAnyOrder("o1", "o2");
        assertThat(client.scan(b -> b.tableName("orders").indexName("by-region")).items())
                .containsExactly(item("customer", "c1", "id", "o2", "total", 40, "status", "closed", "region", "us"));
    }

    @Test
    void indexEntriesHoldTheirProjection() {
        put(item("customer", "c1", "id", "o1", "total", 30, "status", "open", "note", "n1", "extra", "e1", "region", "eu"));
        assertThat(query(b -> b.indexName("by-total").keyConditions(eq("customer", s("c1")))).items())
                .containsExactly(item("customer", "c1", "id", "o1", "total", 30));
        assertThat(query(b -> b.indexName("by-status").keyConditions(eq("status", s("open")))).items())
                .containsExactly(item("customer", "c1", "id", "o1", "total", 30, "status", "open", "note", "n1"));
        assertThat(query(b -> b.indexName("by-region").keyConditions(eq("region", s("eu"))).select(Select.ALL_ATTRIBUTES)).items().get(0))
                .containsKeys("extra", "note");
        // a local index fetches what it does not hold from the table
        assertThat(query(b -> b.indexName("by-total").keyConditions(eq("customer", s("c1"))).select(Select.ALL_ATTRIBUTES)).items().get(0))
                .containsKeys("extra", "note", "status");
        assertThat(query(b -> b.indexName("by-total").keyConditions(eq("customer", s("c1"))).attributesToGet("extra", "total")).items())
                .containsExactly(item("extra", "e1", "total", 30));
        // a filter on what the index does not hold reads the table item, but the answer stays the index's projection
        QueryResponse filtered = query(b -> b.indexName("by-total").keyConditionExpression("customer = :c").filterExpression("note = :n")
                .expressionAttributeValues(Map.of(":c", s("c1"), ":n", s("n1"))).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertThat(filtered.items()).containsExactly(item("customer", "c1", "id", "o1", "total", 30));
        assertThat(filtered.consumedCapacity().table().capacityUnits()).isEqualTo(0.5);
    }

    @Test
    void indexReadsCostTheirEntriesAndLocalFetchesCostTheirItems() {
        for (int i = 0; i < 3; i++) {
            put(item("customer", "c1", "id", "o" + i, "total", i, "status", "open", "blob", "z".repeat(5000)));
        }
        QueryResponse entries = query(b -> b.indexName("by-total").keyConditions(eq("customer", s("c1")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertThat(entries.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        assertThat(entries.consumedCapacity().table().capacityUnits()).isEqualTo(0.0);
        assertThat(entries.consumedCapacity().localSecondaryIndexes().get("by-total").capacityUnits()).isEqualTo(0.5);

        // each fetched item is a read of its own: 3 items of about 5 KB are 2 units each, plus the index's
        QueryResponse fetched = query(b -> b.indexName("by-total").keyConditions(eq("customer", s("c1"))).select(Select.ALL_ATTRIBUTES)
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertThat(fetched.consumedCapacity().capacityUnits()).isEqualTo(7.0);
        assertThat(fetched.consumedCapacity().table().capacityUnits()).isEqualTo(6.0);
        assertThat(fetched.consumedCapacity().localSecondaryIndexes().get("by-total").capacityUnits()).isEqualTo(1.0);

        QueryResponse global = query(b -> b.indexName("by-status").keyConditions(eq("status", s("open")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertThat(global.consumedCapacity().globalSecondaryIndexes().get("by-status").capacityUnits()).isEqualTo(0.5);
    }

    @Test
    void itemsFetchedForALocalIndexCountTowardTheOneMegabytePage() {
        for (int i = 1; i <= 25; i++) put(item("customer", "big", "id", "o" + i, "total", i, "note", "x".repeat(100_000)));
        QueryResponse first = client.query(b -> b.tableName("orders").indexName("by-total").select(Select.ALL_ATTRIBUTES)
                .keyConditions(eq("customer", s("big"))));
        // about ten items of 100 KB make a page; the index entries alone would have made one page of all 25
        assertThat(first.count()).isBetween(9, 11);
        assertThat(first.hasLastEvaluatedKey()).isTrue();
        int total = 0;
        for (QueryResponse page : client.queryPaginator(b -> b.tableName("orders").indexName("by-total").select(Select.ALL_ATTRIBUTES)
                .keyConditions(eq("customer", s("big"))))) {
            total += page.count();
        }
        assertThat(total).isEqualTo(25);
    }

    @Test
    void indexPagesCarryTheIndexAndTableKeys() {
        for (int i = 0; i < 5; i++) put(item("customer", "c" + i, "id", "o" + i, "total", 7, "status", "open"));
        QueryResponse first = query(b -> b.indexName("by-status").keyConditions(eq("status", s("open"))).limit(2));
        Map<String, AttributeValue> last = first.items().get(1);
        assertThat(first.lastEvaluatedKey()).isEqualTo(Map.of("customer", last.get("customer"), "id", last.get("id"),
                "status", s("open"), "total", n(7)));
        List<String> all = new ArrayList<>(ids(first.items()));
        QueryResponse rest = query(b -> b.indexName("by-status").keyConditions(eq("status", s("open"))).exclusiveStartKey(first.lastEvaluatedKey()));
        all.addAll(ids(rest.items()));
        assertThat(all).containsExactlyInAnyOrder("o0", "o1", "o2", "o3", "o4");
        List<String> paged = new ArrayList<>();
        client.queryPaginator(b -> b.tableName("orders").indexName("by-status").keyConditions(eq("status", s("open"))).limit(1))
                .items().forEach(i -> paged.add(i.get("id").s()));
        assertThat(paged).isEqualTo(all);

        ScanResponse scanned = client.scan(b -> b.tableName("orders").indexName("by-status").limit(3));
        assertThat(scanned.lastEvaluatedKey()).containsOnlyKeys("customer", "id", "status", "total");

        rejects(b -> b.indexName("by-status").keyConditions(eq("status", s("open"))).exclusiveStartKey(Map.of("customer", s("c1"), "id", s("o1"))),
                "The provided starting key is invalid");
        rejects(b -> b.indexName("by-status").keyConditions(eq("status", s("open"))).exclusiveStartKey(Map.of("status", s("open"), "total", s("7"), "customer", s("c1"), "id", s("o1"))),
                "The provided key element does not match the schema");
        rejects(b -> b.indexName("by-status").keyConditions(eq("status", s("open"))).exclusiveStartKey(Map.of("status", s("open"), "total", n(7), "customer", n(1), "id", s("o1"))),
                "The provided starting key is invalid: The provided key element does not match the schema");
    }

    @Test
    void singleItemWritesReportTheirItemCollectionWhenAsked() {
        var put = client.putItem(b -> b.tableName("orders").item(item("customer", "c1", "id", "o1", "total", 3))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        assertThat(put.itemCollectionMetrics().itemCollectionKey()).isEqualTo(Map.of("customer", s("c1")));
        assertThat(put.itemCollectionMetrics().sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
        var update = client.updateItem(b -> b.tableName("orders").key(Map.of("customer", s("c1"), "id", s("o1")))
                .attributeUpdates(Map.of("total", AttributeValueUpdate.builder().action(AttributeAction.PUT).value(n(4)).build()))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        assertThat(update.itemCollectionMetrics().itemCollectionKey()).isEqualTo(Map.of("customer", s("c1")));
        var delete = client.deleteItem(b -> b.tableName("orders").key(Map.of("customer", s("c1"), "id", s("o1")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        assertThat(delete.itemCollectionMetrics().sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
        assertThat(client.putItem(b -> b.tableName("orders").item(item("customer", "c1", "id", "o2"))).itemCollectionMetrics()).isNull();
    }

    @Test
    void indexReadsAreCheckedInTheServicesWords() {
        rejects(b -> b.indexName("by-status").keyConditions(eq("status", s("open"))).consistentRead(true),
                "Consistent reads are not supported on global secondary indexes");
        rejects(b -> b.indexName("by-status").keyConditions(eq("status", s("open"))).select(Select.ALL_ATTRIBUTES),
                "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index by-status because its projection type is not ALL");
        rejects(b -> b.indexName("by-status").keyConditions(eq("status", s("open"))).attributesToGet("note", "extra"),
                "One or more parameter values were invalid: Global secondary index by-status does not project [extra]");
        rejects(b -> b.indexName("by-status").keyConditions(eq("customer", s("c1"))),
                "Query condition missed key schema element: status");
        // an empty string as a key condition's value, in the index's words (a local index's partition key too)
        String emptyIndexKey = "One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
                + "The AttributeValue for a key attribute cannot contain an empty string value. ";
        rejects(b -> b.indexName("by-region").keyConditionExpression("#r = :e").expressionAttributeNames(Map.of("#r", "region"))
                .expressionAttributeValues(Map.of(":e", s(""))), emptyIndexKey + "IndexName: by-region, IndexKey: region");
        rejects(b -> b.indexName("by-total").keyConditions(eq("customer", s(""))), emptyIndexKey + "IndexName: by-total, IndexKey: customer");
        assertThatThrownBy(() -> put(item("customer", "c1", "id", "o1", "total", "thirty")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Type mismatch for Index Key total Expected: N Actual: S IndexName: ");
    }

    private void rejects(Consumer<QueryRequest.Builder> request, String message) {
        assertThatThrownBy(() -> query(request))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage()).startsWith(message));
    }
}
