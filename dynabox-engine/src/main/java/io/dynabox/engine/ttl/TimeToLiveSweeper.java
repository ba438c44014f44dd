package io.dynabox.engine.ttl;

import io.dynabox.engine.feed.Change;
import io.dynabox.engine.store.ItemJson;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.table.TimeToLive;
import io.dynabox.engine.value.AttributeValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Deletes expired items, as the service's Time to Live does: an item whose TTL attribute is
 * a Number of epoch seconds at or before now (by the engine's clock) is deleted through the
 * one write path ({@link ItemWriter}), so its indexes follow and the change feed shows it as
 * the service's own deletion. Items whose attribute is missing, not a Number, or more than
 * five years in the past are left alone. Until the sweeper gets there, reads still return
 * an expired item.
 *
 * <p>It runs on a thread of its own, every {@code delay}, and walks each table in small
 * chunks: a read lock to find up to {@value #DELETE_BATCH} expired items among
 * {@value #SCAN_BATCH}, then the write lock to delete them (each checked again), so requests
 * wait at most for one chunk. Deletions consume no capacity (no request pays for them).
 *
 * <p>Each sweep also has every namespace forget what the service deletes by itself once its
 * time is over ({@link Namespace#forgetExpired}): the streams of deleted tables after 24 hours,
 * their SYSTEM backups after 35 days.
 */
public final class TimeToLiveSweeper implements AutoCloseable {
    static final int SCAN_BATCH = 256;
    static final int DELETE_BATCH = 32;
    /** The service ignores expiry times more than five years in the past. */
    static final long FAR_PAST_SECONDS = 5L * 365 * 24 * 60 * 60;

    private final Supplier<? extends Iterable<Namespace>> namespaces;
    private final LongSupplier clock;
    private final long periodMillis;
    private final Thread thread;
    private volatile boolean running = true;

    public TimeToLiveSweeper(Supplier<? extends Iterable<Namespace>> namespaces, LongSupplier clock, Duration delay) {
        this.namespaces = namespaces;
        this.clock = clock;
        // a zero delay still leaves the thread a pause between sweeps
        this.periodMillis = Math.max(50, delay.toMillis());
        this.thread = new Thread(this::loop, "dynabox-ttl-sweeper");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(periodMillis);
                sweep();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.getLogger(TimeToLiveSweeper.class.getName()).log(System.Logger.Level.WARNING,
                        "a Time to Live sweep failed; the next one tries again", e);
            }
        }
    }

    /** One sweep of every table with Time to Live enabled, now; returns how many items it deleted. */
    public synchronized int sweep() {
        int deleted = 0;
        for (Namespace namespace : namespaces.get()) {
            long now = clock.getAsLong();
            forgetExpired(namespace, now);
            for (Table table : List.copyOf(namespace.tables(now))) {
                // a global table's expired items are deleted in one region, and the deletions replicated to the others
                if (table.replicas() != null && !table.replicas().deletesExpiredItemsIn(namespace.region(), now)) continue;
                deleted += sweepOrLog(namespace, table);
            }
        }
        return deleted;
    }

    private static void forgetExpired(Namespace namespace, long nowMillis) {
        try {
            namespace.forgetExpired(nowMillis);
        } catch (RuntimeException e) {
            // one namespace's store failing leaves the others' sweeps alone; the next sweep tries again
            System.getLogger(TimeToLiveSweeper.class.getName()).log(System.Logger.Level.WARNING,
                    "the namespace " + namespace.id() + " could not forget what has expired; the next sweep tries again", e);
        }
    }

    /** A table whose sweep fails (its store's write, say) is logged and left for the next sweep; the tables after it are still swept. */
    private int sweepOrLog(Namespace namespace, Table table) {
        try {
            return sweep(table);
        } catch (RuntimeException e) {
            System.getLogger(TimeToLiveSweeper.class.getName()).log(System.Logger.Level.WARNING,
                    "the expired items of table " + table.name() + " in namespace " + namespace.id()
                            + " could not be deleted; the next sweep tries again", e);
            return 0;
        }
    }

    private int sweep(Table table) {
        int deleted = 0;
        byte[] after = null;
        while (running) {
            long now = clock.getAsLong();
            TimeToLive setting = table.timeToLive();
            if (!setting.sweeping(now) || !table.isActive(now)) return deleted;
            String attribute = setting.attributeName();
            long nowSeconds = Math.floorDiv(now, 1000L);
            byte[] from = after;
            Chunk chunk = TableLocks.read(table, () -> expiredAmong(table, from, attribute, nowSeconds));
            if (!chunk.expired.isEmpty()) {
                deleted += TableLocks.write(table, () -> delete(table, chunk.expired, attribute, nowSeconds));
                table.store().awaitDurable();
            }
            if (chunk.last == null) return deleted;
            after = chunk.last;
        }
        return deleted;
    }

    /** The keys of up to DELETE_BATCH expired items among the next SCAN_BATCH after {@code after}, and where the walk stopped (null at the end). */
    private static Chunk expiredAmong(Table table, byte[] after, String attribute, long nowSeconds) {
        Iterator<StoredItem> items = table.keyspace().range(after, false, null, false, false);
        List<byte[]> expired = new ArrayList<>();
        byte[] last = null;
        for (int scanned = 0; scanned < SCAN_BATCH && expired.size() < DELETE_BATCH; scanned++) {
            if (!items.hasNext()) return new Chunk(expired, null);
            StoredItem item = items.next();
            if (expired(item, attribute, nowSeconds)) expired.add(item.key());
            last = item.key();
        }
        return new Chunk(expired, items.hasNext() ? last : null);
    }

    private static int delete(Table table, List<byte[]> keys, String attribute, long nowSeconds) {
        int deleted = 0;
        for (byte[] key : keys) {
            StoredItem stored = table.keyspace().find(key);
            // a write between the chunk's read and now may have given the item a new expiry
            if (stored == null || !expired(stored, attribute, nowSeconds)) continue;
            ItemWriter.apply(table, ItemWriter.plan(table, key, stored, null, null, 0), Change.Origin.TIME_TO_LIVE);
            deleted++;
        }
        return deleted;
    }

    /** A Number of epoch seconds at or before now, and not more than five years before it. */
    static boolean expired(StoredItem item, String attribute, long nowSeconds) {
        Map<String, AttributeValue> found = ItemJson.attributes(item.jsonArray(), item.jsonOffset(), item.jsonLength(), attribute, null);
        if (!(found.get(attribute) instanceof AttributeValue.N number)) return false;
        BigDecimal expiry = number.value().bigDecimal();
        return expiry.compareTo(BigDecimal.valueOf(nowSeconds)) <= 0
                && expiry.compareTo(BigDecimal.valueOf(nowSeconds - FAR_PAST_SECONDS)) >= 0;
    }

    private record Chunk(List<byte[]> expired, byte[] last) {
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
