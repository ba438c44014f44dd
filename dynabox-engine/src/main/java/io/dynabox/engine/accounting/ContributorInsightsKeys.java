package io.dynabox.engine.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.Engine;
import io.dynabox.engine.capacity.CapacityLedger;
import io.dynabox.engine.store.Keyspace;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.ContributorInsights;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Contributor insights' figures, which the service shows in CloudWatch and Dynabox shows itself
 * ({@code GET /dynabox/contributor-insights}, {@link #json}, the planning report): for each table and global index
 * whose insights are ENABLED, the contributors of each of the rules DescribeContributorInsights lists: the partition
 * keys (PKC) and the partition and sort keys (SKC, for a table or index with a sort key) that consumed the most
 * capacity units (not in THROTTLED_KEYS mode), and those whose requests were throttled the most, counted in the units
 * they would have consumed (PKT, SKT); counted from every request's capacity ledger since insights were turned on
 * (turning them on again starts afresh, with new rule names). A charge for several items (a query, a scan) counts
 * for its partition only; a scan's, spread over the table, for no key. Bounded: {@link HotKeys}' counters per rule.
 * With {@code --db-path} the counts are kept in {@value #FILE}, so they survive a restart.
 */
public final class ContributorInsightsKeys implements AutoCloseable {
    public static final String FILE = "dynabox-contributor-insights.json";
    /** The keys shown per rule. */
    static final int SHOWN = 10;

    private final Engine engine;
    // by namespace id, table name and "" (the table) or the global index's name
    private final Map<String, Rules> counted = new ConcurrentHashMap<>();
    /** Rules kept at the last {@link #forgetGoneTables}: the next runs once twice as many are counted, so each costs a new rule's share. */
    private volatile int keptAfterPrune;
    private static final int MIN_PRUNED = 64;
    private final AutoCloseable subscription;
    private final StateFile file;

    /** The counters of one table's or index's rules since insights were turned on at {@code since}. */
    private static final class Rules {
        final String namespaceId;
        final String tableName;
        final String indexName;
        final long since;
        final HotKeys partitionAccessed;
        final HotKeys itemAccessed;
        final HotKeys partitionThrottled;
        final HotKeys itemThrottled;

        Rules(String namespaceId, String tableName, String indexName, long since) {
            this(namespaceId, tableName, indexName, since, new HotKeys(), new HotKeys(), new HotKeys(), new HotKeys());
        }

        Rules(String namespaceId, String tableName, String indexName, long since,
              HotKeys partitionAccessed, HotKeys itemAccessed, HotKeys partitionThrottled, HotKeys itemThrottled) {
            this.namespaceId = namespaceId;
            this.tableName = tableName;
            this.indexName = indexName;
            this.since = since;
            this.partitionAccessed = partitionAccessed;
            this.itemAccessed = itemAccessed;
            this.partitionThrottled = partitionThrottled;
            this.itemThrottled = itemThrottled;
        }

        /** The counters of the rules in the order {@link ContributorInsights#ruleNames} names them. */
        List<HotKeys> inRuleOrder(boolean hasSort) {
            return hasSort ? List.of(partitionAccessed, itemAccessed, partitionThrottled, itemThrottled)
                    : List.of(partitionAccessed, partitionThrottled);
        }

        ObjectNode toJson() {
            ObjectNode node = Json.object();
            node.put("namespace", namespaceId).put("table", tableName).put("index", indexName).put("since", since);
            node.set("partitionAccessed", partitionAccessed.toJson());
            node.set("itemAccessed", itemAccessed.toJson());
            node.set("partitionThrottled", partitionThrottled.toJson());
            node.set("itemThrottled", itemThrottled.toJson());
            return node;
        }

        static Rules fromJson(JsonNode node) {
            return new Rules(node.path("namespace").asText(), node.path("table").asText(),
                    node.hasNonNull("index") ? node.get("index").asText() : null, node.path("since").asLong(),
                    HotKeys.fromJson(node.path("partitionAccessed")), HotKeys.fromJson(node.path("itemAccessed")),
                    HotKeys.fromJson(node.path("partitionThrottled")), HotKeys.fromJson(node.path("itemThrottled")));
        }
    }

    public ContributorInsightsKeys(Engine engine) {
        this.engine = engine;
        this.file = new StateFile(engine.options().dbPath(), FILE, this::toJson);
        load(file.load());
        this.subscription = engine.onCapacity(this::consumed);
    }

    private static String id(String namespaceId, String tableName, String indexName) {
        return namespaceId + '\n' + tableName + '\n' + (indexName == null ? "" : indexName);
    }

    private void consumed(String namespaceId, String action, String requestId, CapacityLedger ledger) {
        long second = Math.floorDiv(ledger.atMillis(), 1000);
        for (CapacityLedger.Charge charge : ledger.charges()) count(namespaceId, charge, second, false);
        for (CapacityLedger.Charge charge : ledger.throttledCharges()) count(namespaceId, charge, second, true);
    }

    /** Counts one charge, made in {@code second}, if its table's or global index's insights are on. */
    private void count(String namespaceId, CapacityLedger.Charge charge, long second, boolean throttled) {
        if (charge.partitionHash() == null || (charge.index() != null && !charge.globalIndex())) return;
        Table table = charge.table();
        ContributorInsights insights = table.control().contributorInsights().get(charge.index() == null ? "" : charge.index());
        if (insights == null || !insights.enabled()) return;
        if (!throttled && ContributorInsights.THROTTLED_KEYS.equals(insights.mode())) return;
        KeySchema schema = keySchema(table, charge.index());
        if (schema == null) return;
        String id = id(namespaceId, table.name(), charge.index());
        Rules rules = counted.get(id);
        if (rules == null || rules.since != insights.updatedAtMillis()) {
            if (rules == null && counted.size() >= Math.max(MIN_PRUNED, 2 * keptAfterPrune)) forgetGoneTables();
            rules = counted.compute(id, (key, found) -> found != null && found.since == insights.updatedAtMillis() ? found
                    : new Rules(namespaceId, table.name(), charge.index(), insights.updatedAtMillis()));
        }
        byte[] itemKey = charge.itemKey();
        synchronized (rules) {
            (throttled ? rules.partitionThrottled : rules.partitionAccessed)
                    .add(charge.partitionHash(), itemKey, second, charge.write(), charge.units());
            if (schema.hasSort() && itemKey != null) {
                (throttled ? rules.itemThrottled : rules.itemAccessed)
                        .add(keyHash(itemKey, KeyCodec.keyLength(itemKey, schema.sortType())), itemKey, second, charge.write(), charge.units());
            }
        }
        file.changed();
    }

    /** A 64-bit hash (FNV-1a) of a stored key's first {@code length} bytes: the partition and sort key of an item or index entry. */
    private static long keyHash(byte[] key, int length) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < length; i++) {
            hash ^= key[i] & 0xFF;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static KeySchema keySchema(Table table, String indexName) {
        if (indexName == null) return table.definition().keySchema();
        IndexDefinition index = table.definition().index(indexName);
        return index == null ? null : index.keySchema();
    }

    /**
     * The insights of a table ({@code indexName} null) or global index of a namespace: status, mode, the rule names
     * as DescribeContributorInsights lists them, each rule's top contributors ({@code Rules}), and, for the partition
     * key rules, {@code MostAccessedKeys} and {@code MostThrottledKeys}; null for an unknown table.
     */
    public ObjectNode json(String namespaceId, String tableName, String indexName) {
        Namespace namespace = engine.namespace(namespaceId);
        Table table = namespace.table(tableName, engine.nowMillis());
        if (table == null) return null;
        return json(namespaceId, table, indexName);
    }

    /** As {@link #json(String, String, String)}, of a table at hand. */
    ObjectNode json(String namespaceId, Table table, String indexName) {
        ContributorInsights insights = table.control().contributorInsights().get(indexName == null ? "" : indexName);
        ObjectNode node = Json.object();
        node.put("TableName", table.name());
        if (indexName != null) node.put("IndexName", indexName);
        node.put("ContributorInsightsStatus", insights == null ? ContributorInsights.DISABLED : insights.statusAt(engine.nowMillis()));
        if (insights != null) node.put("ContributorInsightsMode", insights.mode());
        KeySchema schema = keySchema(table, indexName);
        boolean accessedToo = insights == null || !ContributorInsights.THROTTLED_KEYS.equals(insights.mode());
        if (insights == null || !insights.enabled() || schema == null) {
            if (accessedToo) node.putArray("MostAccessedKeys");
            node.putArray("MostThrottledKeys");
            return node;
        }
        Rules found = counted.get(id(namespaceId, table.name(), indexName));
        Rules rules = found != null && found.since == insights.updatedAtMillis() ? found
                : new Rules(namespaceId, table.name(), indexName, insights.updatedAtMillis());
        List<String> names = insights.ruleNames(table.name(), indexName, schema.hasSort());
        List<List<HotKeys.Counter>> tops = new ArrayList<>();
        synchronized (rules) {
            for (HotKeys counters : rules.inRuleOrder(schema.hasSort())) tops.add(counters.top(SHOWN));
        }
        ArrayNode ruleList = node.putArray("ContributorInsightsRuleList");
        names.forEach(ruleList::add);
        ArrayNode ruleNodes = node.putArray("Rules");
        for (int r = 0; r < names.size(); r++) {
            boolean sortRule = names.get(r).contains("-SKC-") || names.get(r).contains("-SKT-");
            boolean accessedRule = names.get(r).contains("-PKC-") || names.get(r).contains("-SKC-");
            ObjectNode rule = ruleNodes.addObject();
            rule.put("RuleName", names.get(r));
            // in THROTTLED_KEYS mode the accessed-keys rules count nothing
            rule.set("Contributors", accessedRule && !accessedToo ? Json.array() : keys(table, indexName, schema, sortRule, tops.get(r)));
        }
        if (accessedToo) node.set("MostAccessedKeys", keys(table, indexName, schema, false, tops.get(0)));
        node.set("MostThrottledKeys", keys(table, indexName, schema, false, tops.get(schema.hasSort() ? 2 : 1)));
        return node;
    }

    /**
     * The insights of the table or index one of whose rule names is {@code ruleName}, in a namespace, or null when
     * no table or global index there has insights with that rule.
     */
    public ObjectNode rule(String namespaceId, String ruleName) {
        Namespace namespace = engine.namespace(namespaceId);
        for (Table table : namespace.tables(engine.nowMillis())) {
            for (Map.Entry<String, ContributorInsights> e : table.control().contributorInsights().entrySet()) {
                String indexName = e.getKey().isEmpty() ? null : e.getKey();
                KeySchema schema = keySchema(table, indexName);
                if (schema == null || !e.getValue().enabled()) continue;
                if (e.getValue().ruleNames(table.name(), indexName, schema.hasSort()).contains(ruleName)) {
                    ObjectNode all = json(namespaceId, table, indexName);
                    for (JsonNode rule : all.get("Rules")) {
                        if (rule.get("RuleName").asText().equals(ruleName)) {
                            ObjectNode one = ((ObjectNode) rule).deepCopy();
                            one.put("TableName", table.name());
                            if (indexName != null) one.put("IndexName", indexName);
                            return one;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Every table's and global index's insights that are on, of a namespace: the planning report's section. */
    ArrayNode enabled(String namespaceId, Table table) {
        ArrayNode out = Json.array();
        for (Map.Entry<String, ContributorInsights> e : new TreeMap<>(table.control().contributorInsights()).entrySet()) {
            if (e.getValue().enabled()) out.add(json(namespaceId, table, e.getKey().isEmpty() ? null : e.getKey()));
        }
        return out;
    }

    /**
     * The contributors: each with its key values (the partition key, and the sort key for a sort-key rule; for a
     * global index, the index's), its read and write units and their sum ({@code ApproximateAggregateValue}, as a
     * CloudWatch rule report names it), and the partition hash it was counted by.
     */
    private static ArrayNode keys(Table table, String indexName, KeySchema schema, boolean withSort, List<HotKeys.Counter> counters) {
        ArrayNode out = Json.array();
        for (HotKeys.Counter counter : counters) {
            ObjectNode key = out.addObject();
            byte[] stored = counter.label() != null ? counter.label() : firstKeyOfPartition(table, indexName, counter.hash());
            if (stored != null) {
                AttributeValue[] values = KeyCodec.decodeKey(stored, schema.partitionType(), withSort ? schema.sortType() : null);
                ObjectNode keys = Json.object();
                keys.set(schema.partitionName(), AttributeValues.write(values[0]));
                if (withSort) keys.set(schema.sortName(), AttributeValues.write(values[1]));
                key.set(withSort ? "Key" : "PartitionKey", keys);
            }
            if (!withSort) key.put("PartitionHash", String.format("%016x", counter.hash()));
            key.put("ReadCapacityUnits", counter.readUnits());
            key.put("WriteCapacityUnits", counter.writeUnits());
            key.put("ApproximateAggregateValue", counter.total());
        }
        return out;
    }

    /** The stored key of an item (or index entry) of the partition of {@code hash}, or null when it holds none now. */
    private static byte[] firstKeyOfPartition(Table table, String indexName, long hash) {
        Keyspace keyspace = indexName == null ? table.keyspace() : table.indexKeyspace(indexName);
        byte[] to = hash == -1L ? null : KeyCodec.hashBoundary(hash + 1);
        Iterator<StoredItem> items = keyspace.range(KeyCodec.hashBoundary(hash), true, to, false, false);
        return items.hasNext() ? items.next().key() : null;
    }

    /**
     * Forgets the counters of tables that no longer exist (deleted, or their namespace dropped):
     * as in the service, a table's rules go with it. A namespace kept in the store but not used
     * since this start keeps its counters: its tables are not known without loading it.
     */
    private synchronized void forgetGoneTables() {
        long now = engine.nowMillis();
        Map<String, Namespace> inUse = new HashMap<>();
        for (Namespace namespace : engine.namespaces()) inUse.put(namespace.id(), namespace);
        Set<String> known = engine.namespaceIds();
        counted.values().removeIf(rules -> {
            Namespace namespace = inUse.get(rules.namespaceId);
            return namespace == null ? !known.contains(rules.namespaceId) : namespace.table(rules.tableName, now) == null;
        });
        keptAfterPrune = counted.size();
        file.changed();
    }

    /** How many tables' and global indexes' counters are kept: those with insights on that counted a request, while they exist. */
    public int rulesKept() {
        return counted.size();
    }

    private JsonNode toJson() {
        ObjectNode node = Json.object();
        node.put("version", 1);
        ArrayNode rules = node.putArray("rules");
        for (Rules r : new TreeMap<>(counted).values()) {
            synchronized (r) {
                rules.add(r.toJson());
            }
        }
        return node;
    }

    private void load(JsonNode saved) {
        if (saved == null) return;
        try {
            for (JsonNode node : saved.path("rules")) {
                Rules rules = Rules.fromJson(node);
                counted.put(id(rules.namespaceId, rules.tableName, rules.indexName), rules);
            }
        } catch (RuntimeException e) {
            counted.clear();
            System.getLogger(ContributorInsightsKeys.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot read " + FILE + " (" + e.getMessage() + "): contributor insights' counts start empty");
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        file.close();
    }
}
