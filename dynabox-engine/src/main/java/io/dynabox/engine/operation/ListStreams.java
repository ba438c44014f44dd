package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.stream.Stream;
import io.dynabox.engine.stream.StreamJson;
import io.dynabox.engine.wire.Json;
import java.util.List;

/** ListStreams (DynamoDB Streams): the namespace's streams in ARN order, of one table if asked, 100 at most a page. */
public final class ListStreams implements Operation {
    static final int MAX_LIMIT = 100;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        int limit = request.hasNonNull("Limit") ? request.get("Limit").intValue() : MAX_LIMIT;
        if (limit > MAX_LIMIT) {
            throw DynamoException.validation("One or more parameter values were invalid: Limit cannot be greater than the maximum allowed size: "
                    + MAX_LIMIT);
        }
        String tableName = request.hasNonNull("TableName") ? request.get("TableName").textValue() : null;
        String start = request.hasNonNull("ExclusiveStartStreamArn") ? request.get("ExclusiveStartStreamArn").textValue() : null;
        List<Stream> streams = context.namespace().streams().list(tableName, context.nowMillis());
        ObjectNode answer = Json.object();
        ArrayNode listed = answer.putArray("Streams");
        Stream last = null;
        int count = 0;
        for (Stream stream : streams) {
            if (start != null && stream.arn().compareTo(start) <= 0) continue;
            if (count == limit) {
                answer.put("LastEvaluatedStreamArn", last.arn());
                break;
            }
            listed.add(StreamJson.summary(stream));
            last = stream;
            count++;
        }
        return answer;
    }
}
