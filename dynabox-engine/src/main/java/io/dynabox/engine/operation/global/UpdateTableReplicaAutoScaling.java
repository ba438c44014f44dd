package io.dynabox.engine.operation.global;

import static io.dynabox.engine.table.TableGrammar.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.replication.Replicator;
import io.dynabox.engine.table.AutoScaling;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.ReplicaGroup;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableLocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * UpdateTableReplicaAutoScaling: the auto scaling settings of a provisioned table (write capacity
 * of the table and its global indexes, the same in every replica; read capacity per replica),
 * merged into what is kept and given to every replica. Kept and described, as Application Auto
 * Scaling's targets and policies; Dynabox does not change capacity by itself. Write auto scaling
 * lets a provisioned table take replicas.
 */
public final class UpdateTableReplicaAutoScaling implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String tableName = context.tableName(request.get("TableName").textValue());
        Table table = context.namespace().table(tableName, context.nowMillis());
        // the service's words for a missing table (observed in 2026)
        if (table == null) throw DynamoException.resourceNotFound("Global table with name: '" + tableName + "' does not exist.");
        Replicator replicator = context.namespace().replicator();
        Object monitor = replicator == null ? new Object() : replicator;
        synchronized (monitor) {
            long now = context.nowMillis();
            if (!table.isActive(now)) {
                throw DynamoException.resourceInUse("Attempt to change a resource which is still in use: Table: " + table.name()
                        + " is in the process of being updated.");
            }
            TableDefinition d = table.definition();
            // turning auto scaling off where it cannot be on changes nothing: the service answers it (observed in 2026)
            if (d.payPerRequest() && onlyDisables(request)) {
                return io.dynabox.engine.wire.Json.object().set("TableAutoScalingDescription",
                        ReplicaAutoScalingDescriptions.describe(table, context.namespace().region(), now));
            }
            if (d.payPerRequest()) {
                throw DynamoException.validation(INVALID + "Auto scaling cannot be configured for a table in PAY_PER_REQUEST billing mode",
                        "on-demand tables scale by themselves; switch the table to PROVISIONED first");
            }
            String name = table.name();
            AutoScaling scaling = table.autoScaling();
            JsonNode write = request.get("ProvisionedWriteCapacityAutoScalingUpdate");
            if (write != null && !write.isNull()) {
                scaling = scaling.withWrite(AutoScalingDescriptions.merge(scaling.write(), write, AutoScalingDescriptions.policyName(true, name, null), name));
            }
            for (JsonNode index : iterable(request.get("GlobalSecondaryIndexUpdates"))) {
                String indexName = requireIndex(d, index.path("IndexName").asText(null));
                JsonNode update = index.get("ProvisionedWriteCapacityAutoScalingUpdate");
                if (update != null && !update.isNull()) {
                    scaling = scaling.withIndexWrite(indexName, AutoScalingDescriptions.merge(scaling.indexWrite().get(indexName), update,
                            AutoScalingDescriptions.policyName(true, name, indexName), name));
                }
            }
            ReplicaGroup group = table.replicas();
            for (JsonNode replica : iterable(request.get("ReplicaUpdates"))) {
                String region = replica.get("RegionName").textValue();
                boolean known = group == null ? region.equals(context.namespace().region()) : group.replica(region, now) != null;
                if (!known) {
                    throw DynamoException.validation(INVALID + "Replica not found in region: " + region + " for table: " + name);
                }
                JsonNode read = replica.get("ReplicaProvisionedReadCapacityAutoScalingUpdate");
                if (read != null && !read.isNull()) {
                    scaling = scaling.withReplicaRead(region, AutoScalingDescriptions.merge(scaling.replicaRead().get(region), read,
                            AutoScalingDescriptions.policyName(false, name, null), name));
                }
                for (JsonNode index : iterable(replica.get("ReplicaGlobalSecondaryIndexUpdates"))) {
                    String indexName = requireIndex(d, index.path("IndexName").asText(null));
                    JsonNode update = index.get("ProvisionedReadCapacityAutoScalingUpdate");
                    if (update != null && !update.isNull()) {
                        scaling = scaling.withReplicaIndexRead(region, indexName, AutoScalingDescriptions.merge(
                                scaling.replicaIndexRead().getOrDefault(region, Map.of()).get(indexName), update,
                                AutoScalingDescriptions.policyName(false, name, indexName), name));
                    }
                }
            }
            AutoScaling settled = scaling;
            TableLocks.write(table, () -> {
                table.updateAutoScaling(settled);
                return null;
            });
            if (replicator != null) replicator.applyToPeers(context.namespace(), table, peer -> peer.updateAutoScaling(settled));
            return io.dynabox.engine.wire.Json.object().set("TableAutoScalingDescription",
                    ReplicaAutoScalingDescriptions.describe(table, context.namespace().region(), now));
        }
    }

    /** Whether every settings update of the request turns auto scaling off. */
    private static boolean onlyDisables(JsonNode request) {
        List<JsonNode> updates = new ArrayList<>();
        updates.add(request.get("ProvisionedWriteCapacityAutoScalingUpdate"));
        for (JsonNode index : iterable(request.get("GlobalSecondaryIndexUpdates"))) updates.add(index.get("ProvisionedWriteCapacityAutoScalingUpdate"));
        for (JsonNode replica : iterable(request.get("ReplicaUpdates"))) {
            updates.add(replica.get("ReplicaProvisionedReadCapacityAutoScalingUpdate"));
            for (JsonNode index : iterable(replica.get("ReplicaGlobalSecondaryIndexUpdates"))) updates.add(index.get("ProvisionedReadCapacityAutoScalingUpdate"));
        }
        boolean any = false;
        for (JsonNode update : updates) {
            if (update == null || update.isNull()) continue;
            if (!update.path("AutoScalingDisabled").asBoolean(false)) return false;
            any = true;
        }
        return any;
    }

    private static String requireIndex(TableDefinition d, String indexName) {
        IndexDefinition index = indexName == null ? null : d.index(indexName);
        if (index == null || !index.global()) {
            throw DynamoException.resourceNotFound("Requested resource not found: Index: " + indexName + " not found for table: " + d.name());
        }
        return indexName;
    }

    private static Iterable<JsonNode> iterable(JsonNode list) {
        return list == null || list.isNull() ? List.of() : list;
    }
}
