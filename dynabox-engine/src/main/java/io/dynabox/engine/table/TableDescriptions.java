package io.dynabox.engine.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.wire.Json;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code TableDescription} of DescribeTable, CreateTable, UpdateTable and DeleteTable,
 * with the service's rules for which members appear when. Members are written in
 * alphabetical order, as the service writes them.
 */
public final class TableDescriptions {
    private TableDescriptions() {}

    /** The full description, as DescribeTable shows it: old values while a change is in flight. */
    public static ObjectNode describe(Table table, long nowMillis) {
        return render(table, table.shownDefinition(nowMillis), table.status(nowMillis), nowMillis, true, true);
    }

    /**
     * CreateTable's answer: CREATING, the billing mode without its timestamp, and warm
     * throughput only when the request asked for it.
     */
    public static ObjectNode asCreated(Table table, long nowMillis, boolean withWarmThroughput) {
        return render(table, table.definition(), Table.CREATING, nowMillis, withWarmThroughput, false);
    }

    /**
     * UpdateTable's answer: {@code shown} is what the service echoes right after accepting the
     * change; a billing-mode switch shows the new mode without its timestamp.
     */
    public static ObjectNode asUpdated(Table table, TableDefinition shown, String status, long nowMillis, boolean billingSwitched) {
        ObjectNode node = render(table, shown, status, nowMillis, true, !billingSwitched);
        // the service answers before an index's backfill starts: false here, true in DescribeTable while it runs
        for (JsonNode index : node.path("GlobalSecondaryIndexes")) {
            if (index.has("Backfilling")) ((ObjectNode) index).put("Backfilling", false);
        }
        return node;
    }

    /** A restore's answer: the new table CREATING, its restore in progress. */
    public static ObjectNode asRestoring(Table table, long nowMillis) {
        return render(table, table.definition(), Table.CREATING, nowMillis, true, true);
    }

    /** DeleteTable's trimmed description. */
    public static ObjectNode asDeleting(Table table, long nowMillis) {
        TableDefinition d = table.shownDefinition(nowMillis);
        ObjectNode node = Json.object();
        if (d.payPerRequest()) node.set("BillingModeSummary", billingSummary(d, true));
        node.put("DeletionProtectionEnabled", d.deletionProtectionEnabled());
        node.put("ItemCount", table.keyspace().itemCount());
        node.set("ProvisionedThroughput", throughput(d.payPerRequest(), d.throughput(), nowMillis));
        if (d.sseDescription() != null) node.set("SSEDescription", d.sseDescription());
        node.put("TableArn", d.arn());
        if (d.tableClass() != null) node.set("TableClassSummary", tableClassSummary(d));
        node.put("TableId", d.tableId());
        node.put("TableName", d.name());
        node.put("TableSizeBytes", table.keyspace().sizeBytes());
        node.put("TableStatus", Table.DELETING);
        return node;
    }

    private static ObjectNode render(Table table, TableDefinition d, String status, long nowMillis,
                                     boolean withWarmThroughput, boolean billingTimestamp) {
        ObjectNode node = Json.object();
        ArrayNode definitions = node.putArray("AttributeDefinitions");
        new TreeMap<>(d.attributeDefinitions()).forEach((name, type) ->
                definitions.addObject().put("AttributeName", name).put("AttributeType", type.name()));
        // tables that were always provisioned have no summary at all
        if (d.payPerRequest() || d.lastUpdateToPayPerRequestDateTime() != null) {
            node.set("BillingModeSummary", billingSummary(d, billingTimestamp));
        }
        node.put("CreationDateTime", d.creationDateTime());
        node.put("DeletionProtectionEnabled", d.deletionProtectionEnabled());
        if (!d.globalIndexes().isEmpty()) {
            ArrayNode indexes = node.putArray("GlobalSecondaryIndexes");
            for (IndexDefinition index : d.globalIndexes()) {
                indexes.add(globalIndex(table, d, index, status, nowMillis, withWarmThroughput));
            }
        }
        ReplicaGroup group = table.replicas();
        String localRegion = regionOf(d.arn());
        List<ReplicaGroup.Replica> others = group == null ? List.of()
                : group.live(nowMillis).stream().filter(r -> !r.region().equals(localRegion)).toList();
        if (!others.isEmpty()) {
            node.put("GlobalTableVersion", group.version());
            if (group.witnessRegion() != null) {
                node.putArray("GlobalTableWitnesses").addObject().put("RegionName", group.witnessRegion()).put("WitnessStatus", "ACTIVE");
            }
        }
        node.put("ItemCount", table.keyspace().itemCount());
        node.set("KeySchema", keySchema(d.keySchema()));
        // the latest stream stays named after it is disabled
        if (d.latestStreamLabel() != null) {
            node.put("LatestStreamArn", d.arn() + "/stream/" + d.latestStreamLabel());
            node.put("LatestStreamLabel", d.latestStreamLabel());
        }
        if (!d.localIndexes().isEmpty()) {
            ArrayNode indexes = node.putArray("LocalSecondaryIndexes");
            for (IndexDefinition index : d.localIndexes()) indexes.add(indexBase(table, d, index));
        }
        // the service names the consistency of strongly consistent groups only (observed in 2026)
        if (!others.isEmpty() && ReplicaGroup.CURRENT.equals(group.version()) && ReplicaGroup.STRONG.equals(group.multiRegionConsistency())) {
            node.put("MultiRegionConsistency", group.multiRegionConsistency());
        }
        if (d.onDemandThroughput() != null) node.set("OnDemandThroughput", d.onDemandThroughput());
        node.set("ProvisionedThroughput", throughput(d.payPerRequest(), d.throughput(), nowMillis));
        if (!others.isEmpty()) {
            ArrayNode replicas = node.putArray("Replicas");
            for (ReplicaGroup.Replica r : others) replicas.add(replica(d, r, nowMillis));
        }
        RestoreSummary restored = table.control().restoreSummary();
        // only while the restore runs: the service leaves it out from the first ACTIVE description on (observed in 2026)
        if (restored != null && Table.CREATING.equals(status)) node.set("RestoreSummary", restoreSummary(restored));
        if (d.sseDescription() != null) node.set("SSEDescription", d.sseDescription());
        if (d.streamEnabled()) {
            node.set("StreamSpecification", Json.object().put("StreamEnabled", true).put("StreamViewType", d.streamViewType()));
        }
        node.put("TableArn", d.arn());
        if (d.tableClass() != null) node.set("TableClassSummary", tableClassSummary(d));
        node.put("TableId", d.tableId());
        node.put("TableName", d.name());
        node.put("TableSizeBytes", table.keyspace().sizeBytes());
        node.put("TableStatus", status);
        if (withWarmThroughput) {
            TableDefinition.Warm warm = d.warmThroughput();
            node.set("WarmThroughput", warmThroughput(warm.readUnitsPerSecond(), warm.writeUnitsPerSecond()));
        }
        return node;
    }

    /** One of the other replicas of a global table, as DescribeTable lists them. */
    public static ObjectNode replica(TableDefinition d, ReplicaGroup.Replica r, long nowMillis) {
        ObjectNode node = Json.object();
        if (!d.globalIndexes().isEmpty()) {
            ArrayNode indexes = node.putArray("GlobalSecondaryIndexes");
            for (IndexDefinition index : d.globalIndexes()) {
                ObjectNode entry = indexes.addObject().put("IndexName", index.name());
                Long read = r.indexReadOverrides().get(index.name());
                if (read != null) entry.putObject("ProvisionedThroughputOverride").put("ReadCapacityUnits", read);
            }
        }
        if (r.kmsMasterKeyId() != null) node.put("KMSMasterKeyId", r.kmsMasterKeyId());
        if (r.maxReadRequestUnits() != null) node.putObject("OnDemandThroughputOverride").put("MaxReadRequestUnits", r.maxReadRequestUnits());
        if (r.readCapacityOverride() != null) node.putObject("ProvisionedThroughputOverride").put("ReadCapacityUnits", r.readCapacityOverride());
        node.put("RegionName", r.region());
        String status = r.statusAt(nowMillis);
        node.put("ReplicaStatus", status);
        if (Lifecycle.CREATING.equals(status)) node.put("ReplicaStatusPercentProgress", "0");
        // a table class shows once one was set, on the replica or the table, as the service shows it (observed in 2026)
        if (r.tableClassOverride() != null || d.tableClass() != null) {
            ObjectNode tableClass = node.putObject("ReplicaTableClassSummary");
            Double classUpdated = r.tableClassOverride() != null ? r.tableClassUpdatedAt() : d.tableClassUpdatedAt();
            if (classUpdated != null) tableClass.put("LastUpdateDateTime", classUpdated);
            tableClass.put("TableClass", r.tableClassOverride() != null ? r.tableClassOverride() : d.effectiveTableClass());
        }
        return node;
    }

    /** The region part of a table ARN ({@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME}). */
    static String regionOf(String arn) {
        String[] parts = arn.split(":", 5);
        return parts.length > 3 ? parts[3] : "";
    }

    /** A restored table's origin; the restore is in progress while the table is CREATING. */
    private static ObjectNode restoreSummary(RestoreSummary summary) {
        ObjectNode node = Json.object();
        node.put("RestoreDateTime", summary.restoreDateTime());
        node.put("RestoreInProgress", true);
        if (summary.sourceBackupArn() != null) node.put("SourceBackupArn", summary.sourceBackupArn());
        if (summary.sourceTableArn() != null) node.put("SourceTableArn", summary.sourceTableArn());
        return node;
    }

    private static ObjectNode billingSummary(TableDefinition d, boolean withTimestamp) {
        ObjectNode summary = Json.object().put("BillingMode", d.billingMode());
        if (withTimestamp && d.lastUpdateToPayPerRequestDateTime() != null) {
            summary.put("LastUpdateToPayPerRequestDateTime", d.lastUpdateToPayPerRequestDateTime());
        }
        return summary;
    }

    private static ObjectNode tableClassSummary(TableDefinition d) {
        ObjectNode summary = Json.object();
        if (d.tableClassUpdatedAt() != null) summary.put("LastUpdateDateTime", d.tableClassUpdatedAt());
        summary.put("TableClass", d.tableClass());
        return summary;
    }

    private static ObjectNode globalIndex(Table table, TableDefinition d, IndexDefinition index, String tableStatus,
                                          long nowMillis, boolean withWarmThroughput) {
        ObjectNode node = indexBase(table, d, index);
        if (index.backfilling()) node.put("Backfilling", true);
        // indexes created with their table become ACTIVE with it
        node.put("IndexStatus", Table.CREATING.equals(tableStatus) ? Table.CREATING : index.status());
        node.set("ProvisionedThroughput", throughput(d.payPerRequest(), index.throughput(), nowMillis));
        if (index.onDemandThroughput() != null) node.set("OnDemandThroughput", index.onDemandThroughput());
        if (withWarmThroughput) {
            TableDefinition.Warm warm = TableGrammar.indexWarmThroughput(index, d.payPerRequest());
            node.set("WarmThroughput", warmThroughput(warm.readUnitsPerSecond(), warm.writeUnitsPerSecond()));
        }
        return sorted(node);
    }

    private static ObjectNode indexBase(Table table, TableDefinition d, IndexDefinition index) {
        ObjectNode node = Json.object();
        node.put("IndexArn", d.arn() + "/index/" + index.name());
        node.put("IndexName", index.name());
        // a deleted index's entries are gone already; it shows empty until it vanishes
        boolean deleting = Table.DELETING.equals(index.status());
        node.put("IndexSizeBytes", deleting ? 0L : table.indexKeyspace(index.name()).sizeBytes());
        node.put("ItemCount", deleting ? 0L : table.indexKeyspace(index.name()).itemCount());
        node.set("KeySchema", keySchema(index.keySchema()));
        ObjectNode projection = node.putObject("Projection");
        if (index.projection().nonKeyAttributes() != null) {
            ArrayNode names = projection.putArray("NonKeyAttributes");
            index.projection().nonKeyAttributes().stream().sorted().forEach(names::add);
        }
        projection.put("ProjectionType", index.projection().type());
        return node;
    }

    private static ObjectNode sorted(ObjectNode node) {
        Map<String, JsonNode> members = new TreeMap<>();
        node.fields().forEachRemaining(e -> members.put(e.getKey(), e.getValue()));
        ObjectNode result = Json.object();
        members.forEach(result::set);
        return result;
    }

    public static ArrayNode keySchema(KeySchema schema) {
        ArrayNode array = Json.array();
        for (KeySchema.Element element : schema.partitionElements()) array.addObject().put("AttributeName", element.name()).put("KeyType", "HASH");
        for (KeySchema.Element element : schema.sortElements()) array.addObject().put("AttributeName", element.name()).put("KeyType", "RANGE");
        return array;
    }

    /** On-demand capacity shows as 0/0, keeping the history of a provisioned past. */
    private static ObjectNode throughput(boolean payPerRequest, Throughput t, long nowMillis) {
        ObjectNode node = Json.object();
        if (t != null && t.lastDecreaseDateTime() != null) node.put("LastDecreaseDateTime", t.lastDecreaseDateTime());
        if (t != null && t.lastIncreaseDateTime() != null) node.put("LastIncreaseDateTime", t.lastIncreaseDateTime());
        node.put("NumberOfDecreasesToday", t == null ? 0 : t.decreasesToday(nowMillis / 1000.0));
        node.put("ReadCapacityUnits", payPerRequest || t == null ? 0 : t.readCapacityUnits());
        node.put("WriteCapacityUnits", payPerRequest || t == null ? 0 : t.writeCapacityUnits());
        return node;
    }

    private static ObjectNode warmThroughput(long read, long write) {
        return Json.object().put("ReadUnitsPerSecond", read).put("Status", "ACTIVE").put("WriteUnitsPerSecond", write);
    }
}
