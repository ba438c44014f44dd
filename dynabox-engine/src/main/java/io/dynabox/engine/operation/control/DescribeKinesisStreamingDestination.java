package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.KinesisDestination;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.wire.Json;

/**
 * DescribeKinesisStreamingDestination: the table's destinations, newest first, each with its
 * status, the description of an ENABLE_FAILED one, and the precision once one was set.
 */
public final class DescribeKinesisStreamingDestination implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        Table table = KinesisTargets.table(context, request);
        ObjectNode answer = Json.object();
        answer.put("TableName", table.name());
        ArrayNode list = answer.putArray("KinesisDataStreamDestinations");
        for (KinesisDestination d : table.control().kinesisDestinations()) {
            ObjectNode entry = list.addObject();
            String status = d.statusAt(context.nowMillis());
            entry.put("StreamArn", d.streamArn());
            entry.put("DestinationStatus", status);
            if (KinesisDestination.ENABLE_FAILED.equals(status)) entry.put("DestinationStatusDescription", d.failure());
            if (d.precision() != null) entry.put("ApproximateCreationDateTimePrecision", d.precision());
        }
        return answer;
    }
}
