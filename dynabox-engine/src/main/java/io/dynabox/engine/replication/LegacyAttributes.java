package io.dynabox.engine.replication;

import io.dynabox.engine.store.ItemJson;
import io.dynabox.engine.table.ReplicaGroup;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.DynamoNumber;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes version 2017.11.29 (legacy) of global tables writes into every replicated
 * item, visible to readers (the current version hides them): {@code aws:rep:updateregion} (the
 * region the write was made in), {@code aws:rep:updatetime} (when, in epoch seconds with a
 * fraction; the last writer wins by it) and {@code aws:rep:deleting} (true on a replica's item
 * just before a replicated delete removes it). The source region adds them in a second write
 * after the application's, and ships the item with them.
 */
final class LegacyAttributes {
    static final String DELETING = "aws:rep:deleting";
    static final String UPDATE_REGION = "aws:rep:updateregion";
    static final String UPDATE_TIME = "aws:rep:updatetime";

    private LegacyAttributes() {}

    static boolean legacy(Table table) {
        ReplicaGroup group = table.replicas();
        return group != null && ReplicaGroup.LEGACY.equals(group.version());
    }

    /** The item as the application wrote it, with the attributes of a write made in {@code region} at {@code timeMillis}. */
    static Map<String, AttributeValue> stamped(byte[] image, String region, long timeMillis) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(ItemJson.decode(image));
        item.put(DELETING, new AttributeValue.BOOL(false));
        item.put(UPDATE_REGION, new AttributeValue.S(region));
        item.put(UPDATE_TIME, new AttributeValue.N(DynamoNumber.parse(Math.floorDiv(timeMillis, 1000L) + "."
                + String.format("%03d", Math.floorMod(timeMillis, 1000L)))));
        return item;
    }

    /** A replica's item marked as being deleted by a replicated delete. */
    static Map<String, AttributeValue> markedDeleting(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> marked = new LinkedHashMap<>(item);
        marked.put(DELETING, new AttributeValue.BOOL(true));
        return marked;
    }
}
