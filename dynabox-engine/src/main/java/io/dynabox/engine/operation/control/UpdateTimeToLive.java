package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.table.TimeToLive;
import io.dynabox.engine.wire.Json;

/**
 * UpdateTimeToLive: turns the deletion of expired items on (naming the attribute that holds
 * each item's expiry, in epoch seconds) or off. Not idempotent, as on the service: enabling
 * twice, or naming another attribute while one is active, is refused, and so is a second
 * change within 31 minutes of the last.
 */
public final class UpdateTimeToLive implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        JsonNode specification = request.get("TimeToLiveSpecification");
        boolean enable = specification.get("Enabled").booleanValue();
        String attribute = specification.get("AttributeName").textValue();
        Table table = context.describedTable(request.get("TableName").textValue());
        context.options().accountQuotas().checkOperation(context.namespace(), context.nowMillis());
        long now = context.nowMillis();
        if (Table.CREATING.equals(table.status(now))) {
            // the service's words, in its own order for this action (observed in 2026, LAB 115/444)
            throw DynamoException.resourceInUse("Attempt to change a resource which is still in use: Table " + table.name() + " is being created");
        }
        if (enable && table.replicas() != null && table.replicas().strong()) {
            throw DynamoException.validation("Time to Live is not supported for multi-Region strongly consistent global tables");
        }
        TimeToLive changed = TableLocks.write(table, () -> {
            TimeToLive current = table.timeToLive();
            boolean active = current.enabled();
            if (active && !current.attributeName().equals(attribute)) {
                throw DynamoException.validation("TimeToLive is active on a different AttributeName: current AttributeName is " + current.attributeName());
            }
            if (enable && active) throw DynamoException.validation("TimeToLive is already enabled");
            if (!enable && !active) throw DynamoException.validation("TimeToLive is already disabled");
            if (now - current.changedAtMillis() < TimeToLive.CHANGE_INTERVAL_MILLIS) {
                throw DynamoException.validation("Time to live has been modified multiple times within a fixed interval",
                        "the setting was changed less than 31 minutes ago; the service allows one change in about that long");
            }
            long settled = context.settlesAt(now);
            TimeToLive setting = new TimeToLive(attribute, enable, now, settled);
            table.updateTimeToLive(setting);
            return setting;
        });
        // a global table keeps one Time to Live setting: the other replicas take it too
        if (context.namespace().replicator() != null) {
            context.namespace().replicator().applyToPeers(context.namespace(), table, peer -> peer.updateTimeToLive(changed));
        }
        return Json.object().set("TimeToLiveSpecification", Json.object().put("Enabled", enable).put("AttributeName", attribute));
    }
}
