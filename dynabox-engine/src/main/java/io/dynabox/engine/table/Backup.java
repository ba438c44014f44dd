package io.dynabox.engine.table;

/**
 * An on-demand backup as DescribeBackup and ListBackups show it: its identity, when it was
 * taken (epoch seconds), the source table's definition at that moment and its size. Its items
 * are held by {@link Backups}. Immutable; kept as a JSON document by stores that keep backups.
 *
 * <p>Statuses: CREATING until the backup is durable and the transient delay is over, then
 * AVAILABLE; DeleteBackup answers DELETED and the backup is gone.
 */
public record Backup(String arn, String name, String type, double creationDateTime, TableDefinition source,
                     long sizeBytes, long itemCount, long availableAtMillis) {
    public static final String CREATING = "CREATING";
    public static final String AVAILABLE = "AVAILABLE";
    public static final String DELETED = "DELETED";
    public static final String USER = "USER";

    /** The source table's name, from its ARN-free definition. */
    public String tableName() {
        return source.name();
    }
}
