package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.capacity.WriteCost;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.expression.DocumentPath;
import io.dynabox.engine.expression.Projector;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactGetItems: up to 100 items over several tables, read as one snapshot: the read
 * locks of every table are held together, so no write (single-item, batch or transaction)
 * is seen half done. Each read is charged twice a strongly consistent read, misses
 * included; the answer lists one entry per request, empty for a missing item.
 */
public final class TransactGetItems implements Operation {

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        List<Get> gets = new ArrayList<>();
        for (JsonNode entry : request.get("TransactItems")) gets.add(Get.read(entry.get("Get")));
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.of(request);

        List<Table> tables = new ArrayList<>();
        for (Get get : gets) tables.add(context.usableTable(get.tableName));
        List<byte[]> keys = new ArrayList<>();
        Set<Target> seen = new HashSet<>();
        for (int i = 0; i < gets.size(); i++) {
            KeySchema schema = tables.get(i).definition().keySchema();
            ItemKeys.checkKeyValues(schema, gets.get(i).key);
            byte[] key = ItemKeys.matchesSchema(schema, gets.get(i).key) ? tables.get(i).encodeKey(gets.get(i).key) : null;
            if (key != null && !seen.add(new Target(tables.get(i), ByteBuffer.wrap(key)))) {
                throw DynamoException.validation("Transaction request cannot include multiple operations on one item",
                        "two gets name the same item of table " + tables.get(i).name());
            }
            keys.add(key);
        }
        // a key that does not match its table's schema cancels the whole read, as in TransactWriteItems
        if (keys.contains(null)) {
            List<ObjectNode> reasons = new ArrayList<>();
            for (byte[] key : keys) {
                reasons.add(key == null ? TransactWriteItems.validationError(TransactWriteItems.NOT_MATCHING_SCHEMA) : TransactWriteItems.none());
            }
            throw TransactWriteItems.cancellation(reasons);
        }

        TransactWriteItems.cancelOnThrottle(context, tables, keys, false);
        TransactWriteItems.cancelOnConflict(context, tables, keys);
        List<Map<String, AttributeValue>> items = TableLocks.readAll(tables, () -> {
            List<Map<String, AttributeValue>> read = new ArrayList<>();
            for (int i = 0; i < gets.size(); i++) read.add(tables.get(i).keyspace().get(keys.get(i)));
            return read;
        });
        // the service refuses a read whose items come to more than 4 MB (API reference); the words are DynamoDB Local's
        long aggregate = 0;
        for (Map<String, AttributeValue> item : items) aggregate += item == null ? 0 : ItemSize.of(item);
        if (aggregate > TransactWriteItems.MAX_PAYLOAD_BYTES) throw DynamoException.validation("Payload in response is too large." + aggregate);

        ObjectNode answer = Json.object();
        Set<Table> charged = new LinkedHashSet<>();
        ArrayNode responses = Json.array();
        for (int i = 0; i < gets.size(); i++) {
            Map<String, AttributeValue> item = items.get(i);
            charged.add(tables.get(i));
            context.ledger().readItem(tables.get(i), CapacityUnits.TRANSACTIONAL_FACTOR
                    * CapacityUnits.readUnits(item == null ? 0 : ItemSize.of(item), true), KeyCodec.hashOf(keys.get(i)), keys.get(i));
            ObjectNode response = responses.addObject();
            List<DocumentPath> projection = gets.get(i).projection;
            if (item != null) response.set("Item", AttributeValues.writeItem(projection == null ? item : Projector.project(item, projection)));
        }
        if (detail != ConsumedCapacity.Detail.NONE) {
            ArrayNode capacity = answer.putArray("ConsumedCapacity");
            for (Table table : charged) capacity.add(ConsumedCapacity.transactional(detail, context.ledger(), table.name(), false));
        }
        answer.set("Responses", responses);
        return answer;
    }

    /** One element of TransactItems. */
    private record Get(String tableName, Map<String, AttributeValue> key, List<DocumentPath> projection) {
        static Get read(JsonNode spec) {
            Map<String, AttributeValue> key = AttributeValues.readItem(spec.get("Key"));
            ItemRequests.checkNamesStyle(spec, List.of(), List.of("ProjectionExpression"));
            return new Get(spec.get("TableName").textValue(), key, GetItem.projection(spec, null));
        }
    }

    private record Target(Table table, ByteBuffer key) {
    }
}
