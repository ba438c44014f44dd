package io.dynabox.engine.table;

import io.dynabox.engine.feed.Change;
import io.dynabox.engine.feed.FeedSubscriber;
import io.dynabox.engine.store.RecoveryEntry;
import io.dynabox.engine.store.Store;
import io.dynabox.engine.store.StoredItem;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Point-in-time recovery for one table: a log of the table's changes over the recovery
 * period, read from the change feed, each with the item as it was before. The table as it
 * was at a moment T is its items now with every change after T undone, newest first (so
 * no base copy is kept: the live table is the base). The log keeps what the recovery period
 * needs, measured in the engine's clock; a store that keeps it on disk (SQLite) gets each
 * change appended in the background and loses the old ones as they leave the window.
 *
 * <p>Thread safety: the feed calls {@link #committed} under the table's write lock, and
 * readers ({@link #itemsAt}) hold its read lock, so the log and the items agree.
 */
public final class RecoveryLog implements FeedSubscriber {
    // how often (engine time) the changes that left the window are removed from the disk
    private static final long DISK_PRUNE_EVERY_MILLIS = 60_000;

    private final Store store;
    private final String namespaceId;
    private final String tableName;
    private volatile long periodMillis;
    private final ArrayDeque<RecoveryEntry> entries = new ArrayDeque<>();
    private long prunedOnDiskUntil;
    private AutoCloseable subscription;

    RecoveryLog(Store store, String namespaceId, String tableName, int periodDays, List<RecoveryEntry> kept) {
        this.store = store;
        this.namespaceId = namespaceId;
        this.tableName = tableName;
        this.periodMillis = periodDays * 86_400_000L;
        entries.addAll(kept);
    }

    /** A new recovery period, in days: older changes go at the next write. Caller holds the table's write lock. */
    public void period(int days) {
        periodMillis = days * 86_400_000L;
    }

    void listen(Table table) {
        subscription = table.feed().subscribe(this);
    }

    void stop() {
        try {
            if (subscription != null) subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void committed(Table table, List<Change> changes) {
        boolean onDisk = store.keepsRecoveryLog();
        List<RecoveryEntry> added = onDisk ? new ArrayList<>(changes.size()) : null;
        for (Change change : changes) {
            RecoveryEntry entry = new RecoveryEntry(change.timeMillis(), change.key(), change.oldImage(), change.oldSize());
            entries.addLast(entry);
            if (onDisk) added.add(entry);
        }
        if (onDisk) store.appendRecoveryLog(namespaceId, tableName, added);
        prune(changes.get(changes.size() - 1).timeMillis());
    }

    /** Forgets the changes older than the recovery period: nobody can restore to before them. */
    void prune(long nowMillis) {
        long cutoff = nowMillis - periodMillis;
        while (!entries.isEmpty() && entries.peekFirst().timeMillis() < cutoff) entries.pollFirst();
        if (store.keepsRecoveryLog() && cutoff - prunedOnDiskUntil >= DISK_PRUNE_EVERY_MILLIS) {
            store.pruneRecoveryLog(namespaceId, tableName, cutoff);
            prunedOnDiskUntil = cutoff;
        }
    }

    /** Changes kept, for the README's cost figures and tests. */
    public int size() {
        return entries.size();
    }

    /**
     * The table's items as they were at {@code atMillis}: every item now, with each change
     * after that moment undone. Caller holds the table's read lock.
     */
    List<StoredItem> itemsAt(Table table, long atMillis) {
        // the state at T of a key changed since is the old image of its first change after T
        Map<ByteBuffer, RecoveryEntry> firstAfter = new HashMap<>();
        Iterator<RecoveryEntry> newestFirst = entries.descendingIterator();
        while (newestFirst.hasNext()) {
            RecoveryEntry entry = newestFirst.next();
            if (entry.timeMillis() <= atMillis) break;
            firstAfter.put(ByteBuffer.wrap(entry.key()), entry);
        }
        List<StoredItem> now = table.keyspace().entries();
        if (firstAfter.isEmpty()) return now;
        List<StoredItem> then = new ArrayList<>(now.size() + firstAfter.size());
        for (StoredItem item : now) {
            RecoveryEntry undo = firstAfter.remove(ByteBuffer.wrap(item.key()));
            if (undo == null) then.add(item);
            else if (undo.oldImage() != null) then.add(new StoredItem(item.key(), undo.oldImage(), undo.oldSize()));
        }
        // keys deleted since T
        for (RecoveryEntry undo : firstAfter.values()) {
            if (undo.oldImage() != null) then.add(new StoredItem(undo.key(), undo.oldImage(), undo.oldSize()));
        }
        return then;
    }

    /** The table's items as they were at {@code atMillis}, read a page at a time (see {@link ItemsAt}). */
    ItemsAt pagesAt(Table table, long atMillis) {
        return new ItemsAt(table, atMillis);
    }

    /**
     * The table's items as they were at a moment, read a page at a time, each page under the table's read lock
     * and writes allowed between pages, so a reader (an export) never holds the whole table: each page is the
     * keyspace's next items in key order with every change after the moment undone, then, once the keyspace is
     * read, the items deleted since the moment. Held between pages: the first change after the moment of each key
     * not read yet (at most the log's entries after the moment) and the items deleted since.
     */
    public final class ItemsAt {
        private final Table table;
        private final long atMillis;
        // first change after the moment per key past the position; keys at or before it are decided
        private final TreeMap<byte[], RecoveryEntry> firstAfter = new TreeMap<>(Arrays::compareUnsigned);
        private final List<StoredItem> deletedSince = new ArrayList<>();
        private RecoveryEntry newestTaken;
        private byte[] position;
        private boolean finished;

        private ItemsAt(Table table, long atMillis) {
            this.table = table;
            this.atMillis = atMillis;
        }

        /**
         * The items of the next {@code max} keys of the keyspace as they were at the moment (fewer where keys did
         * not exist then), the items deleted since after the last keys; null once everything has been read.
         * Caller holds the table's read lock.
         */
        public List<StoredItem> next(int max) {
            if (finished) return null;
            takeNewChanges();
            List<StoredItem> page = new ArrayList<>(max);
            Iterator<StoredItem> items = table.keyspace().range(position, false, null, false, false);
            int read = 0;
            byte[] last = null;
            while (read < max && items.hasNext()) {
                StoredItem item = items.next();
                read++;
                last = item.key();
                RecoveryEntry undo = firstAfter.remove(item.key());
                if (undo == null) page.add(item);
                else if (undo.oldImage() != null) page.add(new StoredItem(item.key(), undo.oldImage(), undo.oldSize()));
            }
            finished = read < max;
            // keys passed that are no longer in the keyspace: deleted since the moment (or created and deleted since)
            Map<byte[], RecoveryEntry> passed = finished ? firstAfter : firstAfter.headMap(last, true);
            for (RecoveryEntry gone : passed.values()) {
                if (gone.oldImage() != null) deletedSince.add(new StoredItem(gone.key(), gone.oldImage(), gone.oldSize()));
            }
            passed.clear();
            if (last != null) position = last;
            if (finished) page.addAll(deletedSince);
            return page;
        }

        /** Adds the log's entries since the last page: a key past the position not changed since the moment before gets its first change. */
        private void takeNewChanges() {
            List<RecoveryEntry> fresh = new ArrayList<>();
            Iterator<RecoveryEntry> newestFirst = entries.descendingIterator();
            while (newestFirst.hasNext()) {
                RecoveryEntry entry = newestFirst.next();
                if (entry == newestTaken || entry.timeMillis() <= atMillis) break;
                fresh.add(entry);
            }
            newestTaken = entries.peekLast();
            for (int i = fresh.size() - 1; i >= 0; i--) {
                RecoveryEntry entry = fresh.get(i);
                if (position == null || Arrays.compareUnsigned(entry.key(), position) > 0) firstAfter.putIfAbsent(entry.key(), entry);
            }
        }
    }

    /**
     * What changed in {@code [fromMillis, toMillis)}, for incremental exports: each key written
     * in that window, in key order, with its item as it was at the window's start and at its end
     * (null where it did not exist) and when it was last written in the window. A key created
     * and deleted inside the window is left out: it changed nothing between the two moments.
     * Caller holds the table's read lock.
     */
    public List<KeyChange> changesBetween(Table table, long fromMillis, long toMillis) {
        Map<ByteBuffer, KeyChange.Builder> changed = new HashMap<>();
        for (RecoveryEntry entry : entries) {
            ByteBuffer key = ByteBuffer.wrap(entry.key());
            if (entry.timeMillis() < fromMillis) continue;
            KeyChange.Builder seen = changed.get(key);
            if (entry.timeMillis() < toMillis) {
                if (seen == null) changed.put(key, new KeyChange.Builder(entry));
                else seen.lastChangeMillis = entry.timeMillis();
            } else if (seen != null && !seen.endKnown) {
                seen.end = entry.oldImage() == null ? null : new StoredItem(entry.key(), entry.oldImage(), entry.oldSize());
                seen.endKnown = true;
            }
        }
        List<KeyChange> changes = new ArrayList<>(changed.size());
        for (KeyChange.Builder seen : changed.values()) {
            StoredItem end = seen.endKnown ? seen.end : table.keyspace().find(seen.key);
            if (seen.start != null || end != null) changes.add(new KeyChange(seen.key, seen.lastChangeMillis, seen.start, end));
        }
        changes.sort((a, b) -> java.util.Arrays.compareUnsigned(a.key(), b.key()));
        return changes;
    }

    /** One key's change over a window: its item at the start and at the end (null: absent), and its last write's time. */
    public record KeyChange(byte[] key, long lastChangeMillis, StoredItem start, StoredItem end) {
        private static final class Builder {
            final byte[] key;
            final StoredItem start;
            long lastChangeMillis;
            StoredItem end;
            boolean endKnown;

            Builder(RecoveryEntry first) {
                key = first.key();
                start = first.oldImage() == null ? null : new StoredItem(first.key(), first.oldImage(), first.oldSize());
                lastChangeMillis = first.timeMillis();
            }
        }
    }
}
