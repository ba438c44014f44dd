package io.dynabox.engine.store;

import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.Bytes;
import io.dynabox.engine.value.DynamoNumber;
import java.util.Map;

/**
 * An item as DynamoDB JSON text, the {@code item} column of the file: written straight
 * from the values into a buffer the writing thread reuses (the same JSON as
 * {@code AttributeValues.writeItem}; building a JSON tree, or going through a generator
 * and a {@code Writer}, took a good part of a write's time on the file store).
 */
final class ItemJson {
    /** A thread's buffer is kept while it stays this small. */
    private static final int KEPT_CAPACITY = 64 * 1024;
    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(4096));
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ItemJson() {}

    static String write(Map<String, AttributeValue> item) {
        StringBuilder out = BUFFER.get();
        out.setLength(0);
        writeMap(out, item);
        String json = out.toString();
        if (out.capacity() > KEPT_CAPACITY) BUFFER.remove();
        return json;
    }

    private static void writeMap(StringBuilder out, Map<String, AttributeValue> values) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, AttributeValue> e : values.entrySet()) {
            if (!first) out.append(',');
            first = false;
            string(out, e.getKey());
            out.append(':');
            writeValue(out, e.getValue());
        }
        out.append('}');
    }

    private static void writeValue(StringBuilder out, AttributeValue value) {
        switch (value.type()) {
            case S -> string(out.append("{\"S\":"), ((AttributeValue.S) value).value());
            case N -> string(out.append("{\"N\":"), ((AttributeValue.N) value).value().toString());
            case B -> string(out.append("{\"B\":"), ((AttributeValue.B) value).value().base64());
            case BOOL -> out.append("{\"BOOL\":").append(((AttributeValue.BOOL) value).value());
            case NULL -> out.append("{\"NULL\":true");
            case SS -> {
                out.append("{\"SS\":[");
                boolean first = true;
                for (String s : ((AttributeValue.SS) value).values()) {
                    if (!first) out.append(',');
                    first = false;
                    string(out, s);
                }
                out.append(']');
            }
            case NS -> {
                out.append("{\"NS\":[");
                boolean first = true;
                for (DynamoNumber n : ((AttributeValue.NS) value).values()) {
                    if (!first) out.append(',');
                    first = false;
                    string(out, n.toString());
                }
                out.append(']');
            }
            case BS -> {
                out.append("{\"BS\":[");
                boolean first = true;
                for (Bytes b : ((AttributeValue.BS) value).values()) {
                    if (!first) out.append(',');
                    first = false;
                    string(out, b.base64());
                }
                out.append(']');
            }
            case M -> writeMap(out.append("{\"M\":"), ((AttributeValue.M) value).values());
            case L -> {
                out.append("{\"L\":[");
                boolean first = true;
                for (AttributeValue v : ((AttributeValue.L) value).values()) {
                    if (!first) out.append(',');
                    first = false;
                    writeValue(out, v);
                }
                out.append(']');
            }
        }
        out.append('}');
    }

    /**
     * A JSON string, escaped as Jackson escapes it: quotes, backslashes, control characters
     * and surrogates (so a lone one survives the file's UTF-8), everything else as it is.
     */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        int start = 0;
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) continue;
            out.append(s, start, i);
            start = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, start, length).append('"');
    }
}
