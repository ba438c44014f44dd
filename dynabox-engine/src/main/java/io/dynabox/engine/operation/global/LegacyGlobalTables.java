package io.dynabox.engine.operation.global;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.replication.Replicator;
import io.dynabox.engine.table.AutoScaling;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.Lifecycle;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.ReplicaGroup;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.wire.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * What the actions of global tables version 2017.11.29 share: finding a global table by name
 * among the caller's regions, its member tables, its description and settings. A legacy global
 * table is a {@link ReplicaGroup} of version {@link ReplicaGroup#LEGACY} kept by each member
 * table, so it replicates through the same {@link Replicator} as the current version.
 */
final class LegacyGlobalTables {
    private LegacyGlobalTables() {}

    /** The replicator; with {@code --shared-db} every region is one namespace and there are no global tables. */
    static Replicator replicator(RequestContext context) {
        Replicator replicator = context.namespace().replicator();
        if (replicator == null || context.options().sharedDb()) {
            throw DynamoException.validation("Global tables are not available on this endpoint",
                    "with --shared-db every region is one namespace, so a table cannot have replicas in other regions");
        }
        return replicator;
    }

    /** A member table of the legacy global table {@code name} in any of the caller's regions (its own first), or null. */
    static Table find(RequestContext context, String name) {
        for (Namespace namespace : replicator(context).allRegions(context.namespace())) {
            Table table = namespace.table(name, context.nowMillis());
            if (table != null && table.replicas() != null && ReplicaGroup.LEGACY.equals(table.replicas().version())) return table;
        }
        return null;
    }

    /** Like {@link #find}, or the service's GlobalTableNotFoundException. */
    static Table require(RequestContext context, String name) {
        Table table = find(context, name);
        if (table == null) throw notFound(name);
        return table;
    }

    static DynamoException notFound(String name) {
        return new DynamoException(ErrorCode.GLOBAL_TABLE_NOT_FOUND, "Global table not found: Global table with name: '" + name + "' does not exist.");
    }

    /** The namespace of the member table's region. */
    static Namespace namespaceOf(RequestContext context, Table member) {
        String region = regionOf(member.definition().arn());
        return region.equals(context.namespace().region()) ? context.namespace() : replicator(context).peer(context.namespace(), region);
    }

    static String regionOf(String tableArn) {
        return tableArn.split(":", 5)[3];
    }

    /** The table of each live replica, in the group's order (missing ones left out). */
    static List<Table> members(RequestContext context, Table any) {
        List<Table> members = new ArrayList<>();
        long now = context.nowMillis();
        Namespace home = namespaceOf(context, any);
        for (ReplicaGroup.Replica r : any.replicas().live(now)) {
            Namespace namespace = r.region().equals(home.region()) ? home : replicator(context).peer(home, r.region());
            Table t = namespace.table(any.name(), now);
            if (t != null) members.add(t);
        }
        return members;
    }

    /** Gives every live member the group (saved with its metadata) and ships its writes. Caller holds the replicator's monitor. */
    static void share(RequestContext context, Namespace home, String name, ReplicaGroup group) {
        long now = context.nowMillis();
        Replicator replicator = replicator(context);
        for (ReplicaGroup.Replica r : group.live(now)) {
            if (Lifecycle.DELETING.equals(r.statusAt(now))) continue;
            Namespace namespace = r.region().equals(home.region()) ? home : replicator.peer(home, r.region());
            Table t = namespace.table(name, now);
            if (t == null) continue;
            TableLocks.write(t, () -> {
                t.updateReplicas(group);
                return null;
            });
            replicator.track(namespace, t);
        }
    }

    /** CREATING while every replica is, UPDATING while any changes, else ACTIVE. */
    static String status(ReplicaGroup group, long now) {
        List<ReplicaGroup.Replica> live = group.live(now);
        if (live.stream().allMatch(r -> Lifecycle.CREATING.equals(r.statusAt(now)))) return Lifecycle.CREATING;
        if (live.stream().anyMatch(r -> !Lifecycle.ACTIVE.equals(r.statusAt(now)))) return Lifecycle.UPDATING;
        return Lifecycle.ACTIVE;
    }

    /** The GlobalTableDescription of a group: its ARN, creation time, status and regions. */
    static ObjectNode description(String name, ReplicaGroup group, long now) {
        ObjectNode node = Json.object();
        node.put("CreationDateTime", group.creationDateTime());
        node.put("GlobalTableArn", "arn:aws:dynamodb::" + Namespace.ACCOUNT_ID + ":global-table/" + name);
        node.put("GlobalTableName", name);
        node.put("GlobalTableStatus", status(group, now));
        ArrayNode regions = node.putArray("ReplicationGroup");
        for (ReplicaGroup.Replica r : group.live(now)) {
            if (!Lifecycle.DELETING.equals(r.statusAt(now))) regions.addObject().put("RegionName", r.region());
        }
        return node;
    }

    /** DescribeGlobalTableSettings' and UpdateGlobalTableSettings' answer: each replica's capacity settings. */
    static ObjectNode settings(RequestContext context, Table any) {
        long now = context.nowMillis();
        ObjectNode answer = Json.object().put("GlobalTableName", any.name());
        ArrayNode replicas = answer.putArray("ReplicaSettings");
        for (Table member : members(context, any)) {
            TableDefinition d = member.definition();
            String region = regionOf(d.arn());
            ReplicaGroup.Replica replica = any.replicas().replica(region, now);
            ObjectNode node = replicas.addObject();
            node.putObject("ReplicaBillingModeSummary").put("BillingMode", d.billingMode());
            AutoScaling scaling = member.autoScaling();
            if (!d.globalIndexes().isEmpty()) {
                ArrayNode indexes = node.putArray("ReplicaGlobalSecondaryIndexSettings");
                for (IndexDefinition index : d.globalIndexes()) {
                    ObjectNode entry = indexes.addObject().put("IndexName", index.name()).put("IndexStatus", index.status());
                    AutoScaling.Settings read = scaling.replicaIndexRead().getOrDefault(region, java.util.Map.of()).get(index.name());
                    if (read != null) entry.set("ProvisionedReadCapacityAutoScalingSettings", AutoScalingDescriptions.settings(read));
                    entry.put("ProvisionedReadCapacityUnits", d.payPerRequest() || index.throughput() == null ? 0 : index.throughput().readCapacityUnits());
                    AutoScaling.Settings write = scaling.indexWrite().get(index.name());
                    if (write != null) entry.set("ProvisionedWriteCapacityAutoScalingSettings", AutoScalingDescriptions.settings(write));
                    entry.put("ProvisionedWriteCapacityUnits", d.payPerRequest() || index.throughput() == null ? 0 : index.throughput().writeCapacityUnits());
                }
            }
            AutoScaling.Settings read = scaling.replicaRead().get(region);
            if (read != null) node.set("ReplicaProvisionedReadCapacityAutoScalingSettings", AutoScalingDescriptions.settings(read));
            node.put("ReplicaProvisionedReadCapacityUnits", d.payPerRequest() ? 0 : d.throughput().readCapacityUnits());
            if (scaling.write() != null) node.set("ReplicaProvisionedWriteCapacityAutoScalingSettings", AutoScalingDescriptions.settings(scaling.write()));
            node.put("ReplicaProvisionedWriteCapacityUnits", d.payPerRequest() ? 0 : d.throughput().writeCapacityUnits());
            node.put("ReplicaStatus", replica == null ? Lifecycle.ACTIVE : replica.statusAt(now));
            ObjectNode tableClass = node.putObject("ReplicaTableClassSummary");
            if (d.tableClassUpdatedAt() != null) tableClass.put("LastUpdateDateTime", d.tableClassUpdatedAt());
            tableClass.put("TableClass", d.effectiveTableClass());
            node.put("RegionName", region);
            replicas.set(replicas.size() - 1, AutoScalingDescriptions.sorted(node));
        }
        return answer;
    }
}
