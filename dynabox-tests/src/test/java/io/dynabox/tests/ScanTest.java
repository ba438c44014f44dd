package io.dynabox.tests;

import static io.dynabox.tests.ReadTables.item;
import static io.dynabox.tests.ReadTables.n;
import static io.dynabox.tests.ReadTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

@ParameterizedClass
@EnumSource(Door.class)
class ScanTest extends DoorTest {
    static final int ITEMS = 2000;

    @BeforeEach
    void open() {
        ReadTables.create(client, "things", "id:S", null, List.of("id:S"), List.of(), List.of());
    }

    private void fill(int count) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) items.add(item("id", "item-" + i, "n", i));
        ReadTables.putAll(client, "things", items);
    }

    private static Set<String> ids(List<Map<String, AttributeValue>> items) {
        Set<String> ids = new HashSet<>();
        for (Map<String, AttributeValue> item : items) ids.add(item.get("id").s());
        return ids;
    }

    @Test
    void paginatorsAndParallelSegmentsReturnEveryItemExactlyOnce() {
        fill(ITEMS);
        List<String> order = new ArrayList<>();
        int pages = 0;
        for (ScanResponse page : client.scanPaginator(b -> b.tableName("things").limit(250))) {
            page.items().forEach(i -> order.add(i.get("id").s()));
            assertThat(page.scannedCount()).isEqualTo(page.count());
            pages++;
        }
        assertThat(order).hasSize(ITEMS);
        assertThat(new HashSet<>(order)).hasSize(ITEMS);
        assertThat(pages).isBetween(8, 9);
        List<String> again = new ArrayList<>();
        client.scanPaginator(b -> b.tableName("things")).items().forEach(i -> again.add(i.get("id").s()));
        assertThat(again).isEqualTo(order);

        // parallel segments partition the same items, page by page
        for (int total : new int[] {1, 3, 7}) {
            Set<String> all = new HashSet<>();
            int sum = 0;
            for (int segment = 0; segment < total; segment++) {
                int seg = segment;
                List<String> ids = new ArrayList<>();
                client.scanPaginator(b -> b.tableName("things").segment(seg).totalSegments(total).limit(97))
                        .items().forEach(i -> ids.add(i.get("id").s()));
                sum += ids.size();
                all.addAll(ids);
                if (total > 1) assertThat(ids.size()).isBetween(ITEMS / total / 2, ITEMS / total * 2);
            }
            assertThat(sum).as("items over %d segments", total).isEqualTo(ITEMS);
            assertThat(all).hasSize(ITEMS);
        }
    }

    @Test
    void aStartKeyMustLieInItsSegment() {
        fill(50);
        ScanResponse first = client.scan(b -> b.tableName("things").segment(0).totalSegments(2).limit(1));
        Map<String, AttributeValue> key = first.lastEvaluatedKey();
        assertThat(client.scan(b -> b.tableName("things").segment(0).totalSegments(2).exclusiveStartKey(key)).count()).isPositive();
        rejects(b -> b.tableName("things").segment(1).totalSegments(2).exclusiveStartKey(key),
                "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: 2 Segment: 1");
    }

    @Test
    void limitSelectAndCapacity() {
        fill(10);
        ScanResponse limited = client.scan(b -> b.tableName("things").limit(4));
        assertThat(limited.count()).isEqualTo(4);
        assertThat(limited.hasLastEvaluatedKey()).isTrue();
        ScanResponse counted = client.scan(b -> b.tableName("things").select(Select.COUNT).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(counted.hasItems()).isFalse();
        assertThat(counted.count()).isEqualTo(10);
        assertThat(counted.scannedCount()).isEqualTo(10);
        assertThat(counted.hasLastEvaluatedKey()).isFalse();
        assertThat(counted.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        ScanResponse named = client.scan(b -> b.tableName("things").attributesToGet("n").consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(named.items()).allSatisfy(i -> assertThat(i).containsOnlyKeys("n"));
        assertThat(named.consumedCapacity().capacityUnits()).isEqualTo(1.0);
        // a Limit that ends exactly on the last stored item still gives a LastEvaluatedKey; the next page is empty
        ScanResponse whole = client.scan(b -> b.tableName("things").limit(10));
        assertThat(whole.count()).isEqualTo(10);
        assertThat(whole.hasLastEvaluatedKey()).isTrue();
        ScanResponse after = client.scan(b -> b.tableName("things").exclusiveStartKey(whole.lastEvaluatedKey()));
        assertThat(after.count()).isZero();
        assertThat(after.hasItems()).isTrue();
        assertThat(after.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void aStartKeyResumesAfterItsItemIsDeleted() {
        fill(20);
        ScanResponse first = client.scan(b -> b.tableName("things").limit(5));
        client.deleteItem(b -> b.tableName("things").key(first.lastEvaluatedKey()));
        ScanResponse rest = client.scan(b -> b.tableName("things").exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(rest.count()).isEqualTo(15);
        Set<String> seen = ids(first.items());
        seen.addAll(ids(rest.items()));
        assertThat(seen).hasSize(20);
    }

    @Test
    void requestsAreCheckedInTheServicesWords() {
        rejects(b -> b.tableName("things").segment(1),
                "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        rejects(b -> b.tableName("things").totalSegments(2),
                "The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        rejects(b -> b.tableName("things").segment(3).totalSegments(3),
                "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 3 is not less than TotalSegments: 3");
        rejects(b -> b.tableName("things").exclusiveStartKey(Map.of("id", n(1))),
                "The provided starting key is invalid: The provided key element does not match the schema");
        rejects(b -> b.tableName("things").exclusiveStartKey(Map.of("id", s("a"), "x", s("b"))),
                "The provided starting key is invalid: The provided key element does not match the schema");
        rejects(b -> b.tableName("things").exclusiveStartKey(Map.of("id", s(""))),
                "The provided starting key is invalid: One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id");
        rejects(b -> b.tableName("things").select(Select.ALL_PROJECTED_ATTRIBUTES),
                "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        rejects(b -> b.tableName("things").indexName("nope"), "The table does not have the specified index: nope");
    }

    private void rejects(Consumer<ScanRequest.Builder> request, String message) {
        assertThatThrownBy(() -> client.scan(request))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage()).startsWith(message));
    }
}
