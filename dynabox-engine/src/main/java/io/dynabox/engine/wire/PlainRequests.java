package io.dynabox.engine.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.Bytes;
import io.dynabox.engine.value.DynamoNumber;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a request of one of the hot actions straight from its bytes with Jackson's streaming
 * parser, without a tree, when it has the plain shape most requests have: only members the
 * action's reader knows, each of its type, and every value one the tree path would accept
 * (a table name of the name rules, attribute values of exactly one type, non-empty sets
 * without duplicates, numbers DynamoDB takes, nesting within the limits). Anything else, from
 * malformed JSON to a JSON null to a member this reader does not know, is {@link #NOT_PLAIN}:
 * the engine then takes the tree path, which finds every problem in the service's order and
 * words. So this path answers only requests that path would accept, with the same values.
 */
public final class PlainRequests {
    /** Thrown (without a stack trace) where a request is not plain: the tree path answers it. */
    public static final class NotPlain extends RuntimeException {
        private NotPlain() {
            super(null, null, false, false);
        }
    }

    public static final NotPlain NOT_PLAIN = new NotPlain();
    private static final int MAX_TABLE_NAME_LENGTH = 255;
    private static final int MIN_TABLE_NAME_LENGTH = 3;

    private PlainRequests() {}

    /** What an action's reader does with each top-level member: {@code name} is the member's name, the parser at its value. */
    public interface MemberReader {
        void read(String name, JsonParser parser) throws IOException;

        /** Whether every member the action requires was read. */
        boolean complete();

        /** The whole body, given before its members, for a reader that may need to echo part of it as given. */
        default void body(byte[] body) {
        }
    }

    /**
     * Reads the body's top-level object, handing each member to {@code members}, and answers
     * {@code members}; throws {@link #NOT_PLAIN} for anything but one JSON object whose members
     * are all distinct and complete.
     */
    public static <R extends MemberReader> R read(byte[] body, R members) {
        members.body(body);
        try (JsonParser parser = Json.parser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) throw NOT_PLAIN;
            // the members' names so far: a request has a handful, which a scan checks sooner than a hash set
            String[] seen = new String[8];
            int count = 0;
            String name;
            while ((name = parser.nextFieldName()) != null) {
                for (int i = 0; i < count; i++) {
                    if (seen[i].equals(name)) throw NOT_PLAIN; // the tree keeps the last of duplicates: its path decides
                }
                if (count == seen.length) seen = java.util.Arrays.copyOf(seen, 2 * count);
                seen[count++] = name;
                parser.nextToken();
                if (parser.currentToken() == JsonToken.VALUE_NULL) throw NOT_PLAIN;
                members.read(name, parser);
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null || !members.complete()) throw NOT_PLAIN;
            return members;
        } catch (IOException e) {
            throw NOT_PLAIN; // malformed, too deep, too long: the tree path says so in the service's words
        }
    }

    /** A table name by the name rules: 3 to 255 characters of {@code [a-zA-Z0-9_.-]} (an ARN is not plain). */
    public static String tableName(JsonParser parser) throws IOException {
        return tableName(text(parser));
    }

    /** A table name given as a member name (BatchWriteItem's and BatchGetItem's RequestItems), by the same rules. */
    public static String tableName(String name) {
        int length = name.length();
        if (length < MIN_TABLE_NAME_LENGTH || length > MAX_TABLE_NAME_LENGTH) throw NOT_PLAIN;
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-')) throw NOT_PLAIN;
        }
        return name;
    }

    public static String text(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) throw NOT_PLAIN;
        return parser.getText();
    }

    /** One of {@code values}, as given. */
    public static String oneOf(JsonParser parser, Set<String> values) throws IOException {
        String value = text(parser);
        if (!values.contains(value)) throw NOT_PLAIN;
        return value;
    }

    public static boolean bool(JsonParser parser) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE) return true;
        if (token == JsonToken.VALUE_FALSE) return false;
        throw NOT_PLAIN;
    }

    /** A whole number from 1 to {@link Integer#MAX_VALUE} written as one (a Limit). */
    public static int positiveInt(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) throw NOT_PLAIN;
        int value = parser.getIntValue();
        if (value < 1) throw NOT_PLAIN;
        return value;
    }

    /** ExpressionAttributeNames: a non-empty object of keys {@code validKey} takes and names of 1 to 65535 characters. */
    public static Map<String, String> expressionNames(JsonParser parser, Predicate<String> validKey) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) throw NOT_PLAIN;
        Map<String, String> names = new LinkedHashMap<>();
        String key;
        while ((key = parser.nextFieldName()) != null) {
            parser.nextToken();
            String name = text(parser);
            if (!validKey.test(key) || AttributeValues.isNameOutOfBounds(name) || names.put(key, name) != null) throw NOT_PLAIN;
        }
        if (names.isEmpty()) throw NOT_PLAIN;
        return names;
    }

    /** ExpressionAttributeValues: a non-empty object of keys {@code validKey} takes and plain attribute values. */
    public static Map<String, AttributeValue> expressionValues(JsonParser parser, Predicate<String> validKey) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) throw NOT_PLAIN;
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        String key;
        while ((key = parser.nextFieldName()) != null) {
            parser.nextToken();
            if (!validKey.test(key) || values.put(key, value(parser, 1)) != null) throw NOT_PLAIN;
        }
        if (values.isEmpty()) throw NOT_PLAIN;
        return values;
    }

    /** An item or a key: the parser at its START_OBJECT, left at its END_OBJECT. */
    public static Map<String, AttributeValue> item(JsonParser parser) throws IOException {
        return attributes(parser, 1);
    }

    private static Map<String, AttributeValue> attributes(JsonParser parser, int level) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) throw NOT_PLAIN;
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            if (AttributeValues.isNameOutOfBounds(name)) throw NOT_PLAIN; // the general path words the refusal
            parser.nextToken();
            if (values.put(name, value(parser, level)) != null) throw NOT_PLAIN;
        }
        return values;
    }

    /** A non-empty list of attribute values (a statement's parameters): the parser at its START_ARRAY, left at its END_ARRAY. */
    public static List<AttributeValue> values(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) throw NOT_PLAIN;
        List<AttributeValue> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) values.add(value(parser, 1));
        if (values.isEmpty()) throw NOT_PLAIN;
        return values;
    }

    /**
     * An item's attribute value of type {@code type} (its member name read already) whose first
     * token ({@code token}) the parser is at; the caller checks the END_OBJECT after it.
     */
    public static AttributeValue attributeValue(JsonParser parser, String type, JsonToken token) throws IOException {
        return typed(parser, type, token, 1);
    }

    /** One attribute value of exactly one type: the parser at its START_OBJECT, left at its END_OBJECT. */
    private static AttributeValue value(JsonParser parser, int level) throws IOException {
        if (level > AttributeValues.MAX_NESTING_LEVEL || parser.currentToken() != JsonToken.START_OBJECT) throw NOT_PLAIN;
        String type = parser.nextFieldName();
        if (type == null) throw NOT_PLAIN;
        AttributeValue value = typed(parser, type, parser.nextToken(), level);
        if (parser.nextToken() != JsonToken.END_OBJECT) throw NOT_PLAIN; // a second type, or a member the service drops
        return value;
    }

    /** The value of type {@code type} whose first token ({@code token}) the parser is at. */
    private static AttributeValue typed(JsonParser parser, String type, JsonToken token, int level) throws IOException {
        return switch (type) {
            case "S" -> AttributeValue.s(text(parser));
            case "N" -> new AttributeValue.N(number(text(parser)));
            case "B" -> new AttributeValue.B(Bytes.wrap(binary(text(parser))));
            case "BOOL" -> bool(parser) ? AttributeValue.BOOL.TRUE : AttributeValue.BOOL.FALSE;
            case "NULL" -> {
                if (token != JsonToken.VALUE_TRUE) throw NOT_PLAIN;
                yield AttributeValue.NULL.INSTANCE;
            }
            case "SS" -> {
                Set<String> set = new LinkedHashSet<>();
                for (String text : texts(parser)) if (!set.add(text)) throw NOT_PLAIN;
                yield new AttributeValue.SS(set);
            }
            case "NS" -> {
                Set<DynamoNumber> set = new LinkedHashSet<>();
                for (String text : texts(parser)) if (!set.add(number(text))) throw NOT_PLAIN;
                yield new AttributeValue.NS(set);
            }
            case "BS" -> {
                Set<Bytes> set = new LinkedHashSet<>();
                for (String text : texts(parser)) if (!set.add(Bytes.wrap(binary(text)))) throw NOT_PLAIN;
                yield new AttributeValue.BS(set);
            }
            case "M" -> new AttributeValue.M(attributes(parser, level + 1));
            case "L" -> {
                if (token != JsonToken.START_ARRAY) throw NOT_PLAIN;
                List<AttributeValue> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) list.add(value(parser, level + 1));
                yield new AttributeValue.L(list);
            }
            default -> throw NOT_PLAIN;
        };
    }

    /** A set's elements: a non-empty array of strings. */
    private static List<String> texts(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) throw NOT_PLAIN;
        List<String> texts = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) texts.add(text(parser));
        if (texts.isEmpty()) throw NOT_PLAIN;
        return texts;
    }

    private static DynamoNumber number(String text) {
        try {
            return DynamoNumber.parse(text);
        } catch (RuntimeException e) {
            throw NOT_PLAIN;
        }
    }

    private static byte[] binary(String text) {
        try {
            return Base64Text.decode(text);
        } catch (RuntimeException e) {
            throw NOT_PLAIN;
        }
    }
}
