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
import java.util.HashSet;
import java.util.Set;

/**
 * UpdateGlobalTable (version 2017.11.29): adds replicas (a table of the same name, ACTIVE, empty
 * like the global table, streaming both images, alike) and removes them (the table stays in its
 * region, on its own). Added replicas are CREATING and removed ones DELETING for the transient delay.
 */
public final class UpdateGlobalTable implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String name = request.get("GlobalTableName").textValue();
        JsonNode updates = request.get("ReplicaUpdates");
        Set<String> seen = new HashSet<>();
        for (JsonNode update : updates) {
            int actions = (update.hasNonNull("Create") ? 1 : 0) + (update.hasNonNull("Delete") ? 1 : 0);
            if (actions != 1) throw DynamoException.validation(INVALID + "Exactly one of Create or Delete must be specified in a ReplicaUpdate");
            String region = (update.hasNonNull("Create") ? update.get("Create") : update.get("Delete")).path("RegionName").asText();
            if (!RegionNames.isValid(region)) throw DynamoException.validation(INVALID + "Invalid region: " + region);
            if (!seen.add(region)) throw DynamoException.validation(INVALID + "Only one update per region is allowed: " + region);
        }
        if (updates.isEmpty()) throw DynamoException.validation(INVALID + "ReplicaUpdates must contain at least one update");
        Replicator replicator = LegacyGlobalTables.replicator(context);
        synchronized (replicator) {
            Table any = LegacyGlobalTables.require(context, name);
            Namespace home = LegacyGlobalTables.namespaceOf(context, any);
            long now = context.nowMillis();
            long settleAt = context.settlesAt(now);
            ReplicaGroup group = any.replicas();
            for (JsonNode update : updates) {
                if (update.hasNonNull("Create")) {
                    String region = update.get("Create").get("RegionName").textValue();
                    if (group.replica(region, now) != null) {
                        throw new DynamoException(ErrorCode.REPLICA_ALREADY_EXISTS, "Replica already exists in region: " + region);
                    }
                    Namespace namespace = replicator.peer(home, region);
                    Table table = namespace.table(name, now);
                    if (table == null || !table.isActive(now)) {
                        throw new DynamoException(ErrorCode.TABLE_NOT_FOUND, "Table: " + name + " not found in region " + region);
                    }
                    if (table.replicas() != null) {
                        throw new DynamoException(ErrorCode.REPLICA_ALREADY_EXISTS, "Replica already exists in region: " + region,
                                "the table in " + region + " belongs to a global table already");
                    }
                    Replicas.checkJoinable(any, table, region);
                    for (Table member : LegacyGlobalTables.members(context, any)) {
                        if (member.keyspace().itemCount() > 0) {
                            throw DynamoException.validation(INVALID + "Replicas can only be added to an empty global table",
                                    "the replica in " + LegacyGlobalTables.regionOf(member.definition().arn()) + " has items");
                        }
                    }
                    group = group.plus(new ReplicaGroup.Replica(region, Lifecycle.CREATING, settleAt, null, null, null, null, null, null), now);
                } else {
                    String region = update.get("Delete").get("RegionName").textValue();
                    if (group.replica(region, now) == null) {
                        throw new DynamoException(ErrorCode.REPLICA_NOT_FOUND, "Replica not found in region: " + region);
                    }
                    group = group.withReplica(region, r -> r.withStatus(Lifecycle.DELETING, settleAt));
                    // the table stays in its region, as a table of its own
                    Namespace namespace = region.equals(home.region()) ? home : replicator.peer(home, region);
                    Table left = namespace.table(name, now);
                    if (left != null) {
                        replicator.untrack(left);
                        TableLocks.write(left, () -> {
                            left.updateReplicas(null);
                            return null;
                        });
                    }
                }
            }
            LegacyGlobalTables.share(context, home, name, group);
            return Json.object().set("GlobalTableDescription", LegacyGlobalTables.description(name, group, now));
        }
    }
}
