package io.dynabox.engine.operation;

import static io.dynabox.engine.wire.PlainRequests.NOT_PLAIN;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.wire.Json;
import io.dynabox.engine.wire.PlainRequests;
import java.io.IOException;
import java.util.Set;

/**
 * The members of a table's definition (CreateTable's) read straight from a request's bytes into
 * the tree the tree path would parse, for a request of the plain shape: each member of the
 * type and within the constraints the service model gives it (as {@code ShapeValidator} checks
 * them), each object's members known here and given once, no nulls. Anything else is
 * {@link PlainRequests#NOT_PLAIN}, and the tree path finds the problem in the service's order
 * and words. So the definition is then checked by the same code, on the same tree, as on the
 * tree path, without the tree parser's and the validator's walks.
 */
final class PlainTableMembers {
    private static final int MAX_NAME_LENGTH = 255;
    /** The recorded maximum of a table's and a local index's KeySchema (a global index's has none). */
    private static final int MAX_KEY_ELEMENTS = 2;
    private static final int MAX_NON_KEY_ATTRIBUTES = 20;
    private static final Set<String> SCALAR_TYPES = Set.of("S", "N", "B");
    private static final Set<String> KEY_TYPES = Set.of("HASH", "RANGE");
    private static final Set<String> PROJECTION_TYPES = Set.of("ALL", "KEYS_ONLY", "INCLUDE");
    private static final Set<String> STREAM_VIEW_TYPES = Set.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");

    private PlainTableMembers() {}

    /** AttributeDefinitions: a list of {AttributeName, AttributeType}. */
    static ArrayNode attributeDefinitions(JsonParser parser) throws IOException {
        return namedPairs(parser, "AttributeType", SCALAR_TYPES);
    }

    /** A KeySchema: a list of one to {@code max} {AttributeName, KeyType}. */
    static ArrayNode keySchema(JsonParser parser, int max) throws IOException {
        ArrayNode list = namedPairs(parser, "KeyType", KEY_TYPES);
        if (list.isEmpty() || list.size() > max) throw NOT_PLAIN;
        return list;
    }

    /** A list of objects of exactly two members: an AttributeName, and {@code second}, one of {@code values}. */
    private static ArrayNode namedPairs(JsonParser parser, String second, Set<String> values) throws IOException {
        ArrayNode list = array(parser);
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            ObjectNode element = object(parser);
            String member;
            while ((member = parser.nextFieldName()) != null) {
                parser.nextToken();
                if (member.equals("AttributeName")) once(element, member).put(member, attributeName(parser));
                else if (member.equals(second)) once(element, member).put(member, PlainRequests.oneOf(parser, values));
                else throw NOT_PLAIN;
            }
            if (element.size() != 2) throw NOT_PLAIN;
            list.add(element);
        }
        return list;
    }

    static ArrayNode tableKeySchema(JsonParser parser) throws IOException {
        return keySchema(parser, MAX_KEY_ELEMENTS);
    }

    /** ProvisionedThroughput: {ReadCapacityUnits, WriteCapacityUnits}, each a whole number of at least 1. */
    static ObjectNode throughput(JsonParser parser) throws IOException {
        ObjectNode throughput = object(parser);
        String member;
        while ((member = parser.nextFieldName()) != null) {
            parser.nextToken();
            if (!member.equals("ReadCapacityUnits") && !member.equals("WriteCapacityUnits")) throw NOT_PLAIN;
            once(throughput, member);
            // the node the tree parser makes for the number: an int's, or a long's
            JsonParser.NumberType type = parser.currentToken() == JsonToken.VALUE_NUMBER_INT ? parser.getNumberType() : null;
            if (type == JsonParser.NumberType.INT && parser.getIntValue() >= 1) throughput.put(member, parser.getIntValue());
            else if (type == JsonParser.NumberType.LONG && parser.getLongValue() >= 1) throughput.put(member, parser.getLongValue());
            else throw NOT_PLAIN;
        }
        if (throughput.size() != 2) throw NOT_PLAIN;
        return throughput;
    }

    /**
     * GlobalSecondaryIndexes or LocalSecondaryIndexes: a list of {IndexName, KeySchema,
     * Projection} (a global one's with its ProvisionedThroughput, if any).
     */
    static ArrayNode indexes(JsonParser parser, boolean global) throws IOException {
        ArrayNode list = array(parser);
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            ObjectNode index = object(parser);
            String member;
            while ((member = parser.nextFieldName()) != null) {
                parser.nextToken();
                switch (member) {
                    // an index name follows the table name rules: 3 to 255 characters of [a-zA-Z0-9_.-]
                    case "IndexName" -> once(index, member).put(member, PlainRequests.tableName(parser));
                    case "KeySchema" -> once(index, member).set(member, keySchema(parser, global ? Integer.MAX_VALUE : MAX_KEY_ELEMENTS));
                    case "Projection" -> once(index, member).set(member, projection(parser));
                    case "ProvisionedThroughput" -> {
                        if (!global) throw NOT_PLAIN;
                        once(index, member).set(member, throughput(parser));
                    }
                    default -> throw NOT_PLAIN;
                }
            }
            if (!index.has("IndexName") || !index.has("KeySchema") || !index.has("Projection")) throw NOT_PLAIN;
            list.add(index);
        }
        return list;
    }

    /** StreamSpecification: {StreamEnabled, StreamViewType (optional)}. */
    static ObjectNode stream(JsonParser parser) throws IOException {
        ObjectNode stream = object(parser);
        String member;
        while ((member = parser.nextFieldName()) != null) {
            parser.nextToken();
            switch (member) {
                case "StreamEnabled" -> once(stream, member).put(member, PlainRequests.bool(parser));
                case "StreamViewType" -> once(stream, member).put(member, PlainRequests.oneOf(parser, STREAM_VIEW_TYPES));
                default -> throw NOT_PLAIN;
            }
        }
        if (!stream.has("StreamEnabled")) throw NOT_PLAIN;
        return stream;
    }

    /** Projection: {ProjectionType, NonKeyAttributes (1 to 20 names)}, both optional. */
    private static ObjectNode projection(JsonParser parser) throws IOException {
        ObjectNode projection = object(parser);
        String member;
        while ((member = parser.nextFieldName()) != null) {
            parser.nextToken();
            switch (member) {
                case "ProjectionType" -> once(projection, member).put(member, PlainRequests.oneOf(parser, PROJECTION_TYPES));
                case "NonKeyAttributes" -> {
                    ArrayNode names = once(projection, member).putArray(member);
                    if (parser.currentToken() != JsonToken.START_ARRAY) throw NOT_PLAIN;
                    while (parser.nextToken() != JsonToken.END_ARRAY) names.add(attributeName(parser));
                    if (names.isEmpty() || names.size() > MAX_NON_KEY_ATTRIBUTES) throw NOT_PLAIN;
                }
                default -> throw NOT_PLAIN;
            }
        }
        return projection;
    }

    /** An attribute name of a key or projection: 1 to 255 characters. */
    private static String attributeName(JsonParser parser) throws IOException {
        String name = PlainRequests.text(parser);
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) throw NOT_PLAIN;
        return name;
    }

    private static ArrayNode array(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_ARRAY) throw NOT_PLAIN;
        return Json.array();
    }

    private static ObjectNode object(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_OBJECT) throw NOT_PLAIN;
        return Json.object();
    }

    /** The object, when it has no {@code member} yet (the tree keeps the last of duplicates: its path decides). */
    private static ObjectNode once(ObjectNode object, String member) {
        if (object.has(member)) throw NOT_PLAIN;
        return object;
    }
}
