package io.dynabox.engine.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.feed.Change;
import io.dynabox.engine.store.Store;
import io.dynabox.engine.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** A change as a store's log keeps it until a Kinesis destination has taken it (JSON: time, group, origin, key, images, sizes). */
final class KeptChanges {
    private KeptChanges() {}

    static Store.LogEntry entry(Change change) {
        ObjectNode node = Json.object();
        node.put("time", change.timeMillis()).put("group", change.group()).put("origin", change.origin().name())
                .put("key", Base64.getEncoder().encodeToString(change.key()))
                .put("oldSize", change.oldSize()).put("newSize", change.newSize());
        if (change.oldImage() != null) node.putRawValue("old", Json.raw(change.oldImage()));
        if (change.newImage() != null) node.putRawValue("new", Json.raw(change.newImage()));
        return new Store.LogEntry(change.sequence(), Json.write(node));
    }

    static Change read(Store.LogEntry entry) {
        JsonNode node;
        try {
            node = Json.parse(entry.entry());
        } catch (IOException e) {
            throw new UncheckedIOException("a kept Kinesis record cannot be read: " + e.getMessage(), e);
        }
        return new Change(entry.sequence(), node.get("time").longValue(), node.get("group").longValue(),
                Base64.getDecoder().decode(node.get("key").textValue()), image(node.get("old")), image(node.get("new")),
                node.get("oldSize").longValue(), node.get("newSize").longValue(), Change.Origin.valueOf(node.get("origin").textValue()));
    }

    private static byte[] image(JsonNode node) {
        return node == null || node.isNull() ? null : Json.write(node);
    }
}
