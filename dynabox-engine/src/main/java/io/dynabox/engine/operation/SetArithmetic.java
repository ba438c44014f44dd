package io.dynabox.engine.operation;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.DynamoNumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** ADD and DELETE on existing values: number sums, set unions and differences, list appends. */
final class SetArithmetic {
    private SetArithmetic() {}

    static AttributeValue add(AttributeValue current, AttributeValue operand) {
        if (current.type() != operand.type()) throw typeMismatch();
        return switch (current.type()) {
            case N -> {
                try {
                    yield new AttributeValue.N(((AttributeValue.N) current).value().add(((AttributeValue.N) operand).value()));
                } catch (DynamoNumber.InvalidNumberException e) {
                    throw DynamoException.validation(e.getMessage());
                }
            }
            case SS -> new AttributeValue.SS(union(((AttributeValue.SS) current).values(), ((AttributeValue.SS) operand).values()));
            case NS -> new AttributeValue.NS(union(((AttributeValue.NS) current).values(), ((AttributeValue.NS) operand).values()));
            case BS -> new AttributeValue.BS(union(((AttributeValue.BS) current).values(), ((AttributeValue.BS) operand).values()));
            case L -> {
                List<AttributeValue> joined = new ArrayList<>(((AttributeValue.L) current).values());
                joined.addAll(((AttributeValue.L) operand).values());
                yield new AttributeValue.L(joined);
            }
            default -> throw typeMismatch();
        };
    }

    /** The set less the operand's elements, or null when nothing remains. */
    static AttributeValue difference(AttributeValue current, AttributeValue operand) {
        if (current.type() != operand.type()) throw typeMismatch();
        return switch (current.type()) {
            case SS -> nonEmpty(minus(((AttributeValue.SS) current).values(), ((AttributeValue.SS) operand).values()), AttributeValue.SS::new);
            case NS -> nonEmpty(minus(((AttributeValue.NS) current).values(), ((AttributeValue.NS) operand).values()), AttributeValue.NS::new);
            case BS -> nonEmpty(minus(((AttributeValue.BS) current).values(), ((AttributeValue.BS) operand).values()), AttributeValue.BS::new);
            default -> throw typeMismatch();
        };
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.addAll(b);
        return result;
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static <T> AttributeValue nonEmpty(Set<T> values, java.util.function.Function<Set<T>, AttributeValue> make) {
        return values.isEmpty() ? null : make.apply(values);
    }

    private static DynamoException typeMismatch() {
        return DynamoException.validation("Type mismatch for attribute to update");
    }
}
