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
        ObjectNode node = answer.putObject("ConsumedCapacity");
        node.put("TableName", tableName);
        node.put("CapacityUnits", units);
        if (detail == Detail.INDEXES) node.putObject("Table").put("CapacityUnits", units);
    }

    /** Adds the ConsumedCapacity member for a write to {@code answer}, when asked. */
    public static void addWrite(ObjectNode answer, Detail detail, String tableName, WriteCost cost) {
        if (detail == Detail.NONE) return;
        answer.set("ConsumedCapacity", write(detail, tableName, cost));
    }

    public static ObjectNode write(Detail detail, String tableName, WriteCost cost) {
        ObjectNode node = Json.object();
        node.put("TableName", tableName);
        node.put("CapacityUnits", cost.totalUnits());
        if (detail == Detail.INDEXES) {
            node.putObject("Table").put("CapacityUnits", cost.tableUnits());
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
