package io.dynabox.engine.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.wire.Json;
import java.util.Map;

/**
 * Capacity units by DynamoDB's rules, and the {@code ConsumedCapacity} member of answers:
 * absent unless asked for; TOTAL gives the sum; INDEXES adds the table's share and each
 * index charged (index arms are left out when no index of that kind was charged).
 */
public final class ConsumedCapacity {
    private ConsumedCapacity() {}

    /** What ReturnConsumedCapacity asked for. */
    public enum Detail {
        NONE, TOTAL, INDEXES;

        public static Detail of(JsonNode request) {
            JsonNode value = request.get("ReturnConsumedCapacity");
            return value == null || value.isNull() ? NONE : valueOf(value.textValue());
        }
    }

    /** Read units for one item of {@code size} bytes (0 for a miss); see {@link CapacityUnits}. */
    public static double readUnits(long size, boolean consistent) {
        return CapacityUnits.readUnits(size, consistent);
    }

    /** Adds the ConsumedCapacity member of a single-table action (an item action, a query, a scan), when asked: what the ledger holds for the table. */
    public static void add(ObjectNode answer, Detail detail, CapacityLedger ledger, String tableName) {
        if (detail == Detail.NONE) return;
        answer.set("ConsumedCapacity", entry(detail, tableName, ledger.total(tableName), null));
    }

    /** One table's entry in a batch's ConsumedCapacity list: what the ledger holds for it. */
    public static ObjectNode of(Detail detail, CapacityLedger ledger, String tableName) {
        return entry(detail, tableName, ledger.total(tableName), null);
    }

    /**
     * One table's entry in a transaction's answer. Transactions alone split the total into
     * {@code ReadCapacityUnits} or {@code WriteCapacityUnits} (single-item and batch actions do
     * not), on the entry and on each of its arms, the indexes' too (a TransactWriteItems answer
     * of the service quoted in rusoto/rusoto#1919 has {@code "gsi1":{"CapacityUnits":2.0,"WriteCapacityUnits":2.0}}).
     */
    public static ObjectNode transactional(Detail detail, CapacityLedger ledger, String tableName, boolean write) {
        return entry(detail, tableName, ledger.total(tableName), write ? "WriteCapacityUnits" : "ReadCapacityUnits");
    }

    private static ObjectNode entry(Detail detail, String tableName, WriteCost cost, String splitMember) {
        ObjectNode node = Json.object();
        node.put("TableName", tableName);
        node.put("CapacityUnits", cost.totalUnits());
        if (splitMember != null) node.put(splitMember, cost.totalUnits());
        if (detail == Detail.INDEXES) {
            ObjectNode table = node.putObject("Table");
            table.put("CapacityUnits", cost.tableUnits());
            if (splitMember != null) table.put(splitMember, cost.tableUnits());
            arm(node, "GlobalSecondaryIndexes", cost.globalIndexUnits(), splitMember);
            arm(node, "LocalSecondaryIndexes", cost.localIndexUnits(), splitMember);
        }
        return node;
    }

    private static void arm(ObjectNode node, String member, Map<String, Double> units, String splitMember) {
        if (units.isEmpty()) return;
        ObjectNode arm = node.putObject(member);
        units.forEach((index, value) -> {
            ObjectNode entry = arm.putObject(index).put("CapacityUnits", value);
            if (splitMember != null) entry.put(splitMember, value);
        });
    }

}
