package io.dynabox.engine.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.wire.Json;
import java.util.Map;
import java.util.HashMap;

/**
 * What one table (by namespace and name) served over a run: units per second in total (what
 * ReturnConsumedCapacity reported, indexes included), for the table's own capacity (the
 * table and its local indexes) and for each index, units by action, the hottest partition
 * keys, the sizes of the items written, and throttled requests. Bounded whatever the run's
 * length. Callers synchronize on it.
 */
final class TableUsage {
    final String namespaceId;
    final String tableName;
    UnitSeries totalRead = new UnitSeries();
    UnitSeries totalWrite = new UnitSeries();
    /**
     * What the table's own provisioned capacity serves: the table and its local indexes. Until a global index is
     * charged that is everything, so the totals stand for it ({@code baseIsTotal}) and each charge updates one series.
     */
    private UnitSeries baseRead;
    private UnitSeries baseWrite;
    private boolean baseIsTotal = true;
    final Map<String, IndexUsage> indexes = new HashMap<>();
    /** By action: read units, write units, requests. */
    final Map<String, double[]> byAction = new HashMap<>();
    HotKeys hotKeys = new HotKeys();
    ItemSizes written = new ItemSizes();
    long throttledRequests;
    /** What the throttle refused: the units those reads and writes would have consumed (at least). */
    double throttledReadUnits;
    double throttledWriteUnits;
    /** The table's own write units (not its indexes') made while it was a global table's replica: billed as replicated write units. */
    double replicatedWriteUnits;

    /** One index's units: a global index has capacity of its own; a local one shares the table's. */
    static final class IndexUsage {
        final boolean global;
        final UnitSeries read;
        final UnitSeries write;

        IndexUsage(boolean global, UnitSeries read, UnitSeries write) {
            this.global = global;
            this.read = read;
            this.write = write;
        }
    }

    TableUsage(String namespaceId, String tableName) {
        this.namespaceId = namespaceId;
        this.tableName = tableName;
    }

    /** The action's figures: read units, write units, requests. */
    double[] action(String action) {
        double[] figures = byAction.get(action);
        if (figures == null) byAction.put(action, figures = new double[3]);
        return figures;
    }

    UnitSeries baseRead() {
        return baseIsTotal ? totalRead : baseRead;
    }

    UnitSeries baseWrite() {
        return baseIsTotal ? totalWrite : baseWrite;
    }

    void charge(String index, boolean global, boolean write, double units, Long partitionHash, long second, double[] byAction) {
        if (global && baseIsTotal) { // the first global index charge: from now on the table's own series differ
            baseRead = UnitSeries.fromJson(totalRead.toJson());
            baseWrite = UnitSeries.fromJson(totalWrite.toJson());
            baseIsTotal = false;
        }
        (write ? totalWrite : totalRead).add(second, units);
        if (!baseIsTotal && (index == null || !global)) (write ? baseWrite : baseRead).add(second, units);
        if (index != null) {
            IndexUsage usage = indexes.computeIfAbsent(index, name -> new IndexUsage(global, new UnitSeries(), new UnitSeries()));
            (write ? usage.write : usage.read).add(second, units);
        }
        // hot keys count what lands on the table's own partitions (and its local indexes', which share them)
        if (partitionHash != null && (index == null || !global)) hotKeys.add(partitionHash, second, write, units);
        byAction[write ? 1 : 0] += units;
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("namespace", namespaceId).put("table", tableName);
        node.set("totalRead", totalRead.toJson());
        node.set("totalWrite", totalWrite.toJson());
        node.put("baseIsTotal", baseIsTotal);
        if (!baseIsTotal) {
            node.set("baseRead", baseRead.toJson());
            node.set("baseWrite", baseWrite.toJson());
        }
        ObjectNode indexNodes = node.putObject("indexes");
        new java.util.TreeMap<>(indexes).forEach((name, usage) -> indexNodes.putObject(name).put("global", usage.global)
                .<ObjectNode>set("read", usage.read.toJson()).set("write", usage.write.toJson()));
        ObjectNode actions = node.putObject("byAction");
        new java.util.TreeMap<>(byAction).forEach((action, units) -> actions.putArray(action).add(units[0]).add(units[1]).add(units[2]));
        node.set("hotKeys", hotKeys.toJson());
        node.set("written", written.toJson());
        node.put("throttledRequests", throttledRequests);
        node.put("throttledReadUnits", throttledReadUnits);
        node.put("throttledWriteUnits", throttledWriteUnits);
        node.put("replicatedWriteUnits", replicatedWriteUnits);
        return node;
    }

    static TableUsage fromJson(JsonNode node) {
        TableUsage usage = new TableUsage(node.path("namespace").asText(), node.path("table").asText());
        return usage.read(node);
    }

    private TableUsage read(JsonNode node) {
        totalRead = UnitSeries.fromJson(node.path("totalRead"));
        totalWrite = UnitSeries.fromJson(node.path("totalWrite"));
        baseIsTotal = node.path("baseIsTotal").asBoolean(false);
        if (!baseIsTotal) {
            baseRead = UnitSeries.fromJson(node.path("baseRead"));
            baseWrite = UnitSeries.fromJson(node.path("baseWrite"));
        }
        node.path("indexes").fields().forEachRemaining(e -> indexes.put(e.getKey(), new IndexUsage(e.getValue().path("global").asBoolean(),
                UnitSeries.fromJson(e.getValue().path("read")), UnitSeries.fromJson(e.getValue().path("write")))));
        node.path("byAction").fields().forEachRemaining(e -> byAction.put(e.getKey(),
                new double[] {e.getValue().path(0).asDouble(), e.getValue().path(1).asDouble(), e.getValue().path(2).asDouble()}));
        hotKeys = HotKeys.fromJson(node.path("hotKeys"));
        written = ItemSizes.fromJson(node.path("written"));
        throttledRequests = node.path("throttledRequests").asLong();
        throttledReadUnits = node.path("throttledReadUnits").asDouble();
        throttledWriteUnits = node.path("throttledWriteUnits").asDouble();
        replicatedWriteUnits = node.path("replicatedWriteUnits").asDouble();
        return this;
    }
}
