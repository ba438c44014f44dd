package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.KinesisDestination;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.wire.Json;

/** What the Kinesis streaming destination actions share: the table named, the rules' texts, the answer. */
final class KinesisTargets {
    static final String INVALID_STATE = "Table is not in a valid state to enable Kinesis Streaming Destination: ";
    static final String ENABLE_NEEDS_IDLE = INVALID_STATE
            + "EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.";
    static final String DISABLE_NEEDS_ACTIVE = INVALID_STATE
            + "KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.";

    private KinesisTargets() {}

    /** The table by name or ARN; missing: the service's ResourceNotFoundException. */
    static Table table(RequestContext context, JsonNode request) {
        return context.describedTable(request.get("TableName").textValue());
    }

    static boolean deleting(RequestContext context, Table table) {
        return Table.DELETING.equals(table.status(context.nowMillis()));
    }

    /** The precision member of a configuration object, or null. */
    static String precision(JsonNode configuration) {
        if (configuration == null || configuration.isNull()) return null;
        JsonNode precision = configuration.get("ApproximateCreationDateTimePrecision");
        return precision == null || precision.isNull() ? null : precision.textValue();
    }

    static ObjectNode answer(Table table, String streamArn, String status) {
        ObjectNode answer = Json.object();
        answer.put("TableName", table.name());
        answer.put("StreamArn", streamArn);
        answer.put("DestinationStatus", status);
        return answer;
    }

    static ObjectNode configuration(String precision) {
        ObjectNode node = Json.object();
        if (precision != null) node.put("ApproximateCreationDateTimePrecision", precision);
        return node;
    }

    static DynamoException validation(String message) {
        return DynamoException.validation(message);
    }

    static KinesisDestination destination(Table table, String streamArn) {
        return table.control().kinesisDestination(streamArn);
    }
}
