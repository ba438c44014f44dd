package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.capacity.ItemCollectionMetrics;
import io.dynabox.engine.capacity.WriteCost;
import io.dynabox.engine.expression.Condition;
import io.dynabox.engine.expression.ExpressionAttributes;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.util.List;
import java.util.Map;

/** DeleteItem: removes an item by its key; deleting a missing item succeeds and costs one unit. */
public final class DeleteItem implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        ItemRequests.checkParameterStyle(request, List.of("Expected", "ConditionalOperator"), List.of("ConditionExpression"),
                ": ConditionExpression is null");
        Map<String, AttributeValue> key = AttributeValues.readItem(request.get("Key"));
        String returnValues = ItemRequests.returnValuesNoneOrAllOld(request);
        ExpressionAttributes attributes = ExpressionAttributes.of(request);
        Condition condition = Conditions.of(request, attributes);
        attributes.checkAllUsed();
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.of(request);
        String tableName = request.get("TableName").textValue();

        Table table = context.usableTable(tableName);
        ItemKeys.checkKey(table.definition(), key);
        byte[] storedKey = table.encodeKey(key);
        Long partition = KeyCodec.hashOf(storedKey);
        context.admitWrite(table, partition);
        context.checkNoTransaction(table, storedKey);
        return TableLocks.write(table, () -> {
            StoredItem stored = table.keyspace().find(storedKey);
            // the old item is decoded only for a condition; ALL_OLD answers with it as stored
            Conditions.checkCharged(context, table, partition, stored == null ? 0 : stored.size(), condition,
                    stored == null || condition == null ? null : stored.item(), request);
            ObjectNode answer = Json.object();
            WriteCost cost;
            if (stored == null) {
                cost = new WriteCost(1, Map.of(), Map.of());
            } else {
                ItemWriter.PlannedWrite write = ItemWriter.plan(table, storedKey, stored, null, null, 0);
                ItemWriter.apply(table, write);
                cost = write.cost();
                if (returnValues.equals("ALL_OLD")) answer.putRawValue("Attributes", Json.raw(stored.json()));
            }
            context.ledger().write(table, cost, partition);
            ConsumedCapacity.add(answer, detail, context.ledger(), table.name());
            if (ItemCollectionMetrics.wanted(request) && ItemCollectionMetrics.applies(table)) answer.set("ItemCollectionMetrics", ItemCollectionMetrics.of(table, key));
            return answer;
        });
    }
}
