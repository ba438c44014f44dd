package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ServiceTexts;
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
                throw DynamoException.validation(ServiceTexts.CONDITION_ARGUMENT_COUNT);
            }
            conditions.put(field.getKey(), new Condition(operator, operands));
        }
        if (conditions.isEmpty() || conditions.size() > KeyConditions.MAX_TERMS) throw DynamoException.validation(ServiceTexts.KEY_CONDITION_COUNT);
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

    /**
     * The key condition the given conditions make on {@code schema}, the table's or (when
     * {@code index} is not null) that index's.
     */
    static KeyCondition resolve(Map<String, Condition> conditions, KeySchema schema, String index) {
        if (schema.multiAttribute()) return resolveMultiAttribute(conditions, schema, index);
        // a key of one partition and at most one sort attribute takes at most two conditions
        if (conditions.size() > 2) throw DynamoException.validation(ServiceTexts.KEY_CONDITION_COUNT);
        if (!conditions.containsKey(schema.partitionName())) {
            throw DynamoException.validation(ServiceTexts.KEY_CONDITION_MISSED_KEY + schema.partitionName());
        }
        if (conditions.size() > 1 && schema.hasSort() && !conditions.containsKey(schema.sortName())) {
            throw DynamoException.validation(ServiceTexts.KEY_CONDITION_MISSED_KEY + schema.sortName());
        }
        checkIndexable(conditions);
        Condition partition = conditions.get(schema.partitionName());
        if (!partition.operator().equals("EQ") || (!schema.hasSort() && conditions.size() > 1)) {
            throw DynamoException.validation(ServiceTexts.KEY_CONDITION_NOT_SUPPORTED);
        }
        checkType(partition, schema.partitionType());
        checkNotEmpty(index, schema.partitionName(), partition);
        KeyCondition.Sort sort = null;
        Condition sortCondition = schema.hasSort() ? conditions.get(schema.sortName()) : null;
        if (sortCondition != null) {
            checkType(sortCondition, schema.sortType());
            sort = sortCondition(schema.sortName(), schema.sortType(), sortCondition);
            checkNotEmpty(index, schema.sortName(), sortCondition);
        }
        return new KeyCondition(schema.partitionName(), partition.operands().get(0), sort);
    }

    /**
     * The key condition on a multi-attribute (global index) key: an equality on every
     * partition attribute; on the sort attributes, from the first on without a gap,
     * equalities and at most one other condition, on the last one used.
     */
    private static KeyCondition resolveMultiAttribute(Map<String, Condition> conditions, KeySchema schema, String index) {
        checkIndexable(conditions);
        List<KeySchema.Element> partitionElements = schema.partitionElements();
        for (KeySchema.Element e : partitionElements) {
            Condition condition = conditions.get(e.name());
            if (condition == null || !condition.operator().equals("EQ")) {
                throw DynamoException.validation(String.format(ServiceTexts.QUERY_HASH_ATTRIBUTES_NEED_EQUALITY, names(partitionElements)),
                        ServiceTexts.UNRECORDED_WORDING);
            }
        }
        List<KeySchema.Element> sortElements = schema.sortElements();
        int used = 0;
        for (KeySchema.Element e : sortElements) {
            if (!conditions.containsKey(e.name())) break;
            used++;
        }
        // a condition on no key attribute, or on a sort attribute after a gap
        if (partitionElements.size() + used != conditions.size()) {
            if (used < sortElements.size()) {
                for (int i = used + 1; i < sortElements.size(); i++) {
                    if (conditions.containsKey(sortElements.get(i).name())) throw rangeOrder(sortElements);
                }
                throw DynamoException.validation(ServiceTexts.KEY_CONDITION_MISSED_KEY + sortElements.get(used).name());
            }
            throw DynamoException.validation(ServiceTexts.KEY_CONDITION_NOT_SUPPORTED);
        }
        for (int i = 0; i + 1 < used; i++) {
            if (!conditions.get(sortElements.get(i).name()).operator().equals("EQ")) throw rangeOrder(sortElements);
        }
        for (KeySchema.Element e : partitionElements) {
            checkType(conditions.get(e.name()), e.type());
            checkNotEmpty(index, e.name(), conditions.get(e.name()));
        }
        List<KeyCondition.Equality> morePartition = new ArrayList<>();
        for (int i = 1; i < partitionElements.size(); i++) {
            KeySchema.Element e = partitionElements.get(i);
            morePartition.add(new KeyCondition.Equality(e.name(), conditions.get(e.name()).operands().get(0)));
        }
        List<KeyCondition.Equality> sortPrefix = new ArrayList<>();
        KeyCondition.Sort sort = null;
        for (int i = 0; i < used; i++) {
            KeySchema.Element e = sortElements.get(i);
            Condition condition = conditions.get(e.name());
            checkType(condition, e.type());
            if (i + 1 < used) {
                sortPrefix.add(new KeyCondition.Equality(e.name(), condition.operands().get(0)));
            } else {
                sort = sortCondition(e.name(), e.type(), condition);
            }
            checkNotEmpty(index, e.name(), condition);
        }
        KeySchema.Element first = partitionElements.get(0);
        return new KeyCondition(first.name(), conditions.get(first.name()).operands().get(0), sort, morePartition, sortPrefix);
    }

    /** The condition on the sort attribute a key condition narrows by (its operands' types already checked). */
    private static KeyCondition.Sort sortCondition(String name, AttributeValue.Type type, Condition condition) {
        KeyCondition.Operator operator = KeyCondition.Operator.valueOf(condition.operator());
        if (operator == KeyCondition.Operator.BEGINS_WITH && type == AttributeValue.Type.N) {
            throw DynamoException.validation(ServiceTexts.KEY_CONDITION_BEGINS_WITH_NUMBER);
        }
        KeyCondition.Sort sort = new KeyCondition.Sort(name, operator, condition.operands());
        if (operator == KeyCondition.Operator.BETWEEN
                && java.util.Arrays.compareUnsigned(KeyCondition.sortable(sort.operands().get(0)), KeyCondition.sortable(sort.operands().get(1))) > 0) {
            throw DynamoException.validation(ServiceTexts.KEY_CONDITION_BETWEEN_BOUNDS);
        }
        return sort;
    }

    private static void checkIndexable(Map<String, Condition> conditions) {
        for (Condition condition : conditions.values()) {
            if (NOT_INDEXABLE.contains(condition.operator())) throw DynamoException.validation(ServiceTexts.KEY_CONDITION_NOT_INDEXABLE);
        }
    }

    private static DynamoException rangeOrder(List<KeySchema.Element> sortElements) {
        return DynamoException.validation(String.format(ServiceTexts.QUERY_RANGE_ATTRIBUTES_IN_ORDER, names(sortElements)),
                ServiceTexts.UNRECORDED_WORDING);
    }

    private static List<String> names(List<KeySchema.Element> elements) {
        List<String> names = new ArrayList<>(elements.size());
        for (KeySchema.Element e : elements) names.add(e.name());
        return names;
    }

    /** An empty string or binary is refused as a key condition's operand as it is in a key (a BETWEEN's bounds are checked first). */
    private static void checkNotEmpty(String index, String name, Condition condition) {
        for (AttributeValue operand : condition.operands()) ItemKeys.checkNotEmpty(index, name, operand);
    }

    private static void checkType(Condition condition, AttributeValue.Type type) {
        for (AttributeValue operand : condition.operands()) {
            if (operand.type() != type) throw DynamoException.validation(ServiceTexts.KEY_CONDITION_TYPE_MISMATCH);
        }
    }
}
