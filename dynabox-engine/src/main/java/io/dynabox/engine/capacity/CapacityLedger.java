package io.dynabox.engine.capacity;

import io.dynabox.engine.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one request consumed: every read and write of a table or index charges it, in the order they happen,
 * whatever the request asked to see. {@code ReturnConsumedCapacity} renders from it ({@link ConsumedCapacity}),
 * the throttle policy settles it against the tables' capacity, and {@link CapacityListener}s (accounting,
 * contributor insights) receive it when the request ends.
 */
public final class CapacityLedger {
    /**
     * One charge: {@code units} read or written on a table ({@code index} null) or one of its indexes.
     * {@code partitionHash} is the hash of the partition (its stored key's first 8 bytes) when the charge falls on one partition (an item action,
     * a query), or null when it spreads over the table (a scan).
     */
    public record Charge(Table table, String index, boolean globalIndex, boolean write, double units, Long partitionHash) {
    }

    private List<Charge> charges;

    /** Charges a read of a table ({@code index} null) or an index. */
    public void read(Table table, String index, boolean globalIndex, double units, Long partitionHash) {
        add(new Charge(table, index, globalIndex, false, units, partitionHash));
    }

    /** Charges one item write: the table's share and each index's. */
    public void write(Table table, WriteCost cost, Long partitionHash) {
        add(new Charge(table, null, false, true, cost.tableUnits(), partitionHash));
        for (Map.Entry<String, Double> index : cost.globalIndexUnits().entrySet()) {
            add(new Charge(table, index.getKey(), true, true, index.getValue(), partitionHash));
        }
        for (Map.Entry<String, Double> index : cost.localIndexUnits().entrySet()) {
            add(new Charge(table, index.getKey(), false, true, index.getValue(), partitionHash));
        }
    }

    private void add(Charge charge) {
        if (charges == null) charges = new ArrayList<>(4);
        charges.add(charge);
    }

    /** The charges so far, in order. */
    public List<Charge> charges() {
        return charges == null ? List.of() : charges;
    }

    public boolean isEmpty() {
        return charges == null;
    }

    /** Everything charged to one table and its indexes, as the ConsumedCapacity member shows it. */
    public WriteCost total(String tableName) {
        double table = 0;
        Map<String, Double> global = new java.util.LinkedHashMap<>();
        Map<String, Double> local = new java.util.LinkedHashMap<>();
        for (Charge charge : charges()) {
            if (!charge.table().name().equals(tableName)) continue;
            if (charge.index() == null) table += charge.units();
            else (charge.globalIndex() ? global : local).merge(charge.index(), charge.units(), Double::sum);
        }
        return new WriteCost(table, global, local);
    }
}
