package io.dynabox.engine.capacity;

import io.dynabox.engine.table.Table;
import io.dynabox.engine.value.KeyCodec;
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
     * a query), or null when it spreads over the table (a scan). {@code writtenBytes} is the size of the item a table write
     * leaves behind (accounting's item sizes), or -1 (a read, an index's share, a write that leaves no item).
     * {@code itemKey} is the stored key of the one item (or global index entry) the charge is for, or null when it
     * covers several (a query, a scan): contributor insights' partition-and-sort-key rules count it.
     */
    public record Charge(Table table, String index, boolean globalIndex, boolean write, double units, Long partitionHash, long writtenBytes,
                         byte[] itemKey) {
    }

    private final long atMillis;
    private List<Charge> charges;
    private List<Charge> throttled;

    /** The ledger of a request that arrived at {@code atMillis} (the engine's clock). */
    public CapacityLedger(long atMillis) {
        this.atMillis = atMillis;
    }

    /** When the request arrived, by the engine's clock: the second its charges count in. */
    public long atMillis() {
        return atMillis;
    }

    /** Charges a read of a table ({@code index} null) or an index: of several items (a query, a scan). */
    public void read(Table table, String index, boolean globalIndex, double units, Long partitionHash) {
        add(new Charge(table, index, globalIndex, false, units, partitionHash, -1, null));
    }

    /** Charges a read of one item of a table, whose stored key is {@code itemKey} (its first 8 bytes: {@code partitionHash}). */
    public void readItem(Table table, double units, Long partitionHash, byte[] itemKey) {
        add(new Charge(table, null, false, false, units, partitionHash, -1, itemKey));
    }

    /** Charges one item write that leaves no item behind (a delete, a failed condition): the table's share and each index's. */
    public void write(Table table, WriteCost cost, Long partitionHash, byte[] itemKey) {
        write(table, cost, partitionHash, -1, itemKey);
    }

    /**
     * Charges one item write (of the item whose stored key is {@code itemKey}) that leaves an item of {@code writtenBytes}
     * (-1: none): the table's share and each index's; a global index's share falls on the index's own key.
     */
    public void write(Table table, WriteCost cost, Long partitionHash, long writtenBytes, byte[] itemKey) {
        add(new Charge(table, null, false, true, cost.tableUnits(), partitionHash, writtenBytes, itemKey));
        if (cost.globalIndexUnits().isEmpty() && cost.localIndexUnits().isEmpty()) return; // a table without indexes
        for (Map.Entry<String, Double> index : cost.globalIndexUnits().entrySet()) {
            byte[] indexKey = cost.globalIndexKeys().get(index.getKey());
            add(new Charge(table, index.getKey(), true, true, index.getValue(), indexKey == null ? null : KeyCodec.hashOf(indexKey), -1, indexKey));
        }
        for (Map.Entry<String, Double> index : cost.localIndexUnits().entrySet()) {
            add(new Charge(table, index.getKey(), false, true, index.getValue(), partitionHash, -1, null));
        }
    }

    /**
     * Notes what a read or write the throttle refused would have consumed (at least): not charged, and not in
     * ReturnConsumedCapacity, but counted by accounting as throttled units. {@code itemKey}: as in {@link Charge}.
     */
    public void throttled(Table table, String index, boolean globalIndex, boolean write, double units, Long partitionHash, byte[] itemKey) {
        if (throttled == null) throttled = new ArrayList<>(2);
        throttled.add(new Charge(table, index, globalIndex, write, units, partitionHash, -1, itemKey));
    }

    private void add(Charge charge) {
        if (charges == null) charges = new ArrayList<>(4);
        charges.add(charge);
    }

    /** The charges so far, in order. */
    public List<Charge> charges() {
        return charges == null ? List.of() : charges;
    }

    /** What the throttle refused, in order (never part of {@link #charges}). */
    public List<Charge> throttledCharges() {
        return throttled == null ? List.of() : throttled;
    }

    /** Nothing charged and nothing throttled. */
    public boolean isEmpty() {
        return charges == null && throttled == null;
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
