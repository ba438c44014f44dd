package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.capacity.ItemCollectionMetrics;
import io.dynabox.engine.capacity.WriteCost;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import io.dynabox.engine.wire.PlainRequests;
import io.dynabox.engine.store.StoredItem;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem: up to 25 puts and deletes over several tables, without conditions. Each
 * write is charged as PutItem or DeleteItem would be. Dynabox applies the whole batch at
 * once (the service promises less: each write is atomic, the batch is not), so
 * {@code UnprocessedItems} is empty unless a throughput limit refuses some writes.
 */
public final class BatchWriteItem implements Operation, PlainOperation {
    static final int MAX_REQUESTS = 25;
    private static final String NOT_ONE_REQUEST =
            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        List<TableWrites> batch = new ArrayList<>();
        int count = 0;
        Iterator<Map.Entry<String, JsonNode>> entries = request.get("RequestItems").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (entry.getValue().isNull()) { // DynamoDB Local's words (it shares the service's validation here); the other tables were written
                throw DynamoException.validation("The batch write request list for a table cannot be null or empty: " + entry.getKey());
            }
            // a request with neither (or both) of PutRequest and DeleteRequest: the service's words are odd, but these
            for (JsonNode writeRequest : entry.getValue()) {
                if (ItemRequests.has(writeRequest, "PutRequest") == ItemRequests.has(writeRequest, "DeleteRequest")) {
                    throw DynamoException.validation(NOT_ONE_REQUEST, "each WriteRequest holds exactly one of PutRequest and DeleteRequest");
                }
            }
            List<Write> writes = new ArrayList<>();
            for (JsonNode writeRequest : entry.getValue()) {
                Write write;
                if (ItemRequests.has(writeRequest, "PutRequest")) {
                    Map<String, AttributeValue> item = AttributeValues.readItem(writeRequest.get("PutRequest").get("Item"));
                    write = new Write(item, true, ItemSize.of(item), null, writeRequest);
                    checkSize(write);
                } else {
                    write = new Write(AttributeValues.readItem(writeRequest.get("DeleteRequest").get("Key")), false, 0, null, writeRequest);
                }
                writes.add(write);
                checkCount(++count);
            }
            batch.add(new TableWrites(entry.getKey(), writes));
        }
        return write(context, batch, ConsumedCapacity.Detail.of(request), ItemCollectionMetrics.wanted(request));
    }

    /**
     * A BatchWriteItem of the plain shape: RequestItems of 1 to 25 tables (names by the name rules,
     * each once) of 1 to 25 write requests, each exactly one PutRequest with only an Item or
     * DeleteRequest with only a Key, of plain values; ReturnConsumedCapacity, ReturnItemCollectionMetrics.
     */
    static final class Plain implements PlainRequest {
        byte[] body;
        List<TableWrites> batch;
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.NONE;
        boolean metricsWanted;

        @Override
        public String tableName() {
            return null; // the request has no TableName member: observers see none, as by the tree path
        }

        @Override
        public void body(byte[] body) {
            this.body = body;
        }

        @Override
        public void read(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "RequestItems" -> batch = requestItems(parser, body);
                case "ReturnConsumedCapacity" -> detail = ConsumedCapacity.Detail.valueOf(PlainRequests.oneOf(parser, GetItem.DETAILS));
                case "ReturnItemCollectionMetrics" -> metricsWanted = PlainRequests.oneOf(parser, PutItem.METRICS).equals("SIZE");
                default -> throw PlainRequests.NOT_PLAIN;
            }
        }

        @Override
        public boolean complete() {
            return batch != null;
        }

        @Override
        public JsonNode execute(RequestContext context) {
            // the tree path's checks that a plain request can fail, in its order
            int count = 0;
            for (TableWrites tableWrites : batch) {
                for (Write write : tableWrites.writes) {
                    checkSize(write);
                    checkCount(++count);
                }
            }
            return write(context, batch, detail, metricsWanted);
        }

        private static List<TableWrites> requestItems(JsonParser parser, byte[] body) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) throw PlainRequests.NOT_PLAIN;
            List<TableWrites> batch = new ArrayList<>();
            Set<String> names = new HashSet<>();
            String name;
            while ((name = parser.nextFieldName()) != null) {
                if (!names.add(PlainRequests.tableName(name)) || parser.nextToken() != JsonToken.START_ARRAY) throw PlainRequests.NOT_PLAIN;
                List<Write> writes = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) writes.add(writeRequest(parser, body));
                if (writes.isEmpty() || writes.size() > MAX_REQUESTS) throw PlainRequests.NOT_PLAIN;
                batch.add(new TableWrites(name, writes));
            }
            if (batch.isEmpty() || batch.size() > MAX_REQUESTS) throw PlainRequests.NOT_PLAIN;
            return batch;
        }

        /**
         * {"PutRequest":{"Item":...}} or {"DeleteRequest":{"Key":...}}, the parser at its start, left at its end; a put's
         * item with its stored form written as it is read ({@link NewItem}).
         */
        private static Write writeRequest(JsonParser parser, byte[] body) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) throw PlainRequests.NOT_PLAIN;
            String kind = parser.nextFieldName();
            boolean put = "PutRequest".equals(kind);
            if (!put && !"DeleteRequest".equals(kind) || parser.nextToken() != JsonToken.START_OBJECT
                    || !(put ? "Item" : "Key").equals(parser.nextFieldName())) {
                throw PlainRequests.NOT_PLAIN;
            }
            parser.nextToken();
            NewItem item = put ? NewItem.read(parser, body) : null;
            Map<String, AttributeValue> attributes = put ? item : PlainRequests.item(parser);
            // nothing more in the PutRequest or DeleteRequest, nor in the WriteRequest
            if (parser.nextToken() != JsonToken.END_OBJECT || parser.nextToken() != JsonToken.END_OBJECT) throw PlainRequests.NOT_PLAIN;
            return put ? new Write(item, true, item.itemSize(), item.json(), null) : new Write(attributes, false, 0, null, null);
        }
    }

    @Override
    public PlainRequest newPlainRequest() {
        return new Plain();
    }

    private static void checkSize(Write put) {
        if (put.size > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoException.validation("Item size has exceeded the maximum allowed size",
                    "the item is " + put.size + " bytes; the limit is " + ItemSize.MAX_ITEM_BYTES);
        }
    }

    private static void checkCount(int count) {
        if (count > MAX_REQUESTS) {
            throw DynamoException.validation("Too many items requested for the BatchWriteItem call",
                    "a BatchWriteItem request may hold at most " + MAX_REQUESTS + " requests over all its tables");
        }
    }

    /** The batch itself, whichever path read it. */
    private static JsonNode write(RequestContext context, List<TableWrites> batch, ConsumedCapacity.Detail detail, boolean metricsWanted) {
        List<Table> tables = new ArrayList<>();
        List<List<byte[]>> keys = new ArrayList<>();
        for (TableWrites tableWrites : batch) {
            Table table = context.usableTable(tableWrites.name);
            tables.add(table);
            keys.add(checkedKeys(table, tableWrites.writes));
        }

        return TableLocks.writeAll(tables, () -> {
            List<ItemWriter.PlannedWrite> planned = new ArrayList<>();
            ObjectNode unprocessed = Json.object();
            int processed = 0;
            int held = 0;
            Table throttledTable = null;
            Long throttledPartition = null;
            WriteCost throttledIndexWrite = null; // when the first write left unprocessed was refused by an index partition
            for (int t = 0; t < batch.size(); t++) {
                Table table = tables.get(t);
                for (int w = 0; w < batch.get(t).writes.size(); w++) {
                    Write write = batch.get(t).writes.get(w);
                    byte[] key = keys.get(t).get(w);
                    Long partition = KeyCodec.hashOf(key);
                    if (!context.hasCapacity(table, true, partition, key, write.put ? CapacityUnits.writeUnits(write.size) : 1)) {
                        // a write the table (or its partition, or an index) has no capacity for is left unprocessed, as the service does
                        unprocessed.withArray(batch.get(t).name).add(write.request());
                        if (throttledTable == null) {
                            throttledTable = table;
                            throttledPartition = partition;
                        }
                        continue;
                    }
                    if (context.meetsTransaction(table, key)) {
                        // an item a transaction holds is not written now: the caller retries it, as it retries throttled writes
                        unprocessed.withArray(batch.get(t).name).add(write.request());
                        held++;
                        continue;
                    }
                    processed++;
                    StoredItem old = table.keyspace().find(key);
                    if (!write.put && old == null) {
                        context.ledger().write(table, new WriteCost(1, Map.of(), Map.of()), partition, key); // deleting nothing still costs a unit
                        continue;
                    }
                    // the old item is decoded only when an index must see it
                    ItemWriter.PlannedWrite plan = write.json != null ? ItemWriter.plan(table, key, old, null, write.attributes, write.json, write.size)
                            : ItemWriter.plan(table, key, old, null, write.put ? write.attributes : null, write.size);
                    if (!context.hasIndexCapacity(table, plan.cost(), key, plan.cost().tableUnits())) {
                        // a write whose index entry falls on a partition of the index out of capacity: left unprocessed too
                        processed--;
                        unprocessed.withArray(batch.get(t).name).add(write.request());
                        if (throttledTable == null) {
                            throttledTable = table;
                            throttledIndexWrite = plan.cost();
                        }
                        continue;
                    }
                    planned.add(plan);
                    context.ledger().write(table, plan.cost(), partition, write.put ? plan.newSize() : -1, key);
                }
            }
            // when no write at all could go ahead, and for want of capacity only, the whole request is throttled
            if (processed == 0 && held == 0 && throttledTable != null) { // its units are noted already
                if (throttledIndexWrite != null) context.admitIndexWrites(throttledTable, throttledIndexWrite, null, 0);
                else context.admitWrite(throttledTable, throttledPartition, null, 0);
            }
            ItemWriter.applyAll(context.store(), planned);

            ObjectNode answer = Json.object();
            answer.set("UnprocessedItems", unprocessed);
            if (detail != ConsumedCapacity.Detail.NONE) {
                ArrayNode capacity = answer.putArray("ConsumedCapacity");
                for (TableWrites tableWrites : batch) capacity.add(ConsumedCapacity.of(detail, context.ledger(), tableWrites.name));
            }
            if (metricsWanted) addMetrics(answer, batch, tables);
            return answer;
        });
    }

    /** Keys checked against the table's schema, then for duplicates (which the service checks after the table lookup). */
    private static List<byte[]> checkedKeys(Table table, List<Write> writes) {
        TableDefinition definition = table.definition();
        KeySchema schema = definition.keySchema();
        List<byte[]> keys = new ArrayList<>();
        for (Write write : writes) {
            // a put's item is checked as a key first: the service answers a key problem in a put as it does in a delete
            ItemKeys.checkKey(definition, write.put ? ItemKeys.keyOf(schema, write.attributes) : write.attributes);
            if (write.put) ItemKeys.checkIndexKeys(definition, write.attributes);
            keys.add(table.encodeKey(write.attributes));
        }
        Set<ByteBuffer> seen = new HashSet<>();
        for (byte[] key : keys) {
            if (!seen.add(ByteBuffer.wrap(key))) {
                throw DynamoException.validation("Provided list of item keys contains duplicates",
                        "two requests for table " + table.name() + " name the same item");
            }
        }
        return keys;
    }

    private static void addMetrics(ObjectNode answer, List<TableWrites> batch, List<Table> tables) {
        ObjectNode metrics = answer.putObject("ItemCollectionMetrics");
        for (int t = 0; t < batch.size(); t++) {
            if (!ItemCollectionMetrics.applies(tables.get(t))) continue;
            ArrayNode list = metrics.withArray(batch.get(t).name);
            for (Write write : batch.get(t).writes) list.add(ItemCollectionMetrics.of(tables.get(t), write.attributes));
        }
    }

    /**
     * A put (the item, and its size) or a delete (the key); {@code source} is the write request
     * as the tree path read it (null for the streamed path), which an unprocessed write is answered with.
     */
    /** {@code json}: a put's stored form when it was written as the request was read (else null); {@code source}: the request as given, if a tree. */
    private record Write(Map<String, AttributeValue> attributes, boolean put, long size, byte[] json, JsonNode source) {
        JsonNode request() {
            if (source != null) return source;
            ObjectNode request = Json.object();
            request.putObject(put ? "PutRequest" : "DeleteRequest").set(put ? "Item" : "Key", AttributeValues.writeItem(attributes));
            return request;
        }
    }

    private record TableWrites(String name, List<Write> writes) {
    }
}
