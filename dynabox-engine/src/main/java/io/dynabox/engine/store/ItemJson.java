package io.dynabox.engine.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.Bytes;
import io.dynabox.engine.value.DynamoNumber;
import io.dynabox.engine.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An item as DynamoDB JSON in UTF-8: the form every store keeps an item in (one array
 * instead of a map of value objects, which the garbage collector copied object by object
 * and was a good part of a write's cost), the {@code item} column of the file, and what a
 * read answers with as it is. Written straight from the values into a buffer the writing
 * thread reuses (the same JSON as {@code AttributeValues.writeItem}); read back with a
 * streaming parser, trusting the form it was written in.
 */
public final class ItemJson {
    /** A thread's buffer is kept while it stays this small. */
    private static final int KEPT_CAPACITY = 64 * 1024;
    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(4096));
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ItemJson() {}

    /** The item's JSON; every character outside ASCII is in the BMP or escaped, so its UTF-8 is lossless. */
    public static byte[] encode(Map<String, AttributeValue> item) {
        StringBuilder out = BUFFER.get();
        out.setLength(0);
        writeMap(out, item);
        byte[] json = out.toString().getBytes(StandardCharsets.UTF_8);
        if (out.capacity() > KEPT_CAPACITY) BUFFER.remove();
        return json;
    }

    /** The item an {@link #encode} wrote; a new map each time, which the caller may keep. */
    public static Map<String, AttributeValue> decode(byte[] json) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("an item is a JSON object");
            return readMap(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The members of an object whose start the parser is at, up to its end. */
    private static Map<String, AttributeValue> readMap(JsonParser parser) throws IOException {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            values.put(name, readValue(parser));
        }
        return values;
    }

    /**
     * Only the named top-level attributes of an item (its key attributes), in the order named;
     * the others are skipped without being decoded.
     */
    public static Map<String, AttributeValue> attributes(byte[] json, String first, String second) {
        Map<String, AttributeValue> found = new LinkedHashMap<>(4);
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("an item is a JSON object");
            AttributeValue a = null;
            AttributeValue b = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals(first)) a = readValue(parser);
                else if (name.equals(second)) b = readValue(parser);
                else parser.skipChildren();
                if (a != null && (second == null || b != null)) break; // the rest of the item is not read
            }
            if (a != null) found.put(first, a);
            if (b != null) found.put(second, b);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One value, {"TYPE": ...}, from its start to its end. */
    private static AttributeValue readValue(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME) {
            throw new IllegalArgumentException("an attribute value is an object with one member");
        }
        String type = parser.currentName();
        parser.nextToken();
        AttributeValue value = switch (type) {
            case "S" -> AttributeValue.s(parser.getText());
            case "N" -> new AttributeValue.N(DynamoNumber.parse(parser.getText()));
            case "B" -> new AttributeValue.B(Bytes.wrap(Base64.getDecoder().decode(parser.getText())));
            case "BOOL" -> AttributeValue.bool(parser.getBooleanValue());
            case "NULL" -> AttributeValue.NULL.INSTANCE;
            case "SS" -> {
                Set<String> set = new LinkedHashSet<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) set.add(parser.getText());
                yield new AttributeValue.SS(set);
            }
            case "NS" -> {
                Set<DynamoNumber> set = new LinkedHashSet<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) set.add(DynamoNumber.parse(parser.getText()));
                yield new AttributeValue.NS(set);
            }
            case "BS" -> {
                Set<Bytes> set = new LinkedHashSet<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) set.add(Bytes.wrap(Base64.getDecoder().decode(parser.getText())));
                yield new AttributeValue.BS(set);
            }
            case "M" -> new AttributeValue.M(readMap(parser));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                while (parser.nextToken() == JsonToken.START_OBJECT) list.add(readValue(parser));
                yield new AttributeValue.L(list);
            }
            default -> throw new IllegalArgumentException("unknown attribute value type " + type);
        };
        if (parser.nextToken() != JsonToken.END_OBJECT) throw new IllegalArgumentException("an attribute value has one member");
        return value;
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
        int length = s.length();
        int start = 0;
        while (start < length && needsNoEscape(s.charAt(start))) start++;
        if (start == length) { // the usual case, appended whole: a range of a String is appended char by char
            out.append(s).append('"');
            return;
        }
        out.append(s, 0, start);
        for (int i = start; i < length; i++) {
            char c = s.charAt(i);
            if (needsNoEscape(c)) continue;
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

    private static boolean needsNoEscape(char c) {
        return c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c);
    }
}
