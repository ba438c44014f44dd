package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.wire.Json;

/**
 * ListTables: names in byte order, strictly after {@code ExclusiveStartTableName}, at most
 * {@code Limit} (default 100); {@code LastEvaluatedTableName} only when more names follow.
 */
public final class ListTables implements Operation {
    private static final int DEFAULT_LIMIT = 100;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        int limit = request.hasNonNull("Limit") ? request.get("Limit").asInt() : DEFAULT_LIMIT;
        String after = request.hasNonNull("ExclusiveStartTableName") ? request.get("ExclusiveStartTableName").textValue() : null;
        ObjectNode answer = Json.object();
        ArrayNode names = answer.putArray("TableNames");
        String last = null;
        boolean more = false;
        for (Table table : context.namespace().tables(context.nowMillis())) {
            if (after != null && table.name().compareTo(after) <= 0) continue;
            if (names.size() == limit) {
                more = true;
                break;
            }
            names.add(table.name());
            last = table.name();
        }
        if (more) answer.put("LastEvaluatedTableName", last);
        return answer;
    }
}
