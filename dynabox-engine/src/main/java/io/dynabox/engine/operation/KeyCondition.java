package io.dynabox.engine.operation;

import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.KeyCodec;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * A Query's key condition once checked against the key schema it reads: equality on the
 * partition key and at most one condition on the sort key. Legacy {@code KeyConditions}
 * and {@code KeyConditionExpression} both come down to this, and it turns into one range
 * of the keyspace, so a Query reads only the items it may return.
 *
 * <p>On a multi-attribute index key, {@code morePartition} holds the equalities on the other
 * partition attributes and {@code sortPrefix} the equalities on the leading sort attributes
 * (in schema order); {@code sort}, if any, is on the sort attribute after them. Both lists
 * are empty for every other key, so that path is the one it always was.
 */
public record KeyCondition(String partitionName, AttributeValue partition, Sort sort,
                           List<Equality> morePartition, List<Equality> sortPrefix) {

    /** An equality on one key attribute. */
    public record Equality(String name, AttributeValue value) {
    }

    public KeyCondition {
        morePartition = List.copyOf(morePartition);
        sortPrefix = List.copyOf(sortPrefix);
    }

    public KeyCondition(String partitionName, AttributeValue partition, Sort sort) {
        this(partitionName, partition, sort, List.of(), List.of());
    }

    /** The partition attributes' values, in schema order. */
    public List<AttributeValue> partitionValues() {
        List<AttributeValue> values = new java.util.ArrayList<>(1 + morePartition.size());
        values.add(partition);
        for (Equality e : morePartition) values.add(e.value());
        return values;
    }

    /** The sort key operators a key condition allows. */
    public enum Operator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** A condition on the sort key: one operand, or two for BETWEEN. */
    public record Sort(String name, Operator operator, List<AttributeValue> operands) {
        public Sort {
            operands = List.copyOf(operands);
        }

        /** Whether a sort key value satisfies the condition. */
        public boolean matches(AttributeValue value) {
            byte[] v = sortable(value);
            switch (operator) {
                case EQ: return compare(v, 0) == 0;
                case LT: return compare(v, 0) < 0;
                case LE: return compare(v, 0) <= 0;
                case GT: return compare(v, 0) > 0;
                case GE: return compare(v, 0) >= 0;
                case BETWEEN: return compare(v, 0) >= 0 && compare(v, 1) <= 0;
                case BEGINS_WITH: return startsWith(v, KeyCodec.sortablePrefix(operands.get(0)));
                default: throw new IllegalStateException(operator.name());
            }
        }

        private int compare(byte[] value, int operand) {
            return Arrays.compareUnsigned(value, sortable(operands.get(operand)));
        }
    }

    /** Key bounds inside a partition's prefix: {@code from} inclusive, {@code to} exclusive; null is the prefix's end. */
    public record Bounds(byte[] from, byte[] to) {
    }

    /**
     * The bounds of the stored keys that satisfy the condition, given the encoded partition
     * prefix. Sort values encode self-delimited and in order, so anything stored after the
     * sort value (an index's table key) stays inside the bounds of that value.
     */
    public Bounds bounds(byte[] partitionPrefix) {
        for (Equality e : sortPrefix) partitionPrefix = concat(partitionPrefix, sortable(e.value()));
        byte[] end = KeyCodec.successorOfPrefix(partitionPrefix);
        if (sort == null) return new Bounds(partitionPrefix, end);
        List<AttributeValue> operands = sort.operands();
        switch (sort.operator()) {
            case EQ: {
                byte[] at = concat(partitionPrefix, sortable(operands.get(0)));
                return new Bounds(at, KeyCodec.successorOfPrefix(at));
            }
            case LT: return new Bounds(partitionPrefix, concat(partitionPrefix, sortable(operands.get(0))));
            case LE: return new Bounds(partitionPrefix, KeyCodec.successorOfPrefix(concat(partitionPrefix, sortable(operands.get(0)))));
            case GT: return new Bounds(KeyCodec.successorOfPrefix(concat(partitionPrefix, sortable(operands.get(0)))), end);
            case GE: return new Bounds(concat(partitionPrefix, sortable(operands.get(0))), end);
            case BETWEEN: return new Bounds(concat(partitionPrefix, sortable(operands.get(0))),
                    KeyCodec.successorOfPrefix(concat(partitionPrefix, sortable(operands.get(1)))));
            case BEGINS_WITH: {
                byte[] prefix = concat(partitionPrefix, KeyCodec.sortablePrefix(operands.get(0)));
                return new Bounds(prefix, KeyCodec.successorOfPrefix(prefix));
            }
            default: throw new IllegalStateException(sort.operator().name());
        }
    }

    /** The sortable encoding of a key value: unsigned byte order is DynamoDB's order. */
    static byte[] sortable(AttributeValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        KeyCodec.writeSortable(out, value);
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
