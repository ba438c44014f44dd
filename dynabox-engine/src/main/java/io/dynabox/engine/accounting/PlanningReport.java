package io.dynabox.engine.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.Keyspace;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The planning report: per table, what the run consumed (equal to the sums of what
 * ReturnConsumedCapacity reported), its busiest second and percentiles, storage as the
 * service bills it, the hottest partition keys, item sizes, the provisioned capacity that
 * would have served the run without throttling, a suggested auto scaling range, the monthly
 * cost on demand and provisioned, and the warnings the service would give. The JSON form is
 * the stable one (README: "The planning report"); {@link ReportHtml} draws it.
 */
public final class PlanningReport {
    /** Bytes the service bills for each item (and each index entry) on top of its size. */
    public static final long ITEM_OVERHEAD_BYTES = 100;
    /** What one partition serves in a second. */
    static final double PARTITION_READ_UNITS = 3000;
    static final double PARTITION_WRITE_UNITS = 1000;
    static final long ITEM_COLLECTION_LIMIT_BYTES = 10L * 1024 * 1024 * 1024;
    /** Unused capacity a provisioned table keeps as burst: five minutes' worth. */
    static final int BURST_SECONDS = 300;
    static final double TARGET_UTILIZATION = 0.70;
    static final double NEAR = 0.8;
    private static final double DAYS_PER_MONTH = 365.0 / 12;
    private static final double HOURS_PER_MONTH = 730;
    private static final int HOT_KEYS_SHOWN = 10;
    private static final int COLLECTIONS_SHOWN = 5;

    /**
     * What to report on and how to scale it.
     *
     * @param namespaceId       one namespace's tables, or null for every namespace
     * @param tableName         one table (of that namespace), or null for every table
     * @param runsPerDay        "this run is 1/N of a day of production": daily figures are the run's times N; null
     *                          assumes the run's pace held all day (N = 86,400 / the run's seconds)
     * @param trafficMultiplier production's traffic as a multiple of the run's: multiplies every unit, peaks included
     * @param prices            the prices to use, or null for the namespace region's (or us-east-1's) bundled file
     */
    public record Settings(String namespaceId, String tableName, Double runsPerDay, double trafficMultiplier, Prices prices) {
        public static Settings defaults() {
            return new Settings(null, null, null, 1, null);
        }
    }

    private PlanningReport() {}

    /** The report as JSON. */
    public static ObjectNode json(Engine engine, Settings settings) {
        Map<String, Map<String, TableUsage>> usage = engine.accounting().snapshot();
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        for (Map<String, TableUsage> tables : usage.values()) {
            for (TableUsage table : tables.values()) {
                for (UnitSeries series : List.of(table.totalRead, table.totalWrite)) {
                    if (series.isEmpty()) continue;
                    first = Math.min(first, series.firstSecond());
                    last = Math.max(last, series.lastSecond());
                }
            }
        }
        long runSeconds = first == Long.MAX_VALUE ? 0 : last - first + 1;
        double runsPerDay = settings.runsPerDay() != null ? settings.runsPerDay() : 86400.0 / Math.max(1, runSeconds);

        ObjectNode report = Json.object();
        report.put("generatedAt", Instant.ofEpochMilli(engine.nowMillis()).toString());
        ObjectNode scaling = report.putObject("settings");
        scaling.put("runSeconds", runSeconds).put("runsPerDay", runsPerDay).put("trafficMultiplier", settings.trafficMultiplier())
                .put("runStart", first == Long.MAX_VALUE ? null : Instant.ofEpochSecond(first).toString());
        ArrayNode tables = report.putArray("tables");

        SortedSet<String> existing = engine.namespaceIds();
        TreeMap<String, Boolean> namespaceIds = new TreeMap<>();
        for (String id : existing) namespaceIds.put(id, true);
        for (String id : usage.keySet()) namespaceIds.put(id, true);
        String pricesShown = null;
        for (String namespaceId : namespaceIds.keySet()) {
            if (settings.namespaceId() != null && !settings.namespaceId().equals(namespaceId)) continue;
            // a namespace dropped after its tables were used is reported from its usage alone: looking it up would make
            // it again, empty (a test suite drops one a test)
            Namespace namespace = existing.contains(namespaceId) ? engine.namespace(namespaceId) : null;
            String region = namespace != null ? namespace.region() : engine.regionOf(namespaceId);
            Prices prices = settings.prices() != null ? settings.prices() : Prices.forRegion(region);
            pricesShown = pricesShown == null ? prices.region() : pricesShown;
            Map<String, TableUsage> used = usage.getOrDefault(namespaceId, Map.of());
            TreeMap<String, Table> live = new TreeMap<>();
            if (namespace != null) for (Table table : namespace.tables(engine.nowMillis())) live.put(table.name(), table);
            TreeMap<String, Boolean> names = new TreeMap<>();
            live.keySet().forEach(n -> names.put(n, true));
            used.keySet().forEach(n -> names.put(n, true));
            for (String name : names.keySet()) {
                if (settings.tableName() != null && !settings.tableName().equals(name)) continue;
                TableUsage tableUsage = used.getOrDefault(name, new TableUsage(namespaceId, name));
                ObjectNode tableNode = table(namespaceId, region, live.get(name), tableUsage, prices, runsPerDay, settings.trafficMultiplier(),
                        engine.nowMillis());
                if (live.containsKey(name)) tableNode.set("contributorInsights", engine.contributorInsights().enabled(namespaceId, live.get(name)));
                tables.add(tableNode);
            }
        }
        Prices shown = settings.prices() != null ? settings.prices() : Prices.forRegion(pricesShown == null ? "us-east-1" : pricesShown);
        report.putObject("prices").put("region", shown.region()).put("date", shown.date()).put("currency", shown.currency())
                .put("source", shown.source());
        return report;
    }

    private static ObjectNode table(String namespaceId, String region, Table table, TableUsage usage, Prices prices, double runsPerDay,
                                    double multiplier, long nowMillis) {
        ObjectNode node = Json.object();
        node.put("tableName", usage.tableName);
        node.put("namespace", namespaceId);
        node.put("region", region);
        node.put("status", table == null ? "DELETED" : table.status(nowMillis));
        boolean onDemand = table != null && table.definition().payPerRequest();
        node.put("billingMode", table == null ? null : onDemand ? "PAY_PER_REQUEST" : "PROVISIONED");
        node.put("readCapacityUnits", usage.totalRead.total());
        node.put("writeCapacityUnits", usage.totalWrite.total());
        node.put("replicatedWriteUnits", usage.replicatedWriteUnits);
        long itemCount = table == null ? 0 : table.keyspace().itemCount();
        long sizeBytes = table == null ? 0 : table.keyspace().sizeBytes();
        node.put("itemCount", itemCount);
        node.put("tableSizeBytes", sizeBytes);
        long billed = sizeBytes + ITEM_OVERHEAD_BYTES * itemCount;
        double requests = 0;
        ObjectNode byAction = Json.object();
        for (Map.Entry<String, double[]> action : new TreeMap<>(usage.byAction).entrySet()) {
            byAction.putObject(action.getKey()).put("readCapacityUnits", action.getValue()[0])
                    .put("writeCapacityUnits", action.getValue()[1]).put("requests", (long) action.getValue()[2]);
            requests += action.getValue()[2];
        }
        node.put("requests", (long) requests);
        node.put("throttledRequests", usage.throttledRequests);
        node.put("throttledReadUnits", usage.throttledReadUnits);
        node.put("throttledWriteUnits", usage.throttledWriteUnits);
        node.set("read", rates(usage.totalRead, multiplier));
        node.set("write", rates(usage.totalWrite, multiplier));
        node.set("byAction", byAction);

        List<ObjectNode> warnings = new ArrayList<>();
        ArrayNode indexes = node.putArray("indexes");
        double provisionedMonthly = 0;
        ObjectNode provisioned = provisioned(usage.baseRead(), usage.baseWrite(), multiplier);
        provisionedMonthly += provisionedCost(provisioned, prices);
        if (table != null) {
            List<IndexDefinition> all = new ArrayList<>(table.definition().localIndexes());
            all.addAll(table.definition().globalIndexes());
            for (IndexDefinition index : all) {
                Keyspace keyspace = table.indexKeyspace(index.name());
                TableUsage.IndexUsage indexUsage = usage.indexes.get(index.name());
                UnitSeries read = indexUsage == null ? new UnitSeries() : indexUsage.read;
                UnitSeries write = indexUsage == null ? new UnitSeries() : indexUsage.write;
                ObjectNode indexNode = indexes.addObject();
                indexNode.put("indexName", index.name()).put("global", index.global())
                        .put("readCapacityUnits", read.total()).put("writeCapacityUnits", write.total())
                        .put("itemCount", keyspace.itemCount()).put("indexSizeBytes", keyspace.sizeBytes())
                        .put("billedStorageBytes", keyspace.sizeBytes() + ITEM_OVERHEAD_BYTES * keyspace.itemCount());
                billed += keyspace.sizeBytes() + ITEM_OVERHEAD_BYTES * keyspace.itemCount();
                indexNode.set("read", rates(read, multiplier));
                indexNode.set("write", rates(write, multiplier));
                if (index.global()) {
                    ObjectNode own = provisioned(read, write, multiplier);
                    indexNode.set("provisioned", own);
                    provisionedMonthly += provisionedCost(own, prices);
                }
            }
        }
        node.put("billedStorageBytes", billed);
        node.set("provisioned", provisioned);

        ArrayNode hotKeys = node.putArray("hotKeys");
        for (HotKeys.Counter counter : usage.hotKeys.top(HOT_KEYS_SHOWN)) {
            ObjectNode key = hotKeys.addObject();
            key.put("partitionHash", String.format("%016x", counter.hash()));
            key.set("partitionKey", table == null ? null : partitionKey(table, counter.hash()));
            key.put("readCapacityUnits", counter.readUnits()).put("writeCapacityUnits", counter.writeUnits())
                    .put("peakReadPerSecond", counter.peakRead() * multiplier).put("peakWritePerSecond", counter.peakWrite() * multiplier)
                    .put("overcountBound", counter.error());
            String shown = key.get("partitionKey") == null || key.get("partitionKey").isNull()
                    ? "hash " + key.get("partitionHash").textValue() : key.get("partitionKey").toString();
            if (counter.peakWrite() * multiplier >= NEAR * PARTITION_WRITE_UNITS) {
                warnings.add(warning("hotKey", "partition key " + shown + " took " + number(counter.peakWrite() * multiplier)
                        + " write units in one second; one partition serves at most 1,000 a second"));
            }
            if (counter.peakRead() * multiplier >= NEAR * PARTITION_READ_UNITS) {
                warnings.add(warning("hotKey", "partition key " + shown + " took " + number(counter.peakRead() * multiplier)
                        + " read units in one second; one partition serves at most 3,000 a second"));
            }
        }

        ItemSizes stored = new ItemSizes();
        ArrayNode collections = null;
        if (table != null) collections = storedSizes(table, stored);
        ObjectNode sizes = node.putObject("itemSizes");
        sizes.set("stored", stored.report());
        sizes.set("written", usage.written.report());
        if (stored.nearLimit() > 0) {
            warnings.add(warning("itemSize", stored.nearLimit() + " items are over 350 KB; an item may be at most 400 KB"));
        } else if (usage.written.largest() > ItemSizes.NEAR_LIMIT_BYTES) {
            warnings.add(warning("itemSize", "an item of " + usage.written.largest() + " bytes was written; an item may be at most 400 KB"));
        }
        if (collections != null) {
            node.set("itemCollections", collections);
            for (JsonNode collection : collections) {
                if (collection.path("sizeBytes").asLong() >= NEAR * ITEM_COLLECTION_LIMIT_BYTES) {
                    warnings.add(warning("itemCollection", "the item collection of " + collection.get("partitionKey") + " holds "
                            + collection.path("sizeBytes").asLong() + " bytes; a table with local indexes allows 10 GB a partition key"));
                }
            }
        }
        if (usage.throttledRequests > 0) {
            warnings.add(warning("throttled", usage.throttledRequests + " requests were throttled"));
        }

        ObjectNode cost = node.putObject("monthlyCost");
        double perMonth = runsPerDay * DAYS_PER_MONTH * multiplier;
        double reads = usage.totalRead.total() * perMonth / 1e6 * prices.readRequestUnitsPerMillion();
        double writes = usage.totalWrite.total() * perMonth / 1e6 * prices.writeRequestUnitsPerMillion();
        double storage = billed / (1024.0 * 1024 * 1024) * prices.storageGbMonth();
        cost.put("onDemand", round(reads + writes)).put("onDemandReads", round(reads)).put("onDemandWrites", round(writes));
        cost.put("provisioned", round(provisionedMonthly));
        cost.put("storage", round(storage));
        cost.put("cheaperMode", reads + writes <= provisionedMonthly ? "PAY_PER_REQUEST" : "PROVISIONED");

        ObjectNode charts = node.putObject("charts");
        charts.set("read", usage.totalRead.chart());
        charts.set("write", usage.totalWrite.chart());
        ArrayNode warningList = node.putArray("warnings");
        warnings.forEach(warningList::add);
        return node;
    }

    /** Totals, the busiest second, percentiles and the average of one series, traffic multiplier applied. */
    private static ObjectNode rates(UnitSeries series, double multiplier) {
        ObjectNode node = Json.object();
        node.put("total", series.total());
        node.put("peakPerSecond", series.peakUnits() * multiplier);
        node.put("peakAt", series.isEmpty() ? null : Instant.ofEpochSecond(series.peakSecond()).toString());
        node.put("p50", series.percentile(50) * multiplier);
        node.put("p90", series.percentile(90) * multiplier);
        node.put("p99", series.percentile(99) * multiplier);
        node.put("averagePerSecond", series.seconds() == 0 ? 0 : series.total() * multiplier / series.seconds());
        node.put("seconds", series.seconds());
        return node;
    }

    /**
     * The provisioned capacity that would have served the run: without burst, the busiest
     * second; with burst (up to five minutes of unused capacity, starting from none), the least
     * capacity whose bucket never runs dry over the run; and an auto scaling range at 70%.
     */
    static ObjectNode provisioned(UnitSeries read, UnitSeries write, double multiplier) {
        ObjectNode node = Json.object();
        node.putObject("withoutBurst").put("readCapacityUnits", units(read.peakUnits() * multiplier))
                .put("writeCapacityUnits", units(write.peakUnits() * multiplier));
        node.putObject("withBurst").put("readCapacityUnits", withBurst(read, multiplier))
                .put("writeCapacityUnits", withBurst(write, multiplier));
        node.putObject("autoScaling").put("targetUtilization", (int) (TARGET_UTILIZATION * 100))
                .put("minReadCapacityUnits", units(read.percentile(50) * multiplier / TARGET_UTILIZATION))
                .put("maxReadCapacityUnits", units(read.peakUnits() * multiplier / TARGET_UTILIZATION))
                .put("minWriteCapacityUnits", units(write.percentile(50) * multiplier / TARGET_UTILIZATION))
                .put("maxWriteCapacityUnits", units(write.peakUnits() * multiplier / TARGET_UTILIZATION));
        return node;
    }

    private static long units(double perSecond) {
        return Math.max(1, (long) Math.ceil(perSecond - 1e-9));
    }

    private static long withBurst(UnitSeries series, double multiplier) {
        long high = units(series.peakUnits() * multiplier);
        long low = 1;
        JsonNode chart = series.chart();
        while (low < high) {
            long mid = (low + high) / 2;
            if (serves(chart, mid, multiplier)) high = mid;
            else low = mid + 1;
        }
        return high;
    }

    /** Whether {@code capacity} a second, with its burst bucket, serves every point of the chart. */
    private static boolean serves(JsonNode chart, long capacity, double multiplier) {
        double bucket = 0;
        double bucketSize = (double) BURST_SECONDS * capacity;
        for (JsonNode point : chart) {
            long seconds = point.path("seconds").asLong();
            double demand = point.path("units").asDouble() * multiplier;
            double peak = point.path("peak").asDouble() * multiplier;
            if (peak > capacity + bucket + 1e-9) return false;
            double available = bucket + (double) capacity * seconds;
            if (demand > available + 1e-9) return false;
            bucket = Math.min(bucketSize, available - demand);
        }
        return true;
    }

    private static double provisionedCost(ObjectNode provisioned, Prices prices) {
        JsonNode capacity = provisioned.path("withBurst");
        return HOURS_PER_MONTH * (capacity.path("readCapacityUnits").asLong() * prices.readCapacityUnitHour()
                + capacity.path("writeCapacityUnits").asLong() * prices.writeCapacityUnitHour());
    }

    /** The partition key value of the first item stored under the hash, or null when none is stored now. */
    static JsonNode partitionKey(Table table, long hash) {
        byte[] from = new byte[8];
        for (int i = 0; i < 8; i++) from[i] = (byte) (hash >>> (56 - 8 * i));
        byte[] to = null;
        if (hash != -1L) {
            long next = hash + 1;
            to = new byte[8];
            for (int i = 0; i < 8; i++) to[i] = (byte) (next >>> (56 - 8 * i));
        }
        Iterator<StoredItem> items = table.keyspace().range(from, true, to, false, false);
        if (!items.hasNext()) return null;
        String name = table.definition().keySchema().partitionName();
        AttributeValue value = items.next().item().get(name);
        if (value == null) return null;
        ObjectNode key = Json.object();
        key.set(name, AttributeValues.write(value));
        return key;
    }

    /**
     * Counts the sizes of the items the table holds now (one pass, no copy), and, for a table
     * with local indexes, its largest item collections (items and local index entries under
     * one partition key: keys are ordered by partition, so each collection is one run).
     */
    private static ArrayNode storedSizes(Table table, ItemSizes stored) {
        boolean collections = !table.definition().localIndexes().isEmpty();
        Map<Long, long[]> bytesByPartition = collections ? new HashMap<>() : null;
        Iterator<StoredItem> items = table.keyspace().range(null, true, null, true, false);
        while (items.hasNext()) {
            StoredItem item = items.next();
            stored.add(item.size());
            if (collections) bytesByPartition.computeIfAbsent(KeyCodec.hashOf(item.key()), h -> new long[1])[0] += item.size();
        }
        if (!collections) return null;
        for (IndexDefinition index : table.definition().localIndexes()) {
            Iterator<StoredItem> entries = table.indexKeyspace(index.name()).range(null, true, null, true, false);
            while (entries.hasNext()) {
                StoredItem entry = entries.next();
                long[] bytes = bytesByPartition.get(KeyCodec.hashOf(entry.key()));
                if (bytes != null) bytes[0] += entry.size();
            }
        }
        List<Map.Entry<Long, long[]>> largest = new ArrayList<>(bytesByPartition.entrySet());
        largest.sort(Comparator.comparingLong((Map.Entry<Long, long[]> e) -> e.getValue()[0]).reversed());
        ArrayNode out = Json.array();
        for (Map.Entry<Long, long[]> entry : largest.subList(0, Math.min(COLLECTIONS_SHOWN, largest.size()))) {
            out.addObject().<ObjectNode>set("partitionKey", partitionKey(table, entry.getKey())).put("sizeBytes", entry.getValue()[0])
                    .put("shareOfLimit", (double) entry.getValue()[0] / ITEM_COLLECTION_LIMIT_BYTES);
        }
        return out;
    }

    private static ObjectNode warning(String kind, String message) {
        return Json.object().put("kind", kind).put("message", message);
    }

    private static double round(double dollars) {
        return Math.round(dollars * 100) / 100.0;
    }

    private static String number(double units) {
        return units == Math.rint(units) ? Long.toString((long) units) : Double.toString(units);
    }
}
