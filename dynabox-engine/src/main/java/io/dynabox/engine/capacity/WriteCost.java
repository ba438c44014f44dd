package io.dynabox.engine.capacity;

import java.util.Map;

/** Write capacity units consumed by one item write: on the table, and on each index charged. */
public record WriteCost(double tableUnits, Map<String, Double> globalIndexUnits, Map<String, Double> localIndexUnits) {

    public double totalUnits() {
        double total = tableUnits;
        for (double units : globalIndexUnits.values()) total += units;
        for (double units : localIndexUnits.values()) total += units;
        return total;
    }
}
