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
    public static final int READ_UNIT_BYTES = 4096;

    private ConsumedCapacity() {}

    /** What ReturnConsumedCapacity asked for. */
    public enum Detail {
        NONE, TOTAL, INDEXES;

        public static Detail of(JsonNode request) {
            JsonNode value = request.get("ReturnConsumedCapacity");
            return value == null || value.isNull() ? NONE : valueOf(value.textValue());
        }
    }

    /** Read units for one item of {@code size} bytes (0 for a miss): per 4 KB, at least one, halved when eventually consistent. */
    public static double readUnits(long size, boolean consistent) {
        long units = Math.max(1, (size + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES);
        return consistent ? units : units / 2.0;
    }

    /** Adds the ConsumedCapacity member for a read to {@code answer}, when asked. */
    public static void addRead(ObjectNode answer, Detail detail, String tableName, double units) {
        if (detail == Detail.NONE) return;
        answer.set("ConsumedCapacity", read(detail, tableName, units));
    }

    /** One table's read entry: the member of GetItem answers and an element of BatchGetItem's list. */
    public static ObjectNode read(Detail detail, String tableName, double units) {
        return entry(detail, tableName, new WriteCost(units, Map.of(), Map.of()), null);
    }

    /**
     * Adds the ConsumedCapacity member for a read of an index, when asked: the index's units,
     * and the table's (items fetched from it for a local index, otherwise nothing).
     */
    public static void addIndexRead(ObjectNode answer, Detail detail, String tableName, double tableUnits,
                                    boolean global, String indexName, double indexUnits) {
        if (detail == Detail.NONE) return;
        ObjectNode node = answer.putObject("ConsumedCapacity");
        node.put("TableName", tableName);
        node.put("CapacityUnits", tableUnits + indexUnits);
        if (detail == Detail.INDEXES) {
            node.putObject("Table").put("CapacityUnits", tableUnits);
            node.putObject(global ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes")
                    .putObject(indexName).put("CapacityUnits", indexUnits);
        }
    }

    /** Adds the ConsumedCapacity member for a write to {@code answer}, when asked. */
    public static void addWrite(ObjectNode answer, Detail detail, String tableName, WriteCost cost) {
        if (detail == Detail.NONE) return;
        answer.set("ConsumedCapacity", write(detail, tableName, cost));
    }

    public static ObjectNode write(Detail detail, String tableName, WriteCost cost) {
        return entry(detail, tableName, cost, null);
    }

    /**
     * One table's entry in a transaction's answer. Transactions alone split the total into
     * {@code ReadCapacityUnits} or {@code WriteCapacityUnits} (single-item and batch actions do
     * not), on the entry and on its {@code Table} arm.
     */
    public static ObjectNode transactional(Detail detail, String tableName, WriteCost units, boolean write) {
        return entry(detail, tableName, units, write ? "WriteCapacityUnits" : "ReadCapacityUnits");
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
            arm(node, "GlobalSecondaryIndexes", cost.globalIndexUnits());
            arm(node, "LocalSecondaryIndexes", cost.localIndexUnits());
        }
        return node;
    }

    private static void arm(ObjectNode node, String member, Map<String, Double> units) {
        if (units.isEmpty()) return;
        ObjectNode arm = node.putObject(member);
        units.forEach((index, value) -> arm.putObject(index).put("CapacityUnits", value));
    }

}
