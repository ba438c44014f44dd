package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.expression.DocumentPath;
import io.dynabox.engine.expression.ExpressionAttributes;
import io.dynabox.engine.expression.Expressions;
import io.dynabox.engine.expression.Projector;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import io.dynabox.engine.wire.PlainRequests;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GetItem: one item by its key, optionally projected; a miss answers without {@code Item}. */
public final class GetItem implements Operation, PlainOperation {
    static final Set<String> DETAILS = Set.of("INDEXES", "TOTAL", "NONE");

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        ItemRequests.checkNamesStyle(request, List.of("AttributesToGet"), List.of("ProjectionExpression"));
        Map<String, AttributeValue> key = AttributeValues.readItem(request.get("Key"));
        Set<String> attributesToGet = attributesToGet(request.get("AttributesToGet"));
        List<DocumentPath> projection = projection(request, attributesToGet);
        boolean consistent = request.path("ConsistentRead").asBoolean(false);
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.of(request);
        String tableName = request.get("TableName").textValue();
        return read(context, tableName, key, projection, consistent, detail);
    }

    /** A GetItem of the plain shape (table, key, ConsistentRead, ReturnConsumedCapacity), read member by member from its bytes. */
    static final class Plain implements PlainRequest {
        String tableName;
        Map<String, AttributeValue> key;
        boolean consistent;
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.NONE;

        @Override
        public String tableName() {
            return tableName;
        }

        @Override
        public void read(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "TableName" -> tableName = PlainRequests.tableName(parser);
                case "Key" -> key = PlainRequests.item(parser);
                case "ConsistentRead" -> consistent = PlainRequests.bool(parser);
                case "ReturnConsumedCapacity" -> detail = ConsumedCapacity.Detail.valueOf(PlainRequests.oneOf(parser, DETAILS));
                default -> throw PlainRequests.NOT_PLAIN;
            }
        }

        @Override
        public boolean complete() {
            return tableName != null && key != null;
        }

        @Override
        public JsonNode execute(RequestContext context) {
            return GetItem.read(context, tableName, key, null, consistent, detail);
        }
    }

    @Override
    public PlainRequest newPlainRequest() {
        return new Plain();
    }

    private static JsonNode read(RequestContext context, String tableName, Map<String, AttributeValue> key, List<DocumentPath> projection,
                                 boolean consistent, ConsumedCapacity.Detail detail) {
        Table table = context.usableTable(tableName);
        ItemKeys.checkKey(table.definition(), key);
        byte[] storedKey = table.encodeKey(key);
        Long partition = KeyCodec.hashOf(storedKey);
        context.admitRead(table, null, partition, storedKey, CapacityUnits.readUnits(0, consistent));
        StoredItem latest = TableLocks.read(table, () -> table.keyspace().find(storedKey));
        StoredItem stored = consistent ? latest : context.eventuallyConsistent(table, storedKey, latest);

        ObjectNode answer = Json.object();
        if (stored != null && projection == null) answer.putRawValue("Item", Json.raw(stored.jsonArray(), stored.jsonOffset(), stored.jsonLength()));
        else if (stored != null) answer.set("Item", AttributeValues.writeItem(Projector.project(stored.item(), projection)));
        context.ledger().readItem(table, CapacityUnits.readUnits(stored == null ? 0 : stored.size(), consistent), partition, storedKey);
        ConsumedCapacity.add(answer, detail, context.ledger(), table.name());
        return answer;
    }

    /** The requested names; duplicates are refused in the service's words. */
    static Set<String> attributesToGet(JsonNode list) {
        if (list == null || list.isNull()) return null;
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode name : list) {
            if (!names.add(name.textValue())) {
                throw DynamoException.validation("One or more parameter values were invalid: Duplicate value in attribute name: " + name.textValue());
            }
        }
        return names;
    }

    /** AttributesToGet applied to an item (BatchGetItem). */
    static Map<String, AttributeValue> project(Map<String, AttributeValue> item, Set<String> names) {
        return names == null ? item : Projector.project(item, names.stream().map(DocumentPath::of).toList());
    }

    /** ProjectionExpression or AttributesToGet as document paths; null when the whole item is wanted. */
    static List<DocumentPath> projection(JsonNode request, Set<String> attributesToGet) {
        ExpressionAttributes attributes = ExpressionAttributes.namesOf(request);
        List<DocumentPath> paths = null;
        if (ItemRequests.has(request, "ProjectionExpression")) {
            paths = Expressions.projection(request.get("ProjectionExpression").textValue(), attributes);
        } else if (attributesToGet != null) {
            paths = attributesToGet.stream().map(DocumentPath::of).toList();
        }
        attributes.checkAllUsed();
        return paths;
    }
}
