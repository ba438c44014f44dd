package io.dynabox.engine.operation.global;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.wire.Json;

/** DescribeGlobalTable (version 2017.11.29): the global table's ARN, creation time, status and regions. */
public final class DescribeGlobalTable implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String name = request.get("GlobalTableName").textValue();
        Table any = LegacyGlobalTables.require(context, name);
        return Json.object().set("GlobalTableDescription", LegacyGlobalTables.description(name, any.replicas(), context.nowMillis()));
    }
}
