package io.dynabox.engine.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dynabox.engine.error.DynamoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a request body against the service's own API model (trimmed from
 * {@code shared/reference/dynamodb-service-2.json} by {@code tools/trim-model.py}) the way
 * the service's front end does, before any table is looked up: first JSON types
 * ({@code SerializationException}, the first mismatch), then required members, lengths,
 * ranges, patterns and enums, collected into one {@code ValidationException} of at most
 * ten problems.
 *
 * <p>Recorded service behaviour this follows: members are visited in the order of a Java
 * {@code HashMap} of their camel-case names (the service's own binding order); a string's
 * pattern is reported before its lengths; table names follow the name rules (3 to 255
 * characters of {@code [a-zA-Z0-9_.-]}) even where the model now allows an ARN; and the
 * control-plane table actions check the table name alone first.
 */
public final class ShapeValidator {
    private static final String MODEL = "dynamodb-shapes.json";
    private static final String STREAMS_MODEL = "dynamodbstreams-shapes.json";
    private static final int MAX_REPORTED = 10;
    private static final int MAX_NUMBER_EXPONENT = 1000;
    /** What a null element of a list of structures is checked as. */
    private static final JsonNode EMPTY_OBJECT = JsonNodeFactory.instance.objectNode();

    private static final Set<String> NAME_CHECKED_FIRST = Set.of("CreateTable", "DescribeTable", "DeleteTable", "UpdateTable");
    /** Enum values in the order the service lists them, where that differs from the model. */
    private static final Map<String, List<String>> ENUM_ORDER = Map.ofEntries(
            Map.entry("ScalarAttributeType", List.of("B", "N", "S")),
            Map.entry("BillingMode", List.of("PROVISIONED", "PAY_PER_REQUEST")),
            Map.entry("StreamViewType", List.of("OLD_IMAGE", "KEYS_ONLY", "NEW_AND_OLD_IMAGES", "NEW_IMAGE")),
            Map.entry("ReturnConsumedCapacity", List.of("INDEXES", "TOTAL", "NONE")),
            Map.entry("ReturnValue", List.of("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW")),
            Map.entry("ReturnItemCollectionMetrics", List.of("SIZE", "NONE")),
            Map.entry("ConditionalOperator", List.of("OR", "AND")),
            Map.entry("Select", List.of("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES")),
            Map.entry("ComparisonOperator", List.of("IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT", "NOT_NULL",
                    "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS")),
            Map.entry("ProjectionType", List.of("ALL", "INCLUDE", "KEYS_ONLY")),
            Map.entry("TableClass", List.of("STANDARD", "STANDARD_INFREQUENT_ACCESS")));

    /**
     * Where the service answers by constraints the published model does not have, or has since
     * dropped (recorded answers): these are merged into the model's shapes, a null dropping a
     * constraint. An empty KMS key id is refused as too short; a tag key or value of a length out of
     * bounds gets the tag rules' own text, not the model's length (both observed in 2026).
     */
    private static final Map<String, String> RECORDED_CONSTRAINTS = Map.of(
            "AttributeNameList", "{\"max\":255}",
            "KeySchema", "{\"max\":2}",
            "CreateTableInput", "{\"required\":[\"TableName\",\"AttributeDefinitions\",\"KeySchema\"]}",
            "KMSMasterKeyId", "{\"min\":1}",
            "TagKeyString", "{\"min\":null,\"max\":null}",
            "TagValueString", "{\"max\":null}");
    /**
     * The structures whose KeySchema is a global index's: multi-attribute keys (up to four
     * partition and four sort attributes) made the model drop its maximum there, while tables
     * and local indexes keep the recorded two. Their KeySchema member binds to the model's own shape.
     */
    private static final Set<String> GLOBAL_INDEX_KEY_HOLDERS = Set.of("GlobalSecondaryIndex", "CreateGlobalSecondaryIndexAction");
    private static final String GLOBAL_INDEX_KEY_SCHEMA = "GlobalIndexKeySchema";

    private final Map<String, String> operationInputs = new HashMap<>();
    private final Map<String, Shape> shapes = new HashMap<>();

    private static final class Holder {
        static final ShapeValidator INSTANCE = load(MODEL);
    }

    private static final class StreamsHolder {
        static final ShapeValidator INSTANCE = load(STREAMS_MODEL);
    }

    public static ShapeValidator instance() {
        return Holder.INSTANCE;
    }

    /** The validator of DynamoDB Streams requests, from that service's model. */
    public static ShapeValidator streams() {
        return StreamsHolder.INSTANCE;
    }

    /**
     * Parses the body. Malformed JSON is a SerializationException without a message; a
     * non-object counts as {}; nesting deeper than any valid request ({@link Json#MAX_DEPTH})
     * is the service's nesting ValidationException, found without reading the rest.
     */
    public static JsonNode parseBody(byte[] body) {
        if (body == null || body.length == 0) throw DynamoException.serialization(null);
        JsonNode node;
        try {
            node = Json.parse(body);
        } catch (StreamConstraintsException e) {
            if (Json.isNestingTooDeep(e)) throw AttributeValues.nestingTooDeep();
            throw DynamoException.serialization(null);
        } catch (JsonProcessingException e) {
            throw DynamoException.serialization(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return node != null && node.isObject() ? node : Json.object();
    }

    /** True for every action of the service's model, whether or not Dynabox has built it. */
    public boolean isServiceAction(String operation) {
        return operationInputs.containsKey(operation);
    }

    /** Every action of the service's model. */
    public java.util.Set<String> operations() {
        return java.util.Collections.unmodifiableSet(operationInputs.keySet());
    }

    public void validate(String operation, JsonNode body) {
        Shape input = shapes.get(operationInputs.get(operation));
        if (input == null) return;
        checkTypes(input, body, false);
        if (NAME_CHECKED_FIRST.contains(operation)) checkTableNameAlone(body.get("TableName"));
        List<String> problems = new ArrayList<>();
        checkStructure(input, body, "", problems);
        if (!problems.isEmpty()) {
            int reported = Math.min(problems.size(), MAX_REPORTED);
            throw DynamoException.validation(reported + " validation error" + (reported == 1 ? "" : "s") + " detected: "
                    + String.join("; ", problems.subList(0, reported)));
        }
    }

    private static void checkTableNameAlone(JsonNode name) {
        if (name == null || name.isNull()) {
            throw DynamoException.validation("The parameter 'TableName' is required but was not present in the request");
        }
        int length = name.textValue().length();
        if (length < 3 || length > 255) {
            throw DynamoException.validation("TableName must be at least 3 characters long and at most 255 characters long");
        }
    }

    // ---- JSON types: the first mismatch is a SerializationException ----

    private void checkTypes(Shape shape, JsonNode node, boolean inCollection) {
        if (node == null || node.isNull()) return;
        String problem = switch (shape.type) {
            case "structure" -> node.isObject() ? null : SerializationMessages.structure(shape.name, inCollection, node);
            case "list" -> node.isArray() ? null : SerializationMessages.list(inCollection, node);
            case "map" -> node.isObject() ? null : SerializationMessages.map(valueClass(shape.valueShape), inCollection, node);
            case "string" -> node.isTextual() ? null : SerializationMessages.scalar("String", node);
            case "boolean" -> node.isBoolean() ? null : SerializationMessages.scalar("Boolean", node);
            case "integer" -> node.isNumber() && !beyondReason(node) ? null : SerializationMessages.scalar("Integer", node);
            case "long" -> node.isNumber() && !beyondReason(node) ? null : SerializationMessages.scalar("Long", node);
            case "double" -> node.isNumber() && !beyondReason(node) ? null : SerializationMessages.scalar("Double", node);
            case "timestamp" -> node.isNumber() && !beyondReason(node) ? null : SerializationMessages.scalar("Double", node);
            case "blob" -> node.isTextual() ? null : SerializationMessages.blob(node);
            default -> null;
        };
        if (problem != null) throw DynamoException.serialization(problem);
        switch (shape.type) {
            case "structure" -> {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    Shape memberShape = shape.memberShapes.get(field.getKey());
                    if (memberShape != null) checkTypes(memberShape, field.getValue(), false);
                }
            }
            case "list" -> {
                for (JsonNode element : node) checkTypes(shape.memberShape, element, true);
            }
            case "map" -> {
                for (JsonNode element : node) checkTypes(shape.valueShape, element, true);
            }
            case "blob" -> Base64Text.decode(node.textValue());
            default -> { }
        }
    }

    /**
     * A number whose power of ten is past {@value #MAX_NUMBER_EXPONENT} either way: no
     * member holds one, and turning {@code 1e999999999} into an integer (to check its range,
     * to use it) would take minutes and gigabytes. Refused as a number the type cannot hold.
     */
    private static boolean beyondReason(JsonNode number) {
        if (!number.isBigDecimal()) return false; // integers and doubles are as long as their text, which Jackson bounds
        BigDecimal value = number.decimalValue();
        return Math.abs((long) value.precision() - value.scale()) > MAX_NUMBER_EXPONENT;
    }

    /** The Java class the service's deserializer names for a map's values. */
    private String valueClass(Shape value) {
        return switch (value.type) {
            case "string" -> "java.lang.String";
            case "list" -> "java.util.List<" + valueClass(value.memberShape) + ">";
            default -> SerializationMessages.modelClass(value.name);
        };
    }

    // ---- constraints: every problem collected, in the service's member order ----

    private void checkStructure(Shape shape, JsonNode node, String path, List<String> problems) {
        for (Map.Entry<String, String> member : shape.checkedMembers) {
            String memberName = member.getValue();
            JsonNode value = node.get(memberName);
            if (value == null || value.isNull()) {
                if (shape.required.contains(memberName)) {
                    problems.add("Value null at '" + path(path, member.getKey()) + "' failed to satisfy constraint: Member must not be null");
                }
                continue;
            }
            Shape memberShape = effectiveShape(shape.members.get(memberName), value);
            if (memberShape.constrained) checkValue(memberShape, value, path(path, member.getKey()), problems);
        }
    }

    /** Whether {@link #checkStructure} could find a problem in this value: a required member, or a checked one present. */
    private static boolean mayFail(Shape shape, JsonNode node) {
        if (!shape.required.isEmpty()) return true;
        for (Map.Entry<String, String> member : shape.checkedMembers) {
            if (node.get(member.getValue()) != null) return true;
        }
        return false;
    }

    /** The path of a member, built only when a problem is reported or a constrained value is walked (most are not). */
    private static String path(String parent, String member) {
        return parent.isEmpty() ? member : parent + "." + member;
    }

    /** Table names follow the name rules, unless the value is an ARN (which the model now allows). */
    private Shape effectiveShape(String shapeName, JsonNode value) {
        if ("TableArn".equals(shapeName) && !(value.isTextual() && value.textValue().startsWith("arn:"))) {
            return shapes.get("TableName");
        }
        return shapes.get(shapeName);
    }

    private void checkValue(Shape shape, JsonNode value, String path, List<String> problems) {
        if (!shape.constrained) return; // nothing here or below can fail: items and keys skip the walk
        List<String> phrases = new ArrayList<>();
        constraintFailures(shape, value, phrases);
        for (String phrase : phrases) {
            problems.add("Value '" + ValueText.render(value, shape, shapes::get) + "' at '" + path + "' failed to satisfy constraint: " + phrase);
        }
        switch (shape.type) {
            case "structure" -> checkStructure(shape, value, path, problems);
            case "list" -> {
                int i = 1;
                for (JsonNode element : value) {
                    // a null element is let through, but a structure's required members are still missing from it
                    JsonNode checked = element.isNull() && shape.memberShape.type.equals("structure") ? EMPTY_OBJECT : element;
                    if (!checked.isNull()) checkValue(shape.memberShape, checked, path + "." + i + ".member", problems);
                    i++;
                }
            }
            case "map" -> checkMap(shape, value, path, problems);
            default -> { }
        }
    }

    private void checkMap(Shape shape, JsonNode map, String path, List<String> problems) {
        // keys naming tables (BatchGetItem's and BatchWriteItem's RequestItems) follow the name rules unless they are ARNs
        boolean tableKeys = "TableArn".equals(shape.key);
        Shape key = tableKeys ? shapes.get("TableName") : shape.keyShape;
        Shape value = shape.valueShape;
        Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
        boolean keyProblem = false;
        boolean valueProblem = false;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            keyProblem |= failsAsText(tableKeys && field.getKey().startsWith("arn:") ? shape.keyShape : key, field.getKey());
            JsonNode element = field.getValue();
            if (element.isNull()) continue;
            if (value.type.equals("list")) {
                List<String> sizeFailures = new ArrayList<>();
                constraintFailures(value, element, sizeFailures);
                valueProblem |= !sizeFailures.isEmpty();
            }
        }
        // key and value constraints are reported once for the whole map, listing every phrase
        String rendered = keyProblem || valueProblem ? ValueText.render(map, shape, shapes::get) : null;
        if (keyProblem) {
            problems.add("Value '" + rendered + "' at '" + path + "' failed to satisfy constraint: Map keys must satisfy constraint: ["
                    + String.join(", ", allPhrases(key)) + "]");
        }
        if (valueProblem) {
            problems.add("Value '" + rendered + "' at '" + path + "' failed to satisfy constraint: Map value must satisfy constraint: ["
                    + String.join(", ", allPhrases(value)) + "]");
        }
        if (!value.constrained) return; // no element can fail: items' attribute values skip the walk
        fields = map.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode element = field.getValue();
            if (element.isNull()) continue;
            // an item's attribute values mostly hold nothing that can fail: no path is built for those
            if (value.type.equals("structure") && !mayFail(value, element)) continue;
            String elementPath = path + "." + field.getKey() + ".member";
            if (value.type.equals("list")) {
                int i = 1;
                for (JsonNode item : element) {
                    if (!item.isNull()) checkValue(value.memberShape, item, elementPath + "." + i + ".member", problems);
                    i++;
                }
            } else if (value.type.equals("structure")) {
                checkStructure(value, element, elementPath, problems);
            } else {
                List<String> failures = new ArrayList<>();
                constraintFailures(value, element, failures);
                for (String phrase : failures) {
                    problems.add("Value '" + ValueText.render(element, value, shapes::get) + "' at '" + elementPath
                            + "' failed to satisfy constraint: " + phrase);
                }
            }
        }
    }

    /** Whether a string fails any constraint of its shape (what {@link #constraintFailures} finds, without the phrases). */
    private static boolean failsAsText(Shape shape, String text) {
        return (shape.pattern != null && !shape.pattern.matcher(text).matches())
                || (shape.enumValues != null && !shape.enumValues.contains(text))
                || (shape.min != null && BigDecimal.valueOf(text.length()).compareTo(shape.min) < 0)
                || (shape.max != null && BigDecimal.valueOf(text.length()).compareTo(shape.max) > 0);
    }

    /** The failing constraint phrases of one value, in the service's order: pattern, enum, then lengths or range. */
    private static void constraintFailures(Shape shape, JsonNode value, List<String> phrases) {
        if (shape.pattern != null && value.isTextual() && !shape.pattern.matcher(value.textValue()).matches()) {
            phrases.add("Member must satisfy regular expression pattern: " + shape.patternText);
        }
        if (shape.enumValues != null && value.isTextual() && !shape.enumValues.contains(value.textValue())) {
            phrases.add("Member must satisfy enum value set: " + shape.enumText);
        }
        BigDecimal size = switch (shape.type) {
            case "string" -> value.isTextual() ? BigDecimal.valueOf(value.textValue().length()) : null;
            case "blob" -> value.isTextual() ? BigDecimal.valueOf(Base64Text.decodedLength(value.textValue())) : null;
            case "list", "map" -> BigDecimal.valueOf(value.size());
            default -> null;
        };
        if (size != null) {
            if (shape.min != null && size.compareTo(shape.min) < 0) {
                phrases.add("Member must have length greater than or equal to " + shape.min.toPlainString());
            }
            if (shape.max != null && size.compareTo(shape.max) > 0) {
                phrases.add("Member must have length less than or equal to " + shape.max.toPlainString());
            }
        } else if (value.isNumber()) {
            BigDecimal number = shape.type.equals("double") ? value.decimalValue() : new BigDecimal(value.decimalValue().toBigInteger());
            if (shape.min != null && number.compareTo(shape.min) < 0) {
                phrases.add("Member must have value greater than or equal to " + shape.min.toPlainString());
            }
            if (shape.max != null && number.compareTo(shape.max) > 0) {
                phrases.add("Member must have value less than or equal to " + shape.max.toPlainString());
            }
        }
    }

    /** Every constraint of a shape, for the map key and value forms: max, min, then pattern. */
    private static List<String> allPhrases(Shape shape) {
        List<String> phrases = new ArrayList<>();
        if (shape.max != null) phrases.add("Member must have length less than or equal to " + shape.max.toPlainString());
        if (shape.min != null) phrases.add("Member must have length greater than or equal to " + shape.min.toPlainString());
        if (shape.pattern != null) phrases.add("Member must satisfy regular expression pattern: " + shape.patternText);
        return phrases;
    }

    /** The service's member paths: the model's member names with a lower-case first letter. */
    static String camel(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }

    // ---- the model ----

    private static ShapeValidator load(String resource) {
        try (InputStream in = ShapeValidator.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new ShapeValidator(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ShapeValidator(JsonNode model) {
        model.get("operations").fields().forEachRemaining(e -> operationInputs.put(e.getKey(), e.getValue().textValue()));
        model.get("shapes").fields().forEachRemaining(e -> {
            JsonNode spec = e.getValue();
            if (e.getKey().equals("KeySchema")) shapes.put(GLOBAL_INDEX_KEY_SCHEMA, new Shape(GLOBAL_INDEX_KEY_SCHEMA, spec));
            if (GLOBAL_INDEX_KEY_HOLDERS.contains(e.getKey())) {
                spec = spec.deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) spec.get("members")).put("KeySchema", GLOBAL_INDEX_KEY_SCHEMA);
            }
            String recorded = RECORDED_CONSTRAINTS.get(e.getKey());
            if (recorded != null) {
                try {
                    spec = ((com.fasterxml.jackson.databind.node.ObjectNode) spec.deepCopy()).setAll(
                            (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(recorded));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
            shapes.put(e.getKey(), new Shape(e.getKey(), spec));
        });
        shapes.values().forEach(shape -> shape.constrained = constrained(shape, new java.util.HashSet<>()));
        Shape tableArn = shapes.get("TableArn");
        if (tableArn != null) tableArn.constrained = true; // checked with the table-name rules
        shapes.values().forEach(shape -> shape.resolve(shapes));
    }

    /** Whether a value of this shape, or anything inside it, has a constraint that can fail. */
    private boolean constrained(Shape shape, Set<String> visiting) {
        if (!shape.required.isEmpty() || shape.min != null || shape.max != null || shape.pattern != null || shape.enumValues != null) {
            return true;
        }
        if (!visiting.add(shape.name)) return false; // a cycle adds nothing its other members do not
        List<String> inner = new ArrayList<>(shape.members.values());
        for (String ref : new String[] {shape.member, shape.key, shape.value}) if (ref != null) inner.add(ref);
        for (String ref : inner) {
            if ("TableArn".equals(ref) || constrained(shapes.get(ref), visiting)) return true;
        }
        return false;
    }

    static final class Shape {
        final String name;
        final String type;
        final Map<String, String> members = new LinkedHashMap<>();
        /** camel-case path name → member name, in the service's visiting order */
        final List<Map.Entry<String, String>> memberOrder = new ArrayList<>();
        final Set<String> required;
        final BigDecimal min;
        final BigDecimal max;
        final List<String> enumValues;
        final String enumText;
        final String patternText;
        final Pattern pattern;
        final String member;
        final String key;
        final String value;
        /** False when nothing in a value of this shape can fail a constraint (set once after loading). */
        boolean constrained;
        // resolved once after loading, so that a request's walk makes no look-ups by name
        final Map<String, Shape> memberShapes = new HashMap<>();
        /** The members that can add a problem (required, or constrained within), in {@link #memberOrder}. */
        final List<Map.Entry<String, String>> checkedMembers = new ArrayList<>();
        Shape memberShape;
        Shape keyShape;
        Shape valueShape;

        Shape(String name, JsonNode spec) {
            this.name = name;
            type = spec.get("type").textValue();
            if (spec.has("members")) {
                spec.get("members").fields().forEachRemaining(e -> members.put(e.getKey(), e.getValue().textValue()));
                // the service binds members through a HashMap of their camel-case names
                Map<String, String> binding = new HashMap<>();
                members.keySet().forEach(m -> binding.put(camel(m), m));
                memberOrder.addAll(binding.entrySet());
            }
            List<String> req = new ArrayList<>();
            if (spec.has("required")) spec.get("required").forEach(r -> req.add(r.textValue()));
            required = Set.copyOf(req);
            min = spec.hasNonNull("min") ? spec.get("min").decimalValue() : null;
            max = spec.hasNonNull("max") ? spec.get("max").decimalValue() : null;
            if (spec.has("enum")) {
                List<String> values = new ArrayList<>();
                spec.get("enum").forEach(v -> values.add(v.textValue()));
                enumValues = List.copyOf(values);
                enumText = "[" + String.join(", ", ENUM_ORDER.getOrDefault(name, values)) + "]";
            } else {
                enumValues = null;
                enumText = null;
            }
            patternText = spec.has("pattern") ? spec.get("pattern").textValue() : null;
            pattern = patternText == null ? null : Pattern.compile(patternText, Pattern.DOTALL);
            member = spec.has("member") ? spec.get("member").textValue() : null;
            key = spec.has("key") ? spec.get("key").textValue() : null;
            value = spec.has("value") ? spec.get("value").textValue() : null;
        }

        void resolve(Map<String, Shape> shapes) {
            members.forEach((memberName, shapeName) -> memberShapes.put(memberName, shapes.get(shapeName)));
            for (Map.Entry<String, String> member : memberOrder) {
                if (required.contains(member.getValue()) || memberShapes.get(member.getValue()).constrained) checkedMembers.add(member);
            }
            memberShape = member == null ? null : shapes.get(member);
            keyShape = key == null ? null : shapes.get(key);
            valueShape = value == null ? null : shapes.get(value);
        }
    }
}
