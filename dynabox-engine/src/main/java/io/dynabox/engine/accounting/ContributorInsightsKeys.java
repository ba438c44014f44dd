package io.dynabox.engine.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.Engine;
import io.dynabox.engine.capacity.CapacityLedger;
import io.dynabox.engine.table.ContributorInsights;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.wire.Json;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Contributor insights' figures, which the service shows in CloudWatch and Dynabox shows
 * itself ({@code GET /dynabox/contributor-insights}, {@link #json}): for each table and global
 * index whose insights are ENABLED, the partition keys that consumed the most capacity units
 * (the accessed-keys rule; not in THROTTLED_KEYS mode) and those whose requests were throttled
 * the most (the units they would have consumed), counted from every request's capacity ledger
 * since insights were turned on (turning them on again starts afresh, with new rule names).
 * Bounded: {@link HotKeys}' counters per rule.
 */
public final class ContributorInsightsKeys implements AutoCloseable {
    /** The keys shown per rule. */
    static final int SHOWN = 10;

    private final Engine engine;
    // by table, then "" (the table) or the global index's name
    private final Map<Table, Map<String, Rules>> counted = Collections.synchronizedMap(new WeakHashMap<>());
    private final AutoCloseable subscription;

    /** The counters of one table's or index's insights since they were turned on at {@code since}. */
    private static final class Rules {
        final long since;
        final HotKeys accessed = new HotKeys();
        final HotKeys throttled = new HotKeys();

        Rules(long since) {
            this.since = since;
        }
    }

    public ContributorInsightsKeys(Engine engine) {
        this.engine = engine;
        this.subscription = engine.onCapacity(this::consumed);
    }

    private void consumed(String namespaceId, String action, String requestId, CapacityLedger ledger) {
        long second = Math.floorDiv(engine.nowMillis(), 1000);
        for (CapacityLedger.Charge charge : ledger.charges()) count(charge, second, false);
        for (CapacityLedger.Charge charge : ledger.throttledCharges()) count(charge, second, true);
    }

    private void count(CapacityLedger.Charge charge, long second, boolean throttled) {
        if (charge.partitionHash() == null || (charge.index() != null && !charge.globalIndex())) return;
        String slot = charge.index() == null ? "" : charge.index();
        ContributorInsights insights = charge.table().control().contributorInsights().get(slot);
        if (insights == null || !insights.enabled()) return;
        if (!throttled && "THROTTLED_KEYS".equals(insights.mode())) return;
        Rules rules;
        synchronized (counted) {
            Map<String, Rules> ofTable = counted.computeIfAbsent(charge.table(), t -> new HashMap<>());
            rules = ofTable.get(slot);
            if (rules == null || rules.since != insights.updatedAtMillis()) {
                rules = new Rules(insights.updatedAtMillis());
                ofTable.put(slot, rules);
            }
        }
        synchronized (rules) {
            (throttled ? rules.throttled : rules.accessed).add(charge.partitionHash(), second, charge.write(), charge.units());
        }
    }

    /**
     * The insights of a table ({@code indexName} null) or global index of a namespace: status,
     * mode, rule names as DescribeContributorInsights gives them, and the most accessed and
     * most throttled partition keys with their read and write units; null for an unknown table.
     */
    public ObjectNode json(String namespaceId, String tableName, String indexName) {
        Namespace namespace = engine.namespace(namespaceId);
        Table table = namespace.table(tableName, engine.nowMillis());
        if (table == null) return null;
        String slot = indexName == null ? "" : indexName;
        ContributorInsights insights = table.control().contributorInsights().get(slot);
        ObjectNode node = Json.object();
        node.put("TableName", tableName);
        if (indexName != null) node.put("IndexName", indexName);
        node.put("ContributorInsightsStatus", insights == null ? ContributorInsights.DISABLED : insights.statusAt(engine.nowMillis()));
        if (insights != null) node.put("ContributorInsightsMode", insights.mode());
        Rules rules = null;
        if (insights != null && insights.enabled()) {
            Map<String, Rules> ofTable = counted.get(table);
            Rules found = ofTable == null ? null : ofTable.get(slot);
            if (found != null && found.since == insights.updatedAtMillis()) rules = found;
        }
        List<HotKeys.Counter> accessed = List.of();
        List<HotKeys.Counter> throttled = List.of();
        if (rules != null) {
            synchronized (rules) {
                accessed = rules.accessed.top(SHOWN);
                throttled = rules.throttled.top(SHOWN);
            }
        }
        if (insights == null || !"THROTTLED_KEYS".equals(insights.mode())) node.set("MostAccessedKeys", keys(table, indexName, accessed));
        node.set("MostThrottledKeys", keys(table, indexName, throttled));
        return node;
    }

    private static ArrayNode keys(Table table, String indexName, List<HotKeys.Counter> counters) {
        ArrayNode out = Json.array();
        for (HotKeys.Counter counter : counters) {
            ObjectNode key = out.addObject();
            JsonNode value = indexName == null ? PlanningReport.partitionKey(table, counter.hash()) : null;
            if (value != null) key.set("PartitionKey", value);
            key.put("PartitionHash", String.format("%016x", counter.hash()));
            key.put("ReadCapacityUnits", counter.readUnits());
            key.put("WriteCapacityUnits", counter.writeUnits());
        }
        return out;
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
