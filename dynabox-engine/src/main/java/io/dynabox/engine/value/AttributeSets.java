package io.dynabox.engine.value;

import java.util.LinkedHashSet;
import java.util.Set;

/** Union and difference of two sets of the same type (SS, NS or BS), for ADD and DELETE in both update styles. */
public final class AttributeSets {
    private AttributeSets() {}

    /** The union; both values must be sets of one type. */
    public static AttributeValue union(AttributeValue current, AttributeValue operand) {
        return switch (current.type()) {
            case SS -> new AttributeValue.SS(plus(((AttributeValue.SS) current).values(), ((AttributeValue.SS) operand).values()));
            case NS -> new AttributeValue.NS(plus(((AttributeValue.NS) current).values(), ((AttributeValue.NS) operand).values()));
            case BS -> new AttributeValue.BS(plus(((AttributeValue.BS) current).values(), ((AttributeValue.BS) operand).values()));
            default -> throw new IllegalArgumentException("not a set: " + current.type());
        };
    }

    /** The set less the operand's elements, or null when nothing remains (DynamoDB has no empty sets). */
    public static AttributeValue difference(AttributeValue current, AttributeValue operand) {
        return switch (current.type()) {
            case SS -> {
                Set<String> rest = minus(((AttributeValue.SS) current).values(), ((AttributeValue.SS) operand).values());
                yield rest.isEmpty() ? null : new AttributeValue.SS(rest);
            }
            case NS -> {
                Set<DynamoNumber> rest = minus(((AttributeValue.NS) current).values(), ((AttributeValue.NS) operand).values());
                yield rest.isEmpty() ? null : new AttributeValue.NS(rest);
            }
            case BS -> {
                Set<Bytes> rest = minus(((AttributeValue.BS) current).values(), ((AttributeValue.BS) operand).values());
                yield rest.isEmpty() ? null : new AttributeValue.BS(rest);
            }
            default -> throw new IllegalArgumentException("not a set: " + current.type());
        };
    }

    private static <T> Set<T> plus(Set<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.addAll(b);
        return result;
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.removeAll(b);
        return result;
    }
}
