package io.dynabox.engine.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A table's or an index's rows in a {@link SqliteFile}, with all of them in memory as well:
 * a keyspace of a {@link MemoryStore}, loaded from the file when the keyspace opens and
 * changed by every write as it is applied. Reads are answered from memory alone, at the
 * memory store's speed, and never wait for the disk; the file is the durable copy, written
 * behind by the file's committer. A commit that fails is undone in memory too (see
 * {@link #undo}), so what readers see is always the file's content plus the writes still
 * on their way to it.
 */
final class SqliteKeyspace implements Keyspace {
    /** Rows parsed and applied to memory per step while loading. */
    private static final int LOAD_STEP = 1024;

    private final SqliteFile file;
    private final String table;
    private final String index;
    private volatile Keyspace memory;
    private volatile boolean dropped;
    /** The id of each key's row in the file: filled when the keyspace opens, then the committer's alone. */
    final Map<ByteBuffer, Long> rowIds = new HashMap<>();

    SqliteKeyspace(SqliteFile file, String table, String index) {
        this.file = file;
        this.table = table;
        this.index = index;
        this.memory = load();
    }

    SqliteFile file() {
        return file;
    }

    String table() {
        return table;
    }

    String index() {
        return index;
    }

    boolean dropped() {
        return dropped;
    }

    /** The table or index is gone: writes still holding this keyspace vanish with it, as in memory. */
    void drop() {
        dropped = true;
        memory = emptyKeyspace();
    }

    @Override
    public StoredItem find(byte[] key) {
        return memory.find(key);
    }

    @Override
    public Iterator<StoredItem> range(byte[] from, boolean fromInclusive, byte[] to, boolean toInclusive, boolean descending) {
        return memory.range(from, fromInclusive, to, toInclusive, descending);
    }

    @Override
    public List<StoredItem> entries() {
        return memory.entries();
    }

    @Override
    public long itemCount() {
        return memory.itemCount();
    }

    @Override
    public long sizeBytes() {
        return memory.sizeBytes();
    }

    // ---- writing: prepare (before the file's apply lock), expose (under it), undo (after a failed commit) ----

    /** The row of one mutation: its item as DynamoDB JSON (made before the file's apply lock is taken), or a deletion. */
    Write prepare(Mutation m) {
        String json = m.item() == null ? null : new String(m.item(), StandardCharsets.UTF_8);
        return new Write(this, m, json);
    }

    /** The memory side of the write, and what it replaces, to undo it if its commit fails. The caller holds the table's write lock. */
    Mutation expose(Write write) {
        write.previous = stored(write.mutation.key());
        return inMemory(write.mutation);
    }

    /** The memory change that puts back what a write replaced. */
    Mutation undo(Write write) {
        StoredItem previous = write.previous;
        Mutation m = write.mutation;
        return previous == null ? Mutation.delete(memory, m.key()) : Mutation.put(memory, previous);
    }

    private Mutation inMemory(Mutation m) {
        return new Mutation(memory, m.key(), m.item(), m.size());
    }

    private StoredItem stored(byte[] key) {
        if (memory.get(key) == null) return null; // a hash lookup: most writes are of new keys
        Iterator<StoredItem> found = memory.range(key, true, key, true, false);
        return found.hasNext() ? found.next() : null;
    }

    /** Every row of the keyspace, read from the file. */
    private Keyspace load() {
        Keyspace loaded = emptyKeyspace();
        file.read(reader -> {
            PreparedStatement s = reader.statement("SELECT key, item, size, id FROM items WHERE table_name = ? AND index_name = ?");
            s.setString(1, table);
            s.setString(2, index);
            List<Mutation> step = new ArrayList<>(LOAD_STEP);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byte[] key = rs.getBytes(1);
                    step.add(new Mutation(loaded, key, checked(rs.getBytes(2), key), rs.getLong(3)));
                    rowIds.put(ByteBuffer.wrap(key), rs.getLong(4));
                    if (step.size() == LOAD_STEP) {
                        file.memory().apply(step);
                        step.clear();
                    }
                }
            }
            file.memory().apply(step);
            return null;
        });
        return loaded;
    }

    /** A keyspace of its own in the memory store; it is not registered under any name there. */
    private static Keyspace emptyKeyspace() {
        return new MemoryStore().keyspace("", "", null);
    }

    /** The row's item as it is, once it is known to decode: a damaged row is refused when the file opens, not when it is read. */
    private byte[] checked(byte[] json, byte[] key) {
        try {
            ItemJson.decode(json);
            return json;
        } catch (RuntimeException e) {
            throw new StoreException("the database " + file.path() + " is damaged: the row of table '" + table + "'"
                    + (index.isEmpty() ? "" : " index '" + index + "'") + " with key x'" + HexFormat.of().formatHex(key)
                    + "' does not hold an item in DynamoDB JSON (" + SqliteFile.describe(e) + ")", e);
        }
    }

    /** One row to write (item JSON) or delete (item null), and what it replaced in memory. */
    static final class Write {
        final SqliteKeyspace keyspace;
        final Mutation mutation;
        final String item;
        StoredItem previous; // set under the table's write lock, read by the committer after the queue's hand-over

        Write(SqliteKeyspace keyspace, Mutation mutation, String item) {
            this.keyspace = keyspace;
            this.mutation = mutation;
            this.item = item;
        }
    }
}
