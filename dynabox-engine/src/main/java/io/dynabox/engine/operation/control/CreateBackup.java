package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.Backup;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.wire.Json;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * CreateBackup: a consistent copy of the table's items at this moment, taken under the
 * table's read lock as one copy of the keyspace's arrays (writers wait for that copy only,
 * not for the disk: a file store writes the backup in the background, and the backup is
 * CREATING until it is durable). Index entries are not copied: a restore rebuilds them from
 * the items, which is what they are a function of.
 */
public final class CreateBackup implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String tableName = context.tableName(request.get("TableName").textValue());
        String backupName = request.get("BackupName").textValue();
        Table table = context.namespace().table(tableName, context.nowMillis());
        if (table == null) throw new DynamoException(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + tableName);
        String status = table.status(context.nowMillis());
        ContinuousBackupsDescriptions.checkNotCreating(table, status);
        if (Table.DELETING.equals(status)) {
            // the service finds no table to back up once it is being deleted (observed in 2026, LAB 374: after its first second)
            throw new DynamoException(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + tableName, "the table is being deleted");
        }
        long now = context.nowMillis();
        Copy copy = TableLocks.read(table, () -> new Copy(table.definition(), table.keyspace().entries(), table.keyspace().sizeBytes()));
        Backup backup = new Backup(arn(copy.definition.arn(), now), backupName, Backup.USER, context.nowEpochSeconds(),
                copy.definition, copy.sizeBytes, copy.items.size(), context.settlesAt(now), 0);
        context.namespace().backups().add(backup, copy.items);
        return Json.object().set("BackupDetails", BackupDescriptions.details(backup, Backup.CREATING));
    }

    /**
     * The SYSTEM backup the service takes when a table with point-in-time recovery on is
     * deleted: named {@code NAME$DeletedTableBackup}, its items as the table held them at the
     * deletion, restorable for 35 days and not deletable. Caller holds the table's write lock,
     * before its items are dropped.
     */
    public static void ofDeletedTable(RequestContext context, Table table) {
        long now = context.nowMillis();
        TableDefinition definition = table.definition();
        List<StoredItem> items = table.keyspace().entries();
        Backup backup = new Backup(arn(definition.arn(), now), definition.name() + "$DeletedTableBackup", Backup.SYSTEM,
                context.nowEpochSeconds(), definition, table.keyspace().sizeBytes(), items.size(),
                context.settlesAt(now), now + Backup.SYSTEM_RETENTION_MILLIS);
        context.namespace().backups().add(backup, items);
    }

    private record Copy(TableDefinition definition, List<StoredItem> items, long sizeBytes) {
    }

    /** The service's form: the table's ARN, /backup/, the creation time in milliseconds (14 digits, zero-padded), a dash, 8 hex digits. */
    public static String arn(String tableArn, long nowMillis) {
        return tableArn + "/backup/" + String.format("%014d-%08x", nowMillis, ThreadLocalRandom.current().nextInt());
    }
}
