package io.dynabox.engine.expression;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.AttributeValues;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legacy (pre-expression) parameters, translated into the same trees the expressions
 * give, with their own request-level checks and messages: {@code Expected} with
 * {@code ConditionalOperator}, {@code QueryFilter}, {@code ScanFilter} and
 * {@code KeyConditions} (one ComparisonOperator and AttributeValueList per attribute),
 * {@code AttributesToGet}, and {@code AttributeUpdates} (into an update tree).
 */
public final class Legacy {
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Set<String> ONE_ARGUMENT = Set.of("EQ", "NE", "LE", "LT", "GE", "GT", "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH");
    private static final Set<String> SCALAR_ONLY = Set.of("LE", "LT", "GE", "GT", "CONTAINS", "NOT_CONTAINS", "IN", "BETWEEN");

    private Legacy() {}

    /** {@code Expected} combined by {@code ConditionalOperator}; null when there is neither. */
    public static Condition expected(JsonNode expected, JsonNode conditionalOperator) {
        boolean hasExpected = expected != null && !expected.isNull();
        List<Condition> conditions = new ArrayList<>();
        if (hasExpected) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                conditions.add(expectedEntry(field.getKey(), field.getValue()));
            }
        }
        return combine(conditions, conditionalOperator, "Expected");
    }

    /** A QueryFilter, ScanFilter or KeyConditions map; null when absent. */
    public static Condition filter(JsonNode filter, JsonNode conditionalOperator) {
        List<Condition> conditions = new ArrayList<>();
        if (filter != null && !filter.isNull()) {
            Iterator<Map.Entry<String, JsonNode>> fields = filter.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode spec = field.getValue();
                String operator = spec.path("ComparisonOperator").asText();
                conditions.add(comparison(field.getKey(), operator, values(spec.get("AttributeValueList"))));
            }
        }
        return combine(conditions, conditionalOperator, "Filter");
    }

    private static Condition combine(List<Condition> conditions, JsonNode conditionalOperator, String what) {
        boolean hasOperator = conditionalOperator != null && !conditionalOperator.isNull();
        if (hasOperator && conditions.isEmpty()) {
            throw DynamoException.validation("ConditionalOperator cannot be used without Filter or Expected");
        }
        if (hasOperator && conditions.size() == 1) {
            throw DynamoException.validation("ConditionalOperator can only be used when Filter or Expected has two or more elements");
        }
        if (conditions.isEmpty()) return null;
        boolean or = hasOperator && conditionalOperator.asText().equals("OR");
        Condition result = conditions.get(0);
        for (int i = 1; i < conditions.size(); i++) {
            result = or ? new Condition.Or(result, conditions.get(i)) : new Condition.And(result, conditions.get(i));
        }
        return result;
    }

    private static Condition expectedEntry(String name, JsonNode spec) {
        if (spec.isNull()) throw DynamoException.validation(INVALID + "ExpectedAttributeValue must not be null for Attribute: " + name);
        boolean hasValue = present(spec, "Value");
        boolean hasList = present(spec, "AttributeValueList");
        boolean hasOperator = present(spec, "ComparisonOperator");
        boolean hasExists = present(spec, "Exists");
        if (hasValue && hasList) {
            throw DynamoException.validation(INVALID + "Value and AttributeValueList cannot be used together for Attribute: " + name);
        }
        if (hasOperator) {
            String operator = spec.get("ComparisonOperator").asText();
            if (hasExists) {
                throw DynamoException.validation(INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: " + name);
            }
            if (!hasValue && !hasList && !operator.equals("NULL") && !operator.equals("NOT_NULL")) {
                throw DynamoException.validation(INVALID + "Value or AttributeValueList must be used with ComparisonOperator: "
                        + operator + " for Attribute: " + name);
            }
            List<AttributeValue> values = hasValue ? List.of(AttributeValues.read(spec.get("Value"))) : values(spec.get("AttributeValueList"));
            return comparison(name, operator, values);
        }
        if (hasList) {
            throw DynamoException.validation(INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + name);
        }
        boolean exists = !hasExists || spec.get("Exists").asBoolean();
        if (exists && !hasValue) {
            throw DynamoException.validation(INVALID + "Value must be provided when Exists is " + (hasExists ? "true" : "null")
                    + " for Attribute: " + name);
        }
        if (!exists && hasValue) {
            throw DynamoException.validation(INVALID + "Value cannot be used when Exists is false for Attribute: " + name);
        }
        Operand path = path(name);
        if (!exists) return new Condition.Function("attribute_not_exists", List.of(path));
        return new Condition.Compare(Condition.Comparator.EQ, path, value(AttributeValues.read(spec.get("Value"))));
    }

    private static boolean present(JsonNode spec, String member) {
        JsonNode node = spec.get(member);
        return node != null && !node.isNull();
    }

    private static List<AttributeValue> values(JsonNode list) {
        List<AttributeValue> values = new ArrayList<>();
        if (list != null && !list.isNull()) for (JsonNode v : list) values.add(AttributeValues.read(v));
        return values;
    }

    /** One ComparisonOperator with its arguments, checked for arity and types. */
    static Condition comparison(String name, String operator, List<AttributeValue> args) {
        int n = args.size();
        boolean arity = switch (operator) {
            case "NULL", "NOT_NULL" -> n == 0;
            case "IN" -> n >= 1;
            case "BETWEEN" -> n == 2;
            default -> ONE_ARGUMENT.contains(operator) && n == 1;
        };
        if (!arity) throw DynamoException.validation(INVALID + "Invalid number of argument(s) for the " + operator + " ComparisonOperator");
        for (AttributeValue arg : args) {
            if (arg.type() != args.get(0).type()) {
                throw DynamoException.validation(INVALID + "AttributeValues inside AttributeValueList must be of same type");
            }
        }
        for (AttributeValue arg : args) {
            boolean allowed = operator.equals("BEGINS_WITH") ? arg.type() == AttributeValue.Type.S || arg.type() == AttributeValue.Type.B
                    : !SCALAR_ONLY.contains(operator) || Values.isOrdered(arg);
            if (!allowed) {
                throw DynamoException.validation(INVALID + "ComparisonOperator " + operator + " is not valid for " + arg.type() + " AttributeValue type");
            }
        }
        if (operator.equals("BETWEEN") && Values.compare(args.get(0), args.get(1)) > 0) {
            throw DynamoException.validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
        Operand path = path(name);
        return switch (operator) {
            case "EQ" -> new Condition.Compare(Condition.Comparator.EQ, path, value(args.get(0)));
            case "NE" -> new Condition.Compare(Condition.Comparator.NE, path, value(args.get(0)));
            case "LT" -> new Condition.Compare(Condition.Comparator.LT, path, value(args.get(0)));
            case "LE" -> new Condition.Compare(Condition.Comparator.LE, path, value(args.get(0)));
            case "GT" -> new Condition.Compare(Condition.Comparator.GT, path, value(args.get(0)));
            case "GE" -> new Condition.Compare(Condition.Comparator.GE, path, value(args.get(0)));
            case "NULL" -> new Condition.Function("attribute_not_exists", List.of(path));
            case "NOT_NULL" -> new Condition.Function("attribute_exists", List.of(path));
            case "CONTAINS" -> new Condition.Function("contains", List.of(path, value(args.get(0))));
            // NOT_CONTAINS holds only for a present attribute
            case "NOT_CONTAINS" -> new Condition.And(new Condition.Function("attribute_exists", List.of(path)),
                    new Condition.Not(new Condition.Function("contains", List.of(path, value(args.get(0))))));
            case "BEGINS_WITH" -> new Condition.Function("begins_with", List.of(path, value(args.get(0))));
            case "IN" -> new Condition.In(path, args.stream().map(Legacy::value).toList());
            default -> new Condition.Between(path, value(args.get(0)), value(args.get(1)));
        };
    }

    private static Operand path(String name) {
        return new Operand.Path(DocumentPath.of(name));
    }

    private static Operand value(AttributeValue v) {
        return new Operand.Value(":" + Values.typed(v), v);
    }

    /** AttributesToGet as top-level paths (names are taken literally); duplicates refused. */
    public static List<DocumentPath> attributesToGet(JsonNode list) {
        if (list == null || list.isNull()) return null;
        List<DocumentPath> paths = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonNode name : list) {
            if (!seen.add(name.textValue())) {
                throw DynamoException.validation(INVALID + "Duplicate value in attribute name: " + name.textValue());
            }
            paths.add(DocumentPath.of(name.textValue()));
        }
        return paths;
    }

    /**
     * {@code AttributeUpdates} as the update tree an UpdateExpression gives, so one
     * implementation applies both: PUT is SET, DELETE without a value REMOVE, DELETE of a
     * set DELETE, ADD of a number or set ADD, and ADD of a list (which expressions do not
     * have) {@code SET a = list_append(if_not_exists(a, []), v)}. Null when absent.
     */
    public static UpdateExpression attributeUpdates(JsonNode node) {
        if (node == null || node.isNull()) return null;
        List<UpdateExpression.Action> actions = new ArrayList<>();
        List<UpdateExpression.Clause> clauses = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
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
            DocumentPath path = DocumentPath.of(name);
            UpdateExpression.Action translated = switch (action) {
                case "PUT" -> new UpdateExpression.Action(UpdateExpression.Clause.SET, path, value(value));
                case "DELETE" -> value == null ? new UpdateExpression.Action(UpdateExpression.Clause.REMOVE, path, null)
                        : new UpdateExpression.Action(UpdateExpression.Clause.DELETE, path, value(value));
                default -> value.type() == AttributeValue.Type.L
                        ? new UpdateExpression.Action(UpdateExpression.Clause.SET, path, new Operand.Call("list_append", List.of(
                                new Operand.Call("if_not_exists", List.of(path(name), value(new AttributeValue.L(List.of())))), value(value))))
                        : new UpdateExpression.Action(UpdateExpression.Clause.ADD, path, value(value));
            };
            actions.add(translated);
            if (!clauses.contains(translated.clause())) clauses.add(translated.clause());
        }
        return new UpdateExpression(actions, clauses, true);
    }
}
