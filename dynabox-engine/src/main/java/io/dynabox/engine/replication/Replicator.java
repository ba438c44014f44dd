package io.dynabox.engine.replication;

import io.dynabox.engine.capacity.CapacityLedger;
import io.dynabox.engine.capacity.CapacityListener;
import io.dynabox.engine.feed.Change;
import io.dynabox.engine.feed.FeedSubscriber;
import io.dynabox.engine.store.Store;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.stream.Stream;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.ReplicaGroup;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.value.ItemSize;
import io.dynabox.engine.value.KeyCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * Global tables' replication: every write to a replica reaches the other replicas of its
 * global table through the change feed, asynchronously, after the replication delay (by the
 * engine's clock), on one background thread. A replica reads its table's feed (one
 * subscription per replica table): the writer only appends its changes to the table's list
 * of unshipped changes, under the table's lock it holds; the replication thread drains that
 * list under the same lock (every poll, and before it applies anything to that table, so a
 * local write always has its version before a shipment is compared with it), versions each
 * change and ships it to the other regions' namespaces of the same access key; a shipment is applied there through {@link ItemWriter}, so the
 * target's indexes, stream and recovery log see it as any write (origin
 * {@link Change.Origin#REPLICATION}, which is not shipped on again).
 *
 * <p>Conflicts: last writer wins, as the service resolves them. Every write of an item gets a
 * version (its engine time, and its region to break ties: the greater region name wins); a
 * replica keeps the version of each item's latest write and applies a shipment only if it is
 * later. A local write is always later than the version it overwrites (its time is moved one
 * millisecond past it if the clock has not), so every replica ends with the same item whatever
 * order shipments arrive in.
 *
 * <p>Tables of a STRONG (multi-Region strong consistency) group are replicated before the
 * request that wrote them answers: the engine calls {@link #settleStrong} after each request.
 *
 * <p>Writes not yet applied in the other replicas survive a kill of the process with a store that
 * outlives it ({@code --db-path}): a replica always has a stream, which the store keeps in commit
 * order with the writes, each change whole (both images, whatever the stream's view type), and the
 * replication thread keeps, per replica table, the sequence through which every write has been applied in every other replica (a
 * document of kind {@value #MARK_KIND}, saved at most every {@value #MARK_EVERY_MILLIS} ms once
 * what it counts is durable). When the table's namespace is loaded again, the writes of its
 * stream after that sequence (its own, not those it received) are shipped again, before any new
 * write of the table, and the item versions of its earlier writes, its own and those it received
 * (whose stream records keep their version), are taken from its stream in commit order, so a write
 * shipped again does not win over a later write it had lost to.
 */
public final class Replicator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Replicator.class.getName());
    // versions older than this (behind the newest shipment possible) are no longer needed once nothing is pending
    private static final long VERSION_KEEP_MILLIS = 1_000;
    private static final int PRUNE_ABOVE = 10_000;
    // how often the replication thread looks for due writes while there are replicas, and while there are none
    private static final long POLL_MILLIS = 2;
    private static final long IDLE_MILLIS = 1_000;
    /** The kind of the documents that keep each replica table's shipped-through sequence. */
    public static final String MARK_KIND = "replication";
    static final long MARK_EVERY_MILLIS = 100;
    private long lastMarkNanos;

    private final BiFunction<String, String, Namespace> namespaces;
    // the regions in which an access key has a namespace (used, or kept by the store)
    private final java.util.function.Function<String, List<String>> regions;
    private final LongSupplier clock;
    private volatile long delayMillis;
    private final PriorityQueue<Shipment> queue = new PriorityQueue<>();
    private final List<Shipment> strongQueue = new ArrayList<>();
    private final AtomicLong shipped = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private int inFlight; // guarded by queue
    // the tables whose changes are shipped, with their subscription
    private final Map<Table, Link> links = new ConcurrentHashMap<>();
    private final Thread worker;
    private volatile boolean running = true;

    /** {@code namespaces} gives the namespace of an access key in a region (loading it on first use). */
    public Replicator(BiFunction<String, String, Namespace> namespaces, java.util.function.Function<String, List<String>> regions,
                      LongSupplier clock, Duration delay) {
        this.namespaces = namespaces;
        this.regions = regions;
        this.clock = clock;
        this.delayMillis = delay.toMillis();
        this.worker = new Thread(this::loop, "dynabox-replication");
        worker.setDaemon(true);
    }

    public void start() {
        worker.start();
    }

    /** The replication delay: how long after a write the other replicas apply it. */
    public Duration delay() {
        return Duration.ofMillis(delayMillis);
    }

    /** Changes the replication delay for writes from now on. */
    public void delay(Duration delay) {
        if (delay.isNegative()) throw new IllegalArgumentException("the replication delay must not be negative");
        delayMillis = delay.toMillis();
    }

    /** Starts shipping the changes of the namespace's replica tables (a namespace just loaded). */
    public void attach(Namespace namespace) {
        for (Table table : namespace.tableMap().values()) {
            if (table.replicas() != null) track(namespace, table);
        }
    }

    /** Ships the table's changes to its other replicas from now on (idempotent). */
    public void track(Namespace namespace, Table table) {
        if (!links.containsKey(table)) {
            // under the table's lock: no write of it commits between the subscription and the look at its stream
            TableLocks.write(table, () -> links.computeIfAbsent(table, t -> link(namespace, t)));
        }
        synchronized (queue) {
            queue.notifyAll(); // from idle to polling
        }
    }

    /**
     * A new link of a replica table: it subscribes to the table's feed and, when the store kept a
     * shipped-through sequence for the table, takes back from its stream the table's own writes
     * after it (shipped first) and, in commit order, the versions of the writes before them and of the
     * writes it received. Caller holds the table's write lock.
     */
    private Link link(Namespace namespace, Table table) {
        Link link = new Link(accessKeyOf(namespace), namespace.region(), namespace.id(), table.store(), table.definition().tableId());
        link.subscription = table.feed().subscribe(new Shipper(link));
        long last = table.feed().lastSequence();
        long marked = markedThrough(table, namespace.id());
        Stream stream = namespace.streams().current(table.definition());
        if (marked >= 0 && stream != null) {
            int shippedAgain = 0;
            for (Change change : stream.changesAfter(0)) {
                if (change.origin() == Change.Origin.REPLICATION) {
                    // a write received (or a legacy stamp), with its version
                    if (change.written() != null) remember(link, change.key(), new Version(change.written().timeMillis(), change.written().region()));
                    continue;
                }
                // an own write: versioned in commit order, as when it was made; shipped again (with that version) if after the mark
                Version version = versionOwn(link, change);
                if (change.sequence() > marked) {
                    link.unshipped.add(change);
                    link.versionedAgain.put(change, version);
                    shippedAgain++;
                }
            }
            link.unshippedSize = link.unshipped.size();
            if (shippedAgain > 0) {
                LOG.log(System.Logger.Level.INFO, shippedAgain + " writes of " + table.name() + " in " + namespace.region()
                        + " not applied in its other replicas when the process stopped are shipped again");
            }
        }
        long through = marked >= 0 ? Math.min(marked, last) : last;
        link.drainedThrough = through;
        saveMark(table.name(), link, through);
        return link;
    }

    /** Keeps {@code version} as the item's latest write's unless a later one is kept. Caller holds the table's write lock. */
    private static void remember(Link link, byte[] key, Version version) {
        ItemKey itemKey = new ItemKey(key);
        LatestWrite latest = link.versions.get(itemKey);
        if (latest == null) link.versions.put(itemKey, new LatestWrite(version));
        else if (latest.version.compareTo(version) < 0) latest.version = version;
    }

    /** The shipped-through sequence the store kept for the table (this table: the same table id), or -1. */
    private static long markedThrough(Table table, String namespaceId) {
        byte[] document = table.store().loadDocuments(namespaceId, MARK_KIND).get(table.name());
        if (document == null) return -1;
        try {
            com.fasterxml.jackson.databind.JsonNode node = io.dynabox.engine.wire.Json.parse(document);
            if (!table.definition().tableId().equals(node.path("tableId").textValue())) return -1;
            return node.get("shippedThrough").longValue();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the replication mark of " + table.name() + " cannot be read: " + e.getMessage());
            return -1;
        }
    }

    private static void saveMark(String tableName, Link link, long through) {
        link.markedThrough = through;
        link.store.saveDocument(link.namespaceId, MARK_KIND, tableName, io.dynabox.engine.wire.Json.write(
                io.dynabox.engine.wire.Json.object().put("tableId", link.tableId).put("shippedThrough", through)));
    }

    /**
     * Saves each replica table's shipped-through sequence where it moved on: every write through
     * it has been applied in every other replica, durably (the replication thread releases a
     * write once its store has committed it). At most every {@value #MARK_EVERY_MILLIS} ms, unless {@code now}.
     */
    private void saveMarks(boolean now) {
        long nanos = System.nanoTime();
        if (!now && nanos - lastMarkNanos < MARK_EVERY_MILLIS * 1_000_000) return;
        lastMarkNanos = nanos;
        links.forEach((table, link) -> {
            long through;
            synchronized (queue) {
                through = link.pending.isEmpty() ? link.drainedThrough : link.pending.firstKey() - 1;
            }
            if (through > link.markedThrough) saveMark(table.name(), link, through);
        });
    }

    /** Stops shipping the table's changes (it left its global table, or was deleted). */
    public void untrack(Table table) {
        Link link = links.remove(table);
        if (link != null) {
            link.store.deleteDocument(link.namespaceId, MARK_KIND, table.name());
            try {
                link.subscription.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "ending a replication subscription failed", e);
            }
        }
    }

    /** The namespace of the same access key in another region. */
    public Namespace peer(Namespace namespace, String region) {
        return namespaces.apply(accessKeyOf(namespace), region);
    }

    /**
     * Applies a setting the service keeps the same in every replica (Time to Live) to the
     * table's other replicas, each under its own write lock. Caller holds no table lock.
     */
    public void applyToPeers(Namespace namespace, Table table, java.util.function.Consumer<Table> change) {
        ReplicaGroup group = table.replicas();
        if (group == null) return;
        long now = clock.getAsLong();
        for (ReplicaGroup.Replica r : group.live(now)) {
            if (r.region().equals(namespace.region()) || !r.receivesAt(now)) continue;
            Table peer = peer(namespace, r.region()).table(table.name(), now);
            if (peer != null) {
                TableLocks.write(peer, () -> {
                    change.accept(peer);
                    return null;
                });
            }
        }
    }

    /** The namespaces of the namespace's access key in every region it has one in, its own first. */
    public List<Namespace> allRegions(Namespace namespace) {
        List<Namespace> all = new ArrayList<>();
        all.add(namespace);
        for (String region : regions.apply(accessKeyOf(namespace))) {
            if (!region.equals(namespace.region())) all.add(peer(namespace, region));
        }
        return all;
    }

    /** The access key part of a namespace id ({@code ACCESSKEY_region}). */
    static String accessKeyOf(Namespace namespace) {
        String id = namespace.id();
        return id.substring(0, id.lastIndexOf('_'));
    }

    /** Writes shipped and not yet applied (or dropped). */
    public int pending() {
        synchronized (queue) {
            return queuedOrUnshipped();
        }
    }

    /** Writes shipped and not yet applied, and writes not yet shipped. Caller holds the queue's monitor. */
    private int queuedOrUnshipped() {
        int unshipped = 0;
        for (Link link : links.values()) unshipped += link.unshippedSize;
        return queue.size() + strongQueue.size() + inFlight + unshipped;
    }

    /** How far the replicas are behind: the engine time since the oldest pending write was made, 0 when caught up. */
    public long lagMillis() {
        drainAll();
        synchronized (queue) {
            long oldest = Long.MAX_VALUE;
            for (Shipment s : queue) oldest = Math.min(oldest, s.madeAt);
            return oldest == Long.MAX_VALUE ? 0 : Math.max(0, clock.getAsLong() - oldest);
        }
    }

    public long shippedCount() {
        return shipped.get();
    }

    public long appliedCount() {
        return applied.get();
    }

    /** Applies every pending write now, whatever the delay; returns how many were applied or dropped. */
    public int flush() {
        drainAll();
        int done = 0;
        while (true) {
            Shipment next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) next = strongQueue.isEmpty() ? null : strongQueue.remove(0);
                if (next == null) return done;
                inFlight++;
            }
            applyAndRelease(next);
            done++;
        }
    }

    /**
     * Waits until every write shipped so far has been applied, for at most {@code timeout}; true
     * when caught up. With a manual clock that stands still, writes wait for the clock to pass
     * their delay: use {@link #flush} (or move the clock).
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (queue) {
            while (queuedOrUnshipped() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                queue.notifyAll();
                queue.wait(Math.max(1, Math.min(20, left / 1_000_000)));
            }
            return true;
        }
    }

    /** Applies, on the calling thread, the writes of STRONG groups shipped so far: before a request's answer goes out. */
    public void settleStrong() {
        if (!hasStrong) return;
        while (true) {
            Shipment next;
            synchronized (queue) {
                if (strongQueue.isEmpty()) {
                    hasStrong = false;
                    return;
                }
                next = strongQueue.remove(0);
                inFlight++;
            }
            applyAndRelease(next);
        }
    }

    private volatile boolean hasStrong;

    private void loop() {
        while (running) {
            Shipment next = null;
            try {
                drainAll();
                synchronized (queue) {
                    Shipment head = queue.peek();
                    long now = clock.getAsLong();
                    if (head != null && head.dueAt <= now) {
                        next = queue.poll();
                        inFlight++;
                    } else {
                        // writers do not wake this thread (a wake-up per write would cost more than the write's
                        // replication): it looks again every POLL_MILLIS while there are replicas, and the engine's
                        // clock may be moved by hand, so it never sleeps until a due time either
                        long wait = links.isEmpty() ? IDLE_MILLIS : head == null ? POLL_MILLIS : Math.max(1, Math.min(POLL_MILLIS, head.dueAt - now));
                        if (head == null && inFlight == 0) queue.notifyAll();
                        queue.wait(wait);
                    }
                }
                if (next != null) applyAndRelease(next);
                else prune();
                saveMarks(false);
            } catch (InterruptedException e) {
                if (!running) return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "replication failed", e);
            }
        }
    }

    private void applyAndRelease(Shipment shipment) {
        try {
            apply(shipment);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "a replicated write to " + shipment.tableName + " in " + shipment.region + " failed", e);
        } finally {
            // the replication thread's own writes count as shipped once durable; another thread's (flush, a STRONG
            // request's) are awaited by that thread's caller, or committed before the store closes
            java.util.concurrent.CompletableFuture<Void> durable = Thread.currentThread() == worker ? shipment.from.store.durable() : null;
            if (durable == null) release(shipment);
            else durable.whenComplete((done, failure) -> {
                if (failure == null) release(shipment); // a write that failed to commit keeps the mark where it is
            });
            synchronized (queue) {
                inFlight--;
                queue.notifyAll();
            }
        }
    }

    /** A write of the source table applied in one replica: counts off its pending shipments. */
    private void release(Shipment shipment) {
        synchronized (queue) {
            shipment.from.pending.computeIfPresent(shipment.sequence, (sequence, count) -> count == 1 ? null : count - 1);
        }
    }

    /** Counts one more pending shipment of the change. Caller holds the queue's monitor. */
    private static void hold(Link from, long sequence) {
        from.pending.merge(sequence, 1, Integer::sum);
    }

    /** Applies one shipped write in its target replica unless a later write of the item is there already. */
    private void apply(Shipment s) {
        long now = clock.getAsLong();
        Namespace target = namespaces.apply(s.accessKey, s.region);
        Table table = target.table(s.tableName, now);
        applied.incrementAndGet();
        if (table == null || table.replicas() == null) return;
        ReplicaGroup.Replica self = table.replicas().replica(s.region, now);
        if (self == null || !self.receivesAt(now)) return;
        track(target, table);
        Link link = links.get(table);
        if (link == null) return;
        if (s.stamp) {
            stampAndShip(target, table, s);
            return;
        }
        List<ItemWriter.PlannedWrite> writes = TableLocks.write(table, () -> {
            drain(table, link); // the table's own writes get their versions first: a shipment is compared with them
            ItemKey key = new ItemKey(s.key);
            LatestWrite latest = link.versions.get(key);
            if (latest != null && latest.version.compareTo(s.version) >= 0) return List.of(); // a later write of the item is there: it wins
            if (latest == null) link.versions.put(key, new LatestWrite(s.version));
            else latest.version = s.version;
            StoredItem old = table.keyspace().find(s.key);
            if (old == null && s.newImage == null) return List.of();
            List<ItemWriter.PlannedWrite> done = new ArrayList<>(2);
            if (s.newImage == null && LegacyAttributes.legacy(table)) {
                // the legacy version marks the item as being deleted before it deletes it: two writes
                var marked = LegacyAttributes.markedDeleting(old.item());
                done.add(applied(table, ItemWriter.plan(table, s.key, old, null, marked, ItemSize.of(marked)), s.version));
                old = table.keyspace().find(s.key);
            }
            // the item's bytes as the first region stored them: decoded only if an index must look inside
            done.add(applied(table, ItemWriter.planStored(table, s.key, old, s.newImage, s.newSize), s.version));
            return done;
        });
        for (ItemWriter.PlannedWrite write : writes) charge(target, table, s.key, write);
    }

    /** Applies a replicated write (or a legacy replica's stamp) with its version, which the replica's stream keeps. */
    private static ItemWriter.PlannedWrite applied(Table table, ItemWriter.PlannedWrite write, Version version) {
        ItemWriter.applyReplicated(table, write, new Change.Written(version.time(), version.region()));
        return write;
    }

    /**
     * A write made in a legacy (2017.11.29) replica: its replication attributes are written into
     * the item in a second write, and the item is shipped with them. A write of the item made
     * since is stamped and shipped in its own turn, so this one is dropped. A write found stamped
     * already (the process stopped after stamping it, before its shipments were applied, and the
     * write is shipped again) is shipped as it is.
     */
    private void stampAndShip(Namespace namespace, Table table, Shipment s) {
        var item = LegacyAttributes.stamped(s.newImage, s.region, s.version.time);
        Stamped stamped = TableLocks.write(table, () -> {
            StoredItem current = table.keyspace().find(s.key);
            if (current == null) return null;
            if (Arrays.equals(current.json(), s.newImage)) {
                ItemWriter.PlannedWrite write = applied(table, ItemWriter.plan(table, s.key, current, null, item, ItemSize.of(item)), s.version);
                return new Stamped(write.mutations().get(0).item(), write.newSize(), write);
            }
            if (current.item().equals(item)) return new Stamped(current.json(), current.size(), null);
            return null;
        });
        if (stamped == null) return;
        if (stamped.write() != null) charge(namespace, table, s.key, stamped.write());
        ReplicaGroup group = table.replicas();
        if (group == null) return;
        long now = clock.getAsLong();
        synchronized (queue) {
            for (ReplicaGroup.Replica r : group.replicas()) {
                if (r.region().equals(s.region) || !r.receivesAt(now)) continue;
                hold(s.from, s.sequence);
                queue.add(new Shipment(s.madeAt + delayMillis, s.madeAt, shipped.incrementAndGet(), s.accessKey, r.region(), s.tableName,
                        s.key, stamped.image(), stamped.size(), s.version, false, s.from, s.sequence));
            }
        }
    }

    /** A legacy replica's item with its replication attributes, and the write that put them in (null: it had them already). */
    private record Stamped(byte[] image, long size, ItemWriter.PlannedWrite write) {
    }

    /**
     * A replicated write consumes write capacity in the replica that receives it, as the
     * service bills it (replicated write units for the table, plain units for its indexes):
     * charged on a ledger of its own, which the engine's capacity listeners (accounting,
     * metrics, insights) count under the action {@value #ACTION}.
     */
    private void charge(Namespace target, Table table, byte[] key, ItemWriter.PlannedWrite write) {
        CapacityListener listener = charges;
        if (listener == null) return;
        CapacityLedger ledger = new CapacityLedger(clock.getAsLong());
        ledger.write(table, write.cost(), KeyCodec.hashOf(key), write.newSize() == 0 ? -1 : write.newSize(), key);
        listener.consumed(target.id(), ACTION, null, ledger);
    }

    /** What replicated writes are counted under by capacity listeners: no request made them. */
    public static final String ACTION = "Replication";

    private volatile CapacityListener charges;

    /** Tells {@code listener} what each write applied in a replica consumed (the engine's capacity listeners). */
    public void chargeTo(CapacityListener listener) {
        charges = listener;
    }

    /** Forgets item versions no shipment can still be compared with: only while nothing is pending. */
    private void prune() {
        // without replica tables (most engines) there is nothing to prune: no lambda is linked on this
        // thread a second after start-up, beside a test suite's first requests (about 1.5 ms of CPU)
        if (links.isEmpty() || pending() > 0) return;
        long before = clock.getAsLong() - delayMillis - VERSION_KEEP_MILLIS;
        links.forEach((table, link) -> TableLocks.write(table, () -> {
            if (link.versions.size() > PRUNE_ABOVE) link.versions.values().removeIf(v -> v.version.time < before);
            return null;
        }));
    }

    /** Applies what is pending and stops the thread: a file store keeps every write applied before it closes. */
    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        saveMarks(true);
    }

    /** Reads one replica table's feed and ships its own writes (not those it received) to the other replicas. */
    private final class Shipper implements FeedSubscriber {
        private final Link link;

        Shipper(Link link) {
            this.link = link;
        }

        @Override
        public void committed(Table table, List<Change> changes) {
            ReplicaGroup group = table.replicas();
            if (group == null) return;
            if (group.strong()) {
                ship(table, link, group, changes); // replicated before the request answers
                return;
            }
            // the writer only notes its changes; the replication thread versions and ships them under this same lock
            for (Change change : changes) if (change.origin() != Change.Origin.REPLICATION) link.unshipped.add(change);
            link.unshippedSize = link.unshipped.size();
        }
    }

    /**
     * Gives each change its version (in commit order: later than the item's previous write) and
     * ships it to the other live replicas, or (legacy version) first to its own region for its
     * replication attributes. Caller holds the table's write lock.
     */
    private void ship(Table table, Link link, ReplicaGroup group, List<Change> changes) {
        long now = clock.getAsLong();
        List<String> targets = new ArrayList<>(2);
        for (ReplicaGroup.Replica r : group.replicas()) {
            if (!r.region().equals(link.region) && r.receivesAt(now)) targets.add(r.region());
        }
        for (Change change : changes) {
            shipOne(table, link, group, change, targets);
            link.drainedThrough = Math.max(link.drainedThrough, change.sequence());
        }
    }

    /** Versions one change and ships it (see {@link #ship}); its shipments are counted pending before it counts as drained. */
    private void shipOne(Table table, Link link, ReplicaGroup group, Change change, List<String> targets) {
        if (change.origin() == Change.Origin.REPLICATION) return;
        Version again = link.versionedAgain.isEmpty() ? null : link.versionedAgain.remove(change);
        Version version = again != null ? again : versionOwn(link, change);
        if (change.newImage() != null && ReplicaGroup.LEGACY.equals(group.version())) {
            // the legacy version first writes its replication attributes into the item, and ships that
            synchronized (queue) {
                hold(link, change.sequence());
                queue.add(new Shipment(change.timeMillis(), change.timeMillis(), shipped.incrementAndGet(), link.accessKey, link.region,
                        table.name(), change.key(), change.newImage(), change.newSize(), version, true, link, change.sequence()));
            }
            return;
        }
        if (targets.isEmpty()) return;
        long due = change.timeMillis() + (group.strong() ? 0 : delayMillis);
        synchronized (queue) {
            for (String region : targets) {
                hold(link, change.sequence());
                Shipment s = new Shipment(due, change.timeMillis(), shipped.incrementAndGet(), link.accessKey, region,
                        table.name(), change.key(), change.newImage(), change.newSize(), version, false, link, change.sequence());
                if (group.strong()) {
                    strongQueue.add(s);
                    hasStrong = true;
                } else {
                    queue.add(s);
                }
            }
        }
    }

    /** The version of the table's own write: its time, moved past the item's latest write if need be. Caller holds the table's write lock. */
    private static Version versionOwn(Link link, Change change) {
        ItemKey key = new ItemKey(change.key());
        LatestWrite latest = link.versions.get(key);
        long time = change.timeMillis();
        if (latest != null && latest.version.time >= time) time = latest.version.time + 1; // later than what it overwrote
        Version version = new Version(time, link.region);
        if (latest == null) link.versions.put(key, new LatestWrite(version));
        else latest.version = version;
        return version;
    }

    /** Ships the changes the table's writers left. Caller holds the table's write lock. */
    private void drain(Table table, Link link) {
        if (link.unshipped.isEmpty()) return;
        ReplicaGroup group = table.replicas();
        // queued and no longer counted unshipped in one step: pending() (under this monitor) never counts a write twice
        synchronized (queue) {
            if (group != null) ship(table, link, group, link.unshipped);
            link.unshipped.clear();
            link.versionedAgain.clear();
            link.unshippedSize = 0;
        }
    }

    /** Ships what every replica table's writers left; takes each such table's write lock (no other lock held). */
    private void drainAll() {
        links.forEach((table, link) -> {
            if (link.unshippedSize == 0) return;
            TableLocks.write(table, () -> {
                drain(table, link);
                return null;
            });
        });
    }

    /**
     * A replica table's place: its account and region, and the version of each item's latest
     * write (guarded by the table's write lock: the feed calls the shipper under it, and
     * applying and pruning take it).
     */
    private static final class Link {
        final String accessKey;
        final String region;
        final String namespaceId;
        final Store store;
        final String tableId;
        final Map<ItemKey, LatestWrite> versions = new HashMap<>();
        // the versions of own writes shipped again after a restart, given in commit order with the writes received (guarded as versions)
        final Map<Change, Version> versionedAgain = new java.util.IdentityHashMap<>();
        // the changes with shipments not yet applied (durably), by sequence: how many (guarded by the queue's monitor)
        final java.util.TreeMap<Long, Integer> pending = new java.util.TreeMap<>();
        // the last change versioned and shipped (written under the table's write lock)
        volatile long drainedThrough;
        // the shipped-through sequence saved last (the replication thread's, or the tracking thread's under the table lock)
        volatile long markedThrough;
        // the table's own writes not yet versioned and shipped, in commit order (guarded by the table's write lock)
        final List<Change> unshipped = new ArrayList<>();
        // their number, for threads that hold no lock (pending, the replication thread's look)
        volatile int unshippedSize;
        AutoCloseable subscription;

        Link(String accessKey, String region, String namespaceId, Store store, String tableId) {
            this.accessKey = accessKey;
            this.region = region;
            this.namespaceId = namespaceId;
            this.store = store;
            this.tableId = tableId;
        }
    }

    /** An item's stored key as a map key: compared by its bytes, its hash computed once. */
    private static final class ItemKey {
        private final byte[] bytes;
        private final int hash;

        ItemKey(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ItemKey k && hash == k.hash && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The version of an item's latest write, changed in place (one map look-up a write). */
    private static final class LatestWrite {
        Version version;

        LatestWrite(Version version) {
            this.version = version;
        }
    }

    /** When an item was written and where: later time wins, and at the same time the greater region name. */
    record Version(long time, String region) implements Comparable<Version> {
        @Override
        public int compareTo(Version other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : region.compareTo(other.region);
        }
    }

    /**
     * One write on its way to one replica; or, with {@code stamp}, a write of a legacy replica
     * waiting in its own region for its replication attributes before it is shipped. {@code from}
     * and {@code sequence}: the source table's link and the change's sequence in it.
     */
    private record Shipment(long dueAt, long madeAt, long order, String accessKey, String region, String tableName,
                            byte[] key, byte[] newImage, long newSize, Version version, boolean stamp, Link from, long sequence)
            implements Comparable<Shipment> {
        @Override
        public int compareTo(Shipment other) {
            int byDue = Long.compare(dueAt, other.dueAt);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
        }
    }
}
