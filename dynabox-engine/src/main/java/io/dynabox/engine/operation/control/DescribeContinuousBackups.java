package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.wire.Json;

/** DescribeContinuousBackups: whether point-in-time recovery is on, its period, and the window a restore may choose from. */
public final class DescribeContinuousBackups implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        Table table = ContinuousBackupsDescriptions.table(context, request.get("TableName").textValue());
        return Json.object().set("ContinuousBackupsDescription", ContinuousBackupsDescriptions.describe(table, context.nowMillis()));
    }
}
