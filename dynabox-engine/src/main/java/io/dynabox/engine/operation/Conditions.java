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
        if (condition == null || Evaluator.test(condition, item)) return;
        context.ledger().write(table, new WriteCost(CapacityUnits.writeUnits(existingSize), Map.of(), Map.of()), partition, storedKey);
        throw failed(condition, item, request);
    }

    private static DynamoException failed(Condition condition, Map<String, AttributeValue> item, JsonNode request) {
        ObjectNode extra = null;
        if (item != null && "ALL_OLD".equals(request.path("ReturnValuesOnConditionCheckFailure").asText())) {
            extra = Json.object();
            extra.set("Item", AttributeValues.writeItem(item));
        }
        return new DynamoException(ErrorCode.CONDITIONAL_CHECK_FAILED, "The conditional request failed",
                Evaluator.explain(condition, item), extra);
    }
}
