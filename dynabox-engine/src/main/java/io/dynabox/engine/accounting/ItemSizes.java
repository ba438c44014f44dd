package io.dynabox.engine.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.wire.Json;

/**
 * A histogram of item sizes by DynamoDB's size rules, in fixed buckets: of the items a run
 * wrote (kept from the change feed), or of the items a table holds (counted for a report).
 */
final class ItemSizes {
    /** Bucket upper bounds in bytes; the last ones show items near the 400 KB limit. */
    static final long[] UPPER_BOUNDS = {100, 200, 400, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144,
            358400, 409600};
    /** Items over this many bytes (350 KB) are near the 400 KB item limit. */
    static final long NEAR_LIMIT_BYTES = 358400;

    private final long[] items = new long[UPPER_BOUNDS.length];
    private long count;
    private long bytes;
    private long largest;

    void add(long size) {
        items[bucket(size)]++;
        count++;
        bytes += size;
        largest = Math.max(largest, size);
    }

    static int bucket(long size) {
        for (int i = 0; i < UPPER_BOUNDS.length; i++) if (size <= UPPER_BOUNDS[i]) return i;
        return UPPER_BOUNDS.length - 1;
    }

    long count() {
        return count;
    }

    long largest() {
        return largest;
    }

    /** Items over {@link #NEAR_LIMIT_BYTES}. */
    long nearLimit() {
        return items[UPPER_BOUNDS.length - 1];
    }

    /** The report's form: {items, bytes, largestBytes, averageBytes, buckets: [{upToBytes, items}]}. */
    ObjectNode report() {
        ObjectNode node = Json.object();
        node.put("items", count).put("bytes", bytes).put("largestBytes", largest)
                .put("averageBytes", count == 0 ? 0 : Math.round((double) bytes / count));
        var buckets = node.putArray("buckets");
        for (int i = 0; i < UPPER_BOUNDS.length; i++) buckets.addObject().put("upToBytes", UPPER_BOUNDS[i]).put("items", items[i]);
        return node;
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        var counts = node.putArray("items");
        for (long n : items) counts.add(n);
        node.put("count", count).put("bytes", bytes).put("largest", largest);
        return node;
    }

    static ItemSizes fromJson(JsonNode node) {
        ItemSizes sizes = new ItemSizes();
        JsonNode counts = node.path("items");
        for (int i = 0; i < Math.min(counts.size(), sizes.items.length); i++) sizes.items[i] = counts.get(i).asLong();
        sizes.count = node.path("count").asLong();
        sizes.bytes = node.path("bytes").asLong();
        sizes.largest = node.path("largest").asLong();
        return sizes;
    }
}
