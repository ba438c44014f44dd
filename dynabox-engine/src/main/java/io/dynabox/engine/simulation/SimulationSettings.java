package io.dynabox.engine.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.wire.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the simulation does, as one document (the body of {@code GET} and {@code PUT /dynabox/simulation}
 * and the file of {@code --simulation}). Everything is off by default; per-table entries override the
 * document's own values for one table.
 *
 * <pre>{"seed": 7, "throttling": true, "consistencyLagMillis": 500, "transactionConflictRate": 0.0,
 *  "tables": {"orders": {"throttling": false}}}</pre>
 *
 * @param seed                    seeds every random draw of the simulation (fault rates, conflict rates, stale reads)
 * @param throttling              provisioned and on-demand tables throttle as the service does
 * @param consistencyLagMillis    the most an eventually consistent read or a global secondary index may lag the table
 * @param transactionConflicts    transactions conflict as the service's do, instead of waiting for each other
 * @param transactionConflictRate the share of writes and transactions refused with a conflict even when none met
 * @param tables                  per-table overrides, by table name
 */
public record SimulationSettings(long seed, boolean throttling, long consistencyLagMillis, boolean transactionConflicts,
                                 double transactionConflictRate, Map<String, TableOverrides> tables) {

    public static final SimulationSettings OFF = new SimulationSettings(0, false, 0, false, 0, Map.of());

    private static final Set<String> FIELDS = Set.of("seed", "throttling", "consistencyLagMillis", "transactionConflicts",
            "transactionConflictRate", "tables");

    public SimulationSettings {
        tables = Map.copyOf(tables);
        if (consistencyLagMillis < 0) throw new IllegalArgumentException("consistencyLagMillis must not be negative");
        checkRate("transactionConflictRate", transactionConflictRate);
    }

    /** One table's values that differ from the document's; a null leaves the document's value. */
    public record TableOverrides(Boolean throttling, Long consistencyLagMillis, Double transactionConflictRate) {
        private static final Set<String> FIELDS = Set.of("throttling", "consistencyLagMillis", "transactionConflictRate");

        public TableOverrides {
            if (consistencyLagMillis != null && consistencyLagMillis < 0) throw new IllegalArgumentException("consistencyLagMillis must not be negative");
            if (transactionConflictRate != null) checkRate("transactionConflictRate", transactionConflictRate);
        }
    }

    /** True when any table could see anything simulated: false keeps the request path as it is without a simulation. */
    public boolean anyOn() {
        if (throttling || consistencyLagMillis > 0 || transactionConflicts || transactionConflictRate > 0) return true;
        for (TableOverrides table : tables.values()) {
            if (Boolean.TRUE.equals(table.throttling) || (table.consistencyLagMillis != null && table.consistencyLagMillis > 0)
                    || (table.transactionConflictRate != null && table.transactionConflictRate > 0)) return true;
        }
        return false;
    }

    /** True when some table throttles: the server's setting, or a table's own. */
    public boolean anyThrottling() {
        if (throttling) return true;
        for (TableOverrides table : tables.values()) {
            if (Boolean.TRUE.equals(table.throttling)) return true;
        }
        return false;
    }

    /** The largest lag any table has. */
    public long largestLagMillis() {
        long largest = consistencyLagMillis;
        for (TableOverrides table : tables.values()) {
            if (table.consistencyLagMillis != null) largest = Math.max(largest, table.consistencyLagMillis);
        }
        return largest;
    }

    /** True when transactions are simulated for some table: their conflicts, or conflicts drawn at a rate. */
    public boolean anyConflicts() {
        if (transactionConflicts || transactionConflictRate > 0) return true;
        for (TableOverrides table : tables.values()) {
            if (table.transactionConflictRate != null && table.transactionConflictRate > 0) return true;
        }
        return false;
    }

    public boolean throttling(String table) {
        TableOverrides overrides = tables.get(table);
        return overrides != null && overrides.throttling != null ? overrides.throttling : throttling;
    }

    public long consistencyLagMillis(String table) {
        TableOverrides overrides = tables.get(table);
        return overrides != null && overrides.consistencyLagMillis != null ? overrides.consistencyLagMillis : consistencyLagMillis;
    }

    public double transactionConflictRate(String table) {
        TableOverrides overrides = tables.get(table);
        return overrides != null && overrides.transactionConflictRate != null ? overrides.transactionConflictRate : transactionConflictRate;
    }

    public SimulationSettings withSeed(long value) {
        return new SimulationSettings(value, throttling, consistencyLagMillis, transactionConflicts, transactionConflictRate, tables);
    }

    public SimulationSettings withThrottling(boolean value) {
        return new SimulationSettings(seed, value, consistencyLagMillis, transactionConflicts, transactionConflictRate, tables);
    }

    public SimulationSettings withConsistencyLagMillis(long value) {
        return new SimulationSettings(seed, throttling, value, transactionConflicts, transactionConflictRate, tables);
    }

    public SimulationSettings withTransactionConflicts(boolean value) {
        return new SimulationSettings(seed, throttling, consistencyLagMillis, value, transactionConflictRate, tables);
    }

    public SimulationSettings withTransactionConflictRate(double value) {
        return new SimulationSettings(seed, throttling, consistencyLagMillis, transactionConflicts, value, tables);
    }

    public SimulationSettings withTable(String table, TableOverrides overrides) {
        Map<String, TableOverrides> next = new LinkedHashMap<>(tables);
        next.put(table, overrides);
        return new SimulationSettings(seed, throttling, consistencyLagMillis, transactionConflicts, transactionConflictRate, next);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("seed", seed);
        node.put("throttling", throttling);
        node.put("consistencyLagMillis", consistencyLagMillis);
        node.put("transactionConflicts", transactionConflicts);
        node.put("transactionConflictRate", transactionConflictRate);
        ObjectNode perTable = node.putObject("tables");
        tables.forEach((name, overrides) -> {
            ObjectNode table = perTable.putObject(name);
            if (overrides.throttling != null) table.put("throttling", overrides.throttling);
            if (overrides.consistencyLagMillis != null) table.put("consistencyLagMillis", overrides.consistencyLagMillis);
            if (overrides.transactionConflictRate != null) table.put("transactionConflictRate", overrides.transactionConflictRate);
        });
        return node;
    }

    /**
     * The settings a document gives; members it leaves out are off (a document is the whole settings).
     *
     * @throws IllegalArgumentException naming the member that is unknown or of the wrong type
     */
    public static SimulationSettings fromJson(JsonNode node) {
        if (node == null || !node.isObject()) throw new IllegalArgumentException("the simulation settings are a JSON object");
        checkFields(node, FIELDS, "");
        Map<String, TableOverrides> tables = new LinkedHashMap<>();
        JsonNode perTable = node.get("tables");
        if (perTable != null && !perTable.isNull()) {
            if (!perTable.isObject()) throw new IllegalArgumentException("'tables' is an object of table names");
            for (Iterator<Map.Entry<String, JsonNode>> it = perTable.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode table = entry.getValue();
                if (!table.isObject()) throw new IllegalArgumentException("'tables." + entry.getKey() + "' is an object");
                String where = "tables." + entry.getKey() + ".";
                checkFields(table, TableOverrides.FIELDS, where);
                tables.put(entry.getKey(), new TableOverrides(
                        table.has("throttling") ? bool(table, "throttling", where) : null,
                        table.has("consistencyLagMillis") ? whole(table, "consistencyLagMillis", where) : null,
                        table.has("transactionConflictRate") ? number(table, "transactionConflictRate", where) : null));
            }
        }
        return new SimulationSettings(
                node.has("seed") ? whole(node, "seed", "") : 0,
                node.has("throttling") && bool(node, "throttling", ""),
                node.has("consistencyLagMillis") ? whole(node, "consistencyLagMillis", "") : 0,
                node.has("transactionConflicts") && bool(node, "transactionConflicts", ""),
                node.has("transactionConflictRate") ? number(node, "transactionConflictRate", "") : 0,
                tables);
    }

    private static void checkFields(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) throw new IllegalArgumentException("unknown member '" + where + name + "'; known: " + known);
        }
    }

    static boolean bool(JsonNode node, String name, String where) {
        JsonNode value = node.get(name);
        if (!value.isBoolean()) throw new IllegalArgumentException("'" + where + name + "' is true or false");
        return value.booleanValue();
    }

    static long whole(JsonNode node, String name, String where) {
        JsonNode value = node.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) throw new IllegalArgumentException("'" + where + name + "' is a whole number");
        return value.longValue();
    }

    static double number(JsonNode node, String name, String where) {
        JsonNode value = node.get(name);
        if (!value.isNumber()) throw new IllegalArgumentException("'" + where + name + "' is a number");
        return value.doubleValue();
    }

    static void checkRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) throw new IllegalArgumentException("'" + name + "' is between 0 and 1");
    }
}
