package io.dynabox.engine.table;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * All of Dynabox's locking, in one place. Each table has a read-write lock: writes to a
 * table hold its write lock, so single-item writes are atomic and linearizable and
 * readers holding the read lock never see half of a multi-item change (a transaction, or
 * an item with its index entries). Several tables are locked in name order, so two
 * writers never wait on each other in a cycle.
 */
public final class TableLocks {
    private TableLocks() {}

    public static <T> T read(Table table, Supplier<T> action) {
        Lock lock = table.lock.readLock();
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public static <T> T write(Table table, Supplier<T> action) {
        Lock lock = table.lock.writeLock();
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public static <T> T readAll(Collection<Table> tables, Supplier<T> action) {
        return lockAll(tables, false, action);
    }

    public static <T> T writeAll(Collection<Table> tables, Supplier<T> action) {
        return lockAll(tables, true, action);
    }

    private static <T> T lockAll(Collection<Table> tables, boolean write, Supplier<T> action) {
        List<Table> ordered = tables.stream().distinct().sorted(Comparator.comparing(Table::name)).toList();
        int locked = 0;
        try {
            for (Table table : ordered) {
                (write ? table.lock.writeLock() : table.lock.readLock()).lock();
                locked++;
            }
            return action.get();
        } finally {
            for (int i = locked - 1; i >= 0; i--) {
                Table table = ordered.get(i);
                (write ? table.lock.writeLock() : table.lock.readLock()).unlock();
            }
        }
    }
}
