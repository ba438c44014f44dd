package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.capacity.ItemCollectionMetrics;
import io.dynabox.engine.capacity.WriteCost;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.expression.Condition;
import io.dynabox.engine.expression.DocumentPath;
import io.dynabox.engine.expression.ExpressionAttributes;
import io.dynabox.engine.expression.Expressions;
import io.dynabox.engine.expression.Legacy;
import io.dynabox.engine.expression.Operand;
import io.dynabox.engine.expression.Projector;
import io.dynabox.engine.expression.UpdateExpression;
import io.dynabox.engine.expression.Updater;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.io.IOException;
import com.fasterxml.jackson.core.JsonParser;
import io.dynabox.engine.wire.PlainRequests;

/** UpdateItem: changes some attributes of an item, creating it when missing (an upsert). */
public final class UpdateItem implements Operation, PlainOperation {
    static final Set<String> RETURN_VALUES = Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
    private static final String INVALID = "One or more parameter values were invalid: ";

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        ItemRequests.checkParameterStyle(request, List.of("AttributeUpdates", "Expected", "ConditionalOperator"),
                List.of("UpdateExpression", "ConditionExpression"), ": UpdateExpression and ConditionExpression are null");
        Map<String, AttributeValue> key = AttributeValues.readItem(request.get("Key"));
        // AttributeUpdates become the same update tree an UpdateExpression gives: one implementation applies both
        UpdateExpression legacy = Legacy.attributeUpdates(request.get("AttributeUpdates"));
        ExpressionAttributes attributes = ExpressionAttributes.of(request);
        UpdateExpression expression = ItemRequests.has(request, "UpdateExpression")
                ? Expressions.update(request.get("UpdateExpression").textValue(), attributes) : legacy;
        Condition condition = Conditions.of(request, attributes);
        attributes.checkAllUsed();
        String returnValues = ItemRequests.has(request, "ReturnValues") ? request.get("ReturnValues").textValue() : "NONE";
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.of(request);
        String tableName = request.get("TableName").textValue();
        return update(context, Conditions.oldItemOnFailure(request), tableName, key, expression, legacy, condition, returnValues, detail,
                ItemCollectionMetrics.wanted(request));
    }

    /**
     * An UpdateItem of the plain shape: TableName, Key, an UpdateExpression with its
     * ExpressionAttributeNames and ExpressionAttributeValues (each non-empty, with keys the
     * service takes and values of the plain shape), ReturnValues, ReturnConsumedCapacity,
     * ReturnItemCollectionMetrics, and a ConditionExpression with ReturnValuesOnConditionCheckFailure
     * (see {@link Conditions.Plain}); no legacy parameter.
     */
    static final class Plain implements PlainRequest {
        final Conditions.Plain condition = new Conditions.Plain();
        String tableName;
        Map<String, AttributeValue> key;
        String updateExpression;
        String returnValues = "NONE";
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
                case "UpdateExpression" -> updateExpression = PlainRequests.text(parser);
                case "ReturnValues" -> returnValues = PlainRequests.oneOf(parser, RETURN_VALUES);
                case "ReturnConsumedCapacity" -> detail = ConsumedCapacity.Detail.valueOf(PlainRequests.oneOf(parser, GetItem.DETAILS));
                case "ReturnItemCollectionMetrics" -> metricsWanted = PlainRequests.oneOf(parser, PutItem.METRICS).equals("SIZE");
                default -> throw PlainRequests.NOT_PLAIN;
            }
        }

        @Override
        public boolean complete() {
            return tableName != null && key != null && updateExpression != null;
        }

        @Override
        public JsonNode execute(RequestContext context) {
            // what the tree path does with the same members, in its order
            ExpressionAttributes attributes = condition.attributes();
            UpdateExpression expression = Expressions.update(updateExpression, attributes);
            Condition bound = condition.condition(attributes);
            attributes.checkAllUsed();
            return update(context, condition.oldItemOnFailure, tableName, key, expression, null, bound, returnValues, detail, metricsWanted);
        }
    }

    @Override
    public PlainRequest newPlainRequest() {
        return new Plain();
    }

    /** The update itself; {@code oldItemOnFailure}: a failed condition answers with the item. */
    private static JsonNode update(RequestContext context, boolean oldItemOnFailure, String tableName, Map<String, AttributeValue> key,
                                   UpdateExpression expression, UpdateExpression legacy, Condition condition, String returnValues,
                                   ConsumedCapacity.Detail detail, boolean metricsWanted) {
        Table table = context.usableTable(tableName);
        TableDefinition definition = table.definition();
        ItemKeys.checkKey(definition, key);
        if (expression != null) checkExpressionAgainstSchema(definition, expression);
        if (legacy != null) ItemKeys.checkIndexKeys(definition, valuesOf(legacy));
        byte[] storedKey = table.encodeKey(key);
        Long partition = KeyCodec.hashOf(storedKey);
        context.admitWrite(table, partition, storedKey);
        context.checkNoTransaction(table, storedKey);
        return TableLocks.write(table, () -> {
            // sizes are measured once: the old item's as stored, the new one's here
            StoredItem stored = table.keyspace().find(storedKey);
            Map<String, AttributeValue> old = stored == null ? null : stored.item();
            Conditions.checkCharged(context, table, partition, storedKey, stored == null ? 0 : stored.size(), condition, old, oldItemOnFailure);
            Map<String, AttributeValue> updated = new LinkedHashMap<>(old == null ? key : old);
            if (expression != null) {
                updated = Updater.apply(expression, updated);
                ItemKeys.checkIndexKeysNotEmpty(definition, updated, true);
                ItemKeys.checkIndexKeys(definition, updated);
            }
            long size = ItemSize.of(updated);
            if (size > ItemSize.MAX_ITEM_BYTES) {
                throw DynamoException.validation("Item size to update has exceeded the maximum allowed size");
            }
            if (expression != null && old == null && updated.size() == key.size()) {
                // an update that leaves a missing item with only its key (a REMOVE, a DELETE) does not create it
                ObjectNode answer = Json.object();
                context.ledger().write(table, new WriteCost(1, Map.of(), Map.of()), partition, storedKey);
                ConsumedCapacity.add(answer, detail, context.ledger(), table.name());
                return answer;
            }
            ItemWriter.PlannedWrite write = ItemWriter.plan(table, storedKey, stored, old, updated, size);
            context.admitIndexWrites(table, write.cost(), storedKey, write.cost().tableUnits());
            ItemWriter.apply(table, write);
            ObjectNode answer = Json.object();
            Map<String, AttributeValue> returned = expression == null ? returned(returnValues, old, updated)
                    : returned(returnValues, old, updated, expression);
            if (returned != null && !returned.isEmpty()) answer.set("Attributes", AttributeValues.writeItem(returned));
            context.ledger().write(table, write.cost(), partition, write.newSize(), storedKey);
            ConsumedCapacity.add(answer, detail, context.ledger(), table.name());
            if (metricsWanted && ItemCollectionMetrics.applies(table)) answer.set("ItemCollectionMetrics", ItemCollectionMetrics.of(table, updated));
            return answer;
        });
    }

    /** With no update at all, the item is only written (or created) as it is. */
    private static Map<String, AttributeValue> returned(String returnValues, Map<String, AttributeValue> old, Map<String, AttributeValue> updated) {
        return switch (returnValues) {
            case "ALL_OLD" -> old;
            case "ALL_NEW" -> updated;
            case "UPDATED_OLD" -> old == null ? null : Map.of();
            case "UPDATED_NEW" -> Map.of();
            default -> null;
        };
    }

    /** UPDATED_OLD and UPDATED_NEW hold exactly the paths the update names (for AttributeUpdates, its attributes). */
    private static Map<String, AttributeValue> returned(String returnValues, Map<String, AttributeValue> old,
                                                        Map<String, AttributeValue> updated, UpdateExpression expression) {
        return switch (returnValues) {
            case "ALL_OLD" -> old;
            case "ALL_NEW" -> updated;
            case "UPDATED_OLD" -> old == null ? null : Projector.project(old, paths(expression));
            case "UPDATED_NEW" -> Projector.project(updated, paths(expression));
            default -> null;
        };
    }

    private static List<DocumentPath> paths(UpdateExpression expression) {
        return expression.actions().stream().map(UpdateExpression.Action::path).toList();
    }

    /** An UpdateExpression may not touch a key attribute: the hash key is checked first, then the range key. */
    static void checkExpressionAgainstSchema(TableDefinition table, UpdateExpression expression) {
        KeySchema schema = table.keySchema();
        for (String keyName : schema.hasSort() ? List.of(schema.partitionName(), schema.sortName()) : List.of(schema.partitionName())) {
            for (UpdateExpression.Action action : expression.actions()) {
                if (action.path().attribute().equals(keyName)) {
                    throw DynamoException.validation(INVALID + "Cannot update attribute " + keyName + ". This attribute is part of the key");
                }
            }
        }
    }

    /** The values an AttributeUpdates update writes (or takes away), whose types index keys must have. */
    private static Map<String, AttributeValue> valuesOf(UpdateExpression legacy) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (UpdateExpression.Action action : legacy.actions()) {
            Operand operand = action.value();
            while (operand instanceof Operand.Call call) operand = call.args().get(call.args().size() - 1); // list_append(..., v)
            if (operand instanceof Operand.Value value) values.put(action.path().attribute(), value.value());
        }
        return values;
    }
}
