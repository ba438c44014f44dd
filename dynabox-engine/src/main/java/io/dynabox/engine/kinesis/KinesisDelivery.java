package io.dynabox.engine.kinesis;

import io.dynabox.engine.feed.Change;
import io.dynabox.engine.feed.FeedSubscriber;
import io.dynabox.engine.store.Store;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.KinesisDestination;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.wire.ErrorWire;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * An engine's Kinesis streaming destinations at work: it tells Enable whether a stream can
 * take records (the service's ENABLE_FAILED descriptions), follows the change feed of every
 * table whose destination is ACTIVE, and sends each change, in the service's record format,
 * to the Kinesis-compatible endpoint ({@code --kinesis-endpoint}) on a thread of its own:
 * PutRecords of up to 500 records, retried with growing pauses (up to 2 s) while the endpoint
 * refuses or fails them, for up to 24 hours of the engine's clock, then dropped (logged).
 * Without an endpoint there is no Kinesis to send to, and Enable fails as the service does for
 * a stream that does not exist.
 *
 * <p>With a store that outlives the process ({@code --db-path}) the records not yet taken survive
 * a kill: each change a destination takes is also appended, with the write, to a log of the
 * table and destination in the store ({@code kinesis:TABLE:STREAM-ARN}), trimmed once the
 * endpoint took it (or it was given up on); when the namespace is loaded again, what the log
 * still holds is sent first, before any new change. A record taken just before a kill may be
 * sent again (a new eventID, the same change): delivery is at least once.
 */
public final class KinesisDelivery implements AutoCloseable {
    static final String NO_PERMISSION = "User does not have a permission to use kinesis stream";
    static final String OTHER_REGION = "The kinesis Arn used to enable kinesis replication belongs to a stream which is not in the current region";
    static final String NOT_ACTIVE = "The kinesis Arn used to enable kinesis replication belongs to a stream which is not in Active state";
    /** PutRecords takes at most 500 records and 5 MiB a call. */
    static final int MAX_RECORDS = 500;
    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final long GIVE_UP_MILLIS = 24L * 60 * 60 * 1000;
    private static final long MAX_PAUSE_MILLIS = 2000;

    private final KinesisSink sink;
    private final LongSupplier clock;
    private final boolean strictMessages;
    private final Map<Table, AutoCloseable> followed = Collections.synchronizedMap(new WeakHashMap<>());
    private final LinkedBlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;
    private Thread sender;

    /** No endpoint and no engine: what a namespace outside an engine uses. */
    public static final KinesisDelivery NONE = new KinesisDelivery(null, () -> 0L, false);

    KinesisDelivery(KinesisSink sink, LongSupplier clock, boolean strictMessages) {
        this.sink = sink;
        this.clock = clock;
        this.strictMessages = strictMessages;
    }

    /** Delivery to {@code endpoint} (null: no Kinesis; every Enable fails as for a missing stream). */
    public static KinesisDelivery to(URI endpoint, LongSupplier clock, boolean strictMessages) {
        if (endpoint == null) return new KinesisDelivery(null, clock, strictMessages);
        try {
            Class.forName("software.amazon.awssdk.services.kinesis.KinesisClient", false, KinesisDelivery.class.getClassLoader());
            Class.forName("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient", false, KinesisDelivery.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a Kinesis endpoint needs the AWS SDK's Kinesis client on the classpath "
                    + "(software.amazon.awssdk:kinesis and software.amazon.awssdk:url-connection-client): " + e.getMessage());
        }
        return new KinesisDelivery(new SdkKinesisSink(endpoint), clock, strictMessages);
    }

    /**
     * Why the stream cannot take the table's records (the description ENABLE_FAILED shows), or
     * null when it can. Asks the endpoint, so call it outside the table's lock.
     */
    public String check(String streamArn, String tableRegion) {
        KinesisStreamArn stream = KinesisStreamArn.parse(streamArn);
        if (stream == null) return NO_PERMISSION;
        if (!stream.region().equals(tableRegion)) return OTHER_REGION;
        if (!stream.account().equals(Namespace.ACCOUNT_ID)) return NOT_ACTIVE;
        if (sink == null) return NO_PERMISSION + explain("Dynabox was started without --kinesis-endpoint, so no Kinesis stream exists");
        KinesisSink.StreamState state;
        try {
            state = sink.describe(stream);
        } catch (RuntimeException e) {
            return NO_PERMISSION + explain("the Kinesis endpoint did not answer DescribeStreamSummary: " + e.getMessage());
        }
        return switch (state) {
            case ACTIVE -> null;
            case DELETING -> NOT_ACTIVE;
            case CREATING, MISSING -> NO_PERMISSION;
        };
    }

    private String explain(String why) {
        return strictMessages ? "" : ErrorWire.EXPLANATION_PREFIX + why + "]";
    }

    /** Sends the table's changes from now on while one of its destinations delivers (Enable succeeded, or read back). */
    public void follow(Table table, String region) {
        if (sink == null) return; // no endpoint (any more): the records have nowhere to go
        synchronized (followed) {
            if (followed.containsKey(table)) return;
            followed.put(table, table.feed().subscribe(new TableSender(region)));
            startSender();
        }
    }

    /** Stops reading the table's changes when none of its destinations delivers any more (Disable). */
    public void unfollowIfIdle(Table table) {
        for (KinesisDestination d : table.control().kinesisDestinations()) if (d.delivers()) return;
        AutoCloseable subscription = followed.remove(table);
        if (subscription == null) return;
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * After a namespace is loaded: its tables with an ACTIVE destination send what a stopped
     * process had not sent (kept in the store), then their changes from now on.
     */
    public void resume(Namespace namespace) {
        for (Table table : namespace.tableMap().values()) {
            boolean delivers = false;
            long keptThrough = 0;
            for (KinesisDestination d : table.control().kinesisDestinations()) {
                if (!d.delivers()) continue;
                delivers = true;
                if (sink == null || !table.store().keepsSideData()) continue;
                KinesisStreamArn stream = KinesisStreamArn.parse(d.streamArn());
                KeySchema schema = table.definition().keySchema();
                String log = log(table, d.streamArn());
                int kept = 0;
                for (Store.LogEntry entry : table.store().readLog(table.namespaceId(), log)) {
                    keptThrough = Math.max(keptThrough, entry.sequence());
                    Change change = KeptChanges.read(entry);
                    if (change.timeMillis() < d.sinceMillis()) continue;
                    queue.add(new Outgoing(stream, change, table.name(), namespace.region(), schema, d.precision(), table, log));
                    kept++;
                }
                if (kept > 0) {
                    log().log(System.Logger.Level.INFO, kept + " records of " + table.name() + " for " + d.streamArn()
                            + " not sent when the process stopped are sent now");
                }
            }
            if (keptThrough > 0) continueNumberingAfter(table, keptThrough);
            if (delivers) follow(table, namespace.region());
        }
    }

    /**
     * A table without a DynamoDB stream numbers its changes from 1 again after a restart: its new
     * changes must come after the kept ones, or the log would replace kept records of the same
     * numbers and trim others along with the new ones the endpoint takes.
     */
    private static void continueNumberingAfter(Table table, long sequence) {
        TableLocks.write(table, () -> {
            table.feed().continueAfter(sequence);
            return null;
        });
    }

    /** The store's log of a table's changes a destination has not taken yet. */
    static String log(Table table, String streamArn) {
        return "kinesis:" + table.name() + ":" + streamArn;
    }

    /** Records handed to the endpoint since start-up (for tests and the logs). */
    public long delivered() {
        return delivered.get();
    }

    /** Records given up on: the endpoint did not take them within 24 hours. */
    public long dropped() {
        return dropped.get();
    }

    /** Records still waiting to be sent. */
    public int waiting() {
        return queue.size();
    }

    private synchronized void startSender() {
        if (sender != null || closed) return;
        sender = new Thread(this::sendLoop, "dynabox-kinesis");
        sender.setDaemon(true);
        sender.start();
    }

    /** One table's changes into the queue, under its write lock: only what a delivering destination takes. */
    private final class TableSender implements FeedSubscriber {
        private final String region;

        TableSender(String region) {
            this.region = region;
        }

        @Override
        public void committed(Table table, List<Change> changes) {
            for (KinesisDestination d : table.control().kinesisDestinations()) {
                if (!d.delivers()) continue;
                KinesisStreamArn stream = KinesisStreamArn.parse(d.streamArn());
                KeySchema schema = table.definition().keySchema();
                boolean keep = table.store().keepsSideData();
                String log = keep ? log(table, d.streamArn()) : null;
                List<Store.LogEntry> kept = keep ? new ArrayList<>(changes.size()) : null;
                for (Change change : changes) {
                    if (change.timeMillis() < d.sinceMillis()) continue;
                    queue.add(new Outgoing(stream, change, table.name(), region, schema, d.precision(), keep ? table : null, log));
                    if (keep) kept.add(KeptChanges.entry(change));
                }
                // with the write, in its commit order: a kill before the endpoint takes them loses nothing
                if (keep && !kept.isEmpty()) table.store().appendToLog(table.namespaceId(), log, kept);
            }
        }

        @Override
        public void retracted(Table table, List<Change> changes) {
            retract(changes);
        }
    }

    /** Changes whose commit failed: those not sent yet are not sent (those sent cannot be taken back). */
    private void retract(List<Change> changes) {
        java.util.Set<Change> failed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        failed.addAll(changes);
        queue.removeIf(o -> failed.contains(o.change()));
    }

    /** A change on its way to a stream; {@code table} and {@code log}: where it is kept until taken (null: not kept). */
    private record Outgoing(KinesisStreamArn stream, Change change, String tableName, String region, KeySchema schema,
                            String precision, Table table, String log) {
        KinesisRecord record() {
            return KinesisRecords.of(change, tableName, region, schema, precision);
        }
    }

    private void sendLoop() {
        List<Outgoing> batch = new ArrayList<>();
        while (!closed) {
            try {
                Outgoing first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                // one stream a call: take the records that follow for the same stream
                while (batch.size() < MAX_RECORDS) {
                    Outgoing next = queue.peek();
                    if (next == null || !next.stream().equals(first.stream())) break;
                    batch.add(queue.poll());
                }
                send(first.stream(), batch);
                if (!closed) forget(batch); // stopped before the endpoint took them: they stay kept

                batch.clear();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log().log(System.Logger.Level.ERROR, "Kinesis delivery failed", e);
                batch.clear();
            }
        }
    }

    /** Sends the batch (split at 5 MiB), again and again for what the endpoint refuses, until taken or too old. */
    private void send(KinesisStreamArn stream, List<Outgoing> batch) throws InterruptedException {
        List<KinesisRecord> records = new ArrayList<>(batch.size());
        for (Outgoing o : batch) records.add(o.record());
        long oldest = batch.get(0).change().timeMillis();
        int from = 0;
        while (from < records.size()) {
            int to = from;
            long bytes = 0;
            while (to < records.size() && (to == from || bytes + size(records.get(to)) <= MAX_BYTES)) bytes += size(records.get(to++));
            List<KinesisRecord> left = new ArrayList<>(records.subList(from, to));
            long pause = 50;
            while (!left.isEmpty() && !closed) {
                List<Integer> failed;
                try {
                    failed = sink.put(stream, left);
                } catch (RuntimeException e) {
                    failed = null;
                    log().log(System.Logger.Level.DEBUG, "PutRecords to " + stream.arn() + " failed: " + e.getMessage());
                }
                if (failed != null) {
                    delivered.addAndGet(left.size() - failed.size());
                    List<KinesisRecord> again = new ArrayList<>(failed.size());
                    for (int i : failed) again.add(left.get(i));
                    left = again;
                    if (left.isEmpty()) break;
                }
                if (clock.getAsLong() - oldest > GIVE_UP_MILLIS) {
                    dropped.addAndGet(left.size());
                    log().log(System.Logger.Level.WARNING, left.size() + " records for " + stream.arn()
                            + " dropped: the endpoint has not taken them for 24 hours");
                    break;
                }
                Thread.sleep(pause);
                pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
            }
            from = to;
        }
    }

    /** Trims the logs that kept the batch's changes: the endpoint took them, or they were given up on. */
    private static void forget(List<Outgoing> batch) {
        Map<String, Outgoing> lastOfLog = new java.util.HashMap<>();
        for (Outgoing o : batch) {
            if (o.log() == null) continue;
            String key = o.table().namespaceId() + '\u0000' + o.log();
            Outgoing last = lastOfLog.get(key);
            if (last == null || last.change().sequence() < o.change().sequence()) lastOfLog.put(key, o);
        }
        for (Outgoing o : lastOfLog.values()) o.table().store().trimLog(o.table().namespaceId(), o.log(), o.change().sequence());
    }

    private static long size(KinesisRecord r) {
        return r.data().length + r.partitionKey().length();
    }

    @Override
    public void close() {
        closed = true;
        Thread running;
        synchronized (this) {
            running = sender;
        }
        if (running != null) running.interrupt();
        if (sink != null) sink.close();
    }

    private static System.Logger log() {
        return System.getLogger(KinesisDelivery.class.getName());
    }
}
