package io.dynabox.engine.table;

import io.dynabox.engine.store.Keyspace;
import io.dynabox.engine.store.Mutation;
import io.dynabox.engine.store.Store;
import io.dynabox.engine.store.StoredItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of a namespace with every item in them and in their indexes, frozen: taken
 * once (say, after loading a test fixture) and restored into any number of namespaces,
 * each restore costing time in proportion to the data. Works on any {@link Store}: it
 * reads keyspaces by range and writes them back with {@link Store#apply}.
 *
 * <p>Restored tables are ACTIVE at once, whatever their status when the snapshot was
 * taken; tables being deleted are left out. Each keeps its settings beside the definition:
 * point-in-time recovery (its history starts at the restore: the restored namespace has no
 * earlier one), Time to Live, contributor insights, Kinesis streaming destinations (those that
 * delivered deliver again), resource policies and auto scaling. Membership of a global table
 * is not restored: its other replicas are in other namespaces, outside the snapshot.
 */
public final class NamespaceSnapshot {
    private final List<TableImage> tables;

    private NamespaceSnapshot(List<TableImage> tables) {
        this.tables = List.copyOf(tables);
    }

    /** A table's definition and settings, its items, and the entries of each of its indexes, in key order. */
    private record TableImage(TableDefinition definition, ControlState control, TimeToLive timeToLive, AutoScaling autoScaling,
                              List<StoredItem> items, Map<String, List<StoredItem>> indexEntries) {
    }

    /** Copies the namespace's tables under their read locks, so each table is seen between writes. */
    public static NamespaceSnapshot take(Namespace namespace, long nowMillis) {
        List<Table> live = new ArrayList<>();
        for (Table table : namespace.tables(nowMillis)) {
            if (!Table.DELETING.equals(table.status(nowMillis))) live.add(table);
        }
        return TableLocks.readAll(live, () -> {
            List<TableImage> images = new ArrayList<>();
            for (Table table : live) {
                TableDefinition definition = table.definition();
                Map<String, List<StoredItem>> indexEntries = new LinkedHashMap<>();
                for (IndexDefinition index : indexes(definition)) {
                    indexEntries.put(index.name(), copy(table.indexKeyspace(index.name())));
                }
                images.add(new TableImage(definition, table.control(), table.timeToLive(), table.autoScaling(),
                        copy(table.keyspace()), indexEntries));
            }
            return new NamespaceSnapshot(images);
        });
    }

    /** Replaces every table of {@code target} by the snapshot's tables and items. */
    public void restoreInto(Namespace target, Store store, long nowMillis) {
        clear(target, store);
        for (TableImage image : tables) {
            String name = image.definition().name();
            TableDefinition definition = image.definition().withIdentity(TableIds.next(), target.arn(name));
            Table table = new Table(definition, store, target.id(), Table.ACTIVE, nowMillis);
            restoreSettings(table, image, nowMillis);
            List<Mutation> mutations = new ArrayList<>();
            for (StoredItem stored : image.items()) {
                mutations.add(Mutation.put(table.keyspace(), stored));
            }
            for (Map.Entry<String, List<StoredItem>> index : image.indexEntries().entrySet()) {
                Keyspace keyspace = table.indexKeyspace(index.getKey());
                for (StoredItem stored : index.getValue()) {
                    mutations.add(Mutation.put(keyspace, stored));
                }
            }
            // the table is not in the namespace yet, so nobody sees it half filled
            store.apply(mutations);
            if (target.addIfAbsent(table) != null) {
                throw new IllegalStateException("table " + name + " was created in namespace " + target.id() + " during its restore");
            }
            if (definition.streamEnabled()) target.streams().enable(table, nowMillis);
        }
        target.kinesis().resume(target);
        store.awaitDurable();
    }

    /** The table's settings as they were taken; a table not yet in the namespace, so nothing is saved twice. */
    private static void restoreSettings(Table table, TableImage image, long nowMillis) {
        ControlState control = image.control();
        ContinuousBackups pitr = control.continuousBackups();
        if (pitr != null && pitr.enabled()) {
            control = control.withContinuousBackups(new ContinuousBackups(true, pitr.recoveryPeriodInDays(), nowMillis));
            table.startRecoveryLog(pitr.recoveryPeriodInDays(), List.of());
        }
        table.startWithControl(control);
        table.restoreTimeToLive(image.timeToLive());
        table.restoreAutoScaling(image.autoScaling());
    }

    /** Drops every table of the namespace and its items, at once: no DELETING period. */
    public static void clear(Namespace namespace, Store store) {
        for (Table table : List.copyOf(namespace.tableMap().values())) {
            TableLocks.write(table, () -> {
                store.dropTable(namespace.id(), table.name());
                namespace.remove(table);
                if (namespace.replicator() != null) namespace.replicator().untrack(table);
                namespace.streams().drop(table.name());
                return null;
            });
        }
    }

    public List<String> tableNames() {
        return tables.stream().map(image -> image.definition().name()).toList();
    }

    /** Items held across all tables (index entries not counted). */
    public long itemCount() {
        long count = 0;
        for (TableImage image : tables) count += image.items().size();
        return count;
    }

    private static List<IndexDefinition> indexes(TableDefinition definition) {
        List<IndexDefinition> all = new ArrayList<>(definition.localIndexes());
        all.addAll(definition.globalIndexes());
        return all;
    }

    /**
     * The entries of a keyspace in key order, each with arrays of its own (as the memory store
     * reads them they lie in slabs shared with other items, which the snapshot would keep alive).
     */
    private static List<StoredItem> copy(Keyspace keyspace) {
        List<StoredItem> entries = new ArrayList<>();
        keyspace.range(null, false, null, false, false).forEachRemaining(item -> entries.add(item.detached()));
        return entries;
    }
}
