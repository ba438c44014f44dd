package io.dynabox.engine.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.Engine;
import io.dynabox.engine.capacity.CapacityLedger;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.wire.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    private static final long SAVE_EVERY_MILLIS = 5000;

    private final Engine engine;
    // by namespace id, then table name (hash maps: asked on every request; the report sorts)
    private final Map<String, Map<String, TableUsage>> usage = new ConcurrentHashMap<>();
    private final Path file;
    private volatile boolean dirty;
    private final Thread saver;
    private final List<AutoCloseable> subscriptions = new ArrayList<>();

    public Accounting(Engine engine) {
        this.engine = engine;
        Path dbPath = engine.options().dbPath();
        this.file = dbPath == null ? null : dbPath.resolve(FILE);
        if (file != null) load();
        // item sizes come with the ledger's write charges: no change feed subscription, whose point read of the
        // old item every write would pay
        subscriptions.add(engine.onCapacity(this::consumed));
        engine.addObserver(this::answered);
        this.saver = file == null ? null : startSaver();
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
        long second = Math.floorDiv(engine.nowMillis(), 1000);
        List<CapacityLedger.Charge> charges = ledger.charges();
        List<TableUsage> counted = null;
        for (int i = 0; i < charges.size(); ) {
            Table table = charges.get(i).table();
            TableUsage usage = usage(namespaceId, table.name());
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
            TableUsage usage = usage(namespaceId, refused.table().name());
            synchronized (usage) {
                if (refused.write()) usage.throttledWriteUnits += refused.units();
                else usage.throttledReadUnits += refused.units();
            }
        }
        if (!dirty) dirty = true; // a volatile read costs less than a volatile write on every request
    }

    private void answered(String namespaceId, String action, String tableName, String errorType, long nanos) {
        if (errorType == null || namespaceId == null || tableName == null) return;
        if (!errorType.equals("ProvisionedThroughputExceededException") && !errorType.equals("ThrottlingException")
                && !errorType.equals("RequestLimitExceeded")) return;
        TableUsage usage = usage(namespaceId, tableName);
        synchronized (usage) {
            usage.throttledRequests++;
        }
        dirty = true;
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
        usage.clear();
        dirty = true;
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

    private void load() {
        if (!Files.exists(file)) return;
        try {
            JsonNode node = Json.parse(Files.readAllBytes(file));
            for (JsonNode table : node.path("tables")) {
                TableUsage read = TableUsage.fromJson(table);
                usage.computeIfAbsent(read.namespaceId, ns -> new ConcurrentHashMap<>()).put(read.tableName, read);
            }
        } catch (IOException | RuntimeException e) {
            log().log(System.Logger.Level.WARNING, "cannot read " + file + " (" + e.getMessage() + "): accounting starts empty");
        }
    }

    /** Writes the state to a new file and moves it over the old one, so a crash never leaves half a file. */
    private synchronized void save() {
        if (file == null || !dirty) return;
        dirty = false;
        Path written = file.resolveSibling(FILE + ".new");
        try {
            Files.write(written, Json.write(toJson()));
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            dirty = true;
            log().log(System.Logger.Level.WARNING, "cannot write " + file + ": " + e.getMessage());
        }
    }

    private Thread startSaver() {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(SAVE_EVERY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                save();
            }
        }, "dynabox-accounting");
        thread.setDaemon(true);
        thread.start();
        return thread;
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
        if (saver != null) {
            saver.interrupt();
            save();
        }
    }

    private static System.Logger log() {
        return System.getLogger(Accounting.class.getName());
    }
}
