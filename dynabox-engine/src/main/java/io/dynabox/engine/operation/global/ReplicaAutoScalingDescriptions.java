package io.dynabox.engine.operation.global;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.table.AutoScaling;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.ReplicaGroup;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.wire.Json;
import java.util.Map;
import java.util.TreeMap;

/** The {@code TableAutoScalingDescription} of DescribeTableReplicaAutoScaling and UpdateTableReplicaAutoScaling. */
final class ReplicaAutoScalingDescriptions {
    private ReplicaAutoScalingDescriptions() {}

    /**
     * Every replica, in region order, with the settings kept for it; a dimension never set reads
     * as disabled, and an index being created is left out until it is ACTIVE (as the service
     * answers, observed in 2026).
     */
    static ObjectNode describe(Table table, String localRegion, long now) {
        TableDefinition d = table.shownDefinition(now);
        AutoScaling scaling = table.autoScaling();
        boolean onDemand = d.payPerRequest();
        ObjectNode node = Json.object();
        ArrayNode replicas = node.putArray("Replicas");
        TreeMap<String, String> regions = new TreeMap<>(); // region → status
        ReplicaGroup group = table.replicas();
        if (group == null) regions.put(localRegion, Table.ACTIVE);
        else for (ReplicaGroup.Replica r : group.live(now)) regions.put(r.region(), r.statusAt(now));
        regions.forEach((region, status) -> {
            ObjectNode replica = Json.object();
            ArrayNode indexes = replica.putArray("GlobalSecondaryIndexes");
            for (IndexDefinition index : d.globalIndexes()) {
                if (Table.CREATING.equals(index.status())) continue;
                ObjectNode entry = indexes.addObject().put("IndexName", index.name()).put("IndexStatus", index.status());
                entry.set("ProvisionedReadCapacityAutoScalingSettings",
                        AutoScalingDescriptions.settings(scaling.replicaIndexRead().getOrDefault(region, Map.of()).get(index.name()), onDemand));
                entry.set("ProvisionedWriteCapacityAutoScalingSettings", AutoScalingDescriptions.settings(scaling.indexWrite().get(index.name()), onDemand));
            }
            replica.put("RegionName", region);
            replica.set("ReplicaProvisionedReadCapacityAutoScalingSettings", AutoScalingDescriptions.settings(scaling.replicaRead().get(region), onDemand));
            replica.set("ReplicaProvisionedWriteCapacityAutoScalingSettings", AutoScalingDescriptions.settings(scaling.write(), onDemand));
            replica.put("ReplicaStatus", status);
            replicas.add(replica);
        });
        node.put("TableName", d.name());
        node.put("TableStatus", table.status(now));
        return node;
    }
}
