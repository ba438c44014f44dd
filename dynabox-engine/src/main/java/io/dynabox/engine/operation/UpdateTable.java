package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableDescriptions;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.table.Throughput;
import io.dynabox.engine.wire.Json;

/**
 * UpdateTable: billing mode, provisioned throughput, streams, table class and deletion
 * protection. The table is UPDATING for the configured delay (deletion protection alone
 * applies at once, as in the service).
 */
public final class UpdateTable implements Operation {
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final String NOTHING_TO_UPDATE = "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
            + "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, "
            + "MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required";

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        JsonNode throughputNode = present(request, "ProvisionedThroughput");
        String billingMode = CreateTable.text(request, "BillingMode");
        JsonNode stream = present(request, "StreamSpecification");
        String tableClass = CreateTable.text(request, "TableClass");
        JsonNode deletionProtection = present(request, "DeletionProtectionEnabled");
        JsonNode gsiUpdates = present(request, "GlobalSecondaryIndexUpdates");
        boolean gsiChanges = gsiUpdates != null && !gsiUpdates.isEmpty();
        int changes = count(throughputNode, billingMode, stream, tableClass, deletionProtection)
                + (gsiChanges ? 1 : 0)
                + count(present(request, "SSESpecification"), present(request, "ReplicaUpdates"), present(request, "OnDemandThroughput"),
                        present(request, "WarmThroughput"), present(request, "MultiRegionConsistency"));
        if (changes == 0) throw DynamoException.validation(NOTHING_TO_UPDATE);
        if (gsiUpdates != null && gsiUpdates.isEmpty()) {
            throw DynamoException.validation(INVALID + "List of GlobalSecondaryIndexUpdates is empty");
        }
        if (gsiChanges) {
            throw DynamoException.validation(INVALID + "GlobalSecondaryIndexUpdates are not supported by Dynabox yet",
                    "creating and deleting global secondary indexes with UpdateTable comes with the index work");
        }
        Throughput requested = throughputNode == null ? null : CreateTable.throughput(throughputNode);
        if (deletionProtection != null && changes > 1) {
            throw DynamoException.validation(INVALID + "DeletionProtection modification must be the only operation in the request");
        }
        if (tableClass != null && changes > 1) {
            throw DynamoException.validation(INVALID + "TableClass modification must be the only operation in the request");
        }
        if (stream != null && (throughputNode != null || TableDefinition.PROVISIONED.equals(billingMode))) {
            throw DynamoException.validation(INVALID + "You cannot modify stream status while updating table IOPS");
        }

        Table table = context.describedTable(request.get("TableName").textValue());
        return TableLocks.write(table, () -> {
            String status = table.status(context.nowMillis());
            if (Table.CREATING.equals(status)) {
                throw DynamoException.resourceInUse("Attempt to change a resource which is still in use: Table is being created: " + table.name());
            }
            if (Table.DELETING.equals(status)) {
                throw DynamoException.resourceInUse("Attempt to change a resource which is still in use: Table is being deleted: " + table.name());
            }
            TableDefinition current = table.definition();
            if (deletionProtection != null) {
                table.update(current.toBuilder().deletionProtectionEnabled(deletionProtection.booleanValue()).build(), status, 0);
                return answer(table, status);
            }
            if (Table.UPDATING.equals(status)) {
                throw DynamoException.resourceInUse("Attempt to change a resource which is still in use: Table IOPS are currently being updated. Table: "
                        + table.name());
            }
            TableDefinition.Builder next = current.toBuilder();
            boolean changed = applyBilling(context, current, billingMode, requested, next);
            if (stream != null) changed |= applyStream(context, current, stream, next);
            if (tableClass != null && !tableClass.equals(current.tableClass() == null ? "STANDARD" : current.tableClass())) {
                next.tableClass(tableClass);
                changed = true;
            }
            long settleAt = context.nowMillis() + context.options().delayTransientStatuses().toMillis();
            table.update(changed ? next.build() : current, Table.UPDATING, settleAt);
            return answer(table, Table.UPDATING);
        });
    }

    private static boolean applyBilling(RequestContext context, TableDefinition current, String billingMode, Throughput requested,
                                        TableDefinition.Builder next) {
        boolean toOnDemand = TableDefinition.PAY_PER_REQUEST.equals(billingMode);
        boolean toProvisioned = TableDefinition.PROVISIONED.equals(billingMode);
        if (toOnDemand && requested != null) {
            throw DynamoException.validation(INVALID + "ProvisionedThroughput cannot be specified when BillingMode is PAY_PER_REQUEST");
        }
        if (toProvisioned && requested == null) {
            throw DynamoException.validation(INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        }
        if (current.payPerRequest() && requested != null && !toProvisioned) {
            throw DynamoException.validation(INVALID
                    + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        if (toOnDemand) {
            if (current.payPerRequest()) return false;
            next.billingMode(TableDefinition.PAY_PER_REQUEST, context.nowEpochSeconds());
            return true;
        }
        if (requested == null) return false;
        Throughput old = current.throughput();
        if (!current.payPerRequest() && old.readCapacityUnits() == requested.readCapacityUnits()
                && old.writeCapacityUnits() == requested.writeCapacityUnits()) {
            throw DynamoException.validation("The provisioned throughput for the table will not change. The requested value equals the current value. "
                    + "Current ReadCapacityUnits provisioned for the table: " + old.readCapacityUnits()
                    + ". Requested ReadCapacityUnits: " + requested.readCapacityUnits()
                    + ". Current WriteCapacityUnits provisioned for the table: " + old.writeCapacityUnits()
                    + ". Requested WriteCapacityUnits: " + requested.writeCapacityUnits()
                    + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
        }
        if (current.payPerRequest()) {
            next.billingMode(TableDefinition.PROVISIONED, current.lastUpdateToPayPerRequestDateTime());
            next.throughput(old == null ? requested : old.changedTo(requested.readCapacityUnits(), requested.writeCapacityUnits(),
                    context.nowEpochSeconds()));
        } else {
            next.throughput(old.changedTo(requested.readCapacityUnits(), requested.writeCapacityUnits(), context.nowEpochSeconds()));
        }
        return true;
    }

    private static boolean applyStream(RequestContext context, TableDefinition current, JsonNode stream, TableDefinition.Builder next) {
        boolean enable = stream.path("StreamEnabled").asBoolean();
        String viewType = CreateTable.text(stream, "StreamViewType");
        if (enable && viewType == null) {
            throw DynamoException.validation(INVALID + "If stream is being enabled then UpdateViewType is required");
        }
        if (!enable && viewType != null) {
            throw DynamoException.validation(INVALID + "If stream is being disabled, then UpdateViewType must not be specified");
        }
        if (enable && current.streamEnabled()) {
            throw DynamoException.validation("Table already has an enabled stream: TableName: " + current.name());
        }
        if (!enable && !current.streamEnabled()) {
            throw DynamoException.validation("Table has no stream to disable: TableName: " + current.name());
        }
        next.stream(enable, enable ? viewType : null, enable ? StreamLabels.label(context.nowMillis()) : current.latestStreamLabel());
        return true;
    }

    private static JsonNode answer(Table table, String status) {
        return Json.object().set("TableDescription", TableDescriptions.asChanged(table, status));
    }

    private static JsonNode present(JsonNode request, String member) {
        JsonNode node = request.get(member);
        return node == null || node.isNull() ? null : node;
    }

    private static int count(Object... values) {
        int n = 0;
        for (Object value : values) if (value != null) n++;
        return n;
    }
}
