package io.dynabox.engine.operation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dynabox.engine.store.ItemJson;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.PlainRequests;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A PutItem's item read straight from the request's bytes ({@link #read}): its stored form and
 * its size by DynamoDB's rules, both written as it is read, and its values as a map that decodes
 * a top-level string only when something looks it up (the table's key, an index's attributes).
 * So the long string an item usually carries goes from the request into the store without
 * becoming a Java String and being encoded back. Read-only; used by the request's thread only.
 */
final class NewItem extends AbstractMap<String, AttributeValue> {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long EACH_BYTE = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final byte[] json;
    private final long itemSize;
    private final byte[] body;
    // each attribute's value, or, until it is looked up, where its plain string's UTF-8 is in the body ({from, to})
    private final Map<String, Object> values;
    private Set<Entry<String, AttributeValue>> entries;

    private NewItem(byte[] json, long itemSize, byte[] body, Map<String, Object> values) {
        this.json = json;
        this.itemSize = itemSize;
        this.body = body;
        this.values = values;
    }

    /**
     * The item whose START_OBJECT the parser is at (left at its END_OBJECT), {@code body} being
     * the bytes it parses. Accepts exactly what {@link PlainRequests#item} accepts, with the same
     * values, and throws {@link PlainRequests#NOT_PLAIN} for the rest. A top-level string whose
     * UTF-8 the stored form keeps as it is ({@link #plainStringEnd}) is copied from the body; every
     * other value is read as {@link PlainRequests#item} reads it and written as the store writes it.
     */
    static NewItem read(JsonParser parser, byte[] body) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) throw PlainRequests.NOT_PLAIN;
        ItemJson.Writer stored = new ItemJson.Writer();
        Map<String, Object> values = new LinkedHashMap<>();
        long size = 0;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            if (AttributeValues.isNameOutOfBounds(name) || parser.nextToken() != JsonToken.START_OBJECT) throw PlainRequests.NOT_PLAIN;
            String type = parser.nextFieldName();
            if (type == null) throw PlainRequests.NOT_PLAIN;
            JsonToken token = parser.nextToken();
            // the token's offset is its opening quote's
            int from = token == JsonToken.VALUE_STRING && type.equals("S") ? (int) parser.currentTokenLocation().getByteOffset() + 1 : -1;
            int to = from > 0 ? plainStringEnd(body, from) : -1;
            Object value;
            if (to >= 0) {
                stored.plainString(name, body, from, to);
                size += ItemSize.utf8Length(name) + (to - from);
                value = new int[] {from, to};
            } else {
                AttributeValue read = PlainRequests.attributeValue(parser, type, token);
                stored.attribute(name, read);
                size += ItemSize.utf8Length(name) + ItemSize.of(read);
                value = read;
            }
            // a second type, or a member the service drops; a name given twice
            if (parser.nextToken() != JsonToken.END_OBJECT || values.put(name, value) != null) throw PlainRequests.NOT_PLAIN;
        }
        return new NewItem(stored.finish(), size, body, values);
    }

    /**
     * Where the JSON string whose first byte is at {@code from} ends (its closing quote), when all
     * of it is UTF-8 that the stored form keeps as it is: printable ASCII other than a quote or a
     * backslash, and well-formed two- and three-byte sequences that are not surrogates. Else -1 (an
     * escape, a character outside the BMP, a control character, bytes that are not UTF-8): the
     * parser then decodes the string, and the writer writes it as it writes any.
     */
    static int plainStringEnd(byte[] body, int from) {
        int length = body.length;
        int i = from;
        while (i < length) {
            if (i + Long.BYTES <= length && isPlainAscii((long) LONGS.get(body, i))) { // most strings: eight bytes at a time
                i += Long.BYTES;
                continue;
            }
            int b = body[i] & 0xFF;
            if (b >= 0x20 && b < 0x80) {
                if (b == '"') return i;
                if (b == '\\') return -1;
                i++;
            } else if (b >= 0xC2 && b <= 0xDF) {
                if (i + 1 >= length || !isContinuation(body[i + 1])) return -1;
                i += 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                if (i + 2 >= length || !isContinuation(body[i + 1]) || !isContinuation(body[i + 2])) return -1;
                int second = body[i + 1] & 0xFF;
                if (b == 0xE0 && second < 0xA0 || b == 0xED && second >= 0xA0) return -1; // overlong, or a surrogate
                i += 3;
            } else {
                return -1;
            }
        }
        return -1;
    }

    /** Whether none of the eight bytes is a quote, a backslash, a control character or outside ASCII. */
    private static boolean isPlainAscii(long bytes) {
        long quotes = bytes ^ (EACH_BYTE * '"');
        long backslashes = bytes ^ (EACH_BYTE * '\\');
        // a byte's high bit is set below where one is zero (a quote, a backslash), below 0x20, or outside ASCII
        long flagged = (quotes - EACH_BYTE) & ~quotes | (backslashes - EACH_BYTE) & ~backslashes | (bytes - EACH_BYTE * 0x20) & ~bytes | bytes;
        return (flagged & HIGH_BITS) == 0;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** The item as the store keeps it: exactly what {@code ItemJson.encode} writes from its values. */
    byte[] json() {
        return json;
    }

    /** The item's size by DynamoDB's rules, as {@code ItemSize.of} counts it. */
    long itemSize() {
        return itemSize;
    }

    @Override
    public AttributeValue get(Object name) {
        Object value = values.get(name);
        if (value instanceof int[] range) {
            AttributeValue decoded = AttributeValue.s(new String(body, range[0], range[1] - range[0], StandardCharsets.UTF_8));
            values.put((String) name, decoded);
            return decoded;
        }
        return (AttributeValue) value;
    }

    @Override
    public boolean containsKey(Object name) {
        return values.containsKey(name);
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public Set<Entry<String, AttributeValue>> entrySet() {
        if (entries == null) {
            Map<String, AttributeValue> all = new LinkedHashMap<>(values.size() * 2);
            for (String name : values.keySet()) all.put(name, get(name));
            entries = Collections.unmodifiableMap(all).entrySet();
        }
        return entries;
    }
}
