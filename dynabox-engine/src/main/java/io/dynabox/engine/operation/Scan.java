package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.expression.ExpressionAttributes;
import io.dynabox.engine.operation.PageReader.Select;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.KeyCodec;
import java.util.List;
import java.util.Map;

/**
 * Scan: every item of a table or index in the keyspace's order (hash of the partition key,
 * partition key, sort key), which is stable across calls. A parallel scan's segment is a
 * range of the 64-bit hash space, so segments partition the items and each page is a range
 * walk like any other.
 */
public final class Scan implements Operation {

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        Integer segment = request.hasNonNull("Segment") ? request.get("Segment").intValue() : null;
        Integer totalSegments = request.hasNonNull("TotalSegments") ? request.get("TotalSegments").intValue() : null;
        if (segment != null && totalSegments == null) {
            throw DynamoException.validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (totalSegments != null && segment == null) {
            throw DynamoException.validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        if (segment != null && segment >= totalSegments) {
            throw DynamoException.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: "
                    + segment + " is not less than TotalSegments: " + totalSegments);
        }
        ItemRequests.checkParameterStyle(request, List.of("AttributesToGet", "ScanFilter", "ConditionalOperator"),
                List.of("ProjectionExpression", "FilterExpression"), List.of("FilterExpression"), ": FilterExpression is null");
        ExpressionAttributes attributes = ExpressionAttributes.of(request);
        ReadShape shape = ReadShape.of(request, attributes, "ScanFilter");
        attributes.checkAllUsed();
        Select select = ReadRequests.select(request);
        Map<String, AttributeValue> startKey = ReadRequests.readStartKey(request);
        boolean consistent = request.path("ConsistentRead").asBoolean(false);
        Integer limit = request.hasNonNull("Limit") ? request.get("Limit").intValue() : null;
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.of(request);

        Table table = context.usableTable(request.get("TableName").textValue());
        ReadSource source = ReadSource.of(table, request.path("IndexName").textValue(), context.nowMillis());
        boolean fetch = ReadRequests.checkIndexRead(source, consistent, select, shape.projectedAttributes(),
                shape.filterAttributes(), Query.GSI_CONSISTENT);
        byte[] start = startKey == null ? null : ReadRequests.scanStartKey(source, startKey);

        byte[] from = null;
        byte[] to = null;
        if (segment != null) {
            long low = boundary(segment, totalSegments);
            from = segment == 0 ? null : KeyCodec.hashBoundary(low);
            to = segment + 1 == totalSegments ? null : KeyCodec.hashBoundary(boundary(segment + 1, totalSegments));
            if (start != null && !inSegment(start, from, to)) {
                throw DynamoException.validation(ReadRequests.START_KEY_INVALID
                        + ": Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: "
                        + totalSegments + " Segment: " + segment);
            }
        }
        context.admitRead(table, source.isIndex() ? source.name() : null, null, CapacityUnits.readUnits(0, consistent));
        return PageReader.read(new PageReader.Request(source, from, to, false, start, limit,
                shape.predicate(), shape.projector(), select, consistent, fetch, detail, context.ledger(), null, context.asOf(table, consistent)));
    }

    /**
     * The first hash of segment {@code i} of {@code n}. Segments split the first 12 bits of
     * the hash (4096 values) as dynalite splits them, segment i taking ceil(4096 i / n) up to
     * ceil(4096 (i + 1) / n) - 1; past 4096 segments some are empty.
     */
    private static long boundary(int i, int n) {
        long first12 = (4096L * i + n - 1) / n;
        return first12 << 52;
    }

    private static boolean inSegment(byte[] key, byte[] from, byte[] to) {
        return (from == null || java.util.Arrays.compareUnsigned(key, from) >= 0)
                && (to == null || java.util.Arrays.compareUnsigned(key, to) < 0);
    }
}
