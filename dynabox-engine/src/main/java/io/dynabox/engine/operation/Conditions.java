package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.WriteCost;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.expression.Condition;
import io.dynabox.engine.expression.Evaluator;
import io.dynabox.engine.expression.ExpressionAttributes;
import io.dynabox.engine.expression.Expressions;
import io.dynabox.engine.expression.Legacy;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.util.Map;
import java.io.IOException;
import com.fasterxml.jackson.core.JsonParser;
import io.dynabox.engine.wire.PlainRequests;

/** Conditions on writes: ConditionExpression or the legacy Expected, and the failure the service answers. */
final class Conditions {
    private Conditions() {}

    /** The request's condition, bound to its placeholders; null when it has none. */
    static Condition of(JsonNode request, ExpressionAttributes attributes) {
        if (ItemRequests.has(request, "ConditionExpression")) {
            return Expressions.condition("ConditionExpression", request.get("ConditionExpression").textValue(), attributes);
        }
        return Legacy.expected(request.get("Expected"), request.get("ConditionalOperator"));
    }

    /**
     * Refuses the write when the condition is false for the current item (null when there is
     * none), with the item when the request asks for it on failure. A failed condition still
     * consumes write capacity, as the service charges it: the existing item's size in write
     * units ({@code existingSize}, 0 when there is none: one unit), on the table alone.
     */
    static void checkCharged(RequestContext context, Table table, Long partition, byte[] storedKey, long existingSize, Condition condition,
                             Map<String, AttributeValue> item, JsonNode request) {
        checkCharged(context, table, partition, storedKey, existingSize, condition, item, request != null && oldItemOnFailure(request));
    }

    /** The same, told whether the request asks for the item on failure ({@code ReturnValuesOnConditionCheckFailure} ALL_OLD). */
    static void checkCharged(RequestContext context, Table table, Long partition, byte[] storedKey, long existingSize, Condition condition,
                             Map<String, AttributeValue> item, boolean oldItemOnFailure) {
        if (condition == null || Evaluator.test(condition, item)) return;
        context.ledger().write(table, new WriteCost(CapacityUnits.writeUnits(existingSize), Map.of(), Map.of()), partition, storedKey);
        throw failed(condition, item, oldItemOnFailure);
    }

    /** Whether a request asks for the item when its condition fails. */
    static boolean oldItemOnFailure(JsonNode request) {
        return "ALL_OLD".equals(request.path("ReturnValuesOnConditionCheckFailure").asText());
    }

    /**
     * The condition members of a write of the plain shape, read from its bytes: a ConditionExpression
     * with its ExpressionAttributeNames and ExpressionAttributeValues (each non-empty, with keys the
     * service takes and plain values), and ReturnValuesOnConditionCheckFailure. The action's reader
     * hands each member to {@link #read} first.
     */
    static final class Plain {
        String expression;
        Map<String, String> names;
        Map<String, AttributeValue> values;
        boolean oldItemOnFailure;

        /** Reads the member when it is one of these; answers whether it was. */
        boolean read(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "ConditionExpression" -> expression = PlainRequests.text(parser);
                case "ExpressionAttributeNames" -> names = PlainRequests.expressionNames(parser, key -> ExpressionAttributes.isValidKey(key, '#'));
                case "ExpressionAttributeValues" -> values = PlainRequests.expressionValues(parser, key -> ExpressionAttributes.isValidKey(key, ':'));
                case "ReturnValuesOnConditionCheckFailure" -> oldItemOnFailure = PlainRequests.oneOf(parser, ON_FAILURE).equals("ALL_OLD");
                default -> {
                    return false;
                }
            }
            return true;
        }

        /** Whether placeholders come with an expression to use them ({@code otherExpression}: the action has one of its own). */
        boolean complete(boolean otherExpression) {
            return otherExpression || expression != null || (names == null && values == null);
        }

        /** The placeholders, for the request's expressions to bind. */
        ExpressionAttributes attributes() {
            return new ExpressionAttributes(names == null ? Map.of() : names, values == null ? Map.of() : values);
        }

        /** The condition bound to {@code attributes}, as {@link Conditions#of} reads it; null without one. */
        Condition condition(ExpressionAttributes attributes) {
            return expression == null ? null : Expressions.condition("ConditionExpression", expression, attributes);
        }
    }

    private static final java.util.Set<String> ON_FAILURE = java.util.Set.of("ALL_OLD", "NONE");

    private static DynamoException failed(Condition condition, Map<String, AttributeValue> item, boolean oldItemOnFailure) {
        ObjectNode extra = null;
        if (item != null && oldItemOnFailure) {
            extra = Json.object();
            extra.set("Item", AttributeValues.writeItem(item));
        }
        return new DynamoException(ErrorCode.CONDITIONAL_CHECK_FAILED, "The conditional request failed",
                Evaluator.explain(condition, item), extra);
    }
}
