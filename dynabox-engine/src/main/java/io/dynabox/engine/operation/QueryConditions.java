package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.expression.ExpressionAttributes;
import io.dynabox.engine.expression.KeyConditions;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.AttributeValues;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Query's key conditions, from legacy {@code KeyConditions} ({@link #read}) or from a
 * {@code KeyConditionExpression} ({@link #fromExpression}), each checked as the service checks
 * it before the table is looked up; then matched against the key schema read
 * ({@link #resolve}), in the service's order and words.
 */
final class QueryConditions {
    private static final Set<String> NOT_INDEXABLE = Set.of("NULL", "NOT_NULL", "CONTAINS", "NOT_CONTAINS", "IN", "NE");
    private static final String INVALID = "One or more parameter values were invalid: ";

    private QueryConditions() {}

    /** One condition as given: an operator and its operands. */
    record Condition(String operator, List<AttributeValue> operands) {
    }

    /** The conditions by attribute name, each value checked and each operator given its count of operands. */
    static Map<String, Condition> read(JsonNode keyConditions) {
        Map<String, Condition> conditions = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = keyConditions.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String operator = field.getValue().path("ComparisonOperator").asText();
            List<AttributeValue> operands = new ArrayList<>();
            for (JsonNode value : field.getValue().path("AttributeValueList")) operands.add(AttributeValues.read(value));
            if (!argumentCountFits(operator, operands.size())) {
                throw DynamoException.validation("The attempted filter operation is not supported for the provided filter argument count");
            }
            conditions.put(field.getKey(), new Condition(operator, operands));
        }
        if (conditions.size() != 1 && conditions.size() != 2) {
            throw DynamoException.validation("Conditions can be of length 1 or 2 only");
        }
        return conditions;
    }

    /** The conditions of a KeyConditionExpression, whose shape the expression language has checked. */
    static Map<String, Condition> fromExpression(String text, ExpressionAttributes attributes) {
        Map<String, Condition> conditions = new LinkedHashMap<>();
        KeyConditions.parse(text, attributes).forEach((name, term) -> conditions.put(name, new Condition(term.operator(), term.operands())));
        return conditions;
    }

    static boolean argumentCountFits(String operator, int count) {
        switch (operator) {
            case "NULL": case "NOT_NULL": return count == 0;
            case "IN": return count >= 1;
            case "BETWEEN": return count == 2;
            default: return count == 1;
        }
    }

    /** The key condition the given conditions make on {@code schema}. */
    static KeyCondition resolve(Map<String, Condition> conditions, KeySchema schema) {
        if (!conditions.containsKey(schema.partitionName())) {
            throw DynamoException.validation("Query condition missed key schema element: " + schema.partitionName());
        }
        if (conditions.size() > 1 && schema.hasSort() && !conditions.containsKey(schema.sortName())) {
            throw DynamoException.validation("Query condition missed key schema element: " + schema.sortName());
        }
        for (Condition condition : conditions.values()) {
            if (NOT_INDEXABLE.contains(condition.operator())) {
                throw DynamoException.validation("Attempted conditional constraint is not an indexable operation");
            }
        }
        Condition partition = conditions.get(schema.partitionName());
        if (!partition.operator().equals("EQ") || (!schema.hasSort() && conditions.size() > 1)) {
            throw DynamoException.validation("Query key condition not supported");
        }
        checkType(partition, schema.partitionType());
        KeyCondition.Sort sort = null;
        Condition sortCondition = schema.hasSort() ? conditions.get(schema.sortName()) : null;
        if (sortCondition != null) {
            checkType(sortCondition, schema.sortType());
            KeyCondition.Operator operator = KeyCondition.Operator.valueOf(sortCondition.operator());
            if (operator == KeyCondition.Operator.BEGINS_WITH && schema.sortType() == AttributeValue.Type.N) {
                throw DynamoException.validation(INVALID + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
            }
            sort = new KeyCondition.Sort(schema.sortName(), operator, sortCondition.operands());
            if (operator == KeyCondition.Operator.BETWEEN
                    && java.util.Arrays.compareUnsigned(KeyCondition.sortable(sort.operands().get(0)), KeyCondition.sortable(sort.operands().get(1))) > 0) {
                throw DynamoException.validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
            }
        }
        return new KeyCondition(schema.partitionName(), partition.operands().get(0), sort);
    }

    private static void checkType(Condition condition, AttributeValue.Type type) {
        for (AttributeValue operand : condition.operands()) {
            if (operand.type() != type) throw DynamoException.validation(INVALID + "Condition parameter type does not match schema type");
        }
    }
}
