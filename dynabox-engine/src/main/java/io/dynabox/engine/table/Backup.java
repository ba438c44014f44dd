package io.dynabox.engine.table;

/**
 * An on-demand backup as DescribeBackup and ListBackups show it: its identity, when it was
 * taken (epoch seconds), the source table's definition at that moment and its size. Its items
 * are held by {@link Backups}. Immutable; kept as a JSON document by stores that keep backups.
 *
 * <p>Statuses: CREATING until the backup is durable and the transient delay is over, then
 * AVAILABLE; DeleteBackup answers DELETED and the backup is gone. A SYSTEM backup (the one the
 * service takes when a table with point-in-time recovery is deleted) cannot be deleted and
 * is gone at {@code expiresAtMillis} (0: a USER backup, which never expires).
 */
public record Backup(String arn, String name, String type, double creationDateTime, TableDefinition source,
                     long sizeBytes, long itemCount, long availableAtMillis, long expiresAtMillis) {
    public static final String CREATING = "CREATING";
    public static final String AVAILABLE = "AVAILABLE";
    public static final String DELETED = "DELETED";
    public static final String USER = "USER";
    public static final String SYSTEM = "SYSTEM";
    /** The service keeps a deleted table's system backup for 35 days. */
    public static final long SYSTEM_RETENTION_MILLIS = 35L * 24 * 60 * 60 * 1000;

    /** The source table's name, from its ARN-free definition. */
    public String tableName() {
        return source.name();
    }

    /** Whether the backup has expired (a SYSTEM backup past its 35 days). */
    public boolean expiredAt(long nowMillis) {
        return expiresAtMillis > 0 && nowMillis >= expiresAtMillis;
    }
}
