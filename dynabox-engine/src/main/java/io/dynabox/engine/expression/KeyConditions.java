package io.dynabox.engine.expression;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ServiceTexts;
import io.dynabox.engine.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Query's KeyConditionExpression: parsed and bound like any condition, then checked for
 * the shape a key condition must have, in the service's words: conditions joined by AND
 * only, each an {@code =}, {@code <}, {@code <=}, {@code >}, {@code >=}, BETWEEN or
 * begins_with of one top-level key attribute and supplied values, at most one per key and
 * at most eight in all (two for any key but a multi-attribute index key's: the Query checks). What remains to check needs the key schema (which attribute is the
 * partition key, types), and is the Query's; the terms come in the legacy
 * {@code KeyConditions} form (operator name and operands) so both forms meet there.
 */
public final class KeyConditions {
    /** The most terms any key takes: four partition and four sort attributes of a multi-attribute index key. */
    public static final int MAX_TERMS = 2 * io.dynabox.engine.table.KeySchema.MAX_ATTRIBUTES_PER_ROLE;

    private KeyConditions() {}

    /** One key attribute's condition: EQ, LT, LE, GT, GE, BETWEEN or BEGINS_WITH, with its operands in order. */
    public record Term(String attribute, String operator, List<AttributeValue> operands) {
        public Term {
            operands = List.copyOf(operands);
        }
    }

    /** The terms by attribute, in the order written. */
    public static Map<String, Term> parse(String text, ExpressionAttributes attributes) {
        Condition condition = Expressions.condition("KeyConditionExpression", text, attributes);
        List<Condition> parts = new ArrayList<>();
        flatten(condition, parts);
        List<Term> terms = new ArrayList<>();
        for (Condition part : parts) terms.add(term(part));
        Map<String, Term> byAttribute = new LinkedHashMap<>();
        for (Term term : terms) {
            if (byAttribute.put(term.attribute(), term) != null) {
                throw DynamoException.validation(ServiceTexts.KEY_CONDITION_ONE_PER_KEY);
            }
        }
        // a multi-attribute index key takes up to eight; the Query checks the count against the key read
        if (byAttribute.size() > MAX_TERMS) throw DynamoException.validation(ServiceTexts.KEY_CONDITION_COUNT);
        return byAttribute;
    }

    /** The conditions joined by AND; any other operator is refused by name. */
    private static void flatten(Condition c, List<Condition> parts) {
        if (c instanceof Condition.And and) {
            flatten(and.left(), parts);
            flatten(and.right(), parts);
            return;
        }
        String refused = null;
        if (c instanceof Condition.Or) refused = "OR";
        else if (c instanceof Condition.Not) refused = "NOT";
        else if (c instanceof Condition.In) refused = "IN";
        else if (c instanceof Condition.Compare compare && compare.comparator() == Condition.Comparator.NE) refused = "<>";
        else if (c instanceof Condition.Function f && !f.name().equals("begins_with")) refused = f.name();
        if (refused != null) throw DynamoException.validation(ServiceTexts.KEY_CONDITION_INVALID_OPERATOR + refused);
        parts.add(c);
    }

    private static Term term(Condition c) {
        List<Operand> operands;
        String operator;
        if (c instanceof Condition.Compare compare) {
            operands = List.of(compare.left(), compare.right());
            operator = compare.comparator().name();
        } else if (c instanceof Condition.Between between) {
            operands = List.of(between.value(), between.low(), between.high());
            operator = "BETWEEN";
        } else {
            operands = ((Condition.Function) c).args();
            operator = "BEGINS_WITH";
        }
        DocumentPath key = null;
        int keyAt = -1;
        for (int i = 0; i < operands.size(); i++) {
            Operand o = operands.get(i);
            if (o instanceof Operand.Call) throw DynamoException.validation(ServiceTexts.KEY_CONDITION_NESTED_OPERATION);
            if (o instanceof Operand.Path path) {
                if (key != null) {
                    throw DynamoException.validation(ServiceTexts.KEY_CONDITION_TWO_ATTRIBUTES);
                }
                key = path.path();
                keyAt = i;
            }
        }
        if (key == null) throw DynamoException.validation(ServiceTexts.KEY_CONDITION_NO_ATTRIBUTE);
        if (key.size() > 1) {
            throw DynamoException.validation(ServiceTexts.KEY_CONDITION_NOT_SCALAR
                    + key.attribute());
        }
        if (keyAt != 0 && !(c instanceof Condition.Compare)) {
            throw DynamoException.validation(String.format(ServiceTexts.KEY_CONDITION_KEY_NOT_FIRST, operator.equals("BETWEEN") ? "BETWEEN" : "begins_with"));
        }
        if (keyAt != 0) operator = flipped(operator); // ':v < sk' is 'sk > :v'
        List<AttributeValue> values = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) if (i != keyAt) values.add(((Operand.Value) operands.get(i)).value());
        return new Term(key.attribute(), operator, values);
    }

    private static String flipped(String operator) {
        return switch (operator) {
            case "LT" -> "GT";
            case "LE" -> "GE";
            case "GT" -> "LT";
            case "GE" -> "LE";
            default -> operator;
        };
    }
}
