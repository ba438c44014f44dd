package io.dynabox.engine.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The tables a request names, for fault rules that match a table. */
final class RequestTables {
    private RequestTables() {}

    static List<String> of(JsonNode body) {
        List<String> tables = new ArrayList<>(1);
        if (body == null) return tables;
        add(tables, body.get("TableName"));
        JsonNode batch = body.get("RequestItems");
        if (batch != null && batch.isObject()) {
            for (Iterator<String> names = batch.fieldNames(); names.hasNext(); ) add(tables, names.next());
        }
        JsonNode transaction = body.get("TransactItems");
        if (transaction != null && transaction.isArray()) {
            for (JsonNode item : transaction) {
                for (JsonNode action : item) add(tables, action.get("TableName"));
            }
        }
        return tables;
    }

    private static void add(List<String> tables, JsonNode name) {
        if (name != null && name.isTextual()) add(tables, name.textValue());
    }

    private static void add(List<String> tables, String nameOrArn) {
        int slash = nameOrArn.indexOf(":table/");
        String name = nameOrArn.startsWith("arn:") && slash >= 0 ? nameOrArn.substring(slash + ":table/".length()).split("/")[0] : nameOrArn;
        if (!tables.contains(name)) tables.add(name);
    }
}
