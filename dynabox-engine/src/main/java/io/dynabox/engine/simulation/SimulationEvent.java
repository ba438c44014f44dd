package io.dynabox.engine.simulation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.wire.Json;
import java.time.Instant;

/**
 * Something the simulation did to a request, so that a surprised user can tell simulation from a bug: a
 * {@code throttle}, a {@code fault}, a {@code conflict} or a {@code stale-read}, with the request's id.
 */
public record SimulationEvent(long atMillis, String kind, String requestId, String namespace, String action, String table, String detail) {

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("time", Instant.ofEpochMilli(atMillis).toString());
        node.put("kind", kind);
        node.put("requestId", requestId);
        node.put("namespace", namespace);
        node.put("action", action);
        if (table != null) node.put("table", table);
        node.put("detail", detail);
        return node;
    }

    @Override
    public String toString() {
        return kind + " of " + action + (table == null ? "" : " on " + table) + " (request " + requestId + ", namespace " + namespace + "): " + detail;
    }
}
