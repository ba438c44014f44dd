package io.dynabox.engine.operation.global;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;

/** DescribeGlobalTableSettings (version 2017.11.29): each replica's billing mode, capacity, auto scaling and table class. */
public final class DescribeGlobalTableSettings implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        return LegacyGlobalTables.settings(context, LegacyGlobalTables.require(context, request.get("GlobalTableName").textValue()));
    }
}
