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
import io.dynabox.engine.expression.Projector;
import io.dynabox.engine.expression.UpdateExpression;
import io.dynabox.engine.expression.Updater;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** UpdateItem: changes some attributes of an item, creating it when missing (an upsert). */
public final class UpdateItem implements Operation {
    private static final String INVALID = "One or more parameter values were invalid: ";

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        ItemRequests.checkParameterStyle(request, List.of("AttributeUpdates", "Expected", "ConditionalOperator"),
                List.of("UpdateExpression", "ConditionExpression"), ": UpdateExpression and ConditionExpression are null");
        Map<String, AttributeValue> key = AttributeValues.readItem(request.get("Key"));
        List<LegacyUpdate> updates = legacyUpdates(request.get("AttributeUpdates"));
        ExpressionAttributes attributes = ExpressionAttributes.of(request);
        UpdateExpression expression = ItemRequests.has(request, "UpdateExpression")
                ? Expressions.update(request.get("UpdateExpression").textValue(), attributes) : null;
        Condition condition = Conditions.of(request, attributes);
        attributes.checkAllUsed();
        String returnValues = ItemRequests.has(request, "ReturnValues") ? request.get("ReturnValues").textValue() : "NONE";
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.of(request);
        String tableName = request.get("TableName").textValue();

        Table table = context.usableTable(tableName);
        TableDefinition definition = table.definition();
        ItemKeys.checkKey(definition, key);
        checkUpdatesAgainstSchema(definition, updates);
        if (expression != null) checkExpressionAgainstSchema(definition, expression);
        byte[] storedKey = table.encodeKey(key);
        Long partition = KeyCodec.hashOf(storedKey);
        context.admitWrite(table, partition);
        return TableLocks.write(table, () -> {
            Map<String, AttributeValue> old = table.keyspace().get(storedKey);
            Conditions.check(condition, old, request);
            Map<String, AttributeValue> updated = new LinkedHashMap<>(old == null ? key : old);
            if (expression != null) {
                updated = Updater.apply(expression, updated);
                ItemKeys.checkIndexKeys(definition, updated);
            }
            for (LegacyUpdate update : updates) update.applyTo(updated);
            if (ItemSize.of(updated) > ItemSize.MAX_ITEM_BYTES) {
                throw DynamoException.validation("Item size to update has exceeded the maximum allowed size");
            }
            if (expression != null && old == null && updated.size() == key.size()) {
                // an UpdateExpression that leaves a missing item with only its key (say, a REMOVE) does not create it
                ObjectNode answer = Json.object();
                context.ledger().write(table, new WriteCost(1, Map.of(), Map.of()), partition);
                ConsumedCapacity.add(answer, detail, context.ledger(), table.name());
                return answer;
            }
            ItemWriter.PlannedWrite write = ItemWriter.plan(table, storedKey, old, updated);
            ItemWriter.apply(table, write);
            ObjectNode answer = Json.object();
            Map<String, AttributeValue> returned = expression == null ? returned(returnValues, old, updated, updates)
                    : returned(returnValues, old, updated, expression);
            if (returned != null && !returned.isEmpty()) answer.set("Attributes", AttributeValues.writeItem(returned));
            context.ledger().write(table, write.cost(), partition);
            ConsumedCapacity.add(answer, detail, context.ledger(), table.name());
            if (ItemCollectionMetrics.wanted(request) && ItemCollectionMetrics.applies(table)) answer.set("ItemCollectionMetrics", ItemCollectionMetrics.of(table, updated));
            return answer;
        });
    }

    private static Map<String, AttributeValue> returned(String returnValues, Map<String, AttributeValue> old,
                                                        Map<String, AttributeValue> updated, List<LegacyUpdate> updates) {
        return switch (returnValues) {
            case "ALL_OLD" -> old;
            case "ALL_NEW" -> updated;
            case "UPDATED_OLD" -> old == null ? null : named(old, updates);
            case "UPDATED_NEW" -> named(updated, updates);
            default -> null;
        };
    }

    /** UPDATED_OLD and UPDATED_NEW of an UpdateExpression hold exactly the paths it names. */
    private static Map<String, AttributeValue> returned(String returnValues, Map<String, AttributeValue> old,
                                                        Map<String, AttributeValue> updated, UpdateExpression expression) {
        List<DocumentPath> paths = expression.actions().stream().map(UpdateExpression.Action::path).toList();
        return switch (returnValues) {
            case "ALL_OLD" -> old;
            case "ALL_NEW" -> updated;
            case "UPDATED_OLD" -> old == null ? null : Projector.project(old, paths);
            case "UPDATED_NEW" -> Projector.project(updated, paths);
            default -> null;
        };
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

    private static Map<String, AttributeValue> named(Map<String, AttributeValue> item, List<LegacyUpdate> updates) {
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        for (LegacyUpdate update : updates) {
            AttributeValue value = item.get(update.name);
            if (value != null) result.put(update.name, value);
        }
        return result;
    }

    private static List<LegacyUpdate> legacyUpdates(JsonNode node) {
        List<LegacyUpdate> updates = new ArrayList<>();
        if (node == null || node.isNull()) return updates;
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode spec = field.getValue();
            JsonNode valueNode = spec.get("Value");
            AttributeValue value = valueNode == null || valueNode.isNull() ? null : AttributeValues.read(valueNode);
            String action = spec.hasNonNull("Action") ? spec.get("Action").textValue() : "PUT";
            if (value == null && !action.equals("DELETE")) {
                throw DynamoException.validation(INVALID + "Only DELETE action is allowed when no attribute value is specified");
            }
            if (value != null && action.equals("DELETE") && !value.type().isSet()) {
                throw DynamoException.validation(INVALID + "DELETE action with value is not supported for the type " + value.type());
            }
            if (value != null && action.equals("ADD") && !(value.type() == AttributeValue.Type.N || value.type().isSet()
                    || value.type() == AttributeValue.Type.L)) {
                throw DynamoException.validation(INVALID + "ADD action is not supported for the type " + value.type());
            }
            updates.add(new LegacyUpdate(field.getKey(), action, value));
        }
        return updates;
    }

    private static void checkUpdatesAgainstSchema(TableDefinition table, List<LegacyUpdate> updates) {
        KeySchema schema = table.keySchema();
        for (String keyName : schema.hasSort() ? List.of(schema.partitionName(), schema.sortName()) : List.of(schema.partitionName())) {
            for (LegacyUpdate update : updates) {
                if (update.name.equals(keyName)) {
                    throw DynamoException.validation(INVALID + "Cannot update attribute " + keyName + ". This attribute is part of the key");
                }
            }
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (LegacyUpdate update : updates) if (update.value != null) values.put(update.name, update.value);
        ItemKeys.checkIndexKeys(table, values);
    }

    /** One entry of the legacy {@code AttributeUpdates} map. */
    private record LegacyUpdate(String name, String action, AttributeValue value) {
        void applyTo(Map<String, AttributeValue> item) {
            AttributeValue current = item.get(name);
            switch (action) {
                case "PUT" -> item.put(name, value);
                case "DELETE" -> {
                    if (value == null) item.remove(name);
                    else if (current != null) {
                        AttributeValue remaining = SetArithmetic.difference(current, value);
                        if (remaining == null) item.remove(name);
                        else item.put(name, remaining);
                    }
                }
                case "ADD" -> item.put(name, current == null ? value : SetArithmetic.add(current, value));
                default -> throw new IllegalStateException("action " + action + " passed the shape check");
            }
        }
    }
}
