package io.dynabox.engine.operation;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.value.AttributeSets;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.DynamoNumber;
import java.util.ArrayList;
import java.util.List;

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
            case SS, NS, BS -> AttributeSets.union(current, operand);
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
            case SS, NS, BS -> AttributeSets.difference(current, operand);
            default -> throw typeMismatch();
        };
    }

    private static DynamoException typeMismatch() {
        return DynamoException.validation("Type mismatch for attribute to update");
    }
}
