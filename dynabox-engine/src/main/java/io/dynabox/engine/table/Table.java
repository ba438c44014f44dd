package io.dynabox.engine.table;

import io.dynabox.engine.feed.TableFeed;
import io.dynabox.engine.store.Keyspace;
import io.dynabox.engine.store.RecoveryEntry;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.store.Store;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.KeyCodec;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;

/**
 * A live table: its current definition, its status over time, its keyspace, and the lock
 * that {@link TableLocks} takes for it. Status changes are computed from timestamps, so no
 * background thread is needed to make a table ACTIVE.
 */
public final class Table {
    public static final String CREATING = Lifecycle.CREATING;
    public static final String UPDATING = Lifecycle.UPDATING;
    public static final String DELETING = Lifecycle.DELETING;
    public static final String ACTIVE = Lifecycle.ACTIVE;

    private volatile TableDefinition definition;
    private final String namespaceId;
    private final Store store;
    private final Keyspace keyspace;
    private final Map<String, Keyspace> indexKeyspaces = new ConcurrentHashMap<>();
    // sizes of the item collections counted so far, by partition prefix (tables with local indexes only)
    private final Map<java.nio.ByteBuffer, long[]> itemCollections = new ConcurrentHashMap<>();
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TableFeed feed = new TableFeed();

    private volatile Lifecycle lifecycle;
    private volatile ControlState control = ControlState.NONE;
    // the history of point-in-time recovery, while it is on
    private volatile RecoveryLog recoveryLog;
    private volatile TimeToLive timeToLive = TimeToLive.NEVER_SET;
    // the global table this table is a replica of, or null
    private volatile ReplicaGroup replicas;
    private volatile AutoScaling autoScaling = AutoScaling.NONE;
    // accounting's figures of this table, kept here so that a request reaches them without a lookup by name
    private volatile Object accountingSlot;

    public Table(TableDefinition definition, Store store, String namespaceId, String initialStatus, long settledAtMillis) {
        this(definition, store, namespaceId, Lifecycle.starting(initialStatus, settledAtMillis, null));
    }

    public Table(TableDefinition definition, Store store, String namespaceId, Lifecycle lifecycle) {
        this.definition = definition;
        this.store = store;
        this.namespaceId = namespaceId;
        this.keyspace = store.keyspace(namespaceId, definition.name(), null);
        this.lifecycle = lifecycle;
    }

    public TableDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    /** The table's part of the change feed: subscribe here to read this table's committed changes. */
    public TableFeed feed() {
        return feed;
    }

    public Keyspace keyspace() {
        return keyspace;
    }

    /** The keyspace of one of the table's indexes, opened on first use. */
    public Keyspace indexKeyspace(String indexName) {
        return indexKeyspaces.computeIfAbsent(indexName, name -> store.keyspace(namespaceId, definition.name(), name));
    }

    /**
     * The bytes of one item collection (the table's items and local index entries under one
     * partition key), counted once by {@code count} and then kept up to date by
     * {@link #addToItemCollection}. Caller holds the table's lock.
     */
    public long itemCollectionSize(byte[] partitionPrefix, java.util.function.LongSupplier count) {
        java.nio.ByteBuffer key = java.nio.ByteBuffer.wrap(partitionPrefix);
        long[] size = itemCollections.get(key);
        if (size == null) {
            size = new long[] {count.getAsLong()};
            itemCollections.put(key, size);
        }
        return size[0];
    }

    /** A write applied to a collection: its size changes by {@code delta} bytes. Caller holds the write lock. */
    public void addToItemCollection(byte[] partitionPrefix, long delta) {
        long[] size = itemCollections.get(java.nio.ByteBuffer.wrap(partitionPrefix));
        if (size != null) size[0] += delta;
    }

    /** Removes an index's entries, so an index created later under the same name starts empty. Caller holds the write lock. */
    public void dropIndexKeyspace(String indexName) {
        indexKeyspaces.remove(indexName);
        store.dropIndex(namespaceId, definition.name(), indexName);
    }

    /** The id of the namespace the table belongs to. */
    public String namespaceId() {
        return namespaceId;
    }

    public Store store() {
        return store;
    }

    public String status(long nowMillis) {
        return lifecycle.statusAt(nowMillis);
    }

    /** The table's Time to Live setting. */
    public TimeToLive timeToLive() {
        return timeToLive;
    }

    /** Changes the Time to Live setting and saves it with the table's metadata. Caller holds the write lock. */
    public void updateTimeToLive(TimeToLive setting) {
        changeSaved(() -> timeToLive = setting);
    }

    /** The setting a stored document had (no save). */
    void restoreTimeToLive(TimeToLive setting) {
        timeToLive = setting;
    }

    /** The global table's replicas (this table's region among them), or null for a table of one region. */
    public ReplicaGroup replicas() {
        return replicas;
    }

    /** Changes (or, with null, ends) the table's membership of a global table and saves it. Caller holds the write lock. */
    public void updateReplicas(ReplicaGroup group) {
        changeSaved(() -> replicas = group);
    }

    /** The group a stored document had (no save). */
    void restoreReplicas(ReplicaGroup group) {
        replicas = group;
    }

    /** The auto scaling settings kept for the table (UpdateTableReplicaAutoScaling). */
    public AutoScaling autoScaling() {
        return autoScaling;
    }

    /** Changes the auto scaling settings and saves them. Caller holds the write lock. */
    public void updateAutoScaling(AutoScaling settings) {
        changeSaved(() -> autoScaling = settings);
    }

    void restoreAutoScaling(AutoScaling settings) {
        autoScaling = settings;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    public boolean isActive(long nowMillis) {
        return ACTIVE.equals(status(nowMillis));
    }

    /** Replaces the definition and shows {@code status} until {@code settledAt}. Caller holds the write lock. */
    public void update(TableDefinition newDefinition, String status, long settledAt) {
        update(newDefinition, null, status, settledAt, null);
    }

    /**
     * Replaces the definition; until {@code settledAt} the table shows {@code status},
     * descriptions show {@code shown} (when not null) instead of the new definition, and
     * {@code change} names what is in flight. Caller holds the write lock.
     */
    public void update(TableDefinition newDefinition, TableDefinition shown, String status, long settledAt, String change) {
        changeSaved(() -> {
            definition = newDefinition;
            lifecycle = new Lifecycle(status, settledAt, shown, change, -1);
        });
    }

    /** What the control plane keeps about the table beside its definition. */
    /** What accounting keeps on this table for itself (the table only holds it), or null. */
    public Object accountingSlot() {
        return accountingSlot;
    }

    public void accountingSlot(Object slot) {
        accountingSlot = slot;
    }

    public ControlState control() {
        return control;
    }

    /** Changes the control-plane state and persists it. Caller holds the write lock (or the table is not yet shared). */
    public void amendControl(UnaryOperator<ControlState> change) {
        changeSaved(() -> control = change.apply(control));
    }

    /** The restore that is making this table, while it runs; else null. */
    public RestoreSummary restoreUnderWay(long nowMillis) {
        RestoreSummary summary = control.restoreSummary();
        return summary != null && CREATING.equals(status(nowMillis)) ? summary : null;
    }

    /** Sets the control-plane state of a table that has not joined a namespace yet (read back, or being restored). */
    public void startWithControl(ControlState state) {
        control = state;
    }

    /** Starts keeping the table's recovery log (point-in-time recovery turned on, or read back). Caller holds the write lock. */
    public void startRecoveryLog(int periodDays, List<RecoveryEntry> kept) {
        RecoveryLog log = new RecoveryLog(store, namespaceId, definition.name(), periodDays, kept);
        log.listen(this);
        recoveryLog = log;
    }

    /** Stops and forgets the recovery log (point-in-time recovery turned off). Caller holds the write lock. */
    public void stopRecoveryLog() {
        RecoveryLog log = recoveryLog;
        if (log == null) return;
        log.stop();
        recoveryLog = null;
        store.dropRecoveryLog(namespaceId, definition.name());
    }

    /** The recovery log, or null while point-in-time recovery is off. */
    public RecoveryLog recoveryLog() {
        return recoveryLog;
    }

    /** The table's items as they were at {@code atMillis}, from its recovery log. Caller holds the read lock. */
    public List<StoredItem> itemsAt(long atMillis) {
        RecoveryLog log = recoveryLog;
        if (log == null) throw new IllegalStateException("point-in-time recovery is off for " + name());
        return log.itemsAt(this, atMillis);
    }

    /** The table's items as they were at {@code atMillis}, a page at a time, from its recovery log. */
    public RecoveryLog.ItemsAt pagesAt(long atMillis) {
        RecoveryLog log = recoveryLog;
        if (log == null) throw new IllegalStateException("point-in-time recovery is off for " + name());
        return log.pagesAt(this, atMillis);
    }

    /** Saves the metadata in the store, for stores that outlive the process. */
    void persist() {
        if (store.keepsTableMetadata()) store.saveTable(namespaceId, definition.name(), TableDocuments.write(this));
    }

    /**
     * Applies a synchronous change (such as deletion protection) to the definition and to
     * what is shown meanwhile, leaving the status and the change in flight as they are.
     * Caller holds the write lock.
     */
    public void amend(UnaryOperator<TableDefinition> change) {
        changeSaved(() -> {
            definition = change.apply(definition);
            Lifecycle now = lifecycle;
            if (now.shown() != null) lifecycle = now.withShown(change.apply(now.shown()));
        });
    }

    /**
     * Changes the table's state and saves it; a store that cannot save it (a full disk, a file
     * another program holds) gets the old state back, so the request's 500 leaves no change
     * behind that a restart would undo.
     */
    private void changeSaved(Runnable change) {
        TableDefinition oldDefinition = definition;
        Lifecycle oldLifecycle = lifecycle;
        ControlState oldControl = control;
        TimeToLive oldTimeToLive = timeToLive;
        ReplicaGroup oldReplicas = replicas;
        AutoScaling oldAutoScaling = autoScaling;
        change.run();
        try {
            persist();
        } catch (RuntimeException e) {
            definition = oldDefinition;
            lifecycle = oldLifecycle;
            control = oldControl;
            timeToLive = oldTimeToLive;
            replicas = oldReplicas;
            autoScaling = oldAutoScaling;
            throw e;
        }
    }

    /** The definition a description shows now: the old values while a change is in flight, where the service shows them. */
    public TableDefinition shownDefinition(long nowMillis) {
        return lifecycle.shownAt(nowMillis, definition);
    }

    /** The change in flight (a name UpdateTable chose), or null when the table is settled. */
    public String changeInFlight(long nowMillis) {
        return lifecycle.changeAt(nowMillis);
    }

    public void markDeleting(long untilMillis) {
        lifecycle = lifecycle.deleting(untilMillis);
    }

    /** True once a deleted table should vanish from the namespace. */
    public boolean isGone(long nowMillis) {
        return lifecycle.goneAt(nowMillis);
    }

    /** The stored key of an item or a key map: both key attributes must be present and valid. */
    public byte[] encodeKey(Map<String, AttributeValue> key) {
        KeySchema schema = definition.keySchema();
        if (!schema.hasSort()) return KeyCodec.partition(key.get(schema.partitionName())); // no stream in between
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        KeyCodec.writePartition(out, key.get(schema.partitionName()));
        KeyCodec.writeSortable(out, key.get(schema.sortName()));
        return out.toByteArray();
    }

    /**
     * The stored key of an item in an index: the index key, then the table key, so entries
     * with equal index keys stay distinct. Null when the item lacks an index key attribute
     * (or has it with another type): sparse indexes leave such items out.
     */
    public byte[] encodeIndexKey(IndexDefinition index, Map<String, AttributeValue> item) {
        KeySchema indexKey = index.keySchema();
        if (indexKey.multiAttribute()) return encodeMultiAttributeIndexKey(indexKey, item);
        AttributeValue partition = item.get(indexKey.partitionName());
        if (partition == null || partition.type() != indexKey.partitionType()) return null;
        AttributeValue sort = null;
        if (indexKey.hasSort()) {
            sort = item.get(indexKey.sortName());
            if (sort == null || sort.type() != indexKey.sortType()) return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(48);
        KeyCodec.writePartition(out, partition);
        if (sort != null) KeyCodec.writeSortable(out, sort);
        appendTableKey(out, item);
        return out.toByteArray();
    }

    /**
     * A multi-attribute index key: the partition attributes as one partition, then each sort
     * attribute's sortable encoding in schema order (self-delimiting, so entries order by the
     * first sort attribute, then the second...). An item lacking any key attribute is left out.
     */
    private byte[] encodeMultiAttributeIndexKey(KeySchema indexKey, Map<String, AttributeValue> item) {
        List<KeySchema.Element> partitionElements = indexKey.partitionElements();
        List<AttributeValue> partition = new java.util.ArrayList<>(partitionElements.size());
        for (KeySchema.Element e : partitionElements) {
            AttributeValue value = item.get(e.name());
            if (value == null || value.type() != e.type()) return null;
            partition.add(value);
        }
        List<KeySchema.Element> sortElements = indexKey.sortElements();
        for (KeySchema.Element e : sortElements) {
            AttributeValue value = item.get(e.name());
            if (value == null || value.type() != e.type()) return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        KeyCodec.writePartition(out, partition);
        for (KeySchema.Element e : sortElements) KeyCodec.writeSortable(out, item.get(e.name()));
        appendTableKey(out, item);
        return out.toByteArray();
    }

    private void appendTableKey(ByteArrayOutputStream out, Map<String, AttributeValue> item) {
        KeySchema schema = definition.keySchema();
        KeyCodec.writeSortable(out, item.get(schema.partitionName()));
        if (schema.hasSort()) KeyCodec.writeSortable(out, item.get(schema.sortName()));
    }
}
