package io.dynabox.engine.operation.global;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.table.AutoScaling;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.ReplicaGroup;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code TableAutoScalingDescription} of DescribeTableReplicaAutoScaling and UpdateTableReplicaAutoScaling. */
final class ReplicaAutoScalingDescriptions {
    private ReplicaAutoScalingDescriptions() {}

    /** Every replica (the table's own region first for a table of one region), with the settings kept for it. */
    static ObjectNode describe(Table table, String localRegion, long now) {
        TableDefinition d = table.definition();
        AutoScaling scaling = table.autoScaling();
        ObjectNode node = Json.object();
        ArrayNode replicas = node.putArray("Replicas");
        List<String[]> regions = new ArrayList<>(); // region, status
        ReplicaGroup group = table.replicas();
        if (group == null) regions.add(new String[] {localRegion, Table.ACTIVE});
        else for (ReplicaGroup.Replica r : group.live(now)) regions.add(new String[] {r.region(), r.statusAt(now)});
        for (String[] region : regions) {
            ObjectNode replica = Json.object();
            if (!d.globalIndexes().isEmpty()) {
                ArrayNode indexes = replica.putArray("GlobalSecondaryIndexes");
                for (IndexDefinition index : d.globalIndexes()) {
                    ObjectNode entry = indexes.addObject().put("IndexName", index.name()).put("IndexStatus", index.status());
                    AutoScaling.Settings read = scaling.replicaIndexRead().getOrDefault(region[0], Map.of()).get(index.name());
                    if (read != null) entry.set("ProvisionedReadCapacityAutoScalingSettings", AutoScalingDescriptions.settings(read));
                    AutoScaling.Settings write = scaling.indexWrite().get(index.name());
                    if (write != null) entry.set("ProvisionedWriteCapacityAutoScalingSettings", AutoScalingDescriptions.settings(write));
                }
            }
            replica.put("RegionName", region[0]);
            AutoScaling.Settings read = scaling.replicaRead().get(region[0]);
            if (read != null) replica.set("ReplicaProvisionedReadCapacityAutoScalingSettings", AutoScalingDescriptions.settings(read));
            if (scaling.write() != null) {
                replica.set("ReplicaProvisionedWriteCapacityAutoScalingSettings", AutoScalingDescriptions.settings(scaling.write()));
            }
            replica.put("ReplicaStatus", region[1]);
            replicas.add(replica);
        }
        node.put("TableName", d.name());
        node.put("TableStatus", table.status(now));
        return node;
    }
}
