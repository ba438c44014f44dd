package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.table.TableDescriptions;
import io.dynabox.engine.wire.Json;

/** DescribeTable: the table's full description, with its status at this moment. */
public final class DescribeTable implements Operation, PlainOperation {
    @Override
    public PlainRequest newPlainRequest() {
        return new PlainTableName(this);
    }

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        var table = context.describedTable(request.get("TableName").textValue());
        return Json.object().set("Table", TableDescriptions.describe(table, context.nowMillis()));
    }
}
