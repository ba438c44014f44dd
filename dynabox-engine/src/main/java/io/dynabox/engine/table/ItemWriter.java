package io.dynabox.engine.table;

import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.WriteCost;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.feed.Change;
import io.dynabox.engine.feed.FeedCommit;
import io.dynabox.engine.store.ItemJson;
import io.dynabox.engine.store.Mutation;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.store.Store;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one item and keeps every index in step with it, as one atomic batch of
 * mutations: this is the only place that maintains indexes, whatever the store and
 * whatever the action (put, update, delete, batch, transaction), and the only place that
 * applies item writes, so it is where the change feed ({@link io.dynabox.engine.feed.ChangeFeed})
 * sees every one. The first mutation of a planned write is always the table's own item.
 * Callers hold the table's write lock.
 */
public final class ItemWriter {
    /** An item collection (a partition key value's items and local index entries) holds at most 10 GB. */
    public static final long MAX_ITEM_COLLECTION_BYTES = 10L * 1024 * 1024 * 1024;

    private ItemWriter() {}

    /** Mutations and costs of replacing {@code oldItem} (or nothing) by {@code newItem} (or nothing, to delete). */
    public static PlannedWrite plan(Table table, byte[] key, Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        return plan(table, key, oldItem, oldItem == null ? 0 : ItemSize.of(oldItem), newItem, newItem == null ? 0 : ItemSize.of(newItem));
    }

    /**
     * Replacing the stored entry {@code old} (or nothing) by {@code newItem} (or nothing, to delete),
     * with the new item's size known already (as checked) and the old one's as stored, so none
     * is measured under the lock. The old
     * item's values are decoded only when an index must see them, unless the caller has them
     * already ({@code oldValues}, else null).
     */
    public static PlannedWrite plan(Table table, byte[] key, StoredItem old, Map<String, AttributeValue> oldValues,
                                    Map<String, AttributeValue> newItem, long newSize) {
        TableDefinition d = table.definition();
        boolean indexed = !d.globalIndexes().isEmpty() || !d.localIndexes().isEmpty();
        Map<String, AttributeValue> oldItem = old != null && oldValues == null && indexed ? old.item() : oldValues;
        return plan(table, key, oldItem, old == null ? 0 : old.size(), newItem, newSize);
    }

    /**
     * The same, for a new item whose stored form is written already ({@code newJson}, what
     * {@code ItemJson.encode} writes from {@code newItem}: a PutItem read from the request's
     * bytes): stored as it is, and {@code newItem} looked inside only by the indexes.
     */
    public static PlannedWrite plan(Table table, byte[] key, StoredItem old, Map<String, AttributeValue> oldValues,
                                    Map<String, AttributeValue> newItem, byte[] newJson, long newSize) {
        TableDefinition d = table.definition();
        boolean indexed = !d.globalIndexes().isEmpty() || !d.localIndexes().isEmpty();
        Map<String, AttributeValue> oldItem = old != null && oldValues == null && indexed ? old.item() : oldValues;
        return plan(table, new Mutation(table.keyspace(), key, newJson, newSize), oldItem, old == null ? 0 : old.size(),
                indexed ? newItem : null, newSize);
    }

    /**
     * Replacing the stored entry {@code old} (or nothing) by an item already in the store's
     * form ({@code newJson}, or null to delete; a write another replica made): its bytes are
     * stored as they are, and decoded only when an index must look inside.
     */
    public static PlannedWrite planStored(Table table, byte[] key, StoredItem old, byte[] newJson, long newSize) {
        TableDefinition d = table.definition();
        Mutation write = newJson == null ? Mutation.delete(table.keyspace(), key) : new Mutation(table.keyspace(), key, newJson, newSize);
        if (d.globalIndexes().isEmpty() && d.localIndexes().isEmpty()) {
            return plan(table, write, null, old == null ? 0 : old.size(), null, newSize);
        }
        return plan(table, write, old == null ? null : old.item(), old == null ? 0 : old.size(),
                newJson == null ? null : ItemJson.decode(newJson), newSize);
    }

    /** Only the indexes look inside {@code oldItem}: without them it may be null while {@code oldSize} is not. */
    private static PlannedWrite plan(Table table, byte[] key, Map<String, AttributeValue> oldItem, long oldSize,
                                     Map<String, AttributeValue> newItem, long newSize) {
        Mutation write = newItem == null ? Mutation.delete(table.keyspace(), key) : Mutation.put(table.keyspace(), key, newItem, newSize);
        return plan(table, write, oldItem, oldSize, newItem, newSize);
    }

    /** {@code write} is the table's own item write; the maps are what its indexes see (null without indexes). */
    private static PlannedWrite plan(Table table, Mutation write, Map<String, AttributeValue> oldItem, long oldSize,
                                     Map<String, AttributeValue> newItem, long newSize) {
        TableDefinition d = table.definition();
        // the item, and at most a delete and a put per index
        List<Mutation> mutations = new ArrayList<>(1 + 2 * (d.globalIndexes().size() + d.localIndexes().size()));
        mutations.add(write);
        double tableUnits = CapacityUnits.writeUnits(Math.max(oldSize, newSize));
        Map<String, Double> globalUnits = d.globalIndexes().isEmpty() ? Map.of() : new LinkedHashMap<>();
        Map<String, Double> localUnits = d.localIndexes().isEmpty() ? Map.of() : new LinkedHashMap<>();
        Map<String, byte[]> globalKeys = d.globalIndexes().isEmpty() ? Map.of() : new LinkedHashMap<>();
        for (IndexDefinition index : d.globalIndexes()) {
            double cost = planIndex(table, index, oldItem, newItem, mutations);
            if (cost > 0) {
                globalUnits.put(index.name(), cost);
                globalKeys.put(index.name(), mutations.get(mutations.size() - 1).key()); // the entry written, else the one removed
            }
        }
        long collectionDelta = newSize - oldSize;
        for (IndexDefinition index : d.localIndexes()) {
            int first = mutations.size();
            double cost = planIndex(table, index, oldItem, newItem, mutations);
            if (cost > 0) localUnits.put(index.name(), cost);
            collectionDelta += entryDelta(table, index, oldItem, mutations.subList(first, mutations.size()));
        }
        byte[] collection = null;
        if (!d.localIndexes().isEmpty()) {
            collection = partitionPrefix(d, newItem != null ? newItem : oldItem);
            if (collectionDelta > 0 && collectionSize(table, collection) + collectionDelta > MAX_ITEM_COLLECTION_BYTES) {
                throw new DynamoException(ErrorCode.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED, "Collection size exceeded.",
                        "the items and local index entries of one partition key value may not exceed 10 GB");
            }
        }
        return new PlannedWrite(mutations, new WriteCost(tableUnits, globalUnits, localUnits, globalKeys), oldSize, newSize,
                table, collection, collectionDelta);
    }

    /** Applies a planned write through the table's store, and publishes it on the change feed. */
    public static void apply(Table table, PlannedWrite write) {
        apply(table, write, Change.Origin.REQUEST);
    }

    /** Applies a planned write made by {@code origin} (a request, or Time to Live). */
    public static void apply(Table table, PlannedWrite write, Change.Origin origin) {
        apply(table, write, new FeedCommit(origin));
    }

    /** Applies a write replicated from another region, whose change carries its version ({@code written}). */
    public static void applyReplicated(Table table, PlannedWrite write, Change.Written written) {
        apply(table, write, new FeedCommit(Change.Origin.REPLICATION, written));
    }

    private static void apply(Table table, PlannedWrite write, FeedCommit commit) {
        commit.capture(table, write.mutations().get(0));
        table.store().apply(write.mutations());
        applied(write);
        commit.publish();
    }

    /**
     * Applies several planned writes (a batch, a transaction; one or more tables of one
     * store) as one atomic change: a store that commits to disk commits them together, and
     * the change feed shows them as one group. Callers hold the write locks of every table
     * involved.
     */
    public static void applyAll(Store store, List<PlannedWrite> writes) {
        FeedCommit commit = new FeedCommit(Change.Origin.REQUEST);
        List<Mutation> mutations = new ArrayList<>();
        for (PlannedWrite write : writes) {
            commit.capture(write.table(), write.mutations().get(0));
            mutations.addAll(write.mutations());
        }
        if (!mutations.isEmpty()) store.apply(mutations);
        for (PlannedWrite write : writes) applied(write);
        commit.publish();
    }

    private static void applied(PlannedWrite write) {
        if (write.collection() != null) write.table().addToItemCollection(write.collection(), write.collectionDelta());
    }

    /** The bytes of the item collection under a partition prefix: table items and local index entries. Caller holds the lock. */
    public static long collectionSize(Table table, byte[] partitionPrefix) {
        return table.itemCollectionSize(partitionPrefix, () -> {
            long bytes = sum(table.keyspace(), partitionPrefix);
            for (IndexDefinition index : table.definition().localIndexes()) bytes += sum(table.indexKeyspace(index.name()), partitionPrefix);
            return bytes;
        });
    }

    /** The keyspace prefix of an item's partition (local indexes share it). */
    public static byte[] partitionPrefix(TableDefinition d, Map<String, AttributeValue> item) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(32);
        io.dynabox.engine.value.KeyCodec.writePartition(out, item.get(d.keySchema().partitionName()));
        return out.toByteArray();
    }

    private static long sum(io.dynabox.engine.store.Keyspace keyspace, byte[] prefix) {
        long bytes = 0;
        Iterator<StoredItem> entries = keyspace.range(prefix, true, io.dynabox.engine.value.KeyCodec.successorOfPrefix(prefix), false, false);
        while (entries.hasNext()) bytes += entries.next().size();
        return bytes;
    }

    /** How much a local index's planned mutations change its part of the item collection. */
    private static long entryDelta(Table table, IndexDefinition index, Map<String, AttributeValue> oldItem, List<Mutation> mutations) {
        long delta = 0;
        byte[] oldKey = oldItem == null ? null : table.encodeIndexKey(index, oldItem);
        long oldEntry = oldKey == null ? 0 : ItemSize.of(project(table.definition(), index, oldItem));
        for (Mutation m : mutations) {
            if (m.item() == null) delta -= oldEntry;
            else delta += m.size() - (oldKey != null && Arrays.equals(oldKey, m.key()) ? oldEntry : 0);
        }
        return delta;
    }

    private static double planIndex(Table table, IndexDefinition index, Map<String, AttributeValue> oldItem,
                                    Map<String, AttributeValue> newItem, List<Mutation> mutations) {
        byte[] oldKey = oldItem == null ? null : table.encodeIndexKey(index, oldItem);
        byte[] newKey = newItem == null ? null : table.encodeIndexKey(index, newItem);
        Map<String, AttributeValue> oldEntry = oldKey == null ? null : project(table.definition(), index, oldItem);
        Map<String, AttributeValue> newEntry = newKey == null ? null : project(table.definition(), index, newItem);
        var keyspace = table.indexKeyspace(index.name());
        double cost = 0;
        if (oldKey != null && (newKey == null || !Arrays.equals(oldKey, newKey))) {
            mutations.add(Mutation.delete(keyspace, oldKey));
            cost += CapacityUnits.writeUnits(ItemSize.of(oldEntry));
        }
        if (newKey != null) {
            boolean unchanged = oldKey != null && Arrays.equals(oldKey, newKey) && newEntry.equals(oldEntry);
            if (!unchanged) {
                long size = ItemSize.of(newEntry);
                mutations.add(Mutation.put(keyspace, newKey, newEntry, size));
                cost += CapacityUnits.writeUnits(size);
            }
        }
        return cost;
    }

    /**
     * Fills a new global index with an entry for every item of the table that has its key
     * attributes with the index's types (others are left out, as sparse). An item whose index
     * key value could not be written (empty, or over the key size limits) is left out too: the
     * service backfills past such index key violations instead of failing. Caller holds the
     * table's write lock, so no write slips between the walk and the index.
     */
    public static void backfill(Table table, IndexDefinition index) {
        var keyspace = table.indexKeyspace(index.name());
        List<Mutation> batch = new ArrayList<>();
        Iterator<StoredItem> items = table.keyspace().range(null, false, null, false, false);
        while (items.hasNext()) {
            Map<String, AttributeValue> item = items.next().item();
            byte[] key = table.encodeIndexKey(index, item);
            if (key == null || violatesKeyLimits(index, item)) continue;
            Map<String, AttributeValue> entry = project(table.definition(), index, item);
            batch.add(Mutation.put(keyspace, key, entry, ItemSize.of(entry)));
            if (batch.size() == 1000) {
                table.store().apply(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) table.store().apply(batch);
    }

    private static boolean violatesKeyLimits(IndexDefinition index, Map<String, AttributeValue> item) {
        KeySchema key = index.keySchema();
        if (key.multiAttribute()) {
            for (KeySchema.Element e : key.partitionElements()) if (!TableLimits.fitsKey(item.get(e.name()), true)) return true;
            for (KeySchema.Element e : key.sortElements()) if (!TableLimits.fitsKey(item.get(e.name()), false)) return true;
            return false;
        }
        return !TableLimits.fitsKey(item.get(key.partitionName()), true)
                || key.hasSort() && !TableLimits.fitsKey(item.get(key.sortName()), false);
    }

    /** The attributes an index entry holds: the table and index keys, plus what the projection names. */
    public static Map<String, AttributeValue> project(TableDefinition table, IndexDefinition index, Map<String, AttributeValue> item) {
        if (Projection.ALL.equals(index.projection().type())) return item;
        Map<String, AttributeValue> entry = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            String name = attribute.getKey();
            boolean keep = table.keySchema().isKeyAttribute(name) || index.keySchema().isKeyAttribute(name)
                    || (index.projection().nonKeyAttributes() != null && index.projection().nonKeyAttributes().contains(name));
            if (keep) entry.put(name, attribute.getValue());
        }
        return entry;
    }

    /**
     * The mutations of one item write, what it costs, the item sizes before and after, and
     * (for a table with local indexes) its item collection and how much the write grows it.
     */
    public record PlannedWrite(List<Mutation> mutations, WriteCost cost, long oldSize, long newSize,
                               Table table, byte[] collection, long collectionDelta) {
    }
}
