package io.dynabox.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ServiceTexts;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.Bytes;
import io.dynabox.engine.value.DynamoNumber;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attribute values between the wire and the engine. Reading checks each value as the
 * service does after the shape stage (exactly one type, numbers, sets, NULL, nesting
 * depth) and answers the first problem with the service's message.
 */
public final class AttributeValues {
    /** The deepest level a value may sit at: the attribute itself is level 1. */
    public static final int MAX_NESTING_LEVEL = 32;
    /** The longest attribute name, in UTF-8 bytes (the service: less than 64 KB). */
    public static final int MAX_ATTRIBUTE_NAME_BYTES = 65_535;
    private static final String INVALID = "One or more parameter values were invalid: ";
    /** A JSON null where a value is wanted (an item's or a map's member, a list or binary set element). */
    public static final String NULL_VALUE = "The supplied Item contains a null AttributeValue";

    private AttributeValues() {}

    /** An item or a key: a JSON object of attribute name to value. */
    public static Map<String, AttributeValue> readItem(JsonNode node) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        if (node == null || node.isNull()) return item;
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) throw nullMember(field.getKey());
            checkName(field.getKey());
            item.put(field.getKey(), read(field.getValue()));
        }
        return item;
    }

    /** An attribute name, at any depth, has at least one character and is under 64 KB (65,536 bytes) in UTF-8. */
    private static void checkName(String name) {
        if (name.isEmpty()) throw DynamoException.validation(ServiceTexts.ATTRIBUTE_NAME_EMPTY);
        if (isNameTooLong(name)) {
            throw DynamoException.validation(ServiceTexts.ATTRIBUTE_NAME_TOO_LARGE,
                    "an attribute name is " + name.getBytes(StandardCharsets.UTF_8).length + " bytes");
        }
    }

    /** True for an attribute name the general path refuses: empty, or over {@value #MAX_ATTRIBUTE_NAME_BYTES} UTF-8 bytes. */
    public static boolean isNameOutOfBounds(String name) {
        return name.isEmpty() || isNameTooLong(name);
    }

    private static boolean isNameTooLong(String name) {
        // a name of fewer than 21,846 characters cannot reach 65,536 bytes: only long ones are measured
        return name.length() > MAX_ATTRIBUTE_NAME_BYTES / 3 && name.getBytes(StandardCharsets.UTF_8).length > MAX_ATTRIBUTE_NAME_BYTES;
    }

    private static DynamoException nullMember(String name) {
        return DynamoException.validation(NULL_VALUE + ": " + name + " is null");
    }

    /** The service's answer to a value nested deeper than {@value #MAX_NESTING_LEVEL} levels. */
    public static DynamoException nestingTooDeep() {
        return DynamoException.validation(
                "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit");
    }

    public static AttributeValue read(JsonNode node) {
        return read(node, 1);
    }

    private static AttributeValue read(JsonNode node, int level) {
        if (level > MAX_NESTING_LEVEL) throw nestingTooDeep();
        AttributeValue result = null;
        int types = 0;
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode member = field.getValue();
            if (member.isNull()) continue;
            // each member present is checked before the count of members is
            AttributeValue value = switch (field.getKey()) {
                case "S" -> AttributeValue.s(member.textValue());
                case "N" -> new AttributeValue.N(number(member.textValue()));
                case "B" -> new AttributeValue.B(Bytes.wrap(Base64Text.decode(member.textValue())));
                case "BOOL" -> AttributeValue.bool(member.booleanValue());
                case "NULL" -> {
                    if (!member.booleanValue()) {
                        throw DynamoException.validation(INVALID + "Null attribute value types must have the value of true");
                    }
                    yield AttributeValue.NULL.INSTANCE;
                }
                case "SS" -> stringSet(member);
                case "NS" -> numberSet(member);
                case "BS" -> binarySet(member);
                case "M" -> map(member, level);
                case "L" -> list(member, level);
                default -> null; // members the service does not know are dropped
            };
            if (value != null) {
                result = value;
                types++;
            }
        }
        if (types == 0) {
            throw DynamoException.validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (types > 1) {
            throw DynamoException.validation(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        return result;
    }

    private static DynamoNumber number(String text) {
        try {
            return DynamoNumber.parse(text);
        } catch (DynamoNumber.InvalidNumberException e) {
            throw DynamoException.validation(e.getMessage());
        }
    }

    private static AttributeValue stringSet(JsonNode array) {
        List<String> given = new ArrayList<>();
        for (JsonNode element : array) {
            if (element.isNull()) throw DynamoException.validation(INVALID + "An string set may not have a null string as a member");
            given.add(element.textValue());
        }
        if (given.isEmpty()) throw DynamoException.validation(INVALID + "An string set  may not be empty");
        Set<String> set = new LinkedHashSet<>(given);
        if (set.size() != given.size()) {
            throw DynamoException.validation(INVALID + "Input collection " + given + " contains duplicates.");
        }
        return new AttributeValue.SS(set);
    }

    private static AttributeValue numberSet(JsonNode array) {
        if (!hasElements(array)) throw DynamoException.validation(INVALID + "An number set  may not be empty");
        Set<DynamoNumber> set = new LinkedHashSet<>();
        int count = 0;
        for (JsonNode element : array) {
            if (element.isNull()) throw DynamoException.validation("A value provided cannot be converted into a number");
            set.add(number(element.textValue()));
            count++;
        }
        if (set.size() != count) throw DynamoException.validation("Input collection contains duplicates");
        return new AttributeValue.NS(set);
    }

    private static AttributeValue binarySet(JsonNode array) {
        if (!hasElements(array)) throw DynamoException.validation(INVALID + "Binary sets should not be empty");
        List<String> given = new ArrayList<>();
        Set<Bytes> set = new LinkedHashSet<>();
        for (JsonNode element : array) {
            if (element.isNull()) throw DynamoException.validation(NULL_VALUE);
            given.add(element.textValue());
            set.add(Bytes.wrap(Base64Text.decode(element.textValue())));
        }
        if (set.size() != given.size()) {
            throw DynamoException.validation(INVALID + "Input collection " + given + "of type BS contains duplicates.");
        }
        return new AttributeValue.BS(set);
    }

    private static boolean hasElements(JsonNode array) {
        return !array.isEmpty();
    }

    private static AttributeValue map(JsonNode object, int level) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) throw nullMember(field.getKey());
            checkName(field.getKey());
            values.put(field.getKey(), read(field.getValue(), level + 1));
        }
        return new AttributeValue.M(values);
    }

    private static AttributeValue list(JsonNode array, int level) {
        List<AttributeValue> values = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (element.isNull()) throw DynamoException.validation(NULL_VALUE);
            values.add(read(element, level + 1));
        }
        return new AttributeValue.L(values);
    }

    // ---- writing ----

    public static ObjectNode writeItem(Map<String, AttributeValue> item) {
        ObjectNode node = Json.object();
        item.forEach((name, value) -> node.set(name, write(value)));
        return node;
    }

    public static ObjectNode write(AttributeValue value) {
        ObjectNode node = Json.object();
        switch (value.type()) {
            case S -> node.put("S", ((AttributeValue.S) value).value());
            case N -> node.put("N", ((AttributeValue.N) value).value().toString());
            case B -> node.put("B", ((AttributeValue.B) value).value().base64());
            case BOOL -> node.put("BOOL", ((AttributeValue.BOOL) value).value());
            case NULL -> node.put("NULL", true);
            case SS -> {
                ArrayNode array = node.putArray("SS");
                ((AttributeValue.SS) value).values().forEach(array::add);
            }
            case NS -> {
                ArrayNode array = node.putArray("NS");
                ((AttributeValue.NS) value).values().forEach(n -> array.add(n.toString()));
            }
            case BS -> {
                ArrayNode array = node.putArray("BS");
                ((AttributeValue.BS) value).values().forEach(b -> array.add(b.base64()));
            }
            case M -> node.set("M", writeItem(((AttributeValue.M) value).values()));
            case L -> {
                ArrayNode array = node.putArray("L");
                ((AttributeValue.L) value).values().forEach(v -> array.add(write(v)));
            }
        }
        return node;
    }
}
