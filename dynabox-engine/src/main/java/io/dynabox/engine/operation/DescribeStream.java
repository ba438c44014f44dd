package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.stream.Stream;
import io.dynabox.engine.stream.StreamJson;
import io.dynabox.engine.wire.Json;

/**
 * DescribeStream (DynamoDB Streams): status, view type, key schema and shards (with their
 * lineage and sequence number ranges), 100 shards at most a page, or only the children of
 * one shard (ShardFilter CHILD_SHARDS).
 */
public final class DescribeStream implements Operation {
    static final int MAX_LIMIT = 100;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        int limit = request.hasNonNull("Limit") ? request.get("Limit").intValue() : MAX_LIMIT;
        if (limit > MAX_LIMIT) {
            throw DynamoException.validation("One or more parameter values were invalid: Limit cannot be greater than the maximum: " + MAX_LIMIT);
        }
        Stream stream = StreamRequests.stream(context, request.get("StreamArn").textValue());
        String start = request.hasNonNull("ExclusiveStartShardId") ? request.get("ExclusiveStartShardId").textValue() : null;
        JsonNode filter = request.get("ShardFilter");
        String parent = filter != null && filter.hasNonNull("ShardId") ? filter.get("ShardId").textValue() : null;
        return Json.object().set("StreamDescription", StreamJson.description(stream, context.nowMillis(), limit, start, parent));
    }
}
