package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.KinesisDestination;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;

/**
 * DisableKinesisStreamingDestination: the table's changes stop going to the stream at once;
 * the destination shows DISABLING for the transient delay, then DISABLED, and stays listed.
 * Only an ACTIVE destination can be disabled (a second Disable while it is DISABLING answers
 * DISABLING again, as the service's does); any other stream ARN gets the service's
 * ValidationException, never ResourceNotFoundException.
 */
public final class DisableKinesisStreamingDestination implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        Table table = KinesisTargets.table(context, request);
        if (request.hasNonNull("EnableKinesisStreamingConfiguration")) {
            throw KinesisTargets.validation("Stream cannot be disabled using EnableKinesisStreamingConfiguration parameters");
        }
        String streamArn = request.get("StreamArn").textValue();
        long now = context.nowMillis();
        TableLocks.write(table, () -> {
            KinesisDestination current = KinesisTargets.destination(table, streamArn);
            String status = current == null ? null : current.statusAt(now);
            if (KinesisDestination.DISABLING.equals(status)) return null;
            if (!KinesisDestination.ACTIVE.equals(status) || KinesisTargets.deleting(context, table)) {
                throw KinesisTargets.validation(KinesisTargets.DISABLE_NEEDS_ACTIVE);
            }
            table.amendControl(c -> c.withKinesisDestination(current.disabled(context.settlesAt(now))));
            return null;
        });
        context.namespace().kinesis().unfollowIfIdle(table);
        return KinesisTargets.answer(table, streamArn, KinesisDestination.DISABLING);
    }
}
