package io.dynabox.engine.table;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;

/**
 * The service's account quotas on tables and their control-plane operations, per account and region (a namespace),
 * answered with {@code LimitExceededException} as the service answers them (API reference, LimitExceededException):
 * a soft quota of 2,500 tables; up to 500 simultaneous table operations (CreateTable, UpdateTable, DeleteTable,
 * UpdateTimeToLive, RestoreTableFromBackup, RestoreTableToPointInTime), counted as the tables and global secondary
 * indexes in CREATING, UPDATING or DELETING; up to 250 CreateTable requests of tables with secondary indexes at a
 * time. Like the service's, they are adjustable ({@code --max-tables}, {@code --max-concurrent-table-operations},
 * {@code --max-concurrent-indexed-table-creations}).
 *
 * @param maxTables                           tables a namespace may hold
 * @param maxConcurrentTableOperations        tables and global indexes that may be CREATING, UPDATING or DELETING at once
 * @param maxConcurrentIndexedTableCreations  tables with secondary indexes that may be CREATING at once
 */
public record AccountQuotas(int maxTables, int maxConcurrentTableOperations, int maxConcurrentIndexedTableCreations) {
    public static final AccountQuotas SERVICE = new AccountQuotas(2500, 500, 250);

    public AccountQuotas {
        if (maxTables < 1 || maxConcurrentTableOperations < 1 || maxConcurrentIndexedTableCreations < 1) {
            throw new IllegalArgumentException("account quotas must be at least 1");
        }
    }

    /**
     * Refuses a new table (CreateTable, a restore, an import) when the namespace holds as many tables as its quota, or
     * as many are being created, updated or deleted, or ({@code indexed}: the new table has secondary indexes) as many
     * tables with indexes are being created. Callers hold the namespace's lock, so two creations cannot both pass.
     */
    public void checkNewTable(Namespace namespace, long nowMillis, boolean indexed) {
        int tables = 0;
        int indexedCreating = 0;
        for (Table table : namespace.tables(nowMillis)) {
            tables++;
            if (table.definition().hasIndexes() && Table.CREATING.equals(table.status(nowMillis))) indexedCreating++;
        }
        if (tables >= maxTables) {
            throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "Subscriber limit exceeded: There is a limit of " + maxTables + " tables per subscriber",
                    "the account's table quota in this region (--max-tables)");
        }
        checkOperation(namespace, nowMillis);
        if (indexed && indexedCreating >= maxConcurrentIndexedTableCreations) {
            throw new DynamoException(ErrorCode.LIMIT_EXCEEDED,
                    "Subscriber limit exceeded: You have exceeded the maximum number of indexed tables that can be created simultaneously",
                    indexedCreating + " tables with secondary indexes are CREATING; the quota is " + maxConcurrentIndexedTableCreations
                            + " (--max-concurrent-indexed-table-creations)");
        }
    }

    /** Refuses a control-plane operation when as many tables and global indexes are CREATING, UPDATING or DELETING as the quota allows. */
    public void checkOperation(Namespace namespace, long nowMillis) {
        int inFlight = 0;
        for (Table table : namespace.tables(nowMillis)) {
            String status = table.status(nowMillis);
            if (!Table.ACTIVE.equals(status)) inFlight++;
            // the indexes of a table being created are created with it; one being added or removed later shows
            // CREATING or DELETING while its table is UPDATING
            for (IndexDefinition index : table.shownDefinition(nowMillis).globalIndexes()) {
                if (Table.CREATING.equals(status) || !Table.ACTIVE.equals(index.status())) inFlight++;
            }
        }
        if (inFlight >= maxConcurrentTableOperations) {
            throw new DynamoException(ErrorCode.LIMIT_EXCEEDED,
                    "Subscriber limit exceeded: Only " + maxConcurrentTableOperations + " tables can be created, updated, or deleted simultaneously",
                    inFlight + " tables and indexes are CREATING, UPDATING or DELETING (--max-concurrent-table-operations)");
        }
    }
}
