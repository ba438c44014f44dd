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

/**
 * Query: the items of one partition of a table or index, in sort key order (or reversed),
 * optionally narrowed by a sort key condition. The key condition becomes one key range, so
 * a page costs O(log n + k) whatever the partition's size.
 */
public final class Query implements Operation {
    static final String GSI_CONSISTENT = ServiceTexts.QUERY_GSI_CONSISTENT_READ;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        // KeyConditions goes with a FilterExpression or a ProjectionExpression; only the key condition itself must be of one style
        ItemRequests.checkParameterStyle(request, List.of("AttributesToGet", "QueryFilter", "ConditionalOperator"),
                List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"), "");
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

        Table table = context.usableTable(request.get("TableName").textValue());
        ReadSource source = ReadSource.of(table, request.path("IndexName").textValue(), context.nowMillis());
        boolean fetch = ReadRequests.checkIndexRead(source, consistent, select, shape.projectedAttributes(),
                shape.filterAttributes(), GSI_CONSISTENT);
        if (startKey != null) ReadRequests.checkQueryStartKeyShape(source, startKey);
        KeyCondition condition = QueryConditions.resolve(conditions, source.keySchema());
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
