package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableGrammar;
import io.dynabox.engine.table.TableLimits;
import io.dynabox.engine.wire.Json;
import java.util.List;
import java.util.Map;

/**
 * ListTagsOfResource: a table's tags in the order they were added, a page of at most
 * {@value #PAGE} at a time; NextToken is the key the next page starts after.
 */
public final class ListTagsOfResource implements Operation {
    /** All of a table's tags: the service answered 50 in one page (observed in 2026, LAB 108). */
    static final int PAGE = TableLimits.MAX_TAGS;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String arn = request.get("ResourceArn").textValue();
        Table table = ResourceArns.taggedTable(context, arn, false);
        List<Map.Entry<String, String>> tags = table.definition().tags();
        String token = TableGrammar.text(request, "NextToken");
        int start = 0;
        // a token that names no tag lists from the first, as the service does (observed in 2026, LAB 073)
        if (token != null) {
            for (int i = 0; i < tags.size(); i++) if (tags.get(i).getKey().equals(token)) start = i + 1;
        }
        ObjectNode answer = Json.object();
        int end = Math.min(tags.size(), start + PAGE);
        if (end < tags.size()) answer.put("NextToken", tags.get(end - 1).getKey());
        ArrayNode list = answer.putArray("Tags");
        for (Map.Entry<String, String> tag : tags.subList(start, end)) list.addObject().put("Key", tag.getKey()).put("Value", tag.getValue());
        return answer;
    }
}
