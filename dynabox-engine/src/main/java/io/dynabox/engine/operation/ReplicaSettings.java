package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.replication.Replicator;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.ReplicaGroup;
import io.dynabox.engine.table.Table;
import java.util.List;
import java.util.Set;

/**
 * The settings a global table keeps the same in every replica: an UpdateTable of global
 * secondary indexes, billing mode, write capacity or on-demand maximums in one region is applied
 * in the other replicas too, as the service does (read capacity stays each replica's own). Each
 * replica runs the same UpdateTable in its own namespace, with its own checks; the first region's
 * change stands whatever a replica answers (a refusal is logged).
 */
final class ReplicaSettings {
    private static final List<String> SHARED = List.of("GlobalSecondaryIndexUpdates", "BillingMode", "ProvisionedThroughput",
            "OnDemandThroughput");
    // set while a change is applied in the replicas, so they do not pass it on again
    private static final ThreadLocal<Boolean> PROPAGATING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private ReplicaSettings() {}

    /** True when the table of that name in the caller's namespace has replicas in other regions. */
    static boolean hasOtherReplicas(RequestContext context, String tableName) {
        Table table = context.namespace().table(tableName, context.nowMillis());
        ReplicaGroup group = table == null ? null : table.replicas();
        if (group == null) return false;
        long now = context.nowMillis();
        return group.live(now).stream().anyMatch(r -> !r.region().equals(context.namespace().region()) && r.receivesAt(now));
    }

    /** After an UpdateTable that succeeded: the same shared changes in the table's other replicas. */
    static void propagate(RequestContext context, Table table, JsonNode request, Set<String> members) {
        Replicator replicator = context.namespace().replicator();
        if (replicator == null || table.replicas() == null || PROPAGATING.get()) return;
        if (SHARED.stream().noneMatch(members::contains)) return;
        long now = context.nowMillis();
        PROPAGATING.set(Boolean.TRUE);
        try {
            synchronized (replicator) {
                for (ReplicaGroup.Replica r : table.replicas().live(now)) {
                    if (r.region().equals(context.namespace().region()) || !r.receivesAt(now)) continue;
                    Namespace peer = replicator.peer(context.namespace(), r.region());
                    Table replica = peer.table(table.name(), now);
                    if (replica == null) continue;
                    ObjectNode shared = sharedPart(request, replica);
                    try {
                        new UpdateTable().execute(new RequestContext(peer, context.store(), context.options(), now, context.requestId(), context.action()), shared);
                    } catch (DynamoException e) {
                        System.getLogger(ReplicaSettings.class.getName()).log(System.Logger.Level.WARNING,
                                "the replica of " + table.name() + " in " + r.region() + " refused the change: " + e.getMessage());
                    }
                }
            }
        } finally {
            PROPAGATING.set(Boolean.FALSE);
        }
    }

    /** The request's shared members for one replica: its own read capacity kept. */
    private static ObjectNode sharedPart(JsonNode request, Table replica) {
        ObjectNode shared = ((ObjectNode) request.deepCopy()).retain(List.of("TableName", "AttributeDefinitions", "GlobalSecondaryIndexUpdates",
                "BillingMode", "ProvisionedThroughput", "OnDemandThroughput"));
        shared.put("TableName", replica.name());
        JsonNode throughput = shared.get("ProvisionedThroughput");
        var own = replica.definition().throughput();
        if (throughput != null && throughput.isObject() && own != null && !replica.definition().payPerRequest()) {
            ((ObjectNode) throughput).put("ReadCapacityUnits", own.readCapacityUnits());
        }
        return shared;
    }
}
