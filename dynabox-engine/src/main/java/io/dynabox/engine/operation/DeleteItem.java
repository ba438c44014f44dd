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
import io.dynabox.engine.wire.PlainRequests;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** DeleteItem: removes an item by its key; deleting a missing item succeeds and costs one unit. */
public final class DeleteItem implements Operation, PlainOperation {
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
        return delete(context, tableName, key, returnValues.equals("ALL_OLD"), condition, Conditions.oldItemOnFailure(request), detail,
                ItemCollectionMetrics.wanted(request));
    }

    /**
     * A DeleteItem of the plain shape: table, key, ReturnValues, ReturnConsumedCapacity, ReturnItemCollectionMetrics,
     * and a ConditionExpression with its members (see {@link Conditions.Plain}); no legacy Expected.
     */
    static final class Plain implements PlainRequest {
        final Conditions.Plain condition = new Conditions.Plain();
        String tableName;
        Map<String, AttributeValue> key;
        boolean returnOld;
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.NONE;
        boolean metricsWanted;

        @Override
        public String tableName() {
            return tableName;
        }

        @Override
        public void read(String name, JsonParser parser) throws IOException {
            if (condition.read(name, parser)) return;
            switch (name) {
                case "TableName" -> tableName = PlainRequests.tableName(parser);
                case "Key" -> key = PlainRequests.item(parser);
                case "ReturnValues" -> returnOld = PlainRequests.oneOf(parser, PutItem.RETURN_VALUES).equals("ALL_OLD");
                case "ReturnConsumedCapacity" -> detail = ConsumedCapacity.Detail.valueOf(PlainRequests.oneOf(parser, GetItem.DETAILS));
                case "ReturnItemCollectionMetrics" -> metricsWanted = PlainRequests.oneOf(parser, PutItem.METRICS).equals("SIZE");
                default -> throw PlainRequests.NOT_PLAIN;
            }
        }

        @Override
        public boolean complete() {
            return tableName != null && key != null && condition.complete(false);
        }

        @Override
        public JsonNode execute(RequestContext context) {
            // what the tree path does with the same members, in its order
            ExpressionAttributes attributes = condition.attributes();
            Condition bound = condition.condition(attributes);
            attributes.checkAllUsed();
            return delete(context, tableName, key, returnOld, bound, condition.oldItemOnFailure, detail, metricsWanted);
        }
    }

    @Override
    public PlainRequest newPlainRequest() {
        return new Plain();
    }

    /** The delete itself; {@code oldItemOnFailure}: a failed condition answers with the item. */
    private static JsonNode delete(RequestContext context, String tableName, Map<String, AttributeValue> key, boolean returnOld,
                                   Condition condition, boolean oldItemOnFailure, ConsumedCapacity.Detail detail, boolean metricsWanted) {
        Table table = context.usableTable(tableName);
        ItemKeys.checkKey(table.definition(), key);
        byte[] storedKey = table.encodeKey(key);
        Long partition = KeyCodec.hashOf(storedKey);
        context.admitWrite(table, partition, storedKey);
        context.checkNoTransaction(table, storedKey);
        return TableLocks.write(table, () -> {
            StoredItem stored = table.keyspace().find(storedKey);
            // the old item is decoded only for a condition; ALL_OLD answers with it as stored
            Conditions.checkCharged(context, table, partition, storedKey, stored == null ? 0 : stored.size(), condition,
                    stored == null || condition == null ? null : stored.item(), oldItemOnFailure);
            ObjectNode answer = Json.object();
            WriteCost cost;
            if (stored == null) {
                cost = new WriteCost(1, Map.of(), Map.of());
            } else {
                ItemWriter.PlannedWrite write = ItemWriter.plan(table, storedKey, stored, null, null, 0);
                context.admitIndexWrites(table, write.cost(), storedKey, write.cost().tableUnits());
                ItemWriter.apply(table, write);
                cost = write.cost();
                if (returnOld) answer.putRawValue("Attributes", Json.raw(stored.jsonArray(), stored.jsonOffset(), stored.jsonLength()));
            }
            context.ledger().write(table, cost, partition, storedKey);
            ConsumedCapacity.add(answer, detail, context.ledger(), table.name());
            if (metricsWanted && ItemCollectionMetrics.applies(table)) answer.set("ItemCollectionMetrics", ItemCollectionMetrics.of(table, key));
            return answer;
        });
    }
}
