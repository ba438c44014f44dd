package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableGrammar;
import io.dynabox.engine.table.TableLimits;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.wire.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TagResource: adds tags to a table, a tag of a key already there replacing its value. The
 * table keeps at most 50 tags in all; the check runs on the tags the table would have.
 */
public final class TagResource implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String arn = request.get("ResourceArn").textValue();
        JsonNode tagList = request.get("Tags");
        Table table = ResourceArns.taggedTable(context, arn, true);
        if (Table.CREATING.equals(table.status(context.nowMillis()))) {
            // tags are taken once the table is ACTIVE (observed in 2026, LAB 101); UntagResource is answered
            throw DynamoException.resourceInUse("Attempt to change a resource which is still in use: Table is being created: " + table.name());
        }
        if (tagList.isEmpty()) throw DynamoException.validation("Atleast one Tag needs to be provided as Input.");
        List<Map.Entry<String, String>> added = TableGrammar.tags(tagList);
        TableLocks.write(table, () -> {
            Map<String, String> tags = new LinkedHashMap<>();
            table.definition().tags().forEach(t -> tags.put(t.getKey(), t.getValue()));
            added.forEach(t -> tags.put(t.getKey(), t.getValue()));
            if (tags.size() > TableLimits.MAX_TAGS) {
                throw DynamoException.validation("Number of Tags exceed the current limit for the provided ResourceArn");
            }
            List<Map.Entry<String, String>> kept = tags.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
            table.amend(d -> d.toBuilder().tags(kept).build());
            return null;
        });
        return Json.object();
    }
}
