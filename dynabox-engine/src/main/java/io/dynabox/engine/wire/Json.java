package io.dynabox.engine.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The one Jackson mapper, configured for the DynamoDB JSON 1.0 protocol. */
public final class Json {
    /**
     * Objects and arrays inside each other: an attribute value of the service's 32 levels
     * sits about 70 deep in the deepest request (TransactWriteItems), and nothing else nests.
     */
    public static final int MAX_DEPTH = 2 * AttributeValues.MAX_NESTING_LEVEL + 36;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            // numbers arrive as text in AttributeValues; elsewhere they are small, but the
            // default limits would reject long legal strings inside items. No valid request or
            // stored item nests deeper than MAX_DEPTH: a deeper body stops being read there
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    // attribute names up to the service's 64 KB, which is above Jackson's default
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxNestingDepth(MAX_DEPTH)
                    .build())
            .build();

    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, false);

    private Json() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** JSON already written as UTF-8 (a stored item), for {@code putRawValue}: written into the answer as it is. */
    public static RawValue raw(byte[] utf8) {
        return new RawValue(new RawJson(utf8));
    }

    /** The same for bytes [offset, offset + length) of an array (a stored item inside a store's slab), which nobody changes. */
    public static RawValue raw(byte[] utf8, int offset, int length) {
        return new RawValue(new RawJson(utf8, offset, length));
    }

    /** A streaming parser over a request body, with the same limits as {@link #parse}. */
    public static JsonParser parser(byte[] body) throws IOException {
        return FACTORY.createParser(body);
    }

    /** Writes JSON already written as UTF-8 as the generator's next value, its bytes copied as they are. */
    public static void writeRaw(JsonGenerator generator, byte[] utf8) throws IOException {
        generator.writeRawValue(new RawJson(utf8));
    }

    /** Parses a request body; any syntax problem is the caller's to report. */
    public static JsonNode parse(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    /** Whether the parser stopped at the nesting limit (and not at another of its limits, such as a number's length). */
    public static boolean isNestingTooDeep(StreamConstraintsException e) {
        return e.getMessage() != null && e.getMessage().startsWith("Document nesting depth");
    }

    /** The bytes of a value put with {@link #raw}, or null for any other node. */
    private static RawJson rawOf(JsonNode node) {
        return node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue value && value.rawValue() instanceof RawJson json
                ? json : null;
    }

    /** A member name that needs no escaping (the service's names: ASCII letters). */
    private static boolean isPlainName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) return false;
        }
        return true;
    }

    /** {@code {"name":raw}}, or {@code {"name":[raw]}} in brackets. */
    private static byte[] wrap(String name, RawJson raw, boolean inBrackets) {
        int brackets = inBrackets ? 2 : 0;
        byte[] out = new byte[name.length() + raw.length() + brackets + 5];
        out[0] = '{';
        out[1] = '"';
        int at = 2;
        for (int i = 0; i < name.length(); i++) out[at++] = (byte) name.charAt(i); // ASCII letters (isPlainName)
        out[at++] = '"';
        out[at++] = ':';
        if (inBrackets) out[at++] = '[';
        raw.copyTo(out, at);
        if (inBrackets) out[out.length - 2] = ']';
        out[out.length - 1] = '}';
        return out;
    }

    public static byte[] write(JsonNode node) {
        if (node.isObject() && node.isEmpty()) return new byte[] {'{', '}'}; // most writes' answer, without a generator
        if (node.isObject() && node.size() == 1) {
            // {"Item": stored item} (a GetItem's answer, ALL_OLD's): the item's bytes copied once, without a generator
            Map.Entry<String, JsonNode> only = node.fields().next();
            JsonNode value = only.getValue();
            RawJson raw = rawOf(value);
            if (raw != null && isPlainName(only.getKey())) return wrap(only.getKey(), raw, false);
            // {"Items": [stored item]} (a PartiQL SELECT of one item by its key): the same, in brackets
            if (value.isArray() && value.size() == 1 && (raw = rawOf(value.get(0))) != null && isPlainName(only.getKey())) {
                return wrap(only.getKey(), raw, true);
            }
        }
        if (node instanceof ObjectNode object) {
            byte[] spliced = ItemsFirst.write(object);
            if (spliced != null) return spliced;
        }
        return writeTree(node);
    }

    /** The tree's bytes: written by {@link TreeBytes} when it holds only what it writes, else by the mapper. */
    private static byte[] writeTree(JsonNode node) {
        byte[] written = TreeBytes.write(node);
        if (written != null) return written;
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }

    /**
     * An answer whose first members hold stored items: a page's {@code "Items":[...]}, a
     * BatchGetItem's {@code "Responses":{"table":[...]}}. Those members are written here, each
     * item's bytes copied once into an array of the answer's exact length; the members after them
     * (Count, LastEvaluatedKey, ConsumedCapacity...) are written as a tree and spliced in. The
     * mapper would copy every item twice (into its segments, then into one array). Same bytes:
     * member names are taken only when JSON writes them as they are, and raw values are copied as
     * the mapper copies them.
     */
    private static final class ItemsFirst {
        private final List<RawJson> parts = new ArrayList<>();
        private int length;

        /** The answer's bytes, or null when its first member holds no stored items. */
        static byte[] write(ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            Map.Entry<String, JsonNode> field = fields.hasNext() ? fields.next() : null;
            if (field == null || !holdsItems(field.getKey(), field.getValue())) return null;
            ItemsFirst out = new ItemsFirst();
            out.add(OPEN_OBJECT);
            boolean first = true;
            while (field != null && holdsItems(field.getKey(), field.getValue())) {
                if (!first) out.add(COMMA);
                out.member(field.getKey(), field.getValue());
                first = false;
                field = fields.hasNext() ? fields.next() : null;
            }
            if (field == null) {
                out.add(CLOSE_OBJECT);
            } else {
                ObjectNode rest = object();
                for (; field != null; field = fields.hasNext() ? fields.next() : null) rest.set(field.getKey(), field.getValue());
                byte[] written = writeTree(rest);
                written[0] = ','; // {"Count":1} continues the object: ,"Count":1}
                out.add(written);
            }
            byte[] bytes = new byte[out.length];
            int at = 0;
            for (RawJson part : out.parts) {
                part.copyTo(bytes, at);
                at += part.length();
            }
            return bytes;
        }

        /** An array of stored items, or an object of such arrays (each member named as JSON writes it as it is). */
        private static boolean holdsItems(String name, JsonNode value) {
            if (!isVerbatimName(name)) return false;
            if (value instanceof ArrayNode array) {
                for (JsonNode element : array) if (rawOf(element) == null) return false;
                return true;
            }
            if (!(value instanceof ObjectNode inner) || inner.isEmpty()) return false;
            Iterator<Map.Entry<String, JsonNode>> fields = inner.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!(field.getValue() instanceof ArrayNode) || !holdsItems(field.getKey(), field.getValue())) return false;
            }
            return true;
        }

        private void member(String name, JsonNode value) {
            add(("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII));
            if (value instanceof ArrayNode array) {
                add(OPEN_ARRAY);
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) add(COMMA);
                    add(rawOf(array.get(i)));
                }
                add(CLOSE_ARRAY);
                return;
            }
            add(OPEN_OBJECT);
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            boolean first = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!first) add(COMMA);
                member(field.getKey(), field.getValue());
                first = false;
            }
            add(CLOSE_OBJECT);
        }

        private void add(byte[] part) {
            add(new RawJson(part));
        }

        private void add(RawJson part) {
            parts.add(part);
            length += part.length();
        }

        /** A name JSON writes with no escape: a table name's characters ([a-zA-Z0-9_.-]), which include the service's member names. */
        private static boolean isVerbatimName(String name) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-')) return false;
            }
            return true;
        }

        private static final RawJson OPEN_OBJECT = new RawJson(new byte[] {'{'});
        private static final RawJson CLOSE_OBJECT = new RawJson(new byte[] {'}'});
        private static final RawJson OPEN_ARRAY = new RawJson(new byte[] {'['});
        private static final RawJson CLOSE_ARRAY = new RawJson(new byte[] {']'});
        private static final RawJson COMMA = new RawJson(new byte[] {','});
    }
}
