package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.capacity.ItemCollectionMetrics;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.expression.Condition;
import io.dynabox.engine.expression.ExpressionAttributes;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.util.List;
import java.util.Map;

/** PutItem: creates or replaces a whole item. */
public final class PutItem implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        ItemRequests.checkParameterStyle(request, List.of("Expected", "ConditionalOperator"), List.of("ConditionExpression"),
                ": ConditionExpression is null");
        Map<String, AttributeValue> item = AttributeValues.readItem(request.get("Item"));
        boolean returnOld = ItemRequests.returnValuesNoneOrAllOld(request).equals("ALL_OLD");
        long size = ItemSize.of(item);
        if (size > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoException.validation("Item size has exceeded the maximum allowed size",
                    "the item is " + size + " bytes; the limit is " + ItemSize.MAX_ITEM_BYTES);
        }
        ExpressionAttributes attributes = ExpressionAttributes.of(request);
        Condition condition = Conditions.of(request, attributes);
        attributes.checkAllUsed();
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.of(request);
        String tableName = request.get("TableName").textValue();
        boolean metricsWanted = ItemCollectionMetrics.wanted(request);

        Table table = context.usableTable(tableName);
        ItemKeys.checkItem(table.definition(), item);
        byte[] key = table.encodeKey(item);
        Long partition = KeyCodec.hashOf(key);
        context.admitWrite(table, partition, CapacityUnits.writeUnits(size));
        context.checkNoTransaction(table, key);
        // only what must see the table as it is runs under its lock: concurrent writers wait for less
        Written written = TableLocks.write(table, () -> {
            StoredItem stored = table.keyspace().find(key);
            // the old item is decoded only when something looks inside it; ALL_OLD answers with it as stored
            Map<String, AttributeValue> old = stored == null || condition == null ? null : stored.item();
            Conditions.checkCharged(context, table, partition, stored == null ? 0 : stored.size(), condition, old, request);
            ItemWriter.PlannedWrite write = ItemWriter.plan(table, key, stored, old, item, size);
            ItemWriter.apply(table, write);
            JsonNode metrics = metricsWanted && ItemCollectionMetrics.applies(table) ? ItemCollectionMetrics.of(table, item) : null;
            return new Written(stored, write, metrics);
        });
        ObjectNode answer = Json.object();
        if (returnOld && written.old != null) answer.putRawValue("Attributes", Json.raw(written.old.json()));
        context.ledger().write(table, written.write.cost(), partition, written.write.newSize());
        ConsumedCapacity.add(answer, detail, context.ledger(), table.name());
        if (written.metrics != null) answer.set("ItemCollectionMetrics", written.metrics);
        return answer;
    }

    /** What the write replaced, what it cost, and the item collection's size after it when asked for. */
    private record Written(StoredItem old, ItemWriter.PlannedWrite write, JsonNode metrics) {
    }
}
