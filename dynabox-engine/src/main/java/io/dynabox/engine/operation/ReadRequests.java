package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ServiceTexts;
import io.dynabox.engine.operation.PageReader.Select;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.AttributeValues;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The request checks Query and Scan share: Select and its companions, and the start key. */
final class ReadRequests {
    static final String START_KEY_INVALID = ServiceTexts.START_KEY_INVALID;
    static final String NOT_SCHEMA = ServiceTexts.KEY_NOT_SCHEMA;

    private ReadRequests() {}

    /**
     * The Select in force, checked against AttributesToGet and ProjectionExpression before
     * the table is looked up: by default the whole item of a table, the projected
     * attributes of an index, or the named attributes when some are named.
     */
    static Select select(JsonNode request) {
        return select(ItemRequests.has(request, "Select") ? request.get("Select").textValue() : null, ItemRequests.has(request, "AttributesToGet"),
                ItemRequests.has(request, "ProjectionExpression"), ItemRequests.has(request, "IndexName"));
    }

    /** The same from the members' values: {@code given} is the Select given (null when none), the booleans say which members are there. */
    static Select select(String given, boolean attributesToGet, boolean projectionExpression, boolean index) {
        if (given == null) {
            if (attributesToGet || projectionExpression) return Select.SPECIFIC_ATTRIBUTES;
            return index ? Select.ALL_PROJECTED_ATTRIBUTES : Select.ALL_ATTRIBUTES;
        }
        Select select = Select.valueOf(given);
        String named = attributesToGet ? "AttributesToGet" : projectionExpression ? "ProjectionExpression" : null;
        switch (select) {
            case SPECIFIC_ATTRIBUTES:
                if (named == null) {
                    throw DynamoException.validation(ServiceTexts.SELECT_SPECIFIC_WITHOUT_NAMES);
                }
                break;
            case COUNT:
                if (named != null) throw DynamoException.validation(String.format(ServiceTexts.SELECT_COUNT_WITH_NAMES, named));
                break;
            default:
                if (named != null) throw DynamoException.validation(String.format(ServiceTexts.SELECT_ALL_WITH_NAMES, named, select));
        }
        if (select == Select.ALL_PROJECTED_ATTRIBUTES && !index) {
            throw DynamoException.validation(ServiceTexts.SELECT_ALL_PROJECTED_WITHOUT_INDEX);
        }
        return select;
    }

    /** The start key's values, each checked as the service checks values, under the start key's prefix. */
    static Map<String, AttributeValue> readStartKey(JsonNode request) {
        JsonNode node = request.get("ExclusiveStartKey");
        if (node == null || node.isNull()) return null;
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) continue;
            try {
                key.put(field.getKey(), AttributeValues.read(field.getValue()));
            } catch (DynamoException e) {
                throw DynamoException.validation(START_KEY_INVALID + ": " + e.getMessage(), e.explanation());
            }
        }
        return key;
    }

    /**
     * A Scan's start key must name exactly the key attributes of the source read, with their
     * types and non-empty values.
     */
    static byte[] scanStartKey(ReadSource source, Map<String, AttributeValue> key) {
        String mismatch = START_KEY_INVALID + ": " + NOT_SCHEMA;
        Set<String> names = source.keyNames();
        if (!key.keySet().equals(names)) throw DynamoException.validation(mismatch, expected(names));
        for (String name : names) {
            if (key.get(name).type() != source.keyType(name)) throw DynamoException.validation(mismatch, expected(names));
        }
        return storedKey(source, key);
    }

    /**
     * The checks of a Query's start key that come before its key condition, in the service's
     * order: as many attributes as the key has, then the partition key of the schema queried.
     */
    static void checkQueryStartKeyShape(ReadSource source, Map<String, AttributeValue> key) {
        Set<String> names = source.keyNames();
        if (key.size() != names.size()) throw DynamoException.validation(START_KEY_INVALID, expected(names));
        for (KeySchema.Element e : source.keySchema().partitionElements()) checkQueriedKey(source, key, e.name(), names);
    }

    /**
     * The rest, once the key condition is known: the sort key of the schema queried, then (for
     * an index) the table's key. Returns the stored key to resume after.
     */
    static byte[] queryStartKey(ReadSource source, Map<String, AttributeValue> key) {
        Set<String> names = source.keyNames();
        for (KeySchema.Element e : source.keySchema().sortElements()) checkQueriedKey(source, key, e.name(), names);
        for (String name : names) {
            AttributeValue value = key.get(name);
            if (value == null || value.type() != source.keyType(name)) {
                throw DynamoException.validation(START_KEY_INVALID + ": " + NOT_SCHEMA, expected(names));
            }
        }
        return storedKey(source, key);
    }

    private static void checkQueriedKey(ReadSource source, Map<String, AttributeValue> key, String name, Set<String> names) {
        AttributeValue value = key.get(name);
        if (value == null) throw DynamoException.validation(START_KEY_INVALID, expected(names));
        if (value.type() != source.keyType(name)) throw DynamoException.validation(NOT_SCHEMA, expected(names));
    }

    private static String expected(Set<String> names) {
        return "a start key holds exactly " + names + " with their key types, as LastEvaluatedKey gives them";
    }

    private static byte[] storedKey(ReadSource source, Map<String, AttributeValue> key) {
        for (Map.Entry<String, AttributeValue> e : key.entrySet()) {
            AttributeValue value = e.getValue();
            boolean empty = (value instanceof AttributeValue.S s && s.value().isEmpty())
                    || (value instanceof AttributeValue.B b && b.value().length() == 0);
            if (empty) {
                throw DynamoException.validation(START_KEY_INVALID + ": One or more parameter values are not valid. "
                        + "The AttributeValue for a key attribute cannot contain an empty "
                        + (value.type() == AttributeValue.Type.S ? "string" : "binary") + " value. Key: " + e.getKey());
            }
        }
        return source.storedKey(key);
    }

    /**
     * Checks on an index read once the index is known: no consistent reads and no
     * attributes beyond the projection on a global index. Returns whether each entry of a
     * local index must be completed from its table item.
     */
    static boolean checkIndexRead(ReadSource source, boolean consistent, Select select, List<String> namedAttributes,
                                  Set<String> filterAttributes, String consistentMessage) {
        if (!source.isIndex()) return false;
        if (source.isGlobalIndex()) {
            if (consistent) throw DynamoException.validation(consistentMessage);
            if (select == Select.ALL_ATTRIBUTES && !source.projectsAll()) {
                throw DynamoException.validation(String.format(ServiceTexts.SELECT_ALL_ON_PARTIAL_GLOBAL_INDEX, source.name()));
            }
        }
        List<String> missing = new ArrayList<>();
        if (namedAttributes != null) for (String name : namedAttributes) if (!source.holds(name)) missing.add(name);
        if (source.isGlobalIndex()) {
            if (!missing.isEmpty()) {
                throw DynamoException.validation(String.format(ServiceTexts.GLOBAL_INDEX_DOES_NOT_PROJECT, source.name(), missing));
            }
            return false;
        }
        for (String name : filterAttributes) if (!source.holds(name)) missing.add(name);
        return (select == Select.ALL_ATTRIBUTES && !source.projectsAll()) || !missing.isEmpty();
    }
}
