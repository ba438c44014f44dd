package io.dynabox.engine.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.Engine;
import io.dynabox.engine.capacity.CapacityLedger;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What every namespace, table and index served, over the whole run: the sum of the requests'
 * capacity ledgers (units per second, by action, by partition key, the sizes of the items
 * written, what the throttle refused) and of the throttled answers. Memory is bounded per table,
 * whatever the run's length. With {@code --db-path} it is kept in {@value #FILE} beside the
 * databases (written every few seconds and at close) and read back at start-up, so a run
 * can be reported on after the server stopped.
 */
public final class Accounting implements AutoCloseable {
    public static final String FILE = "dynabox-accounting.json";

    private final Engine engine;
    // by namespace id, then table name (hash maps: asked on every request; the report sorts)
    private final Map<String, Map<String, TableUsage>> usage = new ConcurrentHashMap<>();
    private final StateFile file;
    // a clear() makes the tables' cached slots stale
    private volatile int generation;

    /** A table's usage, cached on the table by this accounting in this generation. */
    private record Slot(Accounting owner, int generation, TableUsage usage) {
    }
    private final List<AutoCloseable> subscriptions = new ArrayList<>();

    public Accounting(Engine engine) {
        this.engine = engine;
        this.file = new StateFile(engine.options().dbPath(), FILE, this::toJson);
        load(file.load());
        // item sizes come with the ledger's write charges: no change feed subscription, whose point read of the
        // old item every write would pay
        subscriptions.add(engine.onCapacity(this::consumed));
        engine.addObserver(this::answered);
    }

    /** The usage of a table a request charged: cached on the table, found by name the first time. */
    private TableUsage usage(String namespaceId, Table table) {
        if (table.accountingSlot() instanceof Slot slot && slot.owner == this && slot.generation == generation) return slot.usage;
        int current = generation;
        TableUsage found = usage(namespaceId, table.name());
        table.accountingSlot(new Slot(this, current, found));
        return found;
    }

    private TableUsage usage(String namespaceId, String tableName) {
        Map<String, TableUsage> tables = usage.get(namespaceId);
        if (tables == null) tables = usage.computeIfAbsent(namespaceId, ns -> new ConcurrentHashMap<>());
        TableUsage table = tables.get(tableName);
        if (table == null) table = tables.computeIfAbsent(tableName, name -> new TableUsage(namespaceId, name));
        return table;
    }

    /**
     * A request's ledger: every charge counted in the second it was made (with the size of the item a write left),
     * the request once per table it charged, and what the throttle refused. Consecutive charges of one table (the
     * usual case: an item action, a query) share one lookup and one lock.
     */
    private void consumed(String namespaceId, String action, String requestId, CapacityLedger ledger) {
        long second = Math.floorDiv(ledger.atMillis(), 1000);
        List<CapacityLedger.Charge> charges = ledger.charges();
        List<TableUsage> counted = null;
        for (int i = 0; i < charges.size(); ) {
            Table table = charges.get(i).table();
            TableUsage usage = usage(namespaceId, table);
            synchronized (usage) {
                double[] byAction = usage.action(action);
                // a request counts once per table; a write a replica received from another region is no request
                if (requestId != null && (counted == null || !counted.contains(usage))) byAction[2]++;
                for (; i < charges.size() && charges.get(i).table() == table; i++) {
                    CapacityLedger.Charge charge = charges.get(i);
                    usage.charge(charge.index(), charge.globalIndex(), charge.write(), charge.units(), charge.partitionHash(), second, byAction);
                    // a global table's replica bills its own writes in replicated write units (its indexes' in plain ones)
                    if (charge.write() && charge.index() == null && table.replicas() != null) usage.replicatedWriteUnits += charge.units();
                    if (charge.writtenBytes() >= 0) usage.written.add(charge.writtenBytes());
                }
            }
            if (i < charges.size() || counted != null) {
                if (counted == null) counted = new ArrayList<>(2);
                counted.add(usage);
            }
        }
        for (CapacityLedger.Charge refused : ledger.throttledCharges()) {
            TableUsage usage = usage(namespaceId, refused.table());
            synchronized (usage) {
                if (refused.write()) usage.throttledWriteUnits += refused.units();
                else usage.throttledReadUnits += refused.units();
            }
        }
        file.changed();
    }

    private void answered(String namespaceId, String action, String tableName, String errorType, long nanos) {
        if (errorType == null || namespaceId == null || tableName == null) return;
        if (!errorType.equals("ProvisionedThroughputExceededException") && !errorType.equals("ThrottlingException")
                && !errorType.equals("RequestLimitExceeded")) return;
        TableUsage usage = usage(namespaceId, tableName);
        synchronized (usage) {
            usage.throttledRequests++;
        }
        file.changed();
    }

    /** Each namespace's tables' usage, copied (so a report reads a consistent state of each table). */
    Map<String, Map<String, TableUsage>> snapshot() {
        Map<String, Map<String, TableUsage>> copy = new ConcurrentSkipListMap<>();
        usage.forEach((namespace, tables) -> tables.forEach((name, table) -> {
            TableUsage copied;
            synchronized (table) {
                copied = TableUsage.fromJson(table.toJson());
            }
            copy.computeIfAbsent(namespace, ns -> new ConcurrentSkipListMap<>()).put(name, copied);
        }));
        return copy;
    }

    /** Forgets everything counted so far (the admin front door's reset of accounting). */
    public void clear() {
        generation++;
        usage.clear();
        file.changed();
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("version", 1);
        ArrayNode tables = node.putArray("tables");
        usage.values().forEach(byName -> byName.values().forEach(table -> {
            synchronized (table) {
                tables.add(table.toJson());
            }
        }));
        return node;
    }

    private void load(JsonNode saved) {
        if (saved == null) return;
        try {
            for (JsonNode table : saved.path("tables")) {
                TableUsage read = TableUsage.fromJson(table);
                usage.computeIfAbsent(read.namespaceId, ns -> new ConcurrentHashMap<>()).put(read.tableName, read);
            }
        } catch (RuntimeException e) {
            usage.clear();
            System.getLogger(Accounting.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot read " + FILE + " (" + e.getMessage() + "): accounting starts empty");
        }
    }

    @Override
    public void close() {
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                // ending a subscription cannot fail in a way worth reporting at close
            }
        }
        file.close();
    }
}
