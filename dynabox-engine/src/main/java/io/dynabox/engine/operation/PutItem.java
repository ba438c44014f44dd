package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.capacity.ItemCollectionMetrics;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.expression.Condition;
import io.dynabox.engine.expression.ExpressionAttributes;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import io.dynabox.engine.wire.PlainRequests;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PutItem: creates or replaces a whole item. */
public final class PutItem implements Operation, PlainOperation {
    static final Set<String> RETURN_VALUES = Set.of("NONE", "ALL_OLD");
    static final Set<String> METRICS = Set.of("SIZE", "NONE");

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        ItemRequests.checkParameterStyle(request, List.of("Expected", "ConditionalOperator"), List.of("ConditionExpression"),
                ": ConditionExpression is null");
        Map<String, AttributeValue> item = AttributeValues.readItem(request.get("Item"));
        boolean returnOld = ItemRequests.returnValuesNoneOrAllOld(request).equals("ALL_OLD");
        long size = ItemSize.of(item);
        checkSize(size);
        ExpressionAttributes attributes = ExpressionAttributes.of(request);
        Condition condition = Conditions.of(request, attributes);
        attributes.checkAllUsed();
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.of(request);
        String tableName = request.get("TableName").textValue();
        boolean metricsWanted = ItemCollectionMetrics.wanted(request);
        return write(context, tableName, item, null, size, returnOld, condition, Conditions.oldItemOnFailure(request), detail, metricsWanted);
    }

    /**
     * A PutItem of the plain shape: table, item, ReturnValues, ReturnConsumedCapacity, ReturnItemCollectionMetrics,
     * and a ConditionExpression with its members (see {@link Conditions.Plain}); no legacy Expected.
     */
    static final class Plain implements PlainRequest {
        final Conditions.Plain condition = new Conditions.Plain();
        String tableName;
        byte[] body;
        NewItem item;
        boolean returnOld;
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.NONE;
        boolean metricsWanted;

        @Override
        public String tableName() {
            return tableName;
        }

        @Override
        public void body(byte[] body) {
            this.body = body;
        }

        @Override
        public void read(String name, JsonParser parser) throws IOException {
            if (condition.read(name, parser)) return;
            switch (name) {
                case "TableName" -> tableName = PlainRequests.tableName(parser);
                case "Item" -> item = NewItem.read(parser, body);
                case "ReturnValues" -> returnOld = PlainRequests.oneOf(parser, RETURN_VALUES).equals("ALL_OLD");
                case "ReturnConsumedCapacity" -> detail = ConsumedCapacity.Detail.valueOf(PlainRequests.oneOf(parser, GetItem.DETAILS));
                case "ReturnItemCollectionMetrics" -> metricsWanted = PlainRequests.oneOf(parser, METRICS).equals("SIZE");
                default -> throw PlainRequests.NOT_PLAIN;
            }
        }

        @Override
        public boolean complete() {
            return tableName != null && item != null && condition.complete(false);
        }

        @Override
        public JsonNode execute(RequestContext context) {
            // what the tree path does with the same members, in its order
            long size = item.itemSize();
            checkSize(size);
            ExpressionAttributes attributes = condition.attributes();
            Condition bound = condition.condition(attributes);
            attributes.checkAllUsed();
            return write(context, tableName, item, item.json(), size, returnOld, bound, condition.oldItemOnFailure, detail, metricsWanted);
        }
    }

    @Override
    public PlainRequest newPlainRequest() {
        return new Plain();
    }

    private static void checkSize(long size) {
        if (size > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoException.validation("Item size has exceeded the maximum allowed size",
                    "the item is " + size + " bytes; the limit is " + ItemSize.MAX_ITEM_BYTES);
        }
    }

    /**
     * The write itself; {@code json}: the item's stored form when it is written already (else
     * null); {@code oldItemOnFailure}: a failed condition answers with the item.
     */
    private static JsonNode write(RequestContext context, String tableName, Map<String, AttributeValue> item, byte[] json, long size, boolean returnOld,
                                  Condition condition, boolean oldItemOnFailure, ConsumedCapacity.Detail detail, boolean metricsWanted) {
        Table table = context.usableTable(tableName);
        ItemKeys.checkItem(table.definition(), item);
        byte[] key = table.encodeKey(item);
        Long partition = KeyCodec.hashOf(key);
        context.admitWrite(table, partition, key, CapacityUnits.writeUnits(size));
        context.checkNoTransaction(table, key);
        // only what must see the table as it is runs under its lock: concurrent writers wait for less
        Written written = TableLocks.write(table, () -> {
            StoredItem stored = table.keyspace().find(key);
            // the old item is decoded only when something looks inside it; ALL_OLD answers with it as stored
            Map<String, AttributeValue> old = stored == null || condition == null ? null : stored.item();
            Conditions.checkCharged(context, table, partition, key, stored == null ? 0 : stored.size(), condition, old, oldItemOnFailure);
            ItemWriter.PlannedWrite write = json == null ? ItemWriter.plan(table, key, stored, old, item, size)
                    : ItemWriter.plan(table, key, stored, old, item, json, size);
            context.admitIndexWrites(table, write.cost(), key, write.cost().tableUnits());
            ItemWriter.apply(table, write);
            JsonNode metrics = metricsWanted && ItemCollectionMetrics.applies(table) ? ItemCollectionMetrics.of(table, item) : null;
            return new Written(stored, write, metrics);
        });
        ObjectNode answer = Json.object();
        if (returnOld && written.old != null) answer.putRawValue("Attributes", Json.raw(written.old.json()));
        context.ledger().write(table, written.write.cost(), partition, written.write.newSize(), key);
        ConsumedCapacity.add(answer, detail, context.ledger(), table.name());
        if (written.metrics != null) answer.set("ItemCollectionMetrics", written.metrics);
        return answer;
    }

    /** What the write replaced, what it cost, and the item collection's size after it when asked for. */
    private record Written(StoredItem old, ItemWriter.PlannedWrite write, JsonNode metrics) {
    }
}
