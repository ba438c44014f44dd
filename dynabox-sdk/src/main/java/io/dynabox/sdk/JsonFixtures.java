package io.dynabox.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Tables and items from JSON documents in the shapes the AWS CLI reads: a CreateTable
 * request ({@code --cli-input-json}) or an array of them, and BatchWriteItem's
 * {@code RequestItems} (with or without that wrapper). Every request goes through the
 * engine, so a bad definition fails with DynamoDB's own message.
 */
final class JsonFixtures {
    private static final long WAIT_STEP_MILLIS = 5;

    private JsonFixtures() {}

    static List<String> createTables(DynaboxNamespace namespace, String json) {
        JsonNode root = parse(json);
        List<JsonNode> requests = new ArrayList<>();
        if (root.isArray()) root.forEach(requests::add);
        else requests.add(root);
        List<String> names = new ArrayList<>();
        for (JsonNode request : requests) {
            namespace.call("CreateTable", request.toString());
            names.add(request.path("TableName").asText());
        }
        for (String name : names) awaitActive(namespace, name);
        return names;
    }

    /** Puts every {@code PutRequest} item; a {@code DeleteRequest} has no place in a fixture and is refused. */
    static int putItems(DynaboxNamespace namespace, String json) {
        JsonNode root = parse(json);
        JsonNode requestItems = root.has("RequestItems") ? root.get("RequestItems") : root;
        int count = 0;
        Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
        while (tables.hasNext()) {
            Map.Entry<String, JsonNode> table = tables.next();
            for (JsonNode write : table.getValue()) {
                JsonNode item = write.path("PutRequest").get("Item");
                if (item == null) {
                    throw new IllegalArgumentException("items for table " + table.getKey()
                            + " must be {\"PutRequest\": {\"Item\": {...}}}, not " + write);
                }
                ObjectNode put = Json.object();
                put.put("TableName", table.getKey());
                put.set("Item", item);
                namespace.call("PutItem", put.toString());
                count++;
            }
        }
        return count;
    }

    /** Tables stay CREATING only when the Dynabox delays transient statuses; wait that out. */
    static void awaitActive(DynaboxNamespace namespace, String table) {
        ObjectNode describe = Json.object().put("TableName", table);
        while (!"ACTIVE".equals(parse(namespace.call("DescribeTable", describe.toString())).path("Table").path("TableStatus").asText())) {
            try {
                Thread.sleep(WAIT_STEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while table " + table + " was being created", e);
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON document: " + e.getMessage(), e);
        }
    }
}
