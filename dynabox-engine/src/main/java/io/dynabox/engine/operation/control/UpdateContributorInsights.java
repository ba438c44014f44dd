package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.ContributorInsights;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableGrammar;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.wire.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * UpdateContributorInsights: turns contributor insights of a table or a global index on
 * (ENABLING, then ENABLED once the transient delay is over) or off (DISABLING, then DISABLED),
 * in a mode (all accessed and throttled keys when not given, or throttled keys only). Asking
 * for the state they are settled in changes nothing; a table still being created is refused.
 */
public final class UpdateContributorInsights implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        InsightsTargets target = InsightsTargets.of(context, request);
        boolean enable = "ENABLE".equals(request.get("ContributorInsightsAction").textValue());
        String requestedMode = TableGrammar.text(request, "ContributorInsightsMode");
        long now = context.nowMillis();
        String tableStatus = target.table().status(now);
        if (Table.CREATING.equals(tableStatus) || enable && Table.DELETING.equals(tableStatus)) {
            throw DynamoException.validation("Table or Index is not in a valid state to update Key Access Insights: "
                    + "TableStatus must be ACTIVE to enable ContributorInsights.");
        }
        IndexDefinition shownIndex = target.indexName() == null ? null : target.table().shownDefinition(now).index(target.indexName());
        if (shownIndex != null && Table.CREATING.equals(shownIndex.status())) {
            // an index being created, in the service's words once it has one (observed in 2026, LAB 116)
            throw DynamoException.validation("Table or Index is not in a valid state to update Key Access Insights: "
                    + "IndexStatus must be ACTIVE to enable ContributorInsights.");
        }
        long settleAt = context.settlesAt(now);
        // what the answer says: the transition a change starts (even when the transient delay is zero), or the settled state
        ObjectNode answer = Json.object();
        TableLocks.write(target.table(), () -> {
            ContributorInsights current = target.current();
            if (alreadySettled(current, enable, requestedMode, now)) {
                if (current != null) answer.put("ContributorInsightsMode", current.mode());
                answer.put("ContributorInsightsStatus", enable ? ContributorInsights.ENABLED : ContributorInsights.DISABLED);
                return null;
            }
            // turning on without a mode is turning on in the default mode; turning off keeps the mode, whatever it names
            // (observed in 2026, LAB 092), as a change of mode keeps the rules made when insights were turned on
            boolean on = current != null && current.enabled();
            String mode = !enable ? current.mode() : requestedMode != null ? requestedMode : ContributorInsights.ACCESSED_AND_THROTTLED_KEYS;
            ContributorInsights changed = new ContributorInsights(enable, mode, now, settleAt, on ? current.rulesCreatedAtMillis() : now);
            target.table().amendControl(c -> c.withContributorInsights(target.slot(), changed));
            answer.put("ContributorInsightsMode", mode);
            answer.put("ContributorInsightsStatus", enable ? ContributorInsights.ENABLING : ContributorInsights.DISABLING);
            return null;
        });
        if (target.indexName() != null) answer.put("IndexName", target.indexName());
        answer.put("TableName", target.table().name());
        return answer;
    }

    /**
     * Turning insights on when they are on in the mode asked for (the default one when none is),
     * or off when they are off or were never on, changes nothing: the service answers the settled status and starts no transition.
     */
    private static boolean alreadySettled(ContributorInsights current, boolean enable, String requestedMode, long now) {
        if (current == null) return !enable;
        if (!enable) return current.statusAt(now).equals(ContributorInsights.DISABLED);
        String mode = requestedMode != null ? requestedMode : ContributorInsights.ACCESSED_AND_THROTTLED_KEYS;
        return current.statusAt(now).equals(ContributorInsights.ENABLED) && mode.equals(current.mode());
    }
}
