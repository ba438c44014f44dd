package io.dynabox.engine.expression;

import io.dynabox.engine.value.AttributeValue;
import java.nio.charset.StandardCharsets;

/** Comparisons of attribute values as the service makes them, and their rendering in messages. */
public final class Values {
    private Values() {}

    /** S, N and B have an order; other types only equality. */
    public static boolean isOrdered(AttributeValue v) {
        AttributeValue.Type t = v.type();
        return t == AttributeValue.Type.S || t == AttributeValue.Type.N || t == AttributeValue.Type.B;
    }

    /** Order of two values of the same ordered type: numbers by value, strings by UTF-8 bytes, binaries unsigned. */
    public static int compare(AttributeValue a, AttributeValue b) {
        switch (a.type()) {
            case N:
                return ((AttributeValue.N) a).value().compareTo(((AttributeValue.N) b).value());
            case S:
                return compareUtf8(((AttributeValue.S) a).value(), ((AttributeValue.S) b).value());
            case B:
                return ((AttributeValue.B) a).value().compareTo(((AttributeValue.B) b).value());
            default:
                throw new IllegalArgumentException("no order for " + a.type());
        }
    }

    /** UTF-8 byte order is code point order, which is not Java's UTF-16 order for supplementary characters. */
    public static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Equality as conditions see it: same type and same value (sets as sets, numbers by value). */
    public static boolean same(AttributeValue a, AttributeValue b) {
        return a != null && b != null && a.type() == b.type() && a.equals(b);
    }

    /** The value as the service shows it in messages: {@code N:2}, {@code S:abc}. */
    public static String render(AttributeValue v) {
        return v.type() + ":" + text(v);
    }

    /** A short rendering for Dynabox's explanations. */
    public static String text(AttributeValue v) {
        if (v == null) return "absent";
        return switch (v.type()) {
            case S -> ((AttributeValue.S) v).value();
            case N -> ((AttributeValue.N) v).value().toString();
            case B -> ((AttributeValue.B) v).value().base64();
            case BOOL -> String.valueOf(((AttributeValue.BOOL) v).value());
            case NULL -> "null";
            case SS -> ((AttributeValue.SS) v).values().toString();
            case NS -> ((AttributeValue.NS) v).values().toString();
            case BS -> ((AttributeValue.BS) v).values().toString();
            case L -> ((AttributeValue.L) v).values().stream().map(Values::typed).toList().toString();
            case M -> {
                StringBuilder s = new StringBuilder("{");
                ((AttributeValue.M) v).values().forEach((k, x) -> s.append(s.length() > 1 ? ", " : "").append(k).append('=').append(typed(x)));
                yield s.append('}').toString();
            }
        };
    }

    /** {@code {"S":"x"}}-like text used in explanations. */
    public static String typed(AttributeValue v) {
        return v == null ? "absent" : "{" + v.type() + ": " + text(v) + "}";
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
