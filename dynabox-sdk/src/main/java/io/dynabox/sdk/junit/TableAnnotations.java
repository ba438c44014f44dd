package io.dynabox.sdk.junit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.wire.Json;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A {@link DynaboxTable} as the CreateTable request it stands for; the engine validates it like any other. */
final class TableAnnotations {
    private TableAnnotations() {}

    static String createTableJson(DynaboxTable table) {
        List<String[]> definitions = new ArrayList<>();
        ObjectNode request = Json.object();
        request.put("TableName", table.name());
        request.put("BillingMode", "PAY_PER_REQUEST");
        request.set("KeySchema", keySchema(table.hashKey(), table.hashKeyType(), table.rangeKey(), table.rangeKeyType(), definitions));
        if (table.globalIndexes().length > 0) {
            request.set("GlobalSecondaryIndexes", indexes(table.globalIndexes(), null, definitions));
        }
        if (table.localIndexes().length > 0) {
            request.set("LocalSecondaryIndexes", indexes(table.localIndexes(), table, definitions));
        }
        ArrayNode attributes = request.putArray("AttributeDefinitions");
        for (String[] definition : definitions) {
            attributes.addObject().put("AttributeName", definition[0]).put("AttributeType", definition[1]);
        }
        return request.toString();
    }

    private static ArrayNode indexes(DynaboxIndex[] indexes, DynaboxTable localTo, List<String[]> definitions) {
        ArrayNode list = Json.array();
        for (DynaboxIndex index : indexes) {
            boolean inheritsHash = localTo != null && index.hashKey().isEmpty();
            String hashKey = inheritsHash ? localTo.hashKey() : index.hashKey();
            ScalarAttributeType hashType = inheritsHash ? localTo.hashKeyType() : index.hashKeyType();
            ObjectNode entry = list.addObject();
            entry.put("IndexName", index.name());
            entry.set("KeySchema", keySchema(hashKey, hashType, index.rangeKey(), index.rangeKeyType(), definitions));
            entry.putObject("Projection").put("ProjectionType", "ALL");
        }
        return list;
    }

    private static ArrayNode keySchema(String hashKey, ScalarAttributeType hashType, String rangeKey, ScalarAttributeType rangeType,
                                       List<String[]> definitions) {
        ArrayNode schema = Json.array();
        schema.addObject().put("AttributeName", hashKey).put("KeyType", "HASH");
        define(definitions, hashKey, hashType);
        if (!rangeKey.isEmpty()) {
            schema.addObject().put("AttributeName", rangeKey).put("KeyType", "RANGE");
            define(definitions, rangeKey, rangeType);
        }
        return schema;
    }

    /** Each name once; a name given two types is sent twice, so DynamoDB's own error reports it. */
    private static void define(List<String[]> definitions, String name, ScalarAttributeType type) {
        for (String[] definition : definitions) {
            if (definition[0].equals(name) && definition[1].equals(type.toString())) return;
        }
        definitions.add(new String[] {name, type.toString()});
    }
}
