package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.ContributorInsights;
import io.dynabox.engine.table.TableGrammar;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.wire.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * UpdateContributorInsights: turns contributor insights of a table or a global index on
 * (ENABLING, then ENABLED once the transient delay is over) or off (DISABLING, then DISABLED),
 * in a mode (all accessed and throttled keys when not given, or throttled keys only).
 */
public final class UpdateContributorInsights implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        InsightsTargets target = InsightsTargets.of(context, request);
        boolean enable = "ENABLE".equals(request.get("ContributorInsightsAction").textValue());
        String requestedMode = TableGrammar.text(request, "ContributorInsightsMode");
        long now = context.nowMillis();
        long settleAt = now + context.options().delayTransientStatuses().toMillis();
        ContributorInsights next = TableLocks.write(target.table(), () -> {
            ContributorInsights current = target.current();
            String mode = requestedMode != null ? requestedMode
                    : current != null ? current.mode() : ContributorInsights.ACCESSED_AND_THROTTLED_KEYS;
            ContributorInsights changed = new ContributorInsights(enable, mode, now, settleAt);
            target.table().amendControl(c -> c.withContributorInsights(target.slot(), changed));
            return changed;
        });
        ObjectNode answer = Json.object();
        answer.put("ContributorInsightsMode", next.mode());
        answer.put("ContributorInsightsStatus", enable ? ContributorInsights.ENABLING : ContributorInsights.DISABLING);
        if (target.indexName() != null) answer.put("IndexName", target.indexName());
        answer.put("TableName", target.table().name());
        return answer;
    }
}
