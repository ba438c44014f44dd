package io.dynabox.engine.expression;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import io.dynabox.engine.wire.AttributeValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's ExpressionAttributeNames and ExpressionAttributeValues: checked as the service
 * checks them before any expression is read, and tracked so that placeholders the
 * expressions never use are refused afterwards.
 */
public final class ExpressionAttributes {
    public static final int MAX_PLACEHOLDER_BYTES = 255;
    /** The Developer Guide's quota: "The maximum length of all substitution variables in an expression is 2 MB". */
    static final int MAX_SUBSTITUTION_BYTES = 2 * 1024 * 1024;

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    // the placeholders the expressions used; made on first use (most requests have none)
    private Set<String> usedNames;
    private Set<String> usedValues;

    public ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values) {
        if (substitutionBytes(names, values) > MAX_SUBSTITUTION_BYTES) throw DynamoException.validation("ExpressionAttributeValues exceeds max size");
        this.names = names;
        this.values = values;
    }

    /**
     * What the 2 MB limit on substitutions counts: each name's placeholder and name, each value's
     * placeholder and value (by the item size rules), in UTF-8 bytes, as DynamoDB Local counts them.
     */
    private static long substitutionBytes(Map<String, String> names, Map<String, AttributeValue> values) {
        long bytes = ItemSize.of(values);
        for (Map.Entry<String, String> name : names.entrySet()) bytes += ItemSize.utf8Length(name.getKey()) + ItemSize.utf8Length(name.getValue());
        return bytes;
    }

    /** No placeholders at all (legacy requests, tests). */
    public static ExpressionAttributes none() {
        return new ExpressionAttributes(Map.of(), Map.of());
    }

    /** Reads and checks the two maps of a request. */
    public static ExpressionAttributes of(JsonNode request) {
        return read(request, true);
    }

    /**
     * Reads and checks the names of a request whose shape has no {@code ExpressionAttributeValues}
     * (GetItem, a BatchGetItem table, a TransactGetItems Get): the service ignores the member there,
     * as it ignores every member its model does not have.
     */
    public static ExpressionAttributes namesOf(JsonNode request) {
        return read(request, false);
    }

    private static ExpressionAttributes read(JsonNode request, boolean withValues) {
        JsonNode namesNode = request.get("ExpressionAttributeNames");
        JsonNode valuesNode = withValues ? request.get("ExpressionAttributeValues") : null;
        boolean hasNames = namesNode != null && !namesNode.isNull();
        boolean hasValues = valuesNode != null && !valuesNode.isNull();
        if (hasNames && namesNode.isEmpty()) throw DynamoException.validation("ExpressionAttributeNames must not be empty");
        if (hasValues && valuesNode.isEmpty()) throw DynamoException.validation("ExpressionAttributeValues must not be empty");
        Map<String, String> names = new LinkedHashMap<>();
        if (hasNames) {
            Iterator<Map.Entry<String, JsonNode>> fields = namesNode.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                checkKey("ExpressionAttributeNames", key, '#');
                String name = field.getValue().isNull() ? null : field.getValue().textValue();
                if (name == null || name.isEmpty()) {
                    throw DynamoException.validation("ExpressionAttributeNames contains invalid value: Empty attribute name for key " + key);
                }
                names.put(key, name);
            }
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        if (hasValues) {
            Iterator<Map.Entry<String, JsonNode>> fields = valuesNode.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                checkKey("ExpressionAttributeValues", key, ':');
                if (field.getValue().isNull()) {
                    throw DynamoException.validation("ExpressionAttributeValues contains invalid value: "
                            + AttributeValues.NULL_VALUE + " for key " + key);
                }
                try {
                    values.put(key, AttributeValues.read(field.getValue()));
                } catch (DynamoException e) {
                    throw DynamoException.validation("ExpressionAttributeValues contains invalid value: " + e.getMessage() + " for key " + key);
                }
            }
        }
        return new ExpressionAttributes(names, values);
    }

    private static void checkKey(String member, String key, char sigil) {
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PLACEHOLDER_BYTES) {
            String size = member.equals("ExpressionAttributeNames") ? " size of key: " + bytes : "";
            throw DynamoException.validation(member + " contains invalid key: The expression attribute map contains a key that is too long;" + size);
        }
        if (!isValidKey(key, sigil)) throw DynamoException.validation(member + " contains invalid key: Syntax error; key: \"" + key + "\"");
    }

    /**
     * Whether {@code key} is a placeholder the service takes ({@code sigil} and one or more of
     * {@code [a-zA-Z0-9_]}, at most 255 bytes): what {@link #of} refuses in its words otherwise.
     */
    public static boolean isValidKey(String key, char sigil) {
        boolean valid = key.length() > 1 && key.length() <= MAX_PLACEHOLDER_BYTES && key.charAt(0) == sigil;
        for (int i = 1; valid && i < key.length(); i++) {
            char c = key.charAt(i);
            valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        return valid;
    }

    /** The name a {@code #placeholder} stands for, or null when undefined; marks it used. */
    String name(String placeholder) {
        String name = names.get(placeholder);
        if (name != null) {
            if (usedNames == null) usedNames = new HashSet<>();
            usedNames.add(placeholder);
        }
        return name;
    }

    /** The value a {@code :placeholder} stands for, or null when undefined; marks it used. */
    AttributeValue value(String placeholder) {
        AttributeValue value = values.get(placeholder);
        if (value != null) {
            if (usedValues == null) usedValues = new HashSet<>();
            usedValues.add(placeholder);
        }
        return value;
    }

    /** After every expression of the request is bound: placeholders never used are refused. */
    public void checkAllUsed() {
        if (names.isEmpty() && values.isEmpty()) return;
        List<String> unusedNames = unused(names.keySet(), usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        List<String> unusedValues = unused(values.keySet(), usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }

    /** The placeholders given and not used, in the order given. */
    private static List<String> unused(Set<String> given, Set<String> used) {
        List<String> unused = new ArrayList<>();
        for (String key : given) if (used == null || !used.contains(key)) unused.add(key);
        return unused;
    }
}
