package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import java.util.ArrayList;
import java.util.List;

/** Request-level checks shared by the item actions, in the service's words. */
final class ItemRequests {
    private ItemRequests() {}

    static boolean has(JsonNode request, String member) {
        JsonNode node = request.get(member);
        return node != null && !node.isNull();
    }

    /**
     * Legacy and expression parameters cannot be mixed, and expression attribute maps need
     * an expression: {@code legacy} and {@code expressions} name the members in the order
     * the service lists them.
     */
    static void checkParameterStyle(JsonNode request, List<String> legacy, List<String> expressions, String valuesWithoutExpression) {
        checkParameterStyle(request, legacy, expressions, expressions, valuesWithoutExpression);
    }

    /**
     * As above, for a request whose {@code expressions} include some that hold no values (a
     * ProjectionExpression): values want one of {@code valueExpressions}.
     */
    static void checkParameterStyle(JsonNode request, List<String> legacy, List<String> expressions, List<String> valueExpressions,
                                    String valuesWithoutExpression) {
        checkNamesStyle(request, legacy, expressions);
        if (has(request, "ExpressionAttributeValues") && valueExpressions.stream().noneMatch(e -> has(request, e))) {
            throw DynamoException.validation("ExpressionAttributeValues can only be specified when using expressions" + valuesWithoutExpression);
        }
    }

    /**
     * Legacy and expression parameters not mixed, and names only with an expression: the checks of
     * a read of items by key, whose shape has no ExpressionAttributeValues (ignored, as any member
     * the service's model does not have).
     */
    static void checkNamesStyle(JsonNode request, List<String> legacy, List<String> expressions) {
        List<String> expressionGiven = checkNotMixed(request, legacy, expressions);
        if (expressionGiven.isEmpty() && has(request, "ExpressionAttributeNames")) {
            throw DynamoException.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
    }

    /** Refuses legacy and expression parameters of the two lists given together; answers the expression ones given. */
    static List<String> checkNotMixed(JsonNode request, List<String> legacy, List<String> expressions) {
        List<String> legacyGiven = new ArrayList<>();
        for (String member : legacy) if (has(request, member)) legacyGiven.add(member);
        List<String> expressionGiven = new ArrayList<>();
        for (String member : expressions) if (has(request, member)) expressionGiven.add(member);
        if (!legacyGiven.isEmpty() && !expressionGiven.isEmpty()) {
            throw DynamoException.validation("Can not use both expression and non-expression parameters in the same request: "
                    + "Non-expression parameters: {" + String.join(", ", legacyGiven) + "} Expression parameters: {"
                    + String.join(", ", expressionGiven) + "}");
        }
        return expressionGiven;
    }

    /** PutItem and DeleteItem return nothing or the old item. */
    static String returnValuesNoneOrAllOld(JsonNode request) {
        String value = has(request, "ReturnValues") ? request.get("ReturnValues").textValue() : "NONE";
        if (!value.equals("NONE") && !value.equals("ALL_OLD")) {
            throw DynamoException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        return value;
    }
}
