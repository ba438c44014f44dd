package io.dynabox.engine.operation.global;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.wire.Json;

/** DescribeTableReplicaAutoScaling: the auto scaling settings of a global table in every replica. */
public final class DescribeTableReplicaAutoScaling implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String name = context.tableName(request.get("TableName").textValue());
        Table table = context.namespace().table(name, context.nowMillis());
        // a table of one region, or one whose last replica left, is no global table to the service (observed in 2026, LAB 187/231)
        if (table == null || table.replicas() == null
                || table.replicas().live(context.nowMillis()).stream().allMatch(r -> r.region().equals(context.namespace().region()))) {
            throw DynamoException.resourceNotFound("Global table with name: '" + name + "' does not exist.");
        }
        return Json.object().set("TableAutoScalingDescription",
                ReplicaAutoScalingDescriptions.describe(table, context.namespace().region(), context.nowMillis()));
    }
}
