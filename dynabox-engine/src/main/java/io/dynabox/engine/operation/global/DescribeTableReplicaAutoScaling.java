package io.dynabox.engine.operation.global;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.wire.Json;

/** DescribeTableReplicaAutoScaling: the auto scaling settings of the table in every replica. */
public final class DescribeTableReplicaAutoScaling implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        Table table = context.describedTable(request.get("TableName").textValue());
        return Json.object().set("TableAutoScalingDescription",
                ReplicaAutoScalingDescriptions.describe(table, context.namespace().region(), context.nowMillis()));
    }
}
