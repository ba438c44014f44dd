package io.dynabox.engine.store;

import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A table's or an index's rows in a {@link SqliteFile}, seen through an overlay of the
 * writes applied but not yet committed: reads look in the overlay first, then in the file.
 * The committer removes an overlay entry once the same write is on disk. Item count and
 * size are kept in memory, counted from the file when the keyspace opens.
 */
final class SqliteKeyspace implements Keyspace {
    /** Rows read from the file per step of a range read; the overlay is merged into each step. */
    static final int CHUNK = 256;

    private final SqliteFile file;
    private final String table;
    private final String index;
    private final ConcurrentSkipListMap<byte[], Pending> pending = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean dropped;

    SqliteKeyspace(SqliteFile file, String table, String index) {
        this.file = file;
        this.table = table;
        this.index = index;
        recount();
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
        pending.clear();
    }

    @Override
    public Map<String, AttributeValue> get(byte[] key) {
        Pending p = pending.get(key);
        if (p != null) return p.item;
        if (dropped) return null;
        return file.read(reader -> {
            PreparedStatement s = reader.statement("SELECT item FROM items WHERE table_name = ? AND index_name = ? AND key = ?");
            s.setString(1, table);
            s.setString(2, index);
            s.setBytes(3, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? parse(rs.getString(1)) : null;
            }
        });
    }

    @Override
    public Iterator<StoredItem> range(byte[] from, boolean fromInclusive, byte[] to, boolean toInclusive, boolean descending) {
        return new RangeIterator(from, fromInclusive, to, toInclusive, descending);
    }

    @Override
    public long itemCount() {
        return count.get();
    }

    @Override
    public long sizeBytes() {
        return bytes.get();
    }

    // ---- writing: prepare (no lock), expose (under the file's apply lock), committed (by the committer) ----

    /** The write of one mutation, with its JSON made and the previous size known. */
    Write prepare(Mutation m) {
        String json = m.item() == null ? null : new String(Json.write(AttributeValues.writeItem(m.item())), StandardCharsets.UTF_8);
        return new Write(this, m.key(), json, m.size(), new Pending(m.item(), m.size()), previousSize(m.key()));
    }

    /** The size stored under the key before this write, or -1 if none. The caller holds the table's write lock. */
    private long previousSize(byte[] key) {
        Pending p = pending.get(key);
        if (p != null) return p.item == null ? -1 : p.size;
        if (dropped) return -1;
        return file.read(reader -> {
            PreparedStatement s = reader.statement("SELECT size FROM items WHERE table_name = ? AND index_name = ? AND key = ?");
            s.setString(1, table);
            s.setString(2, index);
            s.setBytes(3, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1L;
            }
        });
    }

    void expose(Write write) {
        pending.put(write.key, write.pending);
        boolean present = write.item != null;
        boolean wasPresent = write.previousSize >= 0;
        count.addAndGet((present ? 1 : 0) - (wasPresent ? 1 : 0));
        bytes.addAndGet((present ? write.size : 0) - (wasPresent ? write.previousSize : 0));
    }

    void committed(Write write) {
        pending.remove(write.key, write.pending); // unless a later write replaced it
    }

    /** After a failed commit: forget every uncommitted write; what the file holds is the truth again. */
    void withdrawUncommitted() {
        pending.clear();
        if (!dropped) recount();
    }

    private void recount() {
        file.read(reader -> {
            PreparedStatement s = reader.statement("SELECT count(*), total(size) FROM items WHERE table_name = ? AND index_name = ?");
            s.setString(1, table);
            s.setString(2, index);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                count.set(rs.getLong(1));
                bytes.set((long) rs.getDouble(2));
            }
            return null;
        });
    }

    private static Map<String, AttributeValue> parse(String json) {
        try {
            return AttributeValues.readItem(Json.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored item is not valid JSON", e);
        }
    }

    /** An overlay entry: an item, or a deletion (null item). Compared by identity. */
    static final class Pending {
        final Map<String, AttributeValue> item;
        final long size;

        Pending(Map<String, AttributeValue> item, long size) {
            this.item = item;
            this.size = size;
        }
    }

    /** One row to write (item JSON) or delete (item null). */
    record Write(SqliteKeyspace keyspace, byte[] key, String item, long size, Pending pending, long previousSize) {
    }

    /**
     * Reads the range in steps of {@link #CHUNK} rows. Each step copies the overlay's part of
     * the remaining range before reading the file, so a write committed (and removed from
     * the overlay) in between is still seen; overlay entries win over rows of the same key.
     */
    private final class RangeIterator implements Iterator<StoredItem> {
        private byte[] from;
        private boolean fromInclusive;
        private byte[] to;
        private boolean toInclusive;
        private final boolean descending;
        private final ArrayDeque<StoredItem> buffer = new ArrayDeque<>();
        private boolean exhausted;

        RangeIterator(byte[] from, boolean fromInclusive, byte[] to, boolean toInclusive, boolean descending) {
            this.from = from;
            this.fromInclusive = fromInclusive;
            this.to = to;
            this.toInclusive = toInclusive;
            this.descending = descending;
        }

        @Override
        public boolean hasNext() {
            while (buffer.isEmpty() && !exhausted) fill();
            return !buffer.isEmpty();
        }

        @Override
        public StoredItem next() {
            if (!hasNext()) throw new NoSuchElementException();
            return buffer.poll();
        }

        private void fill() {
            if (from != null && to != null) {
                int c = Arrays.compareUnsigned(from, to);
                if (c > 0 || (c == 0 && !(fromInclusive && toInclusive))) {
                    exhausted = true;
                    return;
                }
            }
            List<Map.Entry<byte[], Pending>> overlay = new ArrayList<>(overlay().entrySet());
            List<StoredItem> rows = dropped ? List.of() : readRows();
            boolean more = rows.size() == CHUNK;
            byte[] limit = more ? rows.get(rows.size() - 1).key() : null;
            int i = 0;
            int j = 0;
            while (i < rows.size() || j < overlay.size()) {
                Map.Entry<byte[], Pending> o = j < overlay.size() ? overlay.get(j) : null;
                if (o != null && limit != null && beyond(o.getKey(), limit)) o = null;
                StoredItem row = i < rows.size() ? rows.get(i) : null;
                if (row == null && o == null) break;
                int order = row == null ? 1 : o == null ? -1 : compare(row.key(), o.getKey());
                if (order < 0) {
                    buffer.add(row);
                    i++;
                } else {
                    if (o.getValue().item != null) buffer.add(new StoredItem(o.getKey(), o.getValue().item, o.getValue().size));
                    j++;
                    if (order == 0) i++;
                }
            }
            if (!more) {
                exhausted = true;
            } else if (descending) {
                to = limit;
                toInclusive = false;
            } else {
                from = limit;
                fromInclusive = false;
            }
        }

        /** Order of two keys in the direction of iteration. */
        private int compare(byte[] a, byte[] b) {
            int c = Arrays.compareUnsigned(a, b);
            return descending ? -c : c;
        }

        private boolean beyond(byte[] key, byte[] limit) {
            return compare(key, limit) > 0;
        }

        private NavigableMap<byte[], Pending> overlay() {
            NavigableMap<byte[], Pending> view = pending;
            if (from != null && to != null) view = view.subMap(from, fromInclusive, to, toInclusive);
            else if (from != null) view = view.tailMap(from, fromInclusive);
            else if (to != null) view = view.headMap(to, toInclusive);
            return descending ? view.descendingMap() : view;
        }

        private List<StoredItem> readRows() {
            StringBuilder sql = new StringBuilder("SELECT key, item, size FROM items WHERE table_name = ? AND index_name = ?");
            if (from != null) sql.append(fromInclusive ? " AND key >= ?" : " AND key > ?");
            if (to != null) sql.append(toInclusive ? " AND key <= ?" : " AND key < ?");
            sql.append(descending ? " ORDER BY key DESC" : " ORDER BY key").append(" LIMIT ").append(CHUNK);
            return file.read(reader -> {
                PreparedStatement s = reader.statement(sql.toString());
                int p = 1;
                s.setString(p++, table);
                s.setString(p++, index);
                if (from != null) s.setBytes(p++, from);
                if (to != null) s.setBytes(p, to);
                List<StoredItem> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) rows.add(new StoredItem(rs.getBytes(1), parse(rs.getString(2)), rs.getLong(3)));
                }
                return rows;
            });
        }
    }
}
