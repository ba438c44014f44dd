package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.operation.control.CreateBackup;
import io.dynabox.engine.table.ContinuousBackups;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDescriptions;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.wire.Json;

/**
 * DeleteTable: refused while the table or one of its indexes is changing, then while it is
 * protected; otherwise the table is DELETING for the configured delay and its items are
 * dropped at once.
 */
public final class DeleteTable implements Operation, PlainOperation {
    private static final String IN_USE = "Attempt to change a resource which is still in use: ";

    @Override
    public PlainRequest newPlainRequest() {
        return new PlainTableName(this);
    }

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        Table table = context.describedTable(request.get("TableName").textValue());
        context.options().accountQuotas().checkOperation(context.namespace(), context.nowMillis());
        if (table.replicas() != null && context.namespace().replicator() != null) {
            // a replica leaves its global table: the others' descriptions change with it
            synchronized (context.namespace().replicator()) {
                return delete(context, table);
            }
        }
        return delete(context, table);
    }

    private static JsonNode delete(RequestContext context, Table table) {
        return TableLocks.write(table, () -> {
            long now = context.nowMillis();
            checkNotChanging(table, now);
            if (table.definition().deletionProtectionEnabled()) {
                // a global table's member is named with its region (the service's replica text, observed in 2026)
                if (table.replicas() != null) throw ReplicaUpdates.protectedReplica(table.name(), context.namespace().region());
                throw DynamoException.validation(
                        "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
            }
            ReplicaUpdates.checkLeavingAllowed(table, now);
            JsonNode description = TableDescriptions.asDeleting(table, now);
            ContinuousBackups recovery = table.control().continuousBackups();
            if (recovery != null && recovery.enabled()) CreateBackup.ofDeletedTable(context, table);
            // the store's drop first: one it cannot make (a 500) leaves the table, its replicas and its stream as they were
            context.store().dropTable(context.namespace().id(), table.name());
            ReplicaUpdates.leave(context, table);
            table.markDeleting(context.settlesAt(now));
            // the table's stream closes; its records stay readable for 24 hours
            context.namespace().streams().disable(table, now);
            if (table.isGone(now)) context.namespace().remove(table);
            return Json.object().set("TableDescription", description);
        });
    }

    private static void checkNotChanging(Table table, long now) {
        String status = table.status(now);
        String name = table.name();
        String change = table.changeInFlight(now);
        if (UpdateTable.CHANGING_INDEX.equals(change) || UpdateTable.CHANGING_INDEXES.equals(change)) {
            throw DynamoException.resourceInUse(IN_USE + "Cannot delete table while indexes are being created, updated, or deleted.");
        }
        if (Table.CREATING.equals(status)) throw DynamoException.resourceInUse(IN_USE + "Table is being created: " + name);
        if (Table.DELETING.equals(status)) throw DynamoException.resourceInUse(IN_USE + "Table is being deleted: " + name);
        if (Table.UPDATING.equals(status)) {
            if (UpdateTable.CHANGING_STREAM.equals(table.changeInFlight(now))) {
                throw DynamoException.resourceInUse(IN_USE + "Cannot delete table while stream is being enabled/disabled.");
            }
            throw DynamoException.resourceInUse(IN_USE + "Table: " + name + " is in the process of being updated.");
        }
        for (IndexDefinition index : table.definition().globalIndexes()) {
            if (!Table.ACTIVE.equals(index.status())) {
                throw DynamoException.resourceInUse(IN_USE + "Cannot delete table while indexes are being created, updated, or deleted.");
            }
        }
    }
}
