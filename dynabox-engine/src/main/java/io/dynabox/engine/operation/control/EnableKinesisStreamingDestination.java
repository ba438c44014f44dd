package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.KinesisDestination;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;

/**
 * EnableKinesisStreamingDestination: the table's changes go to a Kinesis data stream. As the
 * service, it answers ENABLING for any stream ARN and decides afterwards: the destination
 * turns ACTIVE, or ENABLE_FAILED with a description when the stream cannot be used (it does
 * not exist, is in another region, or no Kinesis endpoint was given), once the transient
 * delay is over. A table has at most one destination in use; DISABLED and ENABLE_FAILED
 * ones stay listed, and enabling one of them again reuses its entry.
 */
public final class EnableKinesisStreamingDestination implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        Table table = KinesisTargets.table(context, request);
        String streamArn = request.get("StreamArn").textValue();
        JsonNode configuration = request.get("EnableKinesisStreamingConfiguration");
        String precision = KinesisTargets.precision(configuration);
        long now = context.nowMillis();
        checkNoneInUse(context, table);
        // asks the endpoint: outside the table's lock
        String failure = context.namespace().kinesis().check(streamArn, context.namespace().region());
        KinesisDestination enabled = KinesisDestination.enabled(streamArn, failure, precision, now,
                context.settlesAt(now));
        // read the table's feed before the destination delivers, so no change after this request is missed
        if (enabled.delivers()) context.namespace().kinesis().follow(table, context.namespace().region());
        try {
            TableLocks.write(table, () -> {
                checkNoneInUse(context, table);
                table.amendControl(c -> c.withKinesisDestination(enabled));
                return null;
            });
        } catch (RuntimeException e) {
            context.namespace().kinesis().unfollowIfIdle(table);
            throw e;
        }
        ObjectNode answer = KinesisTargets.answer(table, streamArn, KinesisDestination.ENABLING);
        answer.set("EnableKinesisStreamingConfiguration", KinesisTargets.configuration(precision));
        return answer;
    }

    private static void checkNoneInUse(RequestContext context, Table table) {
        if (KinesisTargets.deleting(context, table)) throw KinesisTargets.validation(KinesisTargets.ENABLE_NEEDS_IDLE);
        for (KinesisDestination d : table.control().kinesisDestinations()) {
            if (d.inUseAt(context.nowMillis())) throw KinesisTargets.validation(KinesisTargets.ENABLE_NEEDS_IDLE);
        }
    }
}
