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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** UntagResource: removes tags by key; a key the table does not have is no error. */
public final class UntagResource implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String arn = request.get("ResourceArn").textValue();
        JsonNode keyList = request.get("TagKeys");
        Table table = ResourceArns.taggedTable(context, arn, true);
        if (keyList.isEmpty()) throw DynamoException.validation("Atleast one Tag Key needs to be provided as Input.");
        // more keys than a table may have tags, in the tagging rules' words (observed in 2026, LAB 107)
        if (keyList.size() > TableLimits.MAX_TAGS) throw DynamoException.validation("Number of Tags exceed the current limit for the provided ResourceArn");
        Set<String> keys = new HashSet<>();
        for (JsonNode key : keyList) {
            TableGrammar.checkTagKey(key.textValue());
            keys.add(key.textValue());
        }
        TableLocks.write(table, () -> {
            List<Map.Entry<String, String>> kept = table.definition().tags().stream().filter(t -> !keys.contains(t.getKey())).toList();
            table.amend(d -> d.toBuilder().tags(kept).build());
            return null;
        });
        return Json.object();
    }
}
