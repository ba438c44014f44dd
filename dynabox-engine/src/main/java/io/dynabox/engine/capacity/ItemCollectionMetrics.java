package io.dynabox.engine.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.util.Map;

/**
 * Item collection metrics: the service reports them only for tables with local secondary
 * indexes (where an item collection is limited to 10 GB), and only when asked with
 * {@code ReturnItemCollectionMetrics=SIZE}.
 */
public final class ItemCollectionMetrics {
    private static final double BYTES_PER_GB = 1024.0 * 1024 * 1024;

    private ItemCollectionMetrics() {}

    public static boolean wanted(JsonNode request) {
        JsonNode value = request.get("ReturnItemCollectionMetrics");
        return value != null && "SIZE".equals(value.textValue());
    }

    public static boolean applies(Table table) {
        return !table.definition().localIndexes().isEmpty();
    }

    /**
     * The metrics of the collection {@code item} belongs to: its partition key, and the
     * collection's size (its items and local index entries) as a range of whole gigabytes
     * around the stored bytes. Caller holds the table's lock, after the write.
     */
    public static ObjectNode of(Table table, Map<String, AttributeValue> item) {
        String partitionName = table.definition().keySchema().partitionName();
        AttributeValue partition = item.get(partitionName);
        long bytes = ItemWriter.collectionSize(table, ItemWriter.partitionPrefix(table.definition(), item));
        double low = Math.floor(bytes / BYTES_PER_GB);

        ObjectNode metrics = Json.object();
        metrics.putObject("ItemCollectionKey").set(partitionName, AttributeValues.write(partition));
        metrics.putArray("SizeEstimateRangeGB").add(low).add(low + 1);
        return metrics;
    }
}
