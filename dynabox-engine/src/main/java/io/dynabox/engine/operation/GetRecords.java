package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.stream.ShardIterator;
import io.dynabox.engine.stream.Stream;
import io.dynabox.engine.stream.StreamJson;
import io.dynabox.engine.wire.Json;

/**
 * GetRecords (DynamoDB Streams): the records after an iterator's position, up to Limit
 * (1000 at most) and 1 MB, with the iterator to read on from; none once a closed shard is
 * drained.
 */
public final class GetRecords implements Operation {
    static final int MAX_LIMIT = 1000;
    static final long MAX_BYTES = 1024 * 1024;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        JsonNode text = request.get("ShardIterator");
        ShardIterator iterator = text == null || text.isNull() ? null : ShardIterator.decode(text.textValue());
        if (iterator == null) throw DynamoException.validation("Invalid ShardIterator");
        int limit = request.hasNonNull("Limit") ? request.get("Limit").intValue() : MAX_LIMIT;
        if (limit > MAX_LIMIT) throw DynamoException.validation("One or more parameter values were invalid: Limit should be less than or equal to 1000");
        long now = context.nowMillis();
        if (iterator.expired(now)) {
            throw new DynamoException(ErrorCode.EXPIRED_ITERATOR, "The provided iterator exceeds the maximum age allowed.",
                    "a shard iterator expires 15 minutes after GetShardIterator or GetRecords handed it out");
        }
        Stream stream = StreamRequests.stream(context, iterator.streamArn());
        Stream.Page page = stream.read(iterator, limit, MAX_BYTES, now);
        ObjectNode answer = Json.object();
        answer.putRawValue("Records", StreamJson.records(page.records(), stream, context.namespace().region()));
        if (page.next() != null) answer.put("NextShardIterator", page.next().encode());
        return answer;
    }
}
