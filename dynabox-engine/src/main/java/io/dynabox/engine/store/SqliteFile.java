package io.dynabox.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.wire.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * One SQLite database: one namespace's tables, items, backups, recovery logs and streams. Schema
 * (version 6, kept in {@code PRAGMA user_version}; {@code PRAGMA application_id} marks Dynabox
 * files; files of versions 1 to 5 are upgraded in place when opened):
 * <pre>
 * tables(name TEXT PRIMARY KEY, metadata TEXT)          -- table definition and status, JSON
 * items(id INTEGER PRIMARY KEY, table_name TEXT, index_name TEXT, key BLOB, item TEXT, size INTEGER)
 * INDEX items_by_keyspace ON items (table_name, index_name)
 *   -- one row per (table_name, index_name, key); index_name '' for the table itself; key is
 *   -- KeyCodec's bytes (from version 4 beginning with the service's MD5 partition hash), whose
 *   -- memcmp order is DynamoDB's; item is the item (or index entry)
 *   -- in DynamoDB JSON; size by DynamoDB's rules
 * backups(arn TEXT PRIMARY KEY, metadata TEXT)          -- an on-demand backup's description, JSON (version 3)
 * backup_items(backup_arn TEXT, key BLOB, item TEXT, size INTEGER)
 * INDEX backup_items_by_backup ON backup_items (backup_arn)
 *   -- the table's items when the backup was taken (its indexes are rebuilt from them at restore)
 * recovery_log(table_name TEXT, time_millis INTEGER, key BLOB, old_item TEXT, old_size INTEGER)
 * INDEX recovery_log_by_table ON recovery_log (table_name, time_millis)
 *   -- point-in-time recovery: each change of a table with it on, in rowid (commit) order, with
 *   -- the item before it (old_item NULL: there was none), over the recovery period (version 5)
 * documents(kind TEXT, key TEXT, document TEXT, PRIMARY KEY (kind, key))   -- (version 6)
 *   -- what features keep beside the tables: a stream's state (kind 'stream', key its ARN), JSON
 * log_entries(log TEXT, sequence INTEGER, entry BLOB, PRIMARY KEY (log, sequence))
 *   -- append-only logs: a stream's records (log 'stream:' and its ARN), trimmed from the front
 * </pre>
 *
 * <p>Durability: WAL journal with {@code synchronous=NORMAL}: a commit is in the WAL file
 * (the operating system's cache) when it returns, so it survives the death of the process
 * (kill -9) at any moment; an operating system crash or power loss can lose the last
 * commits, never the consistency of the file. One committer thread writes; items are read
 * from the file only when a keyspace opens (on connections of their own, from WAL snapshots),
 * and from memory after that (see {@link SqliteKeyspace}).
 *
 * <p>Faults: when a commit fails (disk full, I/O error, a lock held too long by another
 * program) every write not yet committed is failed (its request answers InternalServerError)
 * and undone in memory, so what readers see is again what is on disk; the file
 * refuses writes, and the committer retries each second until a write succeeds again.
 */
final class SqliteFile {
    private static final System.Logger LOG = System.getLogger(SqliteFile.class.getName());
    /** 5: recovery logs; 4: keys begin with the service's partition hash (MD5), where 3 and before had FNV-1a; 3: backups; 2: row ids. */
    static final int SCHEMA_VERSION = 6;
    /** "DYNB": tells a Dynabox database from any other SQLite file. */
    static final int APPLICATION_ID = 0x44594E42;
    private static final int MAX_WORKS_PER_COMMIT = 4096;
    /** Free space a file system needs before writes are tried again after it was full. */
    private static final long ROOM_TO_RESUME = 1024 * 1024;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_NOTADB = 26;
    static final String DAMAGED_ADVICE = "stop Dynabox and restore the file from a backup, or salvage its rows with "
            + "`sqlite3 FILE .recover | sqlite3 NEW_FILE` and put NEW_FILE in its place, or move it away to start that "
            + "namespace empty";

    private final Path path;
    /** The file's identity when opened (its inode): SQLite writes on to a file removed from under it, which no restart finds. */
    private final Object fileKey;
    private final Connection writer;
    private final ConcurrentLinkedQueue<Reader> readers = new ConcurrentLinkedQueue<>();
    private final Map<String, SqliteKeyspace> keyspaces = new ConcurrentHashMap<>();
    /** Applies changes to the keyspaces' in-memory copies (which it does not hold by name: see {@link SqliteKeyspace}). */
    private final MemoryStore memory = new MemoryStore();
    private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    // appliers share it; a failed commit takes it alone to withdraw everything uncommitted
    private final ReentrantReadWriteLock applyLock = new ReentrantReadWriteLock();
    private final Thread committer;
    private volatile boolean running = true;
    private volatile StoreException failure;
    /** The last commit failed for want of space (the committer's own). */
    private boolean diskFull;
    // the committer's own: statements, the next row id, and the row id changes of the commit under way
    private PreparedStatement begin;
    private PreparedStatement end;
    private PreparedStatement insert;
    private PreparedStatement update;
    private PreparedStatement delete;
    private PreparedStatement appendLog;
    private long nextId;
    private final List<RowChange> rowChanges = new ArrayList<>();

    private SqliteFile(Path path, Connection writer, long nextId) {
        this.path = path;
        this.fileKey = fileKey(path);
        this.writer = writer;
        this.nextId = nextId;
        this.committer = new Thread(this::commitLoop, "dynabox-sqlite-commit " + path.getFileName());
        committer.setDaemon(true);
        committer.start();
    }

    /** How much of an existing file is checked for damage when it opens. */
    enum IntegrityCheck {
        /** A file this process creates. */
        NONE,
        /** {@code PRAGMA quick_check}: every page's structure, not the indexes against their tables. */
        QUICK,
        /** {@code PRAGMA integrity_check}: everything, slower. */
        FULL
    }

    /** Opens or creates the database, checking it is an undamaged Dynabox database of a schema this version reads. */
    static SqliteFile open(Path path, boolean optimize, IntegrityCheck check) {
        Connection connection = null;
        try {
            connection = connect(path, true);
            checkIntegrity(path, connection, check);
            checkSchema(path, connection);
            if (optimize) optimize(connection);
            return new SqliteFile(path, connection, maxId(connection) + 1);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException("cannot open the database " + path + ": " + describe(e)
                    + (e.getErrorCode() == SQLITE_CORRUPT || e.getErrorCode() == SQLITE_NOTADB ? "; it is damaged: " + DAMAGED_ADVICE
                    : " (if the file is damaged, move it away; Dynabox creates a new one)"), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * Creates an empty database of the current schema at {@code path} and closes it, leaving
     * one complete file (its WAL is checkpointed and removed at close): a spare that
     * {@link SqliteStore} renames into place when a namespace needs its file.
     */
    static void createEmpty(Path path) {
        try (Connection connection = connect(path, true)) {
            checkSchema(path, connection);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)"); // the schema in the file itself, whatever happens to its WAL
            }
        } catch (SQLException e) {
            throw new StoreException("cannot create the database " + path + ": " + describe(e), e);
        }
    }

    private static Connection connect(Path path, boolean create) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(5000);
        config.setGetGeneratedKeys(false); // row ids are Dynabox's own: no query for them after each insert
        if (!create) config.resetOpenMode(SQLiteOpenMode.CREATE);
        return config.createConnection("jdbc:sqlite:" + path);
    }

    /**
     * A damaged file is refused at start, rather than answering 500 to every request of its
     * namespace later. (A file of zero bytes is a database nothing was ever checkpointed
     * into: SQLite reads it as empty, with whatever its WAL file holds.)
     */
    private static void checkIntegrity(Path path, Connection connection, IntegrityCheck check) throws SQLException {
        if (check == IntegrityCheck.NONE) return;
        List<String> problems = new ArrayList<>();
        String pragma = check == IntegrityCheck.FULL ? "integrity_check(5)" : "quick_check(5)";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            while (rs.next()) problems.add(rs.getString(1));
        }
        if (problems.equals(List.of("ok"))) return;
        throw new StoreException("the database " + path + " is damaged (" + (check == IntegrityCheck.FULL ? "integrity_check" : "quick_check")
                + ": " + String.join("; ", problems) + "): " + DAMAGED_ADVICE);
    }

    private static void checkSchema(Path path, Connection connection) throws SQLException {
        int applicationId = pragmaInt(connection, "application_id");
        int version = pragmaInt(connection, "user_version");
        if (applicationId == 0 && version == 0) {
            if (pragmaInt(connection, "page_count") > 1 && hasAnyTable(connection)) {
                throw new StoreException("the database " + path + " is not a Dynabox database (it holds other tables); "
                        + "move it away or choose another --db-path");
            }
            try (Statement s = connection.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                s.execute("CREATE TABLE IF NOT EXISTS tables (name TEXT PRIMARY KEY, metadata TEXT NOT NULL)");
                createItems(s);
                createBackups(s);
                createRecoveryLog(s);
                createSideTables(s);
                s.execute("PRAGMA application_id = " + APPLICATION_ID);
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                s.execute("COMMIT");
            }
            return;
        }
        if (applicationId != APPLICATION_ID) {
            throw new StoreException("the database " + path + " is not a Dynabox database (application_id " + applicationId
                    + "); move it away or choose another --db-path");
        }
        if (version > SCHEMA_VERSION) {
            throw new StoreException("the database " + path + " was written by a newer Dynabox (schema version " + version
                    + "; this Dynabox reads version " + SCHEMA_VERSION + "): use that Dynabox version or a newer one");
        }
        if (version == 1) {
            upgrade(path, connection, 1, SqliteFile::moveItemsToVersion2Table);
            version = 2;
        }
        if (version == 2) {
            upgrade(path, connection, 2, SqliteFile::createBackups); // version 2 lacked the backup tables
            version = 3;
        }
        if (version == 3) {
            upgradeFromVersion3(path, connection);
            version = 4;
        }
        if (version == 4) {
            upgrade(path, connection, 4, SqliteFile::createRecoveryLog); // version 4 lacked the recovery log
            version = 5;
        }
        if (version == 5) {
            upgrade(path, connection, 5, SqliteFile::createSideTables); // version 5 lacked the side tables
        } else if (version < SCHEMA_VERSION) {
            throw new StoreException("the database " + path + " has schema version " + version
                    + ", which this Dynabox (schema version " + SCHEMA_VERSION + ") does not read");
        }
    }

    /**
     * Version 2: items have an integer id, and are indexed by table and index only, so new
     * rows are appended (version 1 kept them in key order, in random places of the file).
     */
    private static void createItems(Statement s) throws SQLException {
        s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, table_name TEXT NOT NULL, index_name TEXT NOT NULL, "
                + "key BLOB NOT NULL, item TEXT NOT NULL, size INTEGER NOT NULL)");
        s.execute("CREATE INDEX items_by_keyspace ON items (table_name, index_name)");
    }

    /** Version 3: on-demand backups, with the items each holds. */
    private static void createBackups(Statement s) throws SQLException {
        s.execute("CREATE TABLE backups (arn TEXT PRIMARY KEY, metadata TEXT NOT NULL)");
        s.execute("CREATE TABLE backup_items (backup_arn TEXT NOT NULL, key BLOB NOT NULL, item TEXT NOT NULL, size INTEGER NOT NULL)");
        s.execute("CREATE INDEX backup_items_by_backup ON backup_items (backup_arn)");
    }

    /** Version 4: the recovery logs of tables with point-in-time recovery on. */
    private static void createRecoveryLog(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS recovery_log (table_name TEXT NOT NULL, time_millis INTEGER NOT NULL, key BLOB NOT NULL, "
                + "old_item TEXT, old_size INTEGER NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS recovery_log_by_table ON recovery_log (table_name, time_millis)");
    }

    /** Version 6: documents and logs that features keep beside the tables (streams). */
    private static void createSideTables(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS documents (kind TEXT NOT NULL, key TEXT NOT NULL, document TEXT NOT NULL, "
                + "PRIMARY KEY (kind, key))");
        s.execute("CREATE TABLE IF NOT EXISTS log_entries (log TEXT NOT NULL, sequence INTEGER NOT NULL, entry BLOB NOT NULL, "
                + "PRIMARY KEY (log, sequence)) WITHOUT ROWID");
    }

    /** A change of the schema from one version to the next, run inside {@link #upgrade}'s transaction. */
    private interface SchemaChange {
        void apply(Statement s) throws SQLException;
    }

    /** Upgrades the file from version {@code from} to the next one in one transaction: all of the change, or none of it. */
    private static void upgrade(Path path, Connection connection, int from, SchemaChange change) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                change.apply(s);
                s.execute("PRAGMA user_version = " + (from + 1));
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
        LOG.log(System.Logger.Level.INFO, "upgraded the database " + path + " from schema version " + from + " to " + (from + 1));
    }

    /** Version 1 had the same rows in a table keyed by (table_name, index_name, key): copied over. */
    private static void moveItemsToVersion2Table(Statement s) throws SQLException {
        s.execute("ALTER TABLE items RENAME TO items_version_1");
        createItems(s);
        s.execute("INSERT INTO items (table_name, index_name, key, item, size) "
                + "SELECT table_name, index_name, key, item, size FROM items_version_1 ORDER BY table_name, index_name, key");
        s.execute("DROP TABLE items_version_1");
    }

    /**
     * Version 3 keys (of items, index entries and backups) began with another hash of the
     * partition key: each key's first eight bytes are written again with the service's hash
     * ({@link KeyCodec#hashOfStored}), in one transaction. The partition's type, which the
     * hash of a number needs, comes from the table's metadata (its key schema and its
     * indexes') or the backup's (its source table's key schema).
     */
    private static void upgradeFromVersion3(Path path, Connection connection) throws SQLException {
        Map<String, AttributeValue.Type> partitionTypes = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet tables = s.executeQuery("SELECT name, metadata FROM tables")) {
            while (tables.next()) {
                JsonNode definition = metadata(path, tables.getBytes(2)).path("definition");
                String table = tables.getString(1);
                partitionTypes.put(table + "\u0000", partitionType(definition));
                for (String kind : List.of("localIndexes", "globalIndexes")) {
                    for (JsonNode index : definition.path(kind)) {
                        partitionTypes.put(table + "\u0000" + index.path("name").textValue(), partitionType(index));
                    }
                }
            }
        }
        try (Statement s = connection.createStatement(); ResultSet backups = s.executeQuery("SELECT arn, metadata FROM backups")) {
            while (backups.next()) partitionTypes.put("backup\u0000" + backups.getString(1), partitionType(metadata(path, backups.getBytes(2)).path("source")));
        }
        long rows = 0;
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try (PreparedStatement rewrite = connection.prepareStatement("UPDATE items SET key = ? WHERE id = ?");
                 PreparedStatement rewriteBackup = connection.prepareStatement("UPDATE backup_items SET key = ? WHERE rowid = ?")) {
                try (ResultSet items = s.executeQuery("SELECT id, table_name || char(0) || index_name, key FROM items")) {
                    rows += rehash(items, partitionTypes, rewrite);
                }
                try (Statement b = connection.createStatement();
                     ResultSet items = b.executeQuery("SELECT rowid, 'backup' || char(0) || backup_arn, key FROM backup_items")) {
                    rows += rehash(items, partitionTypes, rewriteBackup);
                }
                s.execute("PRAGMA user_version = 4");
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
        LOG.log(System.Logger.Level.INFO, "upgraded the database " + path + " from schema version 3 to 4"
                + " (" + rows + " keys hashed again)");
    }

    /** Rewrites the hash of each (row id, keyspace, key) row whose keyspace's partition type is known; answers how many. */
    private static long rehash(ResultSet rows, Map<String, AttributeValue.Type> partitionTypes, PreparedStatement rewrite) throws SQLException {
        long count = 0;
        while (rows.next()) {
            AttributeValue.Type type = partitionTypes.get(rows.getString(2));
            byte[] key = rows.getBytes(3);
            if (type == null || key.length < 10) continue; // a keyspace of no table left: nothing reads it
            int length = ((key[8] & 0xFF) << 8) | (key[9] & 0xFF);
            long hash = KeyCodec.hashOfStored(type, java.util.Arrays.copyOfRange(key, 10, 10 + length));
            for (int i = 0; i < 8; i++) key[i] = (byte) (hash >>> (56 - 8 * i));
            rewrite.setBytes(1, key);
            rewrite.setLong(2, rows.getLong(1));
            rewrite.executeUpdate();
            count++;
        }
        return count;
    }

    private static JsonNode metadata(Path path, byte[] document) {
        try {
            return Json.parse(document);
        } catch (java.io.IOException e) {
            throw new StoreException("the database " + path + " holds table metadata that cannot be read: " + e.getMessage(), e);
        }
    }

    /** Null when the metadata names no key schema (then no key of it is KeyCodec's: nothing to hash again). */
    private static AttributeValue.Type partitionType(JsonNode withKeySchema) {
        String type = withKeySchema.path("keySchema").path("partitionType").textValue();
        return type == null ? null : AttributeValue.Type.valueOf(type);
    }

    private static boolean hasAnyTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private static long maxId(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM items")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static int pragmaInt(Connection connection, String pragma) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    Path path() {
        return path;
    }

    MemoryStore memory() {
        return memory;
    }

    /** --optimize-db-before-startup: rewrites the file compactly and refreshes the query planner's statistics. */
    private static void optimize(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            s.execute("VACUUM");
            s.execute("PRAGMA optimize");
        }
    }

    Map<String, byte[]> loadTables() {
        return read(reader -> {
            Map<String, byte[]> tables = new LinkedHashMap<>();
            try (ResultSet rs = reader.statement("SELECT name, metadata FROM tables ORDER BY name").executeQuery()) {
                while (rs.next()) tables.put(rs.getString(1), rs.getString(2).getBytes(StandardCharsets.UTF_8));
            }
            return tables;
        });
    }

    void saveTable(String table, String metadata) {
        runExclusive(connection -> {
            try (PreparedStatement s = connection.prepareStatement("INSERT OR REPLACE INTO tables (name, metadata) VALUES (?, ?)")) {
                s.setString(1, table);
                s.setString(2, metadata);
                s.executeUpdate();
            }
        }, "save the table " + table);
    }

    void dropTable(String table) {
        runExclusive(connection -> {
            try (PreparedStatement items = connection.prepareStatement("DELETE FROM items WHERE table_name = ?");
                 PreparedStatement log = connection.prepareStatement("DELETE FROM recovery_log WHERE table_name = ?");
                 PreparedStatement tables = connection.prepareStatement("DELETE FROM tables WHERE name = ?")) {
                items.setString(1, table);
                items.executeUpdate();
                log.setString(1, table);
                log.executeUpdate();
                tables.setString(1, table);
                tables.executeUpdate();
            }
        }, "drop the table " + table);
        // on disk now: later keyspaces of that name start empty, writes to the old ones go nowhere
        keyspaces.values().removeIf(k -> {
            if (!k.table().equals(table)) return false;
            k.drop();
            return true;
        });
    }

    void dropIndex(String table, String index) {
        runExclusive(connection -> {
            try (PreparedStatement items = connection.prepareStatement("DELETE FROM items WHERE table_name = ? AND index_name = ?")) {
                items.setString(1, table);
                items.setString(2, index);
                items.executeUpdate();
            }
        }, "drop the index " + index + " of " + table);
        SqliteKeyspace dropped = keyspaces.remove(table + '\u0000' + index);
        if (dropped != null) dropped.drop();
    }

    Map<String, byte[]> loadBackups() {
        return read(reader -> {
            Map<String, byte[]> backups = new LinkedHashMap<>();
            try (ResultSet rs = reader.statement("SELECT arn, metadata FROM backups ORDER BY arn").executeQuery()) {
                while (rs.next()) backups.put(rs.getString(1), rs.getString(2).getBytes(StandardCharsets.UTF_8));
            }
            return backups;
        });
    }

    /**
     * Queues a backup's rows for the committer, which writes them in the commit order (after
     * every write the backup saw); the future completes once they are durable.
     */
    CompletableFuture<Void> saveBackup(String arn, String metadata, List<StoredItem> items) {
        Work work = new Work(List.of(), connection -> {
            try (PreparedStatement backup = connection.prepareStatement("INSERT OR REPLACE INTO backups (arn, metadata) VALUES (?, ?)");
                 PreparedStatement item = connection.prepareStatement(
                         "INSERT INTO backup_items (backup_arn, key, item, size) VALUES (?, ?, ?, ?)")) {
                backup.setString(1, arn);
                backup.setString(2, metadata);
                backup.executeUpdate();
                for (StoredItem stored : items) {
                    item.setString(1, arn);
                    item.setBytes(2, stored.key());
                    item.setString(3, new String(stored.jsonArray(), stored.jsonOffset(), stored.jsonLength(), StandardCharsets.UTF_8));
                    item.setLong(4, stored.size());
                    item.executeUpdate();
                }
            }
        });
        return submit(work);
    }

    /** Queues a change for the committer without waiting; the future completes once it is durable. */
    private CompletableFuture<Void> submit(Work work) {
        applyLock.readLock().lock();
        try {
            checkWritable();
            queue.add(work);
        } finally {
            applyLock.readLock().unlock();
        }
        return work.done;
    }

    /**
     * Appends changes to a table's recovery log, behind the item writes they follow in the
     * commit order (the caller holds the table's write lock), without waiting for the disk.
     */
    void appendRecoveryLog(String table, List<RecoveryEntry> entries) {
        submit(new Work(List.of(), connection -> {
            if (appendLog == null) {
                appendLog = connection.prepareStatement(
                        "INSERT INTO recovery_log (table_name, time_millis, key, old_item, old_size) VALUES (?, ?, ?, ?, ?)");
            }
            for (RecoveryEntry entry : entries) {
                appendLog.setString(1, table);
                appendLog.setLong(2, entry.timeMillis());
                appendLog.setBytes(3, entry.key());
                appendLog.setString(4, entry.oldImage() == null ? null : new String(entry.oldImage(), StandardCharsets.UTF_8));
                appendLog.setLong(5, entry.oldSize());
                appendLog.executeUpdate();
            }
        }));
    }

    /** Forgets the changes of a table's recovery log older than {@code beforeMillis}, in the background. */
    void pruneRecoveryLog(String table, long beforeMillis) {
        submit(new Work(List.of(), connection -> {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM recovery_log WHERE table_name = ? AND time_millis < ?")) {
                s.setString(1, table);
                s.setLong(2, beforeMillis);
                s.executeUpdate();
            }
        }));
    }

    void dropRecoveryLog(String table) {
        runExclusive(connection -> {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM recovery_log WHERE table_name = ?")) {
                s.setString(1, table);
                s.executeUpdate();
            }
        }, "drop the recovery log of " + table);
    }

    List<RecoveryEntry> loadRecoveryLog(String table) {
        return read(reader -> {
            List<RecoveryEntry> entries = new ArrayList<>();
            PreparedStatement s = reader.statement("SELECT time_millis, key, old_item, old_size FROM recovery_log "
                    + "WHERE table_name = ? ORDER BY rowid");
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) entries.add(new RecoveryEntry(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getLong(4)));
            }
            return entries;
        });
    }

    List<StoredItem> loadBackupItems(String arn) {
        return read(reader -> {
            List<StoredItem> items = new ArrayList<>();
            PreparedStatement s = reader.statement("SELECT key, item, size FROM backup_items WHERE backup_arn = ? ORDER BY key");
            s.setString(1, arn);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) items.add(new StoredItem(rs.getBytes(1), rs.getBytes(2), rs.getLong(3)));
            }
            return items;
        });
    }

    void dropBackup(String arn) {
        runExclusive(connection -> {
            try (PreparedStatement items = connection.prepareStatement("DELETE FROM backup_items WHERE backup_arn = ?");
                 PreparedStatement backups = connection.prepareStatement("DELETE FROM backups WHERE arn = ?")) {
                items.setString(1, arn);
                items.executeUpdate();
                backups.setString(1, arn);
                backups.executeUpdate();
            }
        }, "delete the backup " + arn);
    }

    SqliteKeyspace keyspace(String table, String index) {
        return keyspaces.computeIfAbsent(table + '\u0000' + index, name -> new SqliteKeyspace(this, table, index));
    }

    /** Makes the mutations visible and queues them for the committer; the future completes once they are durable. */
    CompletableFuture<Void> apply(List<Mutation> mutations) {
        List<SqliteKeyspace.Write> writes = new ArrayList<>(mutations.size());
        for (Mutation m : mutations) {
            SqliteKeyspace keyspace = (SqliteKeyspace) m.keyspace();
            if (!keyspace.dropped()) writes.add(keyspace.prepare(m));
        }
        if (writes.isEmpty()) return null;
        applyLock.readLock().lock();
        try {
            checkWritable();
            // one at a time, so each write's undo record is what the one before it left
            for (SqliteKeyspace.Write write : writes) memory.apply(List.of(write.keyspace.expose(write)));
            Work work = new Work(writes, null);
            queue.add(work);
            return work.done;
        } finally {
            applyLock.readLock().unlock();
        }
    }

    /** Queues a change for the committer, in the commit order, without waiting; the future completes once it is durable. */
    CompletableFuture<Void> enqueue(SqlAction action) {
        Work work = new Work(List.of(), action);
        applyLock.readLock().lock();
        try {
            checkWritable();
            queue.add(work);
        } finally {
            applyLock.readLock().unlock();
        }
        return work.done;
    }

    Map<String, byte[]> loadDocuments(String kind) {
        return read(reader -> {
            Map<String, byte[]> documents = new LinkedHashMap<>();
            PreparedStatement select = reader.statement("SELECT key, document FROM documents WHERE kind = ? ORDER BY key");
            select.setString(1, kind);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) documents.put(rs.getString(1), rs.getString(2).getBytes(StandardCharsets.UTF_8));
            }
            return documents;
        });
    }

    List<Store.LogEntry> readLog(String log) {
        return read(reader -> {
            List<Store.LogEntry> entries = new ArrayList<>();
            PreparedStatement select = reader.statement("SELECT sequence, entry FROM log_entries WHERE log = ? ORDER BY sequence");
            select.setString(1, log);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) entries.add(new Store.LogEntry(rs.getLong(1), rs.getBytes(2)));
            }
            return entries;
        });
    }

    /** Runs a change of metadata in the commit order, and waits until it is durable. */
    private void runExclusive(SqlAction action, String what) {
        Work work = new Work(List.of(), action);
        applyLock.readLock().lock();
        try {
            checkWritable();
            queue.add(work);
        } finally {
            applyLock.readLock().unlock();
        }
        try {
            SqliteStore.await(work.done);
        } catch (StoreException e) {
            throw new StoreException("cannot " + what + " in " + path + ": " + e.getMessage(), e);
        }
    }

    private void checkWritable() {
        if (!running) throw new StoreException("the database " + path + " is closed");
        StoreException failed = failure;
        if (failed != null) {
            throw new StoreException("the database " + path + " refuses writes since a commit failed (" + failed.getMessage()
                    + "); a trial write is made each second, and writes are taken again once it succeeds; reads go on", failed);
        }
    }

    // ---- the committer ----

    private void commitLoop() {
        List<Work> round = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                if (failure != null) {
                    probe();
                    continue;
                }
                Work first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                round.add(first);
                queue.drainTo(round, MAX_WORKS_PER_COMMIT - 1);
                commit(round);
            } catch (InterruptedException e) {
                running = false;
            } catch (Throwable e) { // never leave a writer waiting for an answer that cannot come
                fail(round, new StoreException("the committer of " + path + " failed: " + e, e));
            } finally {
                round.clear();
            }
        }
    }

    private void commit(List<Work> round) {
        try {
            if (begin == null) prepareStatements();
            checkStillThere();
            begin.execute();
            try {
                for (Work work : round) {
                    if (work.action != null) work.action.run(writer);
                    for (SqliteKeyspace.Write write : work.writes) write(write);
                }
                end.execute();
                rowChanges.clear();
            } catch (SQLException | RuntimeException e) {
                rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            // the driver finalizes a statement that failed (disk full): reused, it answers "statement is not
            // executing" for ever after, which kept every later write failing until a restart
            closeStatements();
            diskFull = e instanceof SQLException sql && (sql.getErrorCode() & 0xff) == SQLITE_FULL;
            fail(round, new StoreException("writing to the database " + path + " failed: " + describeWriteFailure(e), e));
            return;
        }
        for (Work work : round) work.done.complete(null);
    }

    private void closeStatements() {
        for (PreparedStatement statement : new PreparedStatement[] {begin, end, insert, update, delete}) closeQuietly(statement);
        begin = null;
        end = null;
        insert = null;
        update = null;
        delete = null;
    }

    private void prepareStatements() throws SQLException {
        begin = writer.prepareStatement("BEGIN IMMEDIATE");
        end = writer.prepareStatement("COMMIT");
        insert = writer.prepareStatement("INSERT INTO items (id, table_name, index_name, key, item, size) VALUES (?, ?, ?, ?, ?, ?)");
        update = writer.prepareStatement("UPDATE items SET item = ?, size = ? WHERE id = ?");
        delete = writer.prepareStatement("DELETE FROM items WHERE id = ?");
    }

    /**
     * One row: a new key is inserted with the next id, so new rows are appended to the end of
     * the table and of its index (random keys would touch a random page of the file each); an
     * existing key's row is found by its id, which the keyspace remembers.
     */
    private void write(SqliteKeyspace.Write write) throws SQLException {
        SqliteKeyspace keyspace = write.keyspace;
        Mutation m = write.mutation;
        ByteBuffer key = ByteBuffer.wrap(m.key());
        Long id = keyspace.rowIds.get(key);
        if (write.item != null && id == null) {
            long newId = nextId++;
            insert.setLong(1, newId);
            insert.setString(2, keyspace.table());
            insert.setString(3, keyspace.index());
            insert.setBytes(4, m.key());
            insert.setString(5, write.item);
            insert.setLong(6, m.size());
            insert.executeUpdate();
            keyspace.rowIds.put(key, newId);
            rowChanges.add(new RowChange(keyspace, key, null));
        } else if (write.item != null) {
            update.setString(1, write.item);
            update.setLong(2, m.size());
            update.setLong(3, id);
            update.executeUpdate();
        } else if (id != null) {
            delete.setLong(1, id);
            delete.executeUpdate();
            keyspace.rowIds.remove(key);
            rowChanges.add(new RowChange(keyspace, key, id));
        }
    }

    /** Rolls the transaction back, and the keyspaces' row ids with it. */
    private void rollback() {
        try {
            try (PreparedStatement s = writer.prepareStatement("ROLLBACK")) {
                s.execute();
            }
        } catch (SQLException ignored) {
            // SQLite may have rolled back already (disk full does)
        }
        for (int i = rowChanges.size() - 1; i >= 0; i--) {
            RowChange change = rowChanges.get(i);
            if (change.previous == null) change.keyspace.rowIds.remove(change.key);
            else change.keyspace.rowIds.put(change.key, change.previous);
        }
        rowChanges.clear();
    }

    /** A key's row id before the commit under way changed it (null: it had no row). */
    private record RowChange(SqliteKeyspace keyspace, ByteBuffer key, Long previous) {
    }

    /**
     * A commit failed: fail it and everything queued after it (built on what it changed),
     * undo their changes in memory, and refuse writes until a commit works.
     */
    private void fail(List<Work> round, StoreException cause) {
        LOG.log(System.Logger.Level.ERROR, cause.getMessage() + "; writes to it are refused until it can be written again", cause);
        applyLock.writeLock().lock();
        try {
            failure = cause;
            queue.drainTo(round);
            // undone before anyone hears of the failure, so a retry reads what is on disk; newest
            // first, so each key gets back what it held before the first write that failed
            for (int w = round.size() - 1; w >= 0; w--) {
                List<SqliteKeyspace.Write> writes = round.get(w).writes;
                for (int i = writes.size() - 1; i >= 0; i--) {
                    SqliteKeyspace.Write write = writes.get(i);
                    if (!write.keyspace.dropped()) memory.apply(List.of(write.keyspace.undo(write)));
                }
            }
        } finally {
            applyLock.writeLock().unlock();
        }
        // heard of outside the lock: who hears (a stream taking its records back) may write again
        for (Work work : round) work.done.completeExceptionally(cause);
    }

    /**
     * While failed: one trial write a second; writes are accepted again once it commits.
     * After a full disk, not before the file system has room again: a trial write that
     * fits in pages the file already has would succeed while real writes still could not.
     */
    private void probe() throws InterruptedException {
        Thread.sleep(1000);
        if (diskFull && usableSpace() < ROOM_TO_RESUME) {
            LOG.log(System.Logger.Level.DEBUG, "the disk of " + path + " is still full");
            return;
        }
        try (Statement s = writer.createStatement()) {
            checkStillThere();
            s.execute("BEGIN IMMEDIATE");
            try {
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                s.execute("INSERT OR REPLACE INTO tables (name, metadata) VALUES ('', '{}')");
                s.execute("DELETE FROM tables WHERE name = ''");
                s.execute("COMMIT");
            } catch (SQLException e) {
                rollback();
                throw e;
            }
            LOG.log(System.Logger.Level.INFO, "the database " + path + " can be written again");
            diskFull = false;
            failure = null;
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "the database " + path + " still cannot be written: " + describe(e));
        }
    }

    /**
     * A database file deleted (or replaced) while Dynabox runs takes writes that no restart will
     * find: refused instead, as a failed commit is, until the file is back (one stat a commit).
     */
    private void checkStillThere() throws SQLException {
        Object now = fileKey(path);
        if (fileKey != null && !fileKey.equals(now)) {
            throw new SQLException("the file " + path + " was " + (now == null ? "removed" : "replaced") + " while Dynabox ran; "
                    + "writes to it would be lost at the next start");
        }
    }

    private static Object fileKey(Path path) {
        try {
            return java.nio.file.Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private long usableSpace() {
        try {
            return Files.getFileStore(path).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // cannot tell: let the trial write tell
        }
    }

    /** For tests: caps the database at {@code pages} pages, past which SQLite answers SQLITE_FULL as on a full disk. */
    void capPages(long pages) throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA max_page_count = " + pages);
        }
    }

    // ---- readers ----

    /** Runs a read on a pooled connection of its own: readers see the last commit and never wait for the writer. */
    <T> T read(SqlRead<T> action) {
        Reader reader = readers.poll();
        try {
            if (reader == null) reader = new Reader(connect(path, false));
            T result = action.run(reader);
            readers.add(reader);
            return result;
        } catch (SQLException e) {
            if (reader != null) reader.close();
            throw new StoreException("reading the database " + path + " failed: " + describe(e), e);
        }
    }

    void close() {
        running = false;
        try {
            committer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Reader reader;
        while ((reader = readers.poll()) != null) reader.close();
        for (SqliteKeyspace keyspace : keyspaces.values()) keyspace.drop();
        closeQuietly(writer);
    }

    /** What went wrong with a write, in words that name the cause where SQLite's code tells it. */
    private static String describeWriteFailure(Exception e) {
        int code = e instanceof SQLException sql ? sql.getErrorCode() & 0xff : -1;
        String cause = switch (code) {
            case SQLITE_FULL -> "the disk is full";
            case SQLITE_IOERR -> "the disk reported an I/O error";
            case SQLITE_BUSY, SQLITE_LOCKED -> "another program holds a lock on the file";
            case SQLITE_READONLY -> "the file cannot be written";
            default -> null;
        };
        return cause == null ? describe(e) : cause + " (" + describe(e) + ")";
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) return;
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing after a failure: the first failure is the one reported
        }
    }

    /** A change and the future its requester waits on. */
    private record Work(List<SqliteKeyspace.Write> writes, SqlAction action, CompletableFuture<Void> done) {
        Work(List<SqliteKeyspace.Write> writes, SqlAction action) {
            this(writes, action, new CompletableFuture<>());
        }
    }

    interface SqlAction {
        void run(Connection connection) throws SQLException;
    }

    interface SqlRead<T> {
        T run(Reader reader) throws SQLException;
    }

    /** A reading connection with its prepared statements. */
    static final class Reader {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        Reader(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return statement;
        }

        void close() {
            statements.values().forEach(SqliteFile::closeQuietly);
            closeQuietly(connection);
        }
    }
}
