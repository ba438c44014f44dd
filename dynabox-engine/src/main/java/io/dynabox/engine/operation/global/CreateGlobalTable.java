package io.dynabox.engine.operation.global;

import static io.dynabox.engine.table.TableGrammar.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.replication.Replicator;
import io.dynabox.engine.table.Lifecycle;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.ReplicaGroup;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.wire.Json;
import io.dynabox.engine.wire.RegionNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CreateGlobalTable (version 2017.11.29): joins tables of the same name that already exist in
 * each region into a global table. Each must be ACTIVE, empty, with a NEW_AND_OLD_IMAGES stream,
 * and alike (key schema, global indexes, billing mode and write capacity). The replicas are
 * CREATING, and the global table with them, for the transient delay; replication starts at once.
 */
public final class CreateGlobalTable implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String name = request.get("GlobalTableName").textValue();
        Set<String> regions = new LinkedHashSet<>();
        for (JsonNode replica : request.get("ReplicationGroup")) {
            JsonNode region = replica.get("RegionName");
            if (region == null || region.isNull()) throw DynamoException.validation(INVALID + "RegionName must be specified in every Replica");
            if (!RegionNames.isValid(region.textValue())) throw DynamoException.validation(INVALID + "Invalid region: " + region.textValue());
            if (!regions.add(region.textValue())) {
                throw DynamoException.validation(INVALID + "Duplicate region in ReplicationGroup: " + region.textValue());
            }
        }
        if (regions.isEmpty()) throw DynamoException.validation(INVALID + "ReplicationGroup must contain at least one replica");
        Replicator replicator = LegacyGlobalTables.replicator(context);
        synchronized (replicator) {
            if (LegacyGlobalTables.find(context, name) != null) {
                throw new DynamoException(ErrorCode.GLOBAL_TABLE_ALREADY_EXISTS, "Global table with this name already exists");
            }
            long now = context.nowMillis();
            List<Table> tables = new ArrayList<>();
            List<Namespace> namespaces = new ArrayList<>();
            for (String region : regions) {
                Namespace namespace = region.equals(context.namespace().region()) ? context.namespace() : replicator.peer(context.namespace(), region);
                Table table = namespace.table(name, now);
                if (table == null || !table.isActive(now)) {
                    throw new DynamoException(ErrorCode.TABLE_NOT_FOUND, "Table: " + name + " not found in region " + region,
                            "create the table (ACTIVE, with a NEW_AND_OLD_IMAGES stream) in every region of the group first");
                }
                if (table.replicas() != null) {
                    throw new DynamoException(ErrorCode.GLOBAL_TABLE_ALREADY_EXISTS, "Global table with this name already exists",
                            "the table in " + region + " is a replica of a global table already");
                }
                tables.add(table);
                namespaces.add(namespace);
            }
            for (int i = 0; i < tables.size(); i++) Replicas.checkJoinable(tables.get(0), tables.get(i), namespaces.get(i).region());
            long settleAt = context.settlesAt(now);
            List<ReplicaGroup.Replica> members = new ArrayList<>();
            for (String region : regions) {
                members.add(new ReplicaGroup.Replica(region, Lifecycle.CREATING, settleAt, null, null, null, null, null, null));
            }
            ReplicaGroup group = new ReplicaGroup(ReplicaGroup.LEGACY, context.nowEpochSeconds(), members, ReplicaGroup.EVENTUAL, null);
            for (int i = 0; i < tables.size(); i++) {
                Table table = tables.get(i);
                TableLocks.write(table, () -> {
                    table.updateReplicas(group);
                    return null;
                });
                replicator.track(namespaces.get(i), table);
            }
            return Json.object().set("GlobalTableDescription", LegacyGlobalTables.description(name, group, now));
        }
    }
}
