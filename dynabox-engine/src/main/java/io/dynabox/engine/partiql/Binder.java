package io.dynabox.engine.partiql;

import io.dynabox.engine.error.ServiceTexts;
import io.dynabox.engine.expression.Condition;
import io.dynabox.engine.expression.DocumentPath;
import io.dynabox.engine.expression.Operand;
import io.dynabox.engine.expression.UpdateExpression;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.Bytes;
import io.dynabox.engine.value.DynamoNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a parsed statement's expressions to one request's parameters, into the trees the
 * item actions evaluate: {@link Condition}s (WHERE), {@link UpdateExpression} actions
 * (SET and REMOVE) and attribute values (document literals). So a PartiQL condition or
 * update is evaluated by the same {@code Evaluator} and {@code Updater} as an expression.
 */
public final class Binder {
    private static final Map<String, Integer> ARITY = Map.of("begins_with", 2, "contains", 2, "attribute_type", 2,
            "size", 1, "list_append", 2, "set_add", 2, "set_delete", 2);
    private static final Set<String> TYPE_NAMES = Set.of("N", "BS", "L", "B", "NULL", "M", "S", "SS", "NS", "BOOL");

    /** The service's limit on IN's list, as in expressions (docs: at most 100 values, 50 of them partition keys). */
    private static final int MAX_IN_OPERANDS = 100;

    private final List<AttributeValue> parameters;

    private Binder(List<AttributeValue> parameters) {
        this.parameters = parameters;
    }

    /**
     * A binder for a statement and its request's parameters: at least as many as the statement
     * has {@code ?} (DynamoDB Local ignores any more, and so does Dynabox).
     */
    public static Binder of(Statement statement, List<AttributeValue> parameters) {
        if (statement.parameters() > parameters.size()) {
            throw new PartiqlError("Number of parameters in request and statement don't match.",
                    "the statement has " + statement.parameters() + " '?' and the request gave " + parameters.size() + " Parameters");
        }
        return new Binder(parameters);
    }

    /** A WHERE clause as a condition. */
    public Condition condition(Expr e) {
        if (e instanceof Expr.And and) return new Condition.And(condition(and.left()), condition(and.right()));
        if (e instanceof Expr.Or or) return new Condition.Or(condition(or.left()), condition(or.right()));
        if (e instanceof Expr.Not not) return new Condition.Not(condition(not.operand()));
        if (e instanceof Expr.Compare compare) {
            Condition.Compare bound = new Condition.Compare(compare.comparator(), operand(compare.left()), operand(compare.right()));
            if (compare.comparator() != Condition.Comparator.EQ && compare.comparator() != Condition.Comparator.NE) {
                ordered(compare.comparator().symbol, bound.left(), bound.right());
            }
            return bound;
        }
        if (e instanceof Expr.Between between) {
            Condition.Between bound = new Condition.Between(operand(between.value()), operand(between.low()), operand(between.high()));
            ordered("BETWEEN", bound.value(), bound.low(), bound.high());
            return bound;
        }
        if (e instanceof Expr.In in) {
            if (in.candidates().size() > MAX_IN_OPERANDS) {
                throw new PartiqlError(String.format(ServiceTexts.IN_TOO_MANY_OPERANDS, in.candidates().size()), null);
            }
            List<Operand> candidates = new ArrayList<>();
            for (Expr candidate : in.candidates()) candidates.add(operand(candidate));
            return new Condition.In(operand(in.value()), candidates);
        }
        if (e instanceof Expr.IsMissing missing) {
            Condition exists = new Condition.Function("attribute_exists", List.of(operand(missing.value())));
            return missing.negated() ? exists : new Condition.Function("attribute_not_exists", List.of(operand(missing.value())));
        }
        if (e instanceof Expr.IsNull isNull) {
            Condition isNullType = new Condition.Function("attribute_type",
                    List.of(operand(isNull.value()), new Operand.Value("'NULL'", new AttributeValue.S("NULL"))));
            return isNull.negated() ? new Condition.Not(isNullType) : isNullType;
        }
        if (e instanceof Expr.Call call) {
            checkFunction(call);
            switch (call.function()) {
                case "begins_with" -> {
                    List<Operand> args = operands(call.args());
                    prefixable(args);
                    return new Condition.Function("begins_with", args);
                }
                case "contains" -> {
                    return new Condition.Function(call.function(), operands(call.args()));
                }
                case "attribute_type" -> {
                    List<Operand> args = operands(call.args());
                    if (args.get(1) instanceof Operand.Value v && v.value() instanceof AttributeValue.S s && !TYPE_NAMES.contains(s.value())) {
                        throw new PartiqlError("Invalid attribute type name found; type: " + s.value()
                                + ", valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}", null);
                    }
                    return new Condition.Function("attribute_type", args);
                }
                default -> throw new PartiqlError("Unsupported function in Condition Expression. Function: " + call.function(),
                        call.function() + " gives a value, not true or false; compare it with something");
            }
        }
        throw new PartiqlError("Unsupported expression in WHERE clause", "a WHERE clause is made of comparisons, functions, AND, OR and NOT; "
                + "it found a value standing alone");
    }

    /**
     * An ordering comparison refuses a value of a type that has no order (only strings, numbers
     * and binaries have one), whatever the other side: the service checks the operand alone.
     */
    private static void ordered(String operator, Operand... operands) {
        literalsOf(operator, Set.of(AttributeValue.Type.S, AttributeValue.Type.N, AttributeValue.Type.B), List.of(operands));
    }

    /** begins_with takes strings and binaries: a literal of another type is refused, as by the service's expressions. */
    private static void prefixable(List<Operand> operands) {
        literalsOf("begins_with", Set.of(AttributeValue.Type.S, AttributeValue.Type.B), operands);
    }

    /** Refuses the first literal among {@code operands} whose type is not one of {@code types}, in the service's words. */
    private static void literalsOf(String operator, Set<AttributeValue.Type> types, List<Operand> operands) {
        for (Operand operand : operands) {
            if (operand instanceof Operand.Value v && !types.contains(v.value().type())) {
                throw new PartiqlError(String.format(ServiceTexts.PARTIQL_UNORDERED_OPERAND, operator, v.value().type()), null);
            }
        }
    }

    private List<Operand> operands(List<Expr> args) {
        List<Operand> operands = new ArrayList<>();
        for (Expr arg : args) operands.add(operand(arg));
        return operands;
    }

    /** An operand of a comparison or function: a path, a value, or size(…). */
    public Operand operand(Expr e) {
        if (e instanceof Expr.Path path) return new Operand.Path(path.path());
        if (e instanceof Expr.Call call) {
            checkFunction(call);
            if (!call.function().equals("size")) {
                throw new PartiqlError("Unsupported function in Condition Expression. Function: " + call.function(),
                        call.function() + " gives true or false and cannot be compared");
            }
            return new Operand.Call("size", operands(call.args()));
        }
        if (e instanceof Expr.Arithmetic arithmetic) {
            throw new PartiqlError("Unsupported operator in Condition Expression. Operator: " + arithmetic.operator(),
                    "arithmetic is allowed only in an UPDATE's SET");
        }
        if (e instanceof Expr.Compare || e instanceof Expr.And || e instanceof Expr.Or || e instanceof Expr.Not
                || e instanceof Expr.Between || e instanceof Expr.In || e instanceof Expr.IsMissing || e instanceof Expr.IsNull) {
            throw new PartiqlError("Unsupported expression in WHERE clause", "a condition cannot be used as a value");
        }
        return new Operand.Value("?", value(e));
    }

    private static void checkFunction(Expr.Call call) {
        Integer arity = ARITY.get(call.function());
        if (arity == null) throw new PartiqlError("Unrecognized function: " + call.function(), null);
        if (arity != call.args().size()) {
            throw new PartiqlError("Incorrect number of operands for operator or function; operator or function: " + call.function()
                    + ", number of operands: " + call.args().size(), null);
        }
    }

    /** One SET or REMOVE as the update action it is; {@code set_add} and {@code set_delete} are ADD and DELETE of a set. */
    public UpdateExpression.Action action(Statement.Assignment assignment) {
        DocumentPath path = assignment.path();
        Expr value = assignment.value();
        if (value == null) return new UpdateExpression.Action(UpdateExpression.Clause.REMOVE, path, null);
        if (value instanceof Expr.Call call && (call.function().equals("set_add") || call.function().equals("set_delete"))) {
            checkFunction(call);
            String upper = call.function().toUpperCase();
            if (!(call.args().get(0) instanceof Expr.Path first) || !first.path().equals(path)) {
                throw new PartiqlError("The first argument to " + upper + " must equal the assignment value", null);
            }
            AttributeValue set = value(call.args().get(1));
            if (!set.type().isSet()) {
                throw new PartiqlError("Incorrect operand type for operator or function; operator or function: " + upper
                        + ", operand type: " + set.type(), null);
            }
            UpdateExpression.Clause clause = call.function().equals("set_add") ? UpdateExpression.Clause.ADD : UpdateExpression.Clause.DELETE;
            return new UpdateExpression.Action(clause, path, new Operand.Value("?", set));
        }
        return new UpdateExpression.Action(UpdateExpression.Clause.SET, path, setValue(value));
    }

    private Operand setValue(Expr e) {
        if (e instanceof Expr.Arithmetic arithmetic) {
            return new Operand.Arithmetic(arithmetic.operator(), setValue(arithmetic.left()), setValue(arithmetic.right()));
        }
        if (e instanceof Expr.Path path) return new Operand.Path(path.path());
        if (e instanceof Expr.Call call) {
            checkFunction(call);
            if (!call.function().equals("list_append")) {
                throw new PartiqlError("Unsupported function in SET clause. Function: " + call.function(),
                        "a SET value may use list_append, set_add and set_delete");
            }
            return new Operand.Call("list_append", List.of(setValue(call.args().get(0)), setValue(call.args().get(1))));
        }
        return new Operand.Value("?", value(e));
    }

    /** A literal, parameter or document as an attribute value. */
    public AttributeValue value(Expr e) {
        if (e instanceof Expr.Literal literal) return literal.value();
        if (e instanceof Expr.Parameter parameter) return parameters.get(parameter.index());
        if (e instanceof Expr.ListLiteral list) {
            List<AttributeValue> values = new ArrayList<>();
            for (Expr element : list.elements()) values.add(value(element));
            return new AttributeValue.L(values);
        }
        if (e instanceof Expr.MapLiteral map) {
            Map<String, AttributeValue> values = new LinkedHashMap<>();
            map.entries().forEach((key, element) -> values.put(key, value(element)));
            return new AttributeValue.M(values);
        }
        if (e instanceof Expr.SetLiteral set) return set(set);
        throw new PartiqlError("Unsupported expression in a value", "a document literal holds only values and '?' parameters");
    }

    private AttributeValue set(Expr.SetLiteral set) {
        List<AttributeValue> elements = new ArrayList<>();
        for (Expr element : set.elements()) elements.add(value(element));
        AttributeValue.Type type = elements.get(0).type();
        for (AttributeValue element : elements) {
            if (element.type() != type || !type.isScalarKeyType()) {
                throw new PartiqlError("Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags", 
                        "every element of one <<set>> is a string, or every one a number, or every one a binary parameter");
            }
        }
        int size = elements.size();
        switch (type) {
            case S -> {
                Set<String> values = new LinkedHashSet<>();
                for (AttributeValue v : elements) values.add(((AttributeValue.S) v).value());
                if (values.size() < size) throw duplicates();
                return new AttributeValue.SS(values);
            }
            case N -> {
                Set<DynamoNumber> values = new LinkedHashSet<>();
                for (AttributeValue v : elements) values.add(((AttributeValue.N) v).value());
                if (values.size() < size) throw duplicates();
                return new AttributeValue.NS(values);
            }
            default -> {
                Set<Bytes> values = new LinkedHashSet<>();
                for (AttributeValue v : elements) values.add(((AttributeValue.B) v).value());
                if (values.size() < size) throw duplicates();
                return new AttributeValue.BS(values);
            }
        }
    }

    private static PartiqlError duplicates() {
        return new PartiqlError("Input collection contains duplicates", "a set holds each value once");
    }
}
