package io.dynabox.engine.store;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default store: ordered trees in the heap. Nothing survives the process, so there is no
 * metadata to load; the namespace keeps its tables itself.
 */
public final class MemoryStore implements Store {
    private final Map<String, MemoryKeyspace> keyspaces = new ConcurrentHashMap<>();

    @Override
    public Map<String, byte[]> loadTables(String namespace) {
        return Collections.emptyMap();
    }

    /** The namespace holds the live table objects; memory has nothing else to keep. */
    @Override
    public boolean keepsTableMetadata() {
        return false;
    }

    @Override
    public void saveTable(String namespace, String table, byte[] metadata) {}

    @Override
    public void dropTable(String namespace, String table) {
        String prefix = namespace + '\u0000' + table + '\u0000';
        keyspaces.keySet().removeIf(name -> name.startsWith(prefix));
    }

    @Override
    public Keyspace keyspace(String namespace, String table, String index) {
        return keyspaces.computeIfAbsent(name(namespace, table, index), n -> new MemoryKeyspace());
    }

    @Override
    public void dropIndex(String namespace, String table, String index) {
        keyspaces.remove(name(namespace, table, index));
    }

    /**
     * Callers hold the write locks of every table the mutations touch, and readers of a
     * consistent view hold the read locks, so applying in order is all-or-nothing to them.
     */
    @Override
    public void apply(List<Mutation> mutations) {
        for (Mutation m : mutations) ((MemoryKeyspace) m.keyspace()).apply(m);
    }

    @Override
    public void close() {
        keyspaces.clear();
    }

    private static String name(String namespace, String table, String index) {
        return namespace + '\u0000' + table + '\u0000' + (index == null ? "" : index);
    }

    /**
     * Items in a B+tree, for point and ordered reads alike. (A hash map beside it for point
     * reads cost every write more than it saved the reads: three more long-lived objects per
     * item for the collector to copy, and a write to a random place of a large table.)
     */
    private static final class MemoryKeyspace implements Keyspace {
        private final OrderedItems items = new OrderedItems();
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong count = new AtomicLong();

        @Override
        public StoredItem find(byte[] key) {
            return items.find(key);
        }

        @Override
        public Iterator<StoredItem> range(byte[] from, boolean fromInclusive, byte[] to, boolean toInclusive, boolean descending) {
            return items.range(from, fromInclusive, to, toInclusive, descending);
        }

        @Override
        public List<StoredItem> entries() {
            return Arrays.asList(items.snapshot((int) Math.min(Integer.MAX_VALUE - 8, count.get())));
        }

        @Override
        public long itemCount() {
            return count.get();
        }

        @Override
        public long sizeBytes() {
            return bytes.get();
        }

        void apply(Mutation m) {
            long previous = m.item() == null ? items.remove(m.key()) : items.put(m.key(), m.item(), m.size());
            bytes.addAndGet((m.item() == null ? 0 : m.size()) - Math.max(previous, 0));
            count.addAndGet((m.item() == null ? 0 : 1) - (previous < 0 ? 0 : 1));
        }
    }
}
