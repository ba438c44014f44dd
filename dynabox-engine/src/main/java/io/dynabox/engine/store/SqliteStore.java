package io.dynabox.engine.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Items and table metadata in SQLite files in one directory: one file per namespace
 * ({@code shared-local-instance.db} with a shared namespace), created when the namespace
 * creates its first table. The schema is in {@link SqliteFile} and in the README.
 *
 * <p>Writes are acknowledged only once durable, without making writers wait for the disk
 * while they hold a table lock: {@link #apply} makes the mutations visible at once (in an
 * in-memory copy of each keyspace) and queues them for the file's committer thread,
 * which commits everything queued in one transaction (group commit); {@link #durable},
 * asked for by the engine after the action released its locks, completes with that commit.
 *
 * <p>At start-up the directory must be writable and not in use by another Dynabox, and
 * every database already in it must open with a schema this version reads; otherwise the
 * constructor throws a {@link StoreException} that says what to fix.
 */
public final class SqliteStore implements Store {
    static final String SHARED_FILE = "shared-local-instance.db";
    private static final String LOCK_FILE = "dynabox.lock";
    private static final int MAX_PLAIN_NAME = 200;
    private static final int KEPT_PREFIX = 100;
    private static final System.Logger LOG = System.getLogger(SqliteStore.class.getName());

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<Path, SqliteFile> files = new ConcurrentHashMap<>();
    private final ThreadLocal<CompletableFuture<Void>> lastWrite = new ThreadLocal<>();
    private final SpareDatabase spare;

    public SqliteStore(Path directory, boolean optimize) {
        this(directory, optimize, false);
    }

    /**
     * @param optimize           compact every file already in the directory (VACUUM) before use
     * @param fullIntegrityCheck check every existing file completely ({@code PRAGMA integrity_check}) instead of
     *                           the quick check ({@code PRAGMA quick_check}) each one gets
     */
    public SqliteStore(Path directory, boolean optimize, boolean fullIntegrityCheck) {
        this.directory = directory.toAbsolutePath();
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new StoreException("cannot create the database directory " + this.directory + ": " + reason(e), e);
        }
        if (!Files.isDirectory(this.directory) || !Files.isWritable(this.directory)) {
            throw new StoreException("the database directory " + this.directory + " is not a writable directory");
        }
        try {
            lockChannel = FileChannel.open(this.directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLock(lockChannel);
        } catch (IOException e) {
            throw new StoreException("cannot write in the database directory " + this.directory + ": " + reason(e), e);
        }
        if (lock == null) {
            closeQuietly();
            throw new StoreException("the database directory " + this.directory
                    + " is in use by another Dynabox process (it holds " + LOCK_FILE + "); stop it or choose another --db-path");
        }
        spare = new SpareDatabase(this.directory);
        try {
            openExisting(optimize, fullIntegrityCheck ? SqliteFile.IntegrityCheck.FULL : SqliteFile.IntegrityCheck.QUICK);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        spare.makeInBackground();
    }

    /** Opens (and checks, and optionally compacts) every database already in the directory. */
    private void openExisting(boolean optimize, SqliteFile.IntegrityCheck check) {
        List<Path> existing;
        try (Stream<Path> list = Files.list(directory)) {
            existing = list.filter(p -> p.getFileName().toString().endsWith(".db")).sorted().toList();
        } catch (IOException e) {
            throw new StoreException("cannot list the database directory " + directory + ": " + reason(e), e);
        }
        for (Path path : existing) {
            if (isEmptyFile(path)) {
                LOG.log(System.Logger.Level.WARNING, "the database " + path + " is an empty file (0 bytes"
                        + (Files.exists(Path.of(path + "-wal")) ? ", with a WAL file: what the WAL holds is kept" : "")
                        + "): opened as a database with no tables, as SQLite reads it");
            }
            files.put(path, SqliteFile.open(path, optimize, check));
        }
    }

    private static boolean isEmptyFile(Path path) {
        try {
            return Files.size(path) == 0;
        } catch (IOException e) {
            return false; // the open that follows says what is wrong with it
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another store in this JVM
        }
    }

    @Override
    public Map<String, byte[]> loadTables(String namespace) {
        SqliteFile file = file(namespace, false);
        return file == null ? Collections.emptyMap() : file.loadTables();
    }

    @Override
    public boolean keepsTableMetadata() {
        return true;
    }

    @Override
    public void saveTable(String namespace, String table, byte[] metadata) {
        file(namespace, true).saveTable(table, new String(metadata, StandardCharsets.UTF_8));
    }

    @Override
    public void dropTable(String namespace, String table) {
        SqliteFile file = file(namespace, false);
        if (file != null) file.dropTable(table);
    }

    @Override
    public Keyspace keyspace(String namespace, String table, String index) {
        return file(namespace, true).keyspace(table, index == null ? "" : index);
    }

    @Override
    public void dropIndex(String namespace, String table, String index) {
        SqliteFile file = file(namespace, false);
        if (file != null) file.dropIndex(table, index);
    }

    @Override
    public Map<String, byte[]> loadBackups(String namespace) {
        SqliteFile file = file(namespace, false);
        return file == null ? Collections.emptyMap() : file.loadBackups();
    }

    @Override
    public CompletableFuture<Void> saveBackup(String namespace, String backupArn, byte[] metadata, List<StoredItem> items) {
        return file(namespace, true).saveBackup(backupArn, new String(metadata, StandardCharsets.UTF_8), items);
    }

    @Override
    public List<StoredItem> loadBackupItems(String namespace, String backupArn) {
        SqliteFile file = file(namespace, false);
        return file == null ? List.of() : file.loadBackupItems(backupArn);
    }

    @Override
    public void dropBackup(String namespace, String backupArn) {
        SqliteFile file = file(namespace, false);
        if (file != null) file.dropBackup(backupArn);
    }

    @Override
    public boolean keepsRecoveryLog() {
        return true;
    }

    @Override
    public void appendRecoveryLog(String namespace, String table, List<RecoveryEntry> entries) {
        file(namespace, true).appendRecoveryLog(table, entries);
    }

    @Override
    public void pruneRecoveryLog(String namespace, String table, long beforeMillis) {
        file(namespace, true).pruneRecoveryLog(table, beforeMillis);
    }

    @Override
    public List<RecoveryEntry> loadRecoveryLog(String namespace, String table) {
        SqliteFile file = file(namespace, false);
        return file == null ? List.of() : file.loadRecoveryLog(table);
    }

    @Override
    public void dropRecoveryLog(String namespace, String table) {
        SqliteFile file = file(namespace, false);
        if (file != null) file.dropRecoveryLog(table);
    }

    /** Mutations of one action all belong to one namespace, so to one file and one transaction. */
    @Override
    public void apply(List<Mutation> mutations) {
        if (mutations.isEmpty()) return;
        SqliteFile file = ((SqliteKeyspace) mutations.get(0).keyspace()).file();
        for (Mutation m : mutations) {
            if (((SqliteKeyspace) m.keyspace()).file() != file) {
                throw new IllegalArgumentException("one batch of mutations spans two database files");
            }
        }
        CompletableFuture<Void> committed = file.apply(mutations);
        if (committed != null) lastWrite.set(committed);
    }

    @Override
    public boolean keepsSideData() {
        return true;
    }

    @Override
    public Map<String, byte[]> loadDocuments(String namespace, String kind) {
        SqliteFile file = file(namespace, false);
        return file == null ? Map.of() : file.loadDocuments(kind);
    }

    @Override
    public void saveDocument(String namespace, String kind, String key, byte[] document) {
        String text = new String(document, StandardCharsets.UTF_8);
        enqueue(namespace, connection -> {
            try (PreparedStatement s = connection.prepareStatement("INSERT OR REPLACE INTO documents (kind, key, document) VALUES (?, ?, ?)")) {
                s.setString(1, kind);
                s.setString(2, key);
                s.setString(3, text);
                s.executeUpdate();
            }
        });
    }

    @Override
    public void deleteDocument(String namespace, String kind, String key) {
        enqueue(namespace, connection -> {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM documents WHERE kind = ? AND key = ?")) {
                s.setString(1, kind);
                s.setString(2, key);
                s.executeUpdate();
            }
        });
    }

    @Override
    public void appendToLog(String namespace, String log, List<LogEntry> entries) {
        enqueue(namespace, connection -> {
            try (PreparedStatement s = connection.prepareStatement("INSERT OR REPLACE INTO log_entries (log, sequence, entry) VALUES (?, ?, ?)")) {
                for (LogEntry entry : entries) {
                    s.setString(1, log);
                    s.setLong(2, entry.sequence());
                    s.setBytes(3, entry.entry());
                    s.executeUpdate();
                }
            }
        });
    }

    @Override
    public void trimLog(String namespace, String log, long throughSequence) {
        enqueue(namespace, connection -> {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM log_entries WHERE log = ? AND sequence <= ?")) {
                s.setString(1, log);
                s.setLong(2, throughSequence);
                s.executeUpdate();
            }
        });
    }

    @Override
    public void dropLog(String namespace, String log) {
        trimLog(namespace, log, Long.MAX_VALUE);
    }

    @Override
    public List<LogEntry> readLog(String namespace, String log) {
        SqliteFile file = file(namespace, false);
        return file == null ? List.of() : file.readLog(log);
    }

    /** Side data goes through the committer, after the item writes the calling thread applied before it. */
    private void enqueue(String namespace, SqliteFile.SqlAction action) {
        CompletableFuture<Void> committed = file(namespace, true).enqueue(action);
        lastWrite.set(committed);
    }

    @Override
    public void onCommitFailure(Runnable undo) {
        CompletableFuture<Void> committed = lastWrite.get();
        if (committed != null) committed.whenComplete((done, failure) -> {
            if (failure != null) undo.run();
        });
    }

    @Override
    public CompletableFuture<Void> durable() {
        CompletableFuture<Void> committed = lastWrite.get();
        if (committed != null) lastWrite.remove();
        return committed;
    }

    @Override
    public void awaitDurable() {
        CompletableFuture<Void> committed = durable();
        if (committed != null) await(committed);
    }

    static void await(CompletableFuture<Void> committed) {
        try {
            committed.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException s) throw new StoreException(s.getMessage(), s);
            throw new StoreException("a write could not be made durable: " + cause, cause);
        }
    }

    /**
     * Closes the namespace's database and deletes its files: without this, every namespace a run
     * made and dropped kept an open file (five descriptors) and a committer thread until shutdown,
     * and its empty file was opened again by every later start.
     */
    @Override
    public void dropNamespace(String namespace) {
        Path path = directory.resolve(fileName(namespace));
        SqliteFile file = files.remove(path);
        if (file != null) file.close();
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(Path.of(path + suffix));
            } catch (IOException e) {
                throw new StoreException("cannot delete " + path + suffix + ": " + reason(e), e);
            }
        }
    }

    @Override
    public void close() {
        spare.close();
        List<RuntimeException> failures = new ArrayList<>();
        for (SqliteFile file : files.values()) {
            try {
                file.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        files.clear();
        closeQuietly();
        if (!failures.isEmpty()) throw failures.get(0);
    }

    private void closeQuietly() {
        try {
            if (lock != null && lock.isValid()) lock.release();
            if (lockChannel != null) lockChannel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }

    /** The empty database kept ready for the next namespace. */
    SpareDatabase spare() {
        return spare;
    }

    private SqliteFile file(String namespace, boolean create) {
        Path path = directory.resolve(fileName(namespace));
        SqliteFile open = files.get(path);
        if (open != null || (!create && !Files.exists(path))) return open;
        return files.computeIfAbsent(path, p -> {
            if (!Files.exists(p)) spare.moveTo(p);
            return SqliteFile.open(p, false, SqliteFile.IntegrityCheck.NONE);
        });
    }

    /** A namespace per database file in the directory: its id, read back from the file's name. */
    @Override
    public List<String> namespaceIds() {
        try (Stream<Path> list = Files.list(directory)) {
            // a name shortened with a hash (see fileName) cannot be read back: its namespace is listed once used
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".db") && n.indexOf('~') < 0)
                    .map(SqliteStore::namespaceOf).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The namespace id a file name stands for: {@link #fileName} backwards. */
    static String namespaceOf(String fileName) {
        if (SHARED_FILE.equals(fileName)) return "shared";
        String name = fileName.substring(0, fileName.length() - ".db".length());
        return java.net.URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * DynamoDB Local's names: the shared file, or the namespace id (access key and region),
     * made safe for file systems: bytes other than letters, digits, {@code _} and {@code -}
     * are written {@code %XX}. A name that would pass {@value #MAX_PLAIN_NAME} characters
     * (file systems allow 255 bytes) keeps its first {@value #KEPT_PREFIX} and ends with
     * {@code ~} and a SHA-256 of the id, which no escaped name contains.
     */
    static String fileName(String namespace) {
        if ("shared".equals(namespace)) return SHARED_FILE;
        StringBuilder name = new StringBuilder();
        for (byte b : namespace.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (safe) name.append(c);
            else name.append('%').append(String.format("%02X", b & 0xff));
        }
        if (name.length() > MAX_PLAIN_NAME) {
            name.setLength(KEPT_PREFIX);
            name.append('~').append(sha256Hex(namespace));
        }
        return name.append(".db").toString();
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** For tests: the open file of a namespace. */
    SqliteFile fileOf(String namespace) {
        return file(namespace, false);
    }

    static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
