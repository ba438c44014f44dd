package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDescriptions;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.wire.Json;

/**
 * DeleteTable: refused while the table is changing or protected; otherwise the table is
 * DELETING for the configured delay, and its items are dropped at once.
 */
public final class DeleteTable implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        Table table = context.describedTable(request.get("TableName").textValue());
        return TableLocks.write(table, () -> {
            String status = table.status(context.nowMillis());
            if (Table.CREATING.equals(status)) {
                throw DynamoException.resourceInUse("Attempt to change a resource which is still in use: Table is being created: " + table.name());
            }
            if (Table.UPDATING.equals(status)) {
                throw DynamoException.resourceInUse("Attempt to change a resource which is still in use: Table is being updated: " + table.name());
            }
            if (Table.DELETING.equals(status)) {
                throw DynamoException.resourceInUse("Attempt to change a resource which is still in use: Table is being deleted: " + table.name());
            }
            if (table.definition().deletionProtectionEnabled()) {
                throw DynamoException.validation(
                        "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
            }
            JsonNode description = TableDescriptions.asDeleting(table);
            table.markDeleting(context.nowMillis() + context.options().delayTransientStatuses().toMillis());
            context.store().dropTable(context.namespace().id(), table.name());
            if (table.isGone(context.nowMillis())) context.namespace().remove(table);
            return Json.object().set("TableDescription", description);
        });
    }
}
