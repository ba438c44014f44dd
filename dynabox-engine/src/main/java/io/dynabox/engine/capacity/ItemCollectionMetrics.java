package io.dynabox.engine.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
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
     * collection's size as a range of whole gigabytes around the stored bytes. Caller holds
     * the table's lock, after the write.
     */
    public static ObjectNode of(Table table, Map<String, AttributeValue> item) {
        String partitionName = table.definition().keySchema().partitionName();
        AttributeValue partition = item.get(partitionName);
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        KeyCodec.writePartition(prefix, partition);
        byte[] from = prefix.toByteArray();
        long bytes = 0;
        Iterator<StoredItem> items = table.keyspace().range(from, true, KeyCodec.successorOfPrefix(from), false, false);
        while (items.hasNext()) bytes += items.next().size();
        double low = Math.floor(bytes / BYTES_PER_GB);

        ObjectNode metrics = Json.object();
        metrics.putObject("ItemCollectionKey").set(partitionName, AttributeValues.write(partition));
        metrics.putArray("SizeEstimateRangeGB").add(low).add(low + 1);
        return metrics;
    }
}
