package io.dynabox.tests.items;

import static io.dynabox.tests.items.ItemFixtures.item;
import static io.dynabox.tests.items.ItemFixtures.n;
import static io.dynabox.tests.items.ItemFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.tests.Door;
import io.dynabox.tests.DoorTest;
import io.dynabox.tests.Tables;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/** ConsumedCapacity of the single-item actions: when it appears, its shape, and its units, index writes included. */
@ParameterizedClass
@EnumSource(Door.class)
class ItemCapacityTest extends DoorTest {
    @BeforeEach
    void open() {
        Tables.hash(client, "plain");
        ItemFixtures.createIndexedTable(client, "indexed");
    }

    /** An item of exactly {@code bytes} bytes on the plain table: pk "k" (3 bytes) and p (1 byte of name). */
    private static Map<String, AttributeValue> sized(int bytes) {
        return item("pk", s("k"), "p", s("x".repeat(bytes - 4)));
    }

    private ConsumedCapacity put(String table, Map<String, AttributeValue> item, ReturnConsumedCapacity detail) {
        return client.putItem(b -> b.tableName(table).item(item).returnConsumedCapacity(detail)).consumedCapacity();
    }

    private ConsumedCapacity get(boolean consistent) {
        return client.getItem(b -> b.tableName("plain").key(Map.of("pk", s("k"))).consistentRead(consistent)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    }

    @Test
    void capacityIsReportedOnlyWhenAskedFor() {
        assertThat(put("plain", sized(10), null)).isNull();
        assertThat(put("plain", sized(10), ReturnConsumedCapacity.NONE)).isNull();
        assertThat(client.getItem(b -> b.tableName("plain").key(Map.of("pk", s("k")))).consumedCapacity()).isNull();
        ConsumedCapacity total = put("plain", sized(10), ReturnConsumedCapacity.TOTAL);
        assertThat(total).isEqualTo(ConsumedCapacity.builder().tableName("plain").capacityUnits(1.0).build());
        ConsumedCapacity indexes = put("plain", sized(10), ReturnConsumedCapacity.INDEXES);
        assertThat(indexes.tableName()).isEqualTo("plain");
        assertThat(indexes.capacityUnits()).isEqualTo(1.0);
        assertThat(indexes.table().capacityUnits()).isEqualTo(1.0);
        assertThat(indexes.table().readCapacityUnits()).isNull();
        assertThat(indexes.writeCapacityUnits()).isNull();
        assertThat(indexes.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(indexes.hasLocalSecondaryIndexes()).isFalse();
        ConsumedCapacity read = client.getItem(b -> b.tableName("plain").key(Map.of("pk", s("k")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(read.capacityUnits()).isEqualTo(0.5);
        assertThat(read.table().capacityUnits()).isEqualTo(0.5);
        assertThat(read.hasGlobalSecondaryIndexes()).isFalse();
    }

    @Test
    void readsCostOneUnitPer4KilobytesHalvedWhenEventuallyConsistent() {
        assertThat(get(true).capacityUnits()).isEqualTo(1.0); // a miss costs the minimum
        assertThat(get(false).capacityUnits()).isEqualTo(0.5);
        put("plain", sized(4096), null);
        assertThat(get(true).capacityUnits()).isEqualTo(1.0);
        assertThat(get(false).capacityUnits()).isEqualTo(0.5);
        put("plain", sized(4097), null);
        assertThat(get(true).capacityUnits()).isEqualTo(2.0);
        assertThat(get(false).capacityUnits()).isEqualTo(1.0);
        // the whole item counts, whatever is projected
        assertThat(client.getItem(b -> b.tableName("plain").key(Map.of("pk", s("k"))).attributesToGet("pk").consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(2.0);
        put("plain", sized(409_600), null);
        assertThat(get(true).capacityUnits()).isEqualTo(100.0);
    }

    @Test
    void writesCostOneUnitPerKilobyteOfTheLargerOfOldAndNew() {
        assertThat(put("plain", sized(1024), ReturnConsumedCapacity.TOTAL).capacityUnits()).isEqualTo(1.0);
        assertThat(put("plain", sized(1025), ReturnConsumedCapacity.TOTAL).capacityUnits()).isEqualTo(2.0);
        // replacing a 1025-byte item by a small one still costs the old size
        assertThat(put("plain", sized(10), ReturnConsumedCapacity.TOTAL).capacityUnits()).isEqualTo(2.0);
        assertThat(put("plain", sized(10), ReturnConsumedCapacity.TOTAL).capacityUnits()).isEqualTo(1.0);
        ConsumedCapacity update = client.updateItem(b -> b.tableName("plain").key(Map.of("pk", s("k")))
                .attributeUpdates(Map.of("q", AttributeValueUpdate.builder().action(AttributeAction.PUT).value(s("y".repeat(1100))).build()))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertThat(update.capacityUnits()).isEqualTo(2.0);
        assertThat(client.deleteItem(b -> b.tableName("plain").key(Map.of("pk", s("k"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity().capacityUnits()).isEqualTo(2.0);
        // deleting what is not there costs one unit
        assertThat(client.deleteItem(b -> b.tableName("plain").key(Map.of("pk", s("k"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity().capacityUnits()).isEqualTo(1.0);
        put("plain", sized(3000), null);
        assertThat(client.deleteItem(b -> b.tableName("plain").key(Map.of("pk", s("k"))).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
                .consumedCapacity().table().capacityUnits()).isEqualTo(3.0);
    }

    private static Map<String, Double> units(Map<String, software.amazon.awssdk.services.dynamodb.model.Capacity> arm) {
        Map<String, Double> units = new java.util.TreeMap<>();
        arm.forEach((index, capacity) -> units.put(index, capacity.capacityUnits()));
        return units;
    }

    @Test
    void indexWritesAreChargedPerIndexWhoseEntryChanges() {
        AttributeValue bin = AttributeValue.fromB(SdkBytes.fromUtf8String("r"));
        // a new item in gsi1 (g), gsi2 (h, r), lsi1 (l) and lsi2 (m)
        ConsumedCapacity created = put("indexed", item("pk", s("a"), "sk", s("b"), "g", s("g1"), "h", n("1"), "r", bin, "l", s("l1"), "m", n("1"),
                "x", s("x1")), ReturnConsumedCapacity.INDEXES);
        assertThat(created.tableName()).isEqualTo("indexed");
        assertThat(created.table().capacityUnits()).isEqualTo(1.0);
        assertThat(units(created.globalSecondaryIndexes())).isEqualTo(Map.of("gsi1", 1.0, "gsi2", 1.0));
        assertThat(units(created.localSecondaryIndexes())).isEqualTo(Map.of("lsi1", 1.0, "lsi2", 1.0));
        assertThat(created.capacityUnits()).isEqualTo(5.0);

        // an identical overwrite costs the indexes nothing
        ConsumedCapacity same = put("indexed", item("pk", s("a"), "sk", s("b"), "g", s("g1"), "h", n("1"), "r", bin, "l", s("l1"), "m", n("1"),
                "x", s("x1")), ReturnConsumedCapacity.INDEXES);
        assertThat(same.capacityUnits()).isEqualTo(1.0);
        assertThat(same.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(same.hasLocalSecondaryIndexes()).isFalse();

        // a non-key attribute changes: only the ALL-projected indexes rewrite their entries
        ConsumedCapacity projected = put("indexed", item("pk", s("a"), "sk", s("b"), "g", s("g1"), "h", n("1"), "r", bin, "l", s("l1"), "m", n("1"),
                "x", s("x2")), ReturnConsumedCapacity.INDEXES);
        assertThat(units(projected.globalSecondaryIndexes())).isEqualTo(Map.of("gsi1", 1.0));
        assertThat(units(projected.localSecondaryIndexes())).isEqualTo(Map.of("lsi2", 1.0));
        assertThat(projected.capacityUnits()).isEqualTo(3.0);

        // an index key changes: delete and insert, two writes; the ALL-projected indexes see h change too
        ConsumedCapacity moved = client.updateItem(b -> b.tableName("indexed").key(item("pk", s("a"), "sk", s("b")))
                .attributeUpdates(Map.of("h", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("1")).build()))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(units(moved.globalSecondaryIndexes())).isEqualTo(Map.of("gsi1", 1.0, "gsi2", 2.0));
        assertThat(units(moved.localSecondaryIndexes())).isEqualTo(Map.of("lsi2", 1.0));
        assertThat(moved.capacityUnits()).isEqualTo(5.0);

        // TOTAL folds the index writes in, without arms
        ConsumedCapacity total = put("indexed", item("pk", s("a"), "sk", s("b"), "x", s("x3")), ReturnConsumedCapacity.TOTAL);
        assertThat(total.capacityUnits()).isEqualTo(1.0 + 4 * 1.0); // four entries deleted (the item left every index)
        assertThat(total.table()).isNull();
        assertThat(total.hasGlobalSecondaryIndexes()).isFalse();

        // a sparse item costs the indexes nothing; deleting costs one write per index the item was in
        put("indexed", item("pk", s("a"), "sk", s("b"), "g", s("g1")), null);
        ConsumedCapacity deleted = client.deleteItem(b -> b.tableName("indexed").key(item("pk", s("a"), "sk", s("b")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(units(deleted.globalSecondaryIndexes())).isEqualTo(Map.of("gsi1", 1.0));
        assertThat(deleted.hasLocalSecondaryIndexes()).isFalse();
        assertThat(deleted.capacityUnits()).isEqualTo(2.0);
    }

    @Test
    void indexWritesAreSizedByTheProjectedEntry() {
        String big = "y".repeat(2000);
        ConsumedCapacity created = put("indexed", item("pk", s("a"), "sk", s("b"), "g", s("g1"), "l", s("l1"), "big", s(big)),
                ReturnConsumedCapacity.INDEXES);
        assertThat(created.table().capacityUnits()).isEqualTo(2.0);
        assertThat(units(created.globalSecondaryIndexes())).isEqualTo(Map.of("gsi1", 2.0)); // ALL: the whole item
        assertThat(units(created.localSecondaryIndexes())).isEqualTo(Map.of("lsi1", 1.0)); // KEYS_ONLY: the keys
        assertThat(created.capacityUnits()).isEqualTo(5.0);
    }
}
