package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.expression.DocumentPath;
import io.dynabox.engine.expression.Projector;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem: up to 100 items by key, over several tables. Each item is read and charged
 * as a GetItem would be; once the answer would pass 16 MB, the remaining keys come back in
 * {@code UnprocessedKeys}, with their table's read parameters, for the caller to ask again.
 */
public final class BatchGetItem implements Operation {
    static final int MAX_KEYS = 100;
    static final long MAX_ANSWER_BYTES = 16L * 1024 * 1024;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        // the service checks every table's parameters and keys before it looks any table up
        List<TableRead> reads = new ArrayList<>();
        int keyCount = 0;
        Iterator<Map.Entry<String, JsonNode>> entries = request.get("RequestItems").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode spec = entry.getValue();
            if (spec.isNull()) { // DynamoDB Local's words (it shares the service's validation here); a table of null was a 500
                throw DynamoException.validation("The list of keys in RequestItems for BatchGetItem is required: " + entry.getKey() + " has empty list");
            }
            ItemRequests.checkParameterStyle(spec, List.of("AttributesToGet"), List.of("ProjectionExpression"), "");
            List<DocumentPath> projection = GetItem.projection(spec, GetItem.attributesToGet(spec.get("AttributesToGet")));
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            Set<Map<String, AttributeValue>> seen = new HashSet<>();
            for (JsonNode keyNode : spec.get("Keys")) {
                Map<String, AttributeValue> key = AttributeValues.readItem(keyNode);
                if (!seen.add(key)) throw DynamoException.validation("Provided list of item keys contains duplicates");
                if (++keyCount > MAX_KEYS) {
                    throw DynamoException.validation("Too many items requested for the BatchGetItem call",
                            "a BatchGetItem request may name at most " + MAX_KEYS + " keys over all its tables");
                }
                keys.add(key);
            }
            reads.add(new TableRead(entry.getKey(), spec, keys, projection, spec.path("ConsistentRead").asBoolean(false)));
        }
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.of(request);

        List<Table> tables = new ArrayList<>();
        List<List<byte[]>> storedKeys = new ArrayList<>();
        for (TableRead read : reads) {
            Table table = context.usableTable(read.name);
            List<byte[]> encoded = new ArrayList<>();
            for (Map<String, AttributeValue> key : read.keys) {
                ItemKeys.checkKey(table.definition(), key);
                encoded.add(table.encodeKey(key));
            }
            tables.add(table);
            storedKeys.add(encoded);
        }

        // one read lock per table for the whole batch: the answer is one consistent view
        return TableLocks.readAll(tables, () -> {
            ObjectNode responses = Json.object();
            ObjectNode unprocessed = Json.object();
            ArrayNode capacity = Json.array();
            long answerBytes = 0;
            int read = 0;
            Table throttledTable = null;
            Long throttledPartition = null;
            for (int t = 0; t < reads.size(); t++) {
                TableRead tableRead = reads.get(t);
                Table table = tables.get(t);
                ArrayNode items = responses.putArray(tableRead.name);
                ArrayNode leftOver = Json.array();
                boolean tableThrottled = false;
                for (int k = 0; k < tableRead.keys.size(); k++) {
                    byte[] storedKey = storedKeys.get(t).get(k);
                    Long partition = KeyCodec.hashOf(storedKey);
                    // a key the table (or its partition) has no capacity for is left unprocessed, as the service does
                    boolean throttled = leftOver.isEmpty() && !context.hasCapacity(table, false, partition, storedKey, CapacityUnits.readUnits(0, tableRead.consistent));
                    if (throttled) tableThrottled = true;
                    if (throttled && throttledTable == null) {
                        throttledTable = table;
                        throttledPartition = partition;
                    }
                    StoredItem stored = throttled ? null : table.keyspace().find(storedKey);
                    if (!throttled && !tableRead.consistent) stored = context.eventuallyConsistent(table, storedKey, stored);
                    long size = stored == null ? 0 : stored.size();
                    if (throttled || !leftOver.isEmpty() || answerBytes + size > MAX_ANSWER_BYTES) {
                        // the keys after a throttled one are left for want of capacity too: throttled units as well
                        if (!throttled && tableThrottled) {
                            context.ledger().throttled(table, null, false, false, CapacityUnits.readUnits(0, tableRead.consistent), partition, storedKey);
                        }
                        leftOver.add(tableRead.spec.get("Keys").get(k));
                        continue;
                    }
                    answerBytes += size;
                    read++;
                    context.ledger().readItem(table, CapacityUnits.readUnits(size, tableRead.consistent), partition, storedKey);
                    if (stored != null && tableRead.projection == null) items.addRawValue(Json.raw(stored.json()));
                    else if (stored != null) items.add(AttributeValues.writeItem(Projector.project(stored.item(), tableRead.projection)));
                }
                if (!leftOver.isEmpty()) {
                    ObjectNode again = tableRead.spec.deepCopy();
                    again.set("Keys", leftOver);
                    unprocessed.set(tableRead.name, again);
                }
                if (detail != ConsumedCapacity.Detail.NONE) capacity.add(ConsumedCapacity.of(detail, context.ledger(), tableRead.name));
            }
            // when no key at all could be read for want of capacity, the whole request is throttled
            if (read == 0 && throttledTable != null) context.admitRead(throttledTable, null, throttledPartition, 0); // its units are noted already
            ObjectNode answer = Json.object();
            answer.set("Responses", responses);
            answer.set("UnprocessedKeys", unprocessed);
            if (detail != ConsumedCapacity.Detail.NONE) answer.set("ConsumedCapacity", capacity);
            return answer;
        });
    }

    /** One table's part of the request, as read and checked. */
    private record TableRead(String name, JsonNode spec, List<Map<String, AttributeValue>> keys, List<DocumentPath> projection,
                             boolean consistent) {
    }
}
