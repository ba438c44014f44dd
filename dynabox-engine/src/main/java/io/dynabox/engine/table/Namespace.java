package io.dynabox.engine.table;

import io.dynabox.engine.feed.ChangeFeed;
import io.dynabox.engine.kinesis.KinesisDelivery;
import io.dynabox.engine.store.Store;
import io.dynabox.engine.stream.Streams;
import io.dynabox.engine.transfer.Transfers;
import java.util.Collection;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The tables one caller sees: DynamoDB Local's per access key and region database.
 * Namespaces are fully isolated from each other.
 */
public final class Namespace {
    /** Account id used in ARNs: no real account stands behind Dynabox's credentials. */
    public static final String ACCOUNT_ID = "000000000000";

    private final String id;
    private final String region;
    // table names are ASCII, so String order is the service's UTF-8 order for ListTables
    private final ConcurrentSkipListMap<String, Table> tables = new ConcurrentSkipListMap<>();
    // the engine's change feed, which every table of the namespace joins; null outside an engine
    private final ChangeFeed feed;
    private final Backups backups;
    private final Streams streams = new Streams();
    // global tables' replication, shared by the engine's namespaces; null outside an engine
    private volatile io.dynabox.engine.replication.Replicator replicator;
    private volatile KinesisDelivery kinesis = KinesisDelivery.NONE;
    private final Transfers transfers;
    // where the namespace's tables, streams and backups are kept
    private final Store store;

    private Namespace(String id, String region, ChangeFeed feed, Backups backups, Transfers transfers, Store store) {
        this.id = id;
        this.region = region;
        this.feed = feed;
        this.backups = backups;
        this.transfers = transfers;
        this.store = store;
    }

    /** The namespace's exports to S3 and imports from S3. */
    public Transfers transfers() {
        return transfers;
    }

    /** The namespace's on-demand backups. */
    public Backups backups() {
        return backups;
    }

    public String id() {
        return id;
    }

    public String region() {
        return region;
    }

    /** Global tables' replication (the engine's), or null for a namespace outside an engine. */
    public io.dynabox.engine.replication.Replicator replicator() {
        return replicator;
    }

    /** Joins the engine's replication (done by the engine when it loads the namespace). */
    public void joinReplication(io.dynabox.engine.replication.Replicator engineReplicator) {
        replicator = engineReplicator;
        engineReplicator.attach(this);
    }

    /** The namespace's DynamoDB Streams: each table's current stream, and old ones for their last 24 hours. */
    public Streams streams() {
        return streams;
    }

    /** Where the tables' Kinesis streaming destinations send their changes (the engine's). */
    public KinesisDelivery kinesis() {
        return kinesis;
    }

    /** Sends the tables' changes through {@code delivery} (set by the engine that loads the namespace). */
    public void deliverKinesisWith(KinesisDelivery delivery) {
        kinesis = delivery;
    }

    /** The table by name, or null; a deleted table whose DELETING time is over is dropped here. */
    public Table table(String name, long nowMillis) {
        Table table = tables.get(name);
        if (table != null && table.isGone(nowMillis)) {
            tables.remove(name, table);
            return null;
        }
        return table;
    }

    /** A namespace with the tables the store kept for it (none for the memory store). */
    public static Namespace load(String id, String region, Store store) {
        return load(id, region, store, null);
    }

    /** A namespace with the tables and backups the store kept for it, their writes published on {@code feed}. */
    public static Namespace load(String id, String region, Store store, ChangeFeed feed) {
        Namespace namespace = new Namespace(id, region, feed, Backups.load(store, id), Transfers.load(store, id), store);
        store.loadTables(id).forEach((name, document) -> {
            Table table = TableDocuments.read(document, store, id);
            table.feed().attach(feed);
            namespace.tables.put(name, table);
        });
        return namespace;
    }

    /** Adds (and persists) the table unless one of that name exists; returns the existing one, or null if added. */
    public Table addIfAbsent(Table table) {
        table.feed().attach(feed);
        Table existing = tables.putIfAbsent(table.name(), table);
        if (existing != null) return existing;
        try {
            table.persist();
        } catch (RuntimeException e) {
            tables.remove(table.name(), table);
            throw e;
        }
        return null;
    }

    public void remove(Table table) {
        tables.remove(table.name(), table);
    }

    /**
     * Forgets what the service deletes by itself once its time is over, though no request names
     * it: streams 24 hours after they were disabled (or their table deleted), and the SYSTEM
     * backups of deleted tables after 35 days. The engine's sweep calls this every few seconds;
     * it reads two fields when nothing is due. Answers how many went; what went has left the
     * store too when this returns.
     */
    public int forgetExpired(long nowMillis) {
        int forgotten = streams.forgetExpired(nowMillis) + backups.forgetExpired(nowMillis);
        if (forgotten > 0) store.awaitDurable();
        return forgotten;
    }

    /** Tables in name order, without those that finished deleting. */
    public Collection<Table> tables(long nowMillis) {
        tables.values().removeIf(t -> t.isGone(nowMillis));
        return tables.values();
    }

    public ConcurrentSkipListMap<String, Table> tableMap() {
        return tables;
    }

    public String arn(String tableName) {
        return "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + tableName;
    }
}
