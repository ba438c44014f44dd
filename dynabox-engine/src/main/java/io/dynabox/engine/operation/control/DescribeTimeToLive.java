package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TimeToLive;
import io.dynabox.engine.wire.Json;

/** DescribeTimeToLive: the table's Time to Live status, and its attribute while one is set; not of a table being created or deleted. */
public final class DescribeTimeToLive implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        Table table = context.describedTable(request.get("TableName").textValue());
        String state = table.status(context.nowMillis());
        if (Table.CREATING.equals(state) || Table.DELETING.equals(state)) {
            throw DynamoException.validation("Cannot describe time to live while table is in " + state + " state: Current table state is " + state);
        }
        TimeToLive setting = table.timeToLive();
        String status = setting.status(context.nowMillis());
        ObjectNode description = Json.object().put("TimeToLiveStatus", status);
        if (!TimeToLive.DISABLED.equals(status)) description.put("AttributeName", setting.attributeName());
        return Json.object().set("TimeToLiveDescription", description);
    }
}
