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
import java.util.Arrays;
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
 * read answers with as it is. Written straight from the values as UTF-8 into a buffer the
 * writing thread reuses (the same JSON as {@code AttributeValues.writeItem}; no String in
 * between, which cost a PutItem two more copies of its item); read back with a streaming
 * parser, trusting the form it was written in.
 */
public final class ItemJson {
    /** A thread's buffer is kept while it stays this small. */
    private static final int KEPT_CAPACITY = 64 * 1024;
    private static final ThreadLocal<Out> BUFFER = ThreadLocal.withInitial(Out::new);
    private static final byte[] HEX = ascii("0123456789ABCDEF");
    private static final byte[] OPEN_S = ascii("{\"S\":");
    private static final byte[] OPEN_N = ascii("{\"N\":");
    private static final byte[] OPEN_B = ascii("{\"B\":");
    private static final byte[] OPEN_BOOL_TRUE = ascii("{\"BOOL\":true");
    private static final byte[] OPEN_BOOL_FALSE = ascii("{\"BOOL\":false");
    private static final byte[] OPEN_NULL = ascii("{\"NULL\":true");
    private static final byte[] OPEN_SS = ascii("{\"SS\":[");
    private static final byte[] OPEN_NS = ascii("{\"NS\":[");
    private static final byte[] OPEN_BS = ascii("{\"BS\":[");
    private static final byte[] OPEN_M = ascii("{\"M\":");
    private static final byte[] OPEN_L = ascii("{\"L\":[");

    private ItemJson() {}

    /** The item's JSON; every character outside ASCII is in the BMP or escaped, so its UTF-8 is lossless. */
    public static byte[] encode(Map<String, AttributeValue> item) {
        Out out = BUFFER.get();
        out.size = 0;
        writeMap(out, item);
        byte[] json = Arrays.copyOf(out.bytes, out.size);
        if (out.bytes.length > KEPT_CAPACITY) BUFFER.remove();
        return json;
    }

    /**
     * An item's stored form written attribute by attribute, as a reader goes through a request's
     * item (see {@code PlainRequests.newItem}): the bytes {@link #encode} writes from the same
     * values, except that a string value whose UTF-8 needs no escape is copied from the request
     * as it is, never decoded. Uses the thread's buffer: one writer at a time on a thread.
     */
    public static final class Writer {
        private final Out out = BUFFER.get();
        private boolean first = true;

        public Writer() {
            out.size = 0;
            out.append('{');
        }

        /** An attribute whose value is {@code value}. */
        public void attribute(String name, AttributeValue value) {
            name(name);
            writeValue(out, value);
        }

        /**
         * An attribute whose value is the string {@code utf8[from, to)}: UTF-8 of characters in
         * the Basic Multilingual Plane, none of them a surrogate, a quote, a backslash or a control character.
         */
        public void plainString(String name, byte[] utf8, int from, int to) {
            name(name);
            out.append(OPEN_S);
            out.reserve(to - from + 2);
            out.bytes[out.size++] = '"';
            System.arraycopy(utf8, from, out.bytes, out.size, to - from);
            out.size += to - from;
            out.append('"').append('}');
        }

        private void name(String name) {
            if (!first) out.append(',');
            first = false;
            string(out, name);
            out.append(':');
        }

        /** The item's stored form; the writer is done. */
        public byte[] finish() {
            out.append('}');
            byte[] json = Arrays.copyOf(out.bytes, out.size);
            if (out.bytes.length > KEPT_CAPACITY) BUFFER.remove();
            return json;
        }
    }

    /** The item an {@link #encode} wrote; a new map each time, which the caller may keep. */
    public static Map<String, AttributeValue> decode(byte[] json) {
        return decode(json, 0, json.length);
    }

    /** The same, of bytes [offset, offset + length) of the array. */
    public static Map<String, AttributeValue> decode(byte[] json, int offset, int length) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(json, offset, length)) {
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
        return attributes(json, 0, json.length, first, second);
    }

    /** The same, of bytes [offset, offset + length) of the array. */
    public static Map<String, AttributeValue> attributes(byte[] json, int offset, int length, String first, String second) {
        Map<String, AttributeValue> found = new LinkedHashMap<>(4);
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(json, offset, length)) {
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

    private static void writeMap(Out out, Map<String, AttributeValue> values) {
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

    private static void writeValue(Out out, AttributeValue value) {
        switch (value.type()) {
            case S -> string(out.append(OPEN_S), ((AttributeValue.S) value).value());
            case N -> string(out.append(OPEN_N), ((AttributeValue.N) value).value().toString());
            case B -> string(out.append(OPEN_B), ((AttributeValue.B) value).value().base64());
            case BOOL -> out.append(((AttributeValue.BOOL) value).value() ? OPEN_BOOL_TRUE : OPEN_BOOL_FALSE);
            case NULL -> out.append(OPEN_NULL);
            case SS -> {
                out.append(OPEN_SS);
                boolean first = true;
                for (String s : ((AttributeValue.SS) value).values()) {
                    if (!first) out.append(',');
                    first = false;
                    string(out, s);
                }
                out.append(']');
            }
            case NS -> {
                out.append(OPEN_NS);
                boolean first = true;
                for (DynamoNumber n : ((AttributeValue.NS) value).values()) {
                    if (!first) out.append(',');
                    first = false;
                    string(out, n.toString());
                }
                out.append(']');
            }
            case BS -> {
                out.append(OPEN_BS);
                boolean first = true;
                for (Bytes b : ((AttributeValue.BS) value).values()) {
                    if (!first) out.append(',');
                    first = false;
                    string(out, b.base64());
                }
                out.append(']');
            }
            case M -> writeMap(out.append(OPEN_M), ((AttributeValue.M) value).values());
            case L -> {
                out.append(OPEN_L);
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
     * A JSON string in UTF-8, escaped as Jackson escapes it: quotes, backslashes, control
     * characters and surrogates (so a lone one survives the file's UTF-8), everything else as
     * it is. The usual string, ASCII that needs no escape, is copied whole once it is checked.
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) keeps each char's low byte: exact for ASCII
    private static void string(Out out, String s) {
        int length = s.length();
        int plain = 0;
        while (plain < length && isPlainAscii(s.charAt(plain))) plain++;
        out.reserve(plain + 2);
        out.bytes[out.size++] = '"';
        s.getBytes(0, plain, out.bytes, out.size);
        out.size += plain;
        if (plain < length) rest(out, s, plain);
        out.append('"');
    }

    private static boolean isPlainAscii(char c) {
        return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
    }

    /** The rest of a string from its first character that is not plain ASCII. */
    private static void rest(Out out, String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!needsNoEscape(c)) {
                switch (c) {
                    case '"' -> out.append('\\').append('"');
                    case '\\' -> out.append('\\').append('\\');
                    case '\n' -> out.append('\\').append('n');
                    case '\r' -> out.append('\\').append('r');
                    case '\t' -> out.append('\\').append('t');
                    case '\b' -> out.append('\\').append('b');
                    case '\f' -> out.append('\\').append('f');
                    default -> out.append('\\').append('u').append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
                            .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                }
            } else if (c < 0x80) {
                out.append(c);
            } else if (c < 0x800) { // two bytes of UTF-8; surrogates are escaped above, so never four
                out.append(0xC0 | c >> 6).append(0x80 | c & 0x3F);
            } else {
                out.append(0xE0 | c >> 12).append(0x80 | c >> 6 & 0x3F).append(0x80 | c & 0x3F);
            }
        }
    }

    private static boolean needsNoEscape(char c) {
        return c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The bytes written so far, in an array that grows as needed. */
    private static final class Out {
        byte[] bytes = new byte[4096];
        int size;

        void reserve(int more) {
            if (more > bytes.length - size) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }

        Out append(int b) {
            reserve(1);
            bytes[size++] = (byte) b;
            return this;
        }

        Out append(byte[] text) {
            reserve(text.length);
            System.arraycopy(text, 0, bytes, size, text.length);
            size += text.length;
            return this;
        }
    }
}
