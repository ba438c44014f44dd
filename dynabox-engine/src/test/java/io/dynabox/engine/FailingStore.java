package io.dynabox.engine;

import io.dynabox.engine.store.Keyspace;
import io.dynabox.engine.store.MemoryStore;
import io.dynabox.engine.store.Mutation;
import io.dynabox.engine.store.Store;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A memory store whose writes fail while {@code failing} is set, as a broken disk would: every
 * write, or with {@link #onlyTable} only the writes to that table's items.
 */
final class FailingStore implements Store {
    final MemoryStore delegate = new MemoryStore();
    final AtomicBoolean failing = new AtomicBoolean();
    private final String onlyTable;
    private final Set<Keyspace> failingKeyspaces = ConcurrentHashMap.newKeySet();

    FailingStore() {
        this(null);
    }

    private FailingStore(String onlyTable) {
        this.onlyTable = onlyTable;
    }

    /** A store whose writes fail, while {@code failing} is set, for the items of tables named {@code table} only. */
    static FailingStore onlyTable(String table) {
        return new FailingStore(table);
    }

    @Override public Map<String, byte[]> loadTables(String namespace) { return delegate.loadTables(namespace); }
    @Override public boolean keepsTableMetadata() { return delegate.keepsTableMetadata(); }
    @Override public void saveTable(String namespace, String table, byte[] metadata) { delegate.saveTable(namespace, table, metadata); }
    @Override public void dropTable(String namespace, String table) { delegate.dropTable(namespace, table); }
    @Override public void dropIndex(String namespace, String table, String index) { delegate.dropIndex(namespace, table, index); }
    @Override public void close() { delegate.close(); }

    @Override
    public Keyspace keyspace(String namespace, String table, String index) {
        Keyspace keyspace = delegate.keyspace(namespace, table, index);
        if (table.equals(onlyTable)) failingKeyspaces.add(keyspace);
        return keyspace;
    }

    @Override
    public void apply(List<Mutation> mutations) {
        if (failing.get() && (onlyTable == null || mutations.stream().anyMatch(m -> failingKeyspaces.contains(m.keyspace())))) {
            throw new IllegalStateException("disk on fire");
        }
        delegate.apply(mutations);
    }
}
