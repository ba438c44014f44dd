package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.KinesisDestination;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;

/**
 * UpdateKinesisStreamingDestination: changes the ApproximateCreationDateTimePrecision of an
 * ACTIVE destination; it shows UPDATING (with the new precision) for the transient delay,
 * then ACTIVE. Records of changes from this request on carry the new precision.
 */
public final class UpdateKinesisStreamingDestination implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        Table table = KinesisTargets.table(context, request);
        String streamArn = request.get("StreamArn").textValue();
        String precision = KinesisTargets.precision(request.get("UpdateKinesisStreamingConfiguration"));
        long now = context.nowMillis();
        TableLocks.write(table, () -> {
            KinesisDestination current = KinesisTargets.destination(table, streamArn);
            if (current == null) {
                throw KinesisTargets.validation(KinesisTargets.INVALID_STATE + "No streaming destination with streamArn: "
                        + streamArn + " found for table with tableName: " + table.name());
            }
            if (!KinesisDestination.ACTIVE.equals(current.statusAt(now))) {
                throw KinesisTargets.validation(KinesisTargets.INVALID_STATE + "Kinesis streaming is not in ACTIVE state. "
                        + "Updates are only allowed in ACTIVE state. TableName: " + table.name() + ", kdsArn: " + streamArn);
            }
            if (precision == null) {
                throw KinesisTargets.validation("Streaming destination cannot be updated with given parameters: "
                        + "UpdateKinesisStreamingConfiguration cannot be null or contain only null values");
            }
            String effective = current.precision() == null ? "MILLISECOND" : current.precision();
            if (effective.equals(precision)) {
                throw KinesisTargets.validation("Invalid Request: Precision is already set to the desired value of " + precision
                        + " for tableId: " + table.definition().tableId() + ", kdsArn: " + streamArn);
            }
            table.amendControl(c -> c.withKinesisDestination(
                    current.withPrecision(precision, context.settlesAt(now))));
            return null;
        });
        ObjectNode answer = KinesisTargets.answer(table, streamArn, KinesisDestination.UPDATING);
        answer.set("UpdateKinesisStreamingConfiguration", KinesisTargets.configuration(precision));
        return answer;
    }
}
