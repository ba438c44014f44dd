package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.capacity.ItemCollectionMetrics;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.expression.Condition;
import io.dynabox.engine.expression.ExpressionAttributes;
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
        String returnValues = ItemRequests.returnValuesNoneOrAllOld(request);
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoException.validation("Item size has exceeded the maximum allowed size",
                    "the item is " + ItemSize.of(item) + " bytes; the limit is " + ItemSize.MAX_ITEM_BYTES);
        }
        ExpressionAttributes attributes = ExpressionAttributes.of(request);
        Condition condition = Conditions.of(request, attributes);
        attributes.checkAllUsed();
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.of(request);
        String tableName = request.get("TableName").textValue();

        Table table = context.usableTable(tableName);
        ItemKeys.checkItem(table.definition(), item);
        byte[] key = table.encodeKey(item);
        return TableLocks.write(table, () -> {
            Map<String, AttributeValue> old = table.keyspace().get(key);
            Conditions.check(condition, old, request);
            ItemWriter.PlannedWrite write = ItemWriter.plan(table, key, old, item);
            ItemWriter.apply(table, write);
            ObjectNode answer = Json.object();
            if (returnValues.equals("ALL_OLD") && old != null) answer.set("Attributes", AttributeValues.writeItem(old));
            ConsumedCapacity.addWrite(answer, detail, tableName, write.cost());
            if (ItemCollectionMetrics.wanted(request) && ItemCollectionMetrics.applies(table)) answer.set("ItemCollectionMetrics", ItemCollectionMetrics.of(table, item));
            return answer;
        });
    }
}
