package io.dynabox.engine.simulation;

import io.dynabox.engine.feed.Change;
import io.dynabox.engine.store.ItemJson;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A table (or one of its indexes) as it was at a moment in the recent past, for an eventually consistent range read
 * (Query, Scan, a PartiQL SELECT): the entries a read of the current keyspace finds, except those of the items changed
 * since, which show as they were then (or not at all, when they did not exist). Every state it shows really existed:
 * the items' old images come from the engine's change feed. An index's entries are derived from those states as the
 * table's writes derive them, so a global index read sees the index lagging its table.
 */
public final class TableAsOf {
    private final Table table;
    private final long seenAt;
    /** For each item (by its stored key) changed since {@code seenAt}: the first change after it, whose old image is the state then. */
    private final Map<ByteBuffer, Change> changedSince;

    TableAsOf(Table table, long seenAt, Map<ByteBuffer, Change> changedSince) {
        this.table = table;
        this.seenAt = seenAt;
        this.changedSince = changedSince;
    }

    /** The moment the read sees, by the engine's clock. */
    public long seenAt() {
        return seenAt;
    }

    /** How many items show otherwise than they are now. */
    public int itemsChanged() {
        return changedSince.size();
    }

    /**
     * The entries of the table ({@code indexName} null) or index between {@code from} ({@code fromInclusive}) and
     * {@code to} (exclusive; nulls are open), in key order or its reverse, as they were: {@code current} (the
     * keyspace's range) without the changed items' entries, merged with the entries those items had then.
     */
    public Iterator<StoredItem> overlay(Iterator<StoredItem> current, String indexName, byte[] from, boolean fromInclusive, byte[] to,
                                        boolean descending) {
        IndexDefinition index = indexName == null ? null : table.definition().index(indexName);
        List<StoredItem> past = new ArrayList<>();
        for (Change change : changedSince.values()) {
            if (change.oldImage() == null) continue; // the item did not exist then
            StoredItem entry = index == null ? new StoredItem(change.key(), change.oldImage(), change.oldSize()) : indexEntry(index, change.oldImage());
            if (entry != null && inside(entry.key(), from, fromInclusive, to)) past.add(entry);
        }
        Comparator<byte[]> order = descending ? (a, b) -> Arrays.compareUnsigned(b, a) : Arrays::compareUnsigned;
        past.sort((a, b) -> order.compare(a.key(), b.key()));
        return new Merged(new Skipping(current, index), past.iterator(), order);
    }

    /** The table's item of stored key {@code key} as it was then: {@code current} unless it changed since (then its old image, or none). */
    public StoredItem item(byte[] key, StoredItem current) {
        Change change = changedSince.get(ByteBuffer.wrap(key));
        if (change == null) return current;
        return change.oldImage() == null ? null : new StoredItem(change.key(), change.oldImage(), change.oldSize());
    }

    /** The entry an item's state gives the index (its key, its projected attributes), or null when the item is not in it. */
    private StoredItem indexEntry(IndexDefinition index, byte[] image) {
        Map<String, AttributeValue> item = ItemJson.decode(image);
        byte[] key = table.encodeIndexKey(index, item);
        if (key == null) return null;
        Map<String, AttributeValue> projected = ItemWriter.project(table.definition(), index, item);
        return new StoredItem(key, ItemJson.encode(projected), ItemSize.of(projected));
    }

    private static boolean inside(byte[] key, byte[] from, boolean fromInclusive, byte[] to) {
        if (from != null) {
            int c = Arrays.compareUnsigned(key, from);
            if (c < 0 || (c == 0 && !fromInclusive)) return false;
        }
        return to == null || Arrays.compareUnsigned(key, to) < 0;
    }

    /** The current entries, less those of the items changed since (their past entries take their place). */
    private final class Skipping implements Iterator<StoredItem> {
        private final Iterator<StoredItem> current;
        private final IndexDefinition index;
        private StoredItem next;

        Skipping(Iterator<StoredItem> current, IndexDefinition index) {
            this.current = current;
            this.index = index;
        }

        @Override
        public boolean hasNext() {
            while (next == null && current.hasNext()) {
                StoredItem entry = current.next();
                byte[] itemKey = index == null ? entry.key() : table.encodeKey(entry.item());
                if (!changedSince.containsKey(ByteBuffer.wrap(itemKey))) next = entry;
            }
            return next != null;
        }

        @Override
        public StoredItem next() {
            if (!hasNext()) throw new NoSuchElementException();
            StoredItem entry = next;
            next = null;
            return entry;
        }
    }

    /** Two ordered runs of entries as one. */
    private static final class Merged implements Iterator<StoredItem> {
        private final Iterator<StoredItem> a;
        private final Iterator<StoredItem> b;
        private final Comparator<byte[]> order;
        private StoredItem headA;
        private StoredItem headB;

        Merged(Iterator<StoredItem> a, Iterator<StoredItem> b, Comparator<byte[]> order) {
            this.a = a;
            this.b = b;
            this.order = order;
        }

        @Override
        public boolean hasNext() {
            if (headA == null && a.hasNext()) headA = a.next();
            if (headB == null && b.hasNext()) headB = b.next();
            return headA != null || headB != null;
        }

        @Override
        public StoredItem next() {
            if (!hasNext()) throw new NoSuchElementException();
            StoredItem taken;
            if (headB == null || (headA != null && order.compare(headA.key(), headB.key()) <= 0)) {
                taken = headA;
                headA = null;
            } else {
                taken = headB;
                headB = null;
            }
            return taken;
        }
    }
}
