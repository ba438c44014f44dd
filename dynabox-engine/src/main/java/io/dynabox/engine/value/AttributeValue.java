package io.dynabox.engine.value;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value, by its wire type. Values are immutable; collections handed
 * to the constructors must not be changed afterwards.
 */
public sealed interface AttributeValue {

    /** The wire name of each type: the member name in the JSON protocol. */
    enum Type {
        S, N, B, SS, NS, BS, M, L, BOOL, NULL;

        public boolean isSet() {
            return this == SS || this == NS || this == BS;
        }

        public boolean isScalarKeyType() {
            return this == S || this == N || this == B;
        }
    }

    Type type();

    record S(String value) implements AttributeValue {
        public Type type() { return Type.S; }
    }

    record N(DynamoNumber value) implements AttributeValue {
        public Type type() { return Type.N; }
    }

    record B(Bytes value) implements AttributeValue {
        public Type type() { return Type.B; }
    }

    record SS(Set<String> values) implements AttributeValue {
        public SS { values = Collections.unmodifiableSet(values); }
        public Type type() { return Type.SS; }
    }

    record NS(Set<DynamoNumber> values) implements AttributeValue {
        public NS { values = Collections.unmodifiableSet(values); }
        public Type type() { return Type.NS; }
    }

    record BS(Set<Bytes> values) implements AttributeValue {
        public BS { values = Collections.unmodifiableSet(values); }
        public Type type() { return Type.BS; }
    }

    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public M { values = Collections.unmodifiableMap(values); }
        public Type type() { return Type.M; }
    }

    record L(List<AttributeValue> values) implements AttributeValue {
        public L { values = Collections.unmodifiableList(values); }
        public Type type() { return Type.L; }
    }

    record BOOL(boolean value) implements AttributeValue {
        public static final BOOL TRUE = new BOOL(true);
        public static final BOOL FALSE = new BOOL(false);
        public Type type() { return Type.BOOL; }
    }

    record NULL() implements AttributeValue {
        public static final NULL INSTANCE = new NULL();
        public Type type() { return Type.NULL; }
    }

    static S s(String value) {
        return new S(value);
    }

    static N n(String value) {
        return new N(DynamoNumber.parse(value));
    }

    static N n(long value) {
        return new N(DynamoNumber.of(value));
    }

    static BOOL bool(boolean value) {
        return value ? BOOL.TRUE : BOOL.FALSE;
    }
}
