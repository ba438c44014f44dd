package io.dynabox.engine.store;

import io.dynabox.engine.value.AttributeValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Items ordered by their encoded key, compared as unsigned bytes. */
public interface Keyspace {

    /** The entry stored under the key (with its size, so reads need not measure it again), or null. */
    StoredItem find(byte[] key);

    /** The item stored under the key, or null. */
    default Map<String, AttributeValue> get(byte[] key) {
        StoredItem stored = find(key);
        return stored == null ? null : stored.item();
    }

    /**
     * Entries with keys between the bounds, in ascending or descending key order. A null
     * bound is open. The iterator is weakly consistent: callers that need a stable view
     * hold the table's read lock.
     */
    Iterator<StoredItem> range(byte[] from, boolean fromInclusive, byte[] to, boolean toInclusive, boolean descending);

    /**
     * Every entry in key order, copied at one moment. Callers hold the table's read lock, so
     * no write of the table is half applied. Stored entries never change, so the copy shares them.
     */
    default List<StoredItem> entries() {
        List<StoredItem> all = new ArrayList<>();
        range(null, false, null, false, false).forEachRemaining(all::add);
        return all;
    }

    long itemCount();

    /** Sum of the sizes of the items held, by DynamoDB's size rules. */
    long sizeBytes();
}
