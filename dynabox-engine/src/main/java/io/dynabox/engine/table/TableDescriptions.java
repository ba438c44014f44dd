package io.dynabox.engine.table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.wire.Json;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code TableDescription} of DescribeTable, CreateTable, UpdateTable and DeleteTable,
 * with the service's rules for which members appear when. Members are written in
 * alphabetical order, as the service writes them.
 */
public final class TableDescriptions {
    private TableDescriptions() {}

    /** The full description, as DescribeTable shows it. */
    public static ObjectNode describe(Table table, long nowMillis) {
        return render(table, table.status(nowMillis), true);
    }

    /**
     * The description in a CreateTable or UpdateTable answer: like DescribeTable, but
     * without warm throughput or the billing-mode timestamp, which the service adds later.
     */
    public static ObjectNode asChanged(Table table, String status) {
        return render(table, status, false);
    }

    /** DeleteTable's trimmed description. */
    public static ObjectNode asDeleting(Table table) {
        TableDefinition d = table.definition();
        ObjectNode node = Json.object();
        if (d.payPerRequest()) node.set("BillingModeSummary", billingSummary(d, false));
        node.put("DeletionProtectionEnabled", d.deletionProtectionEnabled());
        node.put("ItemCount", table.keyspace().itemCount());
        node.set("ProvisionedThroughput", throughput(d.payPerRequest() ? null : d.throughput()));
        if (d.sseDescription() != null) node.set("SSEDescription", d.sseDescription());
        node.put("TableArn", d.arn());
        if (d.tableClass() != null) node.set("TableClassSummary", Json.object().put("TableClass", d.tableClass()));
        node.put("TableId", d.tableId());
        node.put("TableName", d.name());
        node.put("TableSizeBytes", table.keyspace().sizeBytes());
        node.put("TableStatus", Table.DELETING);
        return node;
    }

    private static ObjectNode render(Table table, String status, boolean described) {
        TableDefinition d = table.definition();
        ObjectNode node = Json.object();
        ArrayNode definitions = node.putArray("AttributeDefinitions");
        new TreeMap<>(d.attributeDefinitions()).forEach((name, type) ->
                definitions.addObject().put("AttributeName", name).put("AttributeType", type.name()));
        if (d.payPerRequest() || d.lastUpdateToPayPerRequestDateTime() != null) {
            node.set("BillingModeSummary", billingSummary(d, described));
        }
        node.put("CreationDateTime", d.creationDateTime());
        node.put("DeletionProtectionEnabled", d.deletionProtectionEnabled());
        if (!d.globalIndexes().isEmpty()) {
            ArrayNode indexes = node.putArray("GlobalSecondaryIndexes");
            for (IndexDefinition index : d.globalIndexes()) indexes.add(globalIndex(table, index, status, described));
        }
        node.put("ItemCount", table.keyspace().itemCount());
        node.set("KeySchema", keySchema(d.keySchema()));
        if (d.latestStreamLabel() != null) {
            node.put("LatestStreamArn", d.arn() + "/stream/" + d.latestStreamLabel());
            node.put("LatestStreamLabel", d.latestStreamLabel());
        }
        if (!d.localIndexes().isEmpty()) {
            ArrayNode indexes = node.putArray("LocalSecondaryIndexes");
            for (IndexDefinition index : d.localIndexes()) indexes.add(indexBase(table, index));
        }
        if (d.onDemandThroughput() != null) node.set("OnDemandThroughput", d.onDemandThroughput());
        node.set("ProvisionedThroughput", throughput(d.payPerRequest() ? null : d.throughput()));
        if (d.sseDescription() != null) node.set("SSEDescription", d.sseDescription());
        if (d.streamEnabled()) {
            node.set("StreamSpecification", Json.object().put("StreamEnabled", true).put("StreamViewType", d.streamViewType()));
        }
        node.put("TableArn", d.arn());
        if (d.tableClass() != null) node.set("TableClassSummary", Json.object().put("TableClass", d.tableClass()));
        node.put("TableId", d.tableId());
        node.put("TableName", d.name());
        node.put("TableSizeBytes", table.keyspace().sizeBytes());
        node.put("TableStatus", status);
        if (described) node.set("WarmThroughput", warmThroughput(d.payPerRequest(), d.throughput()));
        return node;
    }

    private static ObjectNode billingSummary(TableDefinition d, boolean withTimestamp) {
        ObjectNode summary = Json.object().put("BillingMode", d.billingMode());
        if (withTimestamp && d.lastUpdateToPayPerRequestDateTime() != null) {
            summary.put("LastUpdateToPayPerRequestDateTime", d.lastUpdateToPayPerRequestDateTime());
        }
        return summary;
    }

    private static ObjectNode globalIndex(Table table, IndexDefinition index, String tableStatus, boolean described) {
        TableDefinition d = table.definition();
        ObjectNode node = indexBase(table, index);
        if (index.backfilling()) node.put("Backfilling", true);
        // indexes created with their table become ACTIVE with it
        node.put("IndexStatus", Table.CREATING.equals(tableStatus) ? Table.CREATING : index.status());
        node.set("ProvisionedThroughput", throughput(d.payPerRequest() ? null : index.throughput()));
        if (described) node.set("WarmThroughput", warmThroughput(d.payPerRequest(), index.throughput()));
        return sorted(node);
    }

    private static ObjectNode indexBase(Table table, IndexDefinition index) {
        ObjectNode node = Json.object();
        node.put("IndexArn", table.definition().arn() + "/index/" + index.name());
        node.put("IndexName", index.name());
        node.put("IndexSizeBytes", 0L);
        node.put("ItemCount", 0L);
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
        Map<String, com.fasterxml.jackson.databind.JsonNode> members = new TreeMap<>();
        node.fields().forEachRemaining(e -> members.put(e.getKey(), e.getValue()));
        ObjectNode result = Json.object();
        members.forEach(result::set);
        return result;
    }

    public static ArrayNode keySchema(KeySchema schema) {
        ArrayNode array = Json.array();
        array.addObject().put("AttributeName", schema.partitionName()).put("KeyType", "HASH");
        if (schema.hasSort()) array.addObject().put("AttributeName", schema.sortName()).put("KeyType", "RANGE");
        return array;
    }

    private static ObjectNode throughput(Throughput t) {
        ObjectNode node = Json.object();
        if (t != null && t.lastDecreaseDateTime() != null) node.put("LastDecreaseDateTime", t.lastDecreaseDateTime());
        if (t != null && t.lastIncreaseDateTime() != null) node.put("LastIncreaseDateTime", t.lastIncreaseDateTime());
        node.put("NumberOfDecreasesToday", t == null ? 0 : t.numberOfDecreasesToday());
        node.put("ReadCapacityUnits", t == null ? 0 : t.readCapacityUnits());
        node.put("WriteCapacityUnits", t == null ? 0 : t.writeCapacityUnits());
        return node;
    }

    /** On-demand tables start warm at 12,000 reads and 4,000 writes a second; provisioned ones at their capacity. */
    private static ObjectNode warmThroughput(boolean payPerRequest, Throughput t) {
        ObjectNode node = Json.object();
        node.put("ReadUnitsPerSecond", payPerRequest || t == null ? 12000 : t.readCapacityUnits());
        node.put("Status", "ACTIVE");
        node.put("WriteUnitsPerSecond", payPerRequest || t == null ? 4000 : t.writeCapacityUnits());
        return node;
    }
}
