package io.dynabox.engine.capacity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Write capacity units consumed by one item write: on the table, and on each index charged. {@code globalIndexKeys}
 * holds, for a global index charged, the stored key of the entry the write leaves there (or of the one it removed):
 * the index's partition and sort key, which its contributor insights count.
 */
public record WriteCost(double tableUnits, Map<String, Double> globalIndexUnits, Map<String, Double> localIndexUnits,
                        Map<String, byte[]> globalIndexKeys) {

    public WriteCost(double tableUnits, Map<String, Double> globalIndexUnits, Map<String, Double> localIndexUnits) {
        this(tableUnits, globalIndexUnits, localIndexUnits, Map.of());
    }

    public double totalUnits() {
        double total = tableUnits;
        for (double units : globalIndexUnits.values()) total += units;
        for (double units : localIndexUnits.values()) total += units;
        return total;
    }

    /** This cost and {@code other} together: several writes to one table (a batch, a transaction). */
    public WriteCost plus(WriteCost other) {
        return new WriteCost(tableUnits + other.tableUnits, add(globalIndexUnits, other.globalIndexUnits),
                add(localIndexUnits, other.localIndexUnits));
    }

    /** Every unit multiplied: transactions charge two units per unit (prepare and commit). */
    public WriteCost times(double factor) {
        Map<String, Double> global = new LinkedHashMap<>();
        globalIndexUnits.forEach((index, units) -> global.put(index, units * factor));
        Map<String, Double> local = new LinkedHashMap<>();
        localIndexUnits.forEach((index, units) -> local.put(index, units * factor));
        return new WriteCost(tableUnits * factor, global, local, globalIndexKeys);
    }

    private static Map<String, Double> add(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> sum = new LinkedHashMap<>(a);
        b.forEach((index, units) -> sum.merge(index, units, Double::sum));
        return sum;
    }
}
