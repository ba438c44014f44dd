package io.dynabox.engine.operation.global;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.table.Lifecycle;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.ReplicaGroup;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.wire.Json;

/**
 * ListGlobalTables (version 2017.11.29): the global tables with a replica in {@code RegionName}
 * (default: the caller's region), in name order, strictly after
 * {@code ExclusiveStartGlobalTableName}, at most {@code Limit} (default 100), with
 * {@code LastEvaluatedGlobalTableName} when more follow.
 */
public final class ListGlobalTables implements Operation {
    private static final int DEFAULT_LIMIT = 100;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        int limit = request.hasNonNull("Limit") ? request.get("Limit").asInt() : DEFAULT_LIMIT;
        String after = request.hasNonNull("ExclusiveStartGlobalTableName") ? request.get("ExclusiveStartGlobalTableName").textValue() : null;
        String region = request.hasNonNull("RegionName") ? request.get("RegionName").textValue() : context.namespace().region();
        Namespace namespace = region.equals(context.namespace().region()) ? context.namespace()
                : LegacyGlobalTables.replicator(context).peer(context.namespace(), region);
        long now = context.nowMillis();
        ObjectNode answer = Json.object();
        ArrayNode list = answer.putArray("GlobalTables");
        String last = null;
        boolean more = false;
        for (Table table : namespace.tables(now)) {
            ReplicaGroup group = table.replicas();
            if (group == null || !ReplicaGroup.LEGACY.equals(group.version())) continue;
            if (after != null && table.name().compareTo(after) <= 0) continue;
            if (list.size() == limit) {
                more = true;
                break;
            }
            ObjectNode entry = list.addObject().put("GlobalTableName", table.name());
            ArrayNode regions = entry.putArray("ReplicationGroup");
            for (ReplicaGroup.Replica r : group.live(now)) {
                if (!Lifecycle.DELETING.equals(r.statusAt(now))) regions.addObject().put("RegionName", r.region());
            }
            last = table.name();
        }
        if (more) answer.put("LastEvaluatedGlobalTableName", last);
        return answer;
    }
}
