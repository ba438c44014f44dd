package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ServiceTexts;
import io.dynabox.engine.expression.ExpressionAttributes;
import io.dynabox.engine.operation.PageReader.Select;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.KeyCodec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.io.IOException;
import com.fasterxml.jackson.core.JsonParser;
import io.dynabox.engine.wire.PlainRequests;

/**
 * Query: the items of one partition of a table or index, in sort key order (or reversed),
 * optionally narrowed by a sort key condition. The key condition becomes one key range, so
 * a page costs O(log n + k) whatever the partition's size.
 */
public final class Query implements Operation, PlainOperation {
    static final String GSI_CONSISTENT = ServiceTexts.QUERY_GSI_CONSISTENT_READ;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        // KeyConditions goes with a FilterExpression or a ProjectionExpression; only the key condition itself must be of one style
        ItemRequests.checkParameterStyle(request, List.of("AttributesToGet", "QueryFilter", "ConditionalOperator"),
                List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"), List.of("FilterExpression", "KeyConditionExpression"),
                ": FilterExpression and KeyConditionExpression are null");
        ItemRequests.checkNotMixed(request, List.of("KeyConditions"), List.of("KeyConditionExpression"));
        ExpressionAttributes attributes = ExpressionAttributes.of(request);
        Map<String, QueryConditions.Condition> conditions;
        if (ItemRequests.has(request, "KeyConditionExpression")) {
            conditions = QueryConditions.fromExpression(request.get("KeyConditionExpression").textValue(), attributes);
        } else if (ItemRequests.has(request, "KeyConditions")) {
            conditions = QueryConditions.read(request.get("KeyConditions"));
        } else {
            throw DynamoException.validation(ServiceTexts.QUERY_NO_KEY_CONDITION);
        }
        ReadShape shape = ReadShape.of(request, attributes, "QueryFilter");
        attributes.checkAllUsed();
        Select select = ReadRequests.select(request);
        Map<String, AttributeValue> startKey = ReadRequests.readStartKey(request);
        boolean consistent = request.path("ConsistentRead").asBoolean(false);
        boolean forward = request.path("ScanIndexForward").asBoolean(true);
        Integer limit = request.hasNonNull("Limit") ? request.get("Limit").intValue() : null;
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.of(request);
        return page(context, request.get("TableName").textValue(), request.path("IndexName").textValue(), conditions, shape, select,
                startKey, consistent, forward, limit, detail);
    }

    /**
     * A Query of the plain shape: TableName, a KeyConditionExpression, the expression members
     * (FilterExpression, ProjectionExpression, ExpressionAttributeNames and ExpressionAttributeValues,
     * each map non-empty with keys the service takes), IndexName, Select, Limit, ExclusiveStartKey,
     * ScanIndexForward, ConsistentRead, ReturnConsumedCapacity; no legacy parameter.
     */
    static final class Plain implements PlainRequest {
        String tableName;
        String indexName;
        String keyConditionExpression;
        String filterExpression;
        String projectionExpression;
        Map<String, String> names;
        Map<String, AttributeValue> values;
        Map<String, AttributeValue> startKey;
        Integer limit;
        String select;
        boolean forward = true;
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
                case "IndexName" -> indexName = PlainRequests.tableName(parser); // an index name follows the same rules
                case "KeyConditionExpression" -> keyConditionExpression = PlainRequests.text(parser);
                case "FilterExpression" -> filterExpression = PlainRequests.text(parser);
                case "ProjectionExpression" -> projectionExpression = PlainRequests.text(parser);
                case "ExpressionAttributeNames" -> names = PlainRequests.expressionNames(parser, key -> ExpressionAttributes.isValidKey(key, '#'));
                case "ExpressionAttributeValues" -> values = PlainRequests.expressionValues(parser, key -> ExpressionAttributes.isValidKey(key, ':'));
                case "ExclusiveStartKey" -> startKey = PlainRequests.item(parser);
                case "Limit" -> limit = PlainRequests.positiveInt(parser);
                case "Select" -> select = PlainRequests.oneOf(parser, SELECTS);
                case "ScanIndexForward" -> forward = PlainRequests.bool(parser);
                case "ConsistentRead" -> consistent = PlainRequests.bool(parser);
                case "ReturnConsumedCapacity" -> detail = ConsumedCapacity.Detail.valueOf(PlainRequests.oneOf(parser, GetItem.DETAILS));
                default -> throw PlainRequests.NOT_PLAIN;
            }
        }

        @Override
        public boolean complete() {
            return tableName != null && keyConditionExpression != null;
        }

        @Override
        public JsonNode execute(RequestContext context) {
            // what the tree path does with the same members, in its order
            ExpressionAttributes attributes = new ExpressionAttributes(names == null ? Map.of() : names, values == null ? Map.of() : values);
            Map<String, QueryConditions.Condition> conditions = QueryConditions.fromExpression(keyConditionExpression, attributes);
            ReadShape shape = ReadShape.of(filterExpression, projectionExpression, attributes);
            attributes.checkAllUsed();
            Select chosen = ReadRequests.select(select, false, projectionExpression != null, indexName != null);
            return page(context, tableName, indexName, conditions, shape, chosen, startKey, consistent, forward, limit, detail);
        }
    }

    private static final Set<String> SELECTS = Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");

    @Override
    public PlainRequest newPlainRequest() {
        return new Plain();
    }

    /** The page, once the request's members are read and checked: the checks against the table, in the service's order, then the read. */
    private static JsonNode page(RequestContext context, String tableName, String indexName, Map<String, QueryConditions.Condition> conditions,
                                 ReadShape shape, Select select, Map<String, AttributeValue> startKey, boolean consistent, boolean forward,
                                 Integer limit, ConsumedCapacity.Detail detail) {
        Table table = context.usableTable(tableName);
        ReadSource source = ReadSource.of(table, indexName, context.nowMillis());
        boolean fetch = ReadRequests.checkIndexRead(source, consistent, select, shape.projectedAttributes(),
                shape.filterAttributes(), GSI_CONSISTENT);
        if (startKey != null) ReadRequests.checkQueryStartKeyShape(source, startKey);
        KeyCondition condition = QueryConditions.resolve(conditions, source.keySchema(), source.isIndex() ? source.name() : null);
        shape.checkFilterAvoidsKey(source.keySchema());
        byte[] start = null;
        if (startKey != null) {
            start = ReadRequests.queryStartKey(source, startKey);
            checkStartKeyInside(startKey, condition);
        }

        byte[] partitionPrefix = source.partitionPrefix(condition);
        Long partition = KeyCodec.hashOf(partitionPrefix);
        context.admitRead(table, source.isIndex() ? source.name() : null, partition, CapacityUnits.readUnits(0, consistent));
        KeyCondition.Bounds bounds = condition.bounds(partitionPrefix);
        return PageReader.read(new PageReader.Request(source, bounds.from(), bounds.to(), !forward, start, limit,
                shape.predicate(), shape.projector(), select, consistent, fetch, detail, context.ledger(), partition, context.asOf(table, consistent)));
    }

    /** A start key must lie in the partition and the sort key range the condition reads. */
    private static void checkStartKeyInside(Map<String, AttributeValue> startKey, KeyCondition condition) {
        if (!condition.partition().equals(startKey.get(condition.partitionName()))) {
            throw DynamoException.validation(ServiceTexts.START_KEY_OUTSIDE_PARTITION);
        }
        for (KeyCondition.Equality e : condition.morePartition()) {
            if (!e.value().equals(startKey.get(e.name()))) {
                throw DynamoException.validation(ServiceTexts.START_KEY_OUTSIDE_PARTITION);
            }
        }
        for (KeyCondition.Equality e : condition.sortPrefix()) {
            if (!e.value().equals(startKey.get(e.name()))) {
                throw DynamoException.validation(ServiceTexts.START_KEY_OUTSIDE_SORT_CONDITION);
            }
        }
        KeyCondition.Sort sort = condition.sort();
        if (sort != null && !sort.matches(startKey.get(sort.name()))) {
            throw DynamoException.validation(ServiceTexts.START_KEY_OUTSIDE_SORT_CONDITION);
        }
    }
}
