package io.dynabox.engine.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where items and table metadata live. Every store keeps items in keyspaces ordered by
 * their encoded key ({@link io.dynabox.engine.value.KeyCodec}), one keyspace for a table
 * and one for each of its indexes; index maintenance happens above the store, which only
 * applies the mutations it is given, atomically.
 *
 * <p>Callers serialize writes to a table (see {@code TableLocks}); a store needs only to
 * make each {@link #apply} all-or-nothing and visible at once.
 */
public interface Store extends AutoCloseable {

    /** The table metadata documents saved for a namespace, by table name. */
    Map<String, byte[]> loadTables(String namespace);

    /**
     * Whether the store keeps table metadata documents across processes; when it does not,
     * callers need not write them (serializing a definition costs a first CreateTable).
     */
    boolean keepsTableMetadata();

    /** The namespaces the store holds data of from before this process (none for the memory store). */
    default List<String> namespaceIds() {
        return List.of();
    }

    /** Saves (creates or replaces) a table's metadata document. */
    void saveTable(String namespace, String table, byte[] metadata);

    /** Removes a table's metadata and every keyspace of the table. */
    void dropTable(String namespace, String table);

    /** The keyspace of a table ({@code index} null) or of one of its indexes. */
    Keyspace keyspace(String namespace, String table, String index);

    /** Removes one index's keyspace. */
    void dropIndex(String namespace, String table, String index);

    /**
     * The backups a store keeps for a namespace (on-demand backups outlive their tables):
     * metadata documents by backup ARN. The memory store keeps none: the namespace holds them.
     */
    default Map<String, byte[]> loadBackups(String namespace) {
        return Map.of();
    }

    /**
     * Saves a backup: its metadata document and its items, in the background. The future
     * completes once both are durable; null from a store that does not keep backups.
     */
    default CompletableFuture<Void> saveBackup(String namespace, String backupArn, byte[] metadata, List<StoredItem> items) {
        return null;
    }

    /** A saved backup's items in key order (for stores that keep backups). */
    default List<StoredItem> loadBackupItems(String namespace, String backupArn) {
        throw new UnsupportedOperationException("this store keeps no backups");
    }

    /** Removes a saved backup and its items; nothing when the store keeps none. */
    default void dropBackup(String namespace, String backupArn) {
    }

    /**
     * Whether the store keeps the recovery logs of tables with point-in-time recovery on
     * across processes; when it does not, the logs live in memory only.
     */
    default boolean keepsRecoveryLog() {
        return false;
    }

    /** Appends to a table's recovery log, in the background, behind the writes the entries record. */
    default void appendRecoveryLog(String namespace, String table, List<RecoveryEntry> entries) {
    }

    /** Forgets a table's recovery log entries older than {@code beforeMillis}, in the background. */
    default void pruneRecoveryLog(String namespace, String table, long beforeMillis) {
    }

    /** A table's recovery log as kept, oldest first. */
    default List<RecoveryEntry> loadRecoveryLog(String namespace, String table) {
        return List.of();
    }

    /** Removes a table's recovery log (point-in-time recovery turned off). */
    default void dropRecoveryLog(String namespace, String table) {
    }

    /**
     * Applies the mutations all together or not at all. They are visible to readers when
     * this returns; a store that commits in the background makes them durable later (see
     * {@link #awaitDurable}), so callers need not hold locks while a disk syncs.
     */
    void apply(List<Mutation> mutations);

    /**
     * Completes when everything the calling thread applied since its last call is durable,
     * or fails if it could not be made so; null when there is nothing to wait for. The
     * engine calls it after each action, with no lock held, and acknowledges the request
     * when it completes.
     */
    default CompletableFuture<Void> durable() {
        return null;
    }

    // ---- what features keep beside the tables (a stream's state and records), for stores that outlive the process ----

    /** Whether the store keeps documents and logs across processes; when it does not, the methods below keep nothing. */
    default boolean keepsSideData() {
        return false;
    }

    /** The documents of one kind kept for a namespace, by key. */
    default Map<String, byte[]> loadDocuments(String namespace, String kind) {
        return Map.of();
    }

    /** Saves (creates or replaces) a document, in commit order with the item writes of the calling thread. */
    default void saveDocument(String namespace, String kind, String key, byte[] document) {
    }

    default void deleteDocument(String namespace, String kind, String key) {
    }

    /** Appends entries (in increasing sequence) to a log, in commit order with the item writes of the calling thread. */
    default void appendToLog(String namespace, String log, List<LogEntry> entries) {
    }

    /** Drops a log's entries up to and including {@code sequence}. */
    default void trimLog(String namespace, String log, long throughSequence) {
    }

    default void dropLog(String namespace, String log) {
    }

    /** A log's entries in sequence order. */
    default List<LogEntry> readLog(String namespace, String log) {
        return List.of();
    }

    /** One entry of a log: its sequence number and its bytes. */
    record LogEntry(long sequence, byte[] entry) {
    }

    /**
     * Runs {@code undo} if what the calling thread applied last fails to commit (its items are
     * undone in memory by then): for readers of the change feed that keep what a write changed.
     * A store that never fails a commit after {@link #apply} returned does nothing.
     */
    default void onCommitFailure(Runnable undo) {
    }

    /** Waits until everything the calling thread applied is durable, or throws a {@link StoreException}. */
    default void awaitDurable() {
    }

    /**
     * Forgets a namespace whose tables and backups were dropped: what the store still holds for
     * it goes too (a file store's database file, its connections and its committer thread).
     */
    default void dropNamespace(String namespace) {
    }

    @Override
    void close();
}
