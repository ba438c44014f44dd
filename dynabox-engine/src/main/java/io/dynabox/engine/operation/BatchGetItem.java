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
import java.util.function.Supplier;
import java.io.IOException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dynabox.engine.expression.ExpressionAttributes;
import io.dynabox.engine.expression.Expressions;
import io.dynabox.engine.wire.PlainRequests;
import io.dynabox.engine.wire.ShapeValidator;

/**
 * BatchGetItem: up to 100 items by key, over several tables. Each item is read and charged
 * as a GetItem would be; once the answer would pass 16 MB, the remaining keys come back in
 * {@code UnprocessedKeys}, with their table's read parameters, for the caller to ask again.
 */
public final class BatchGetItem implements Operation, PlainOperation {
    static final int MAX_KEYS = 100;
    static final long MAX_ANSWER_BYTES = 16L * 1024 * 1024;
    private static final String DUPLICATE_KEYS = "Provided list of item keys contains duplicates";

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
            ItemRequests.checkNamesStyle(spec, List.of("AttributesToGet"), List.of("ProjectionExpression"));
            List<DocumentPath> projection = GetItem.projection(spec, GetItem.attributesToGet(spec.get("AttributesToGet")));
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            Set<Map<String, AttributeValue>> seen = new HashSet<>();
            for (JsonNode keyNode : spec.get("Keys")) {
                Map<String, AttributeValue> key = AttributeValues.readItem(keyNode);
                if (!seen.add(key)) throw DynamoException.validation(DUPLICATE_KEYS);
                if (++keyCount > MAX_KEYS) throw tooManyKeys();
                keys.add(key);
            }
            reads.add(new TableRead(entry.getKey(), () -> spec, keys, projection, spec.path("ConsistentRead").asBoolean(false)));
        }
        return read(context, reads, ConsumedCapacity.Detail.of(request));
    }

    /**
     * A BatchGetItem of the plain shape: RequestItems of 1 to 100 tables named by the name rules,
     * each with 1 to 100 plain Keys, ConsistentRead, and a ProjectionExpression with its
     * ExpressionAttributeNames (non-empty, keys the service takes); ReturnConsumedCapacity. No
     * AttributesToGet, and no ExpressionAttributeNames without a ProjectionExpression.
     */
    static final class Plain implements PlainRequest {
        byte[] body;
        List<PlainTable> tables;
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.NONE;

        @Override
        public String tableName() {
            return null; // the request log names no table for a batch, as on the tree path
        }

        @Override
        public void body(byte[] body) {
            this.body = body;
        }

        @Override
        public void read(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "RequestItems" -> tables = requestItems(parser);
                case "ReturnConsumedCapacity" -> detail = ConsumedCapacity.Detail.valueOf(PlainRequests.oneOf(parser, GetItem.DETAILS));
                default -> throw PlainRequests.NOT_PLAIN;
            }
        }

        private static List<PlainTable> requestItems(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) throw PlainRequests.NOT_PLAIN;
            List<PlainTable> tables = new ArrayList<>();
            Set<String> names = new HashSet<>();
            String name;
            while ((name = parser.nextFieldName()) != null) {
                if (!names.add(PlainRequests.tableName(name))) throw PlainRequests.NOT_PLAIN; // the tree keeps the last of duplicates
                parser.nextToken();
                tables.add(keysAndAttributes(name, parser));
            }
            if (tables.isEmpty() || tables.size() > MAX_KEYS) throw PlainRequests.NOT_PLAIN;
            return tables;
        }

        private static PlainTable keysAndAttributes(String table, JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) throw PlainRequests.NOT_PLAIN;
            PlainTable read = new PlainTable(table);
            Set<String> seen = new HashSet<>(4);
            String member;
            while ((member = parser.nextFieldName()) != null) {
                if (!seen.add(member) || parser.nextToken() == JsonToken.VALUE_NULL) throw PlainRequests.NOT_PLAIN;
                switch (member) {
                    case "Keys" -> {
                        if (parser.currentToken() != JsonToken.START_ARRAY) throw PlainRequests.NOT_PLAIN;
                        read.keys = new ArrayList<>();
                        while (parser.nextToken() != JsonToken.END_ARRAY) read.keys.add(PlainRequests.item(parser));
                        if (read.keys.isEmpty() || read.keys.size() > MAX_KEYS) throw PlainRequests.NOT_PLAIN;
                    }
                    case "ConsistentRead" -> read.consistent = PlainRequests.bool(parser);
                    case "ProjectionExpression" -> read.projectionExpression = PlainRequests.text(parser);
                    case "ExpressionAttributeNames" -> read.names = PlainRequests.expressionNames(parser, key -> ExpressionAttributes.isValidKey(key, '#'));
                    default -> throw PlainRequests.NOT_PLAIN;
                }
            }
            // names without an expression are refused in the tree path's words, at its point
            if (read.keys == null || (read.names != null && read.projectionExpression == null)) throw PlainRequests.NOT_PLAIN;
            return read;
        }

        @Override
        public boolean complete() {
            return tables != null;
        }

        @Override
        public JsonNode execute(RequestContext context) {
            // what the tree path does with the same members, in its order
            List<TableRead> reads = new ArrayList<>(tables.size());
            int keyCount = 0;
            for (PlainTable table : tables) {
                List<DocumentPath> projection = null;
                if (table.projectionExpression != null) {
                    ExpressionAttributes attributes = new ExpressionAttributes(table.names == null ? Map.of() : table.names, Map.of());
                    projection = Expressions.projection(table.projectionExpression, attributes);
                    attributes.checkAllUsed();
                }
                keyCount = checkKeys(table.keys, keyCount);
                String name = table.name;
                reads.add(new TableRead(name, () -> ShapeValidator.parseBody(body).get("RequestItems").get(name), table.keys, projection,
                        table.consistent));
            }
            return BatchGetItem.read(context, reads, detail);
        }
    }

    /** One table's part of a plain request, as read. */
    private static final class PlainTable {
        final String name;
        List<Map<String, AttributeValue>> keys;
        boolean consistent;
        String projectionExpression;
        Map<String, String> names;

        PlainTable(String name) {
            this.name = name;
        }
    }

    @Override
    public PlainRequest newPlainRequest() {
        return new Plain();
    }

    /** A table's keys, checked in order: no key twice, and at most {@link #MAX_KEYS} over the request; answers the count so far. */
    private static int checkKeys(List<Map<String, AttributeValue>> keys, int keyCount) {
        Set<Map<String, AttributeValue>> seen = new HashSet<>();
        for (Map<String, AttributeValue> key : keys) {
            if (!seen.add(key)) throw DynamoException.validation(DUPLICATE_KEYS);
            if (++keyCount > MAX_KEYS) throw tooManyKeys();
        }
        return keyCount;
    }

    private static DynamoException tooManyKeys() {
        return DynamoException.validation("Too many items requested for the BatchGetItem call",
                "a BatchGetItem request may name at most " + MAX_KEYS + " keys over all its tables");
    }

    /** The reads, once every table's parameters and keys are checked: the tables looked up, then one consistent read of all. */
    private static JsonNode read(RequestContext context, List<TableRead> reads, ConsumedCapacity.Detail detail) {
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
                List<Integer> leftOver = new ArrayList<>(); // the places of the keys left unprocessed
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
                        leftOver.add(k);
                        continue;
                    }
                    answerBytes += size;
                    read++;
                    context.ledger().readItem(table, CapacityUnits.readUnits(size, tableRead.consistent), partition, storedKey);
                    if (stored != null && tableRead.projection == null) items.addRawValue(Json.raw(stored.jsonArray(), stored.jsonOffset(), stored.jsonLength()));
                    else if (stored != null) items.add(AttributeValues.writeItem(Projector.project(stored.item(), tableRead.projection)));
                }
                if (!leftOver.isEmpty()) {
                    // the table's part of the request echoed with the keys left, as given
                    JsonNode spec = tableRead.spec.get();
                    ObjectNode again = spec.deepCopy();
                    ArrayNode keys = again.putArray("Keys");
                    for (int k : leftOver) keys.add(spec.get("Keys").get(k));
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
    private record TableRead(String name, Supplier<JsonNode> spec, List<Map<String, AttributeValue>> keys, List<DocumentPath> projection,
                             boolean consistent) {
    }
}
