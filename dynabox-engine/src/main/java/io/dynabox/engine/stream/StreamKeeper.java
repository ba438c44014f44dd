package io.dynabox.engine.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.feed.Change;
import io.dynabox.engine.store.Store;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a namespace's streams in a store that outlives the process ({@code --db-path}): each
 * stream's state (shards, lineage, status times) as a document, rewritten when its shards
 * change, and its records as a log, appended in commit order with the writes they report and
 * trimmed with the stream. On start, {@link #load} rebuilds the streams as they were.
 */
final class StreamKeeper implements Stream.StreamListener {
    static final String KIND = "stream";

    private final Store store;
    private final String namespace;

    StreamKeeper(Store store, String namespace) {
        this.store = store;
        this.namespace = namespace;
    }

    static String log(Stream stream) {
        return "stream:" + stream.arn;
    }

    @Override
    public void appended(Stream stream, Shard shard, List<StreamRecord> records) {
        List<Store.LogEntry> entries = new ArrayList<>(records.size());
        for (StreamRecord record : records) entries.add(new Store.LogEntry(record.sequence(), entry(shard, record.complete(stream))));
        store.appendToLog(namespace, log(stream), entries);
    }

    @Override
    public void shardsChanged(Stream stream) {
        store.saveDocument(namespace, KIND, stream.arn, Json.write(state(stream)));
    }

    @Override
    public void trimmed(Stream stream, long throughSequence) {
        store.trimLog(namespace, log(stream), throughSequence);
    }

    @Override
    public void forgotten(Stream stream) {
        store.deleteDocument(namespace, KIND, stream.arn);
        store.dropLog(namespace, log(stream));
    }

    // ---- the forms kept ----

    private static ObjectNode state(Stream stream) {
        ObjectNode node = Json.object();
        node.put("arn", stream.arn).put("label", stream.label).put("table", stream.tableName).put("viewType", stream.viewType);
        KeySchema schema = stream.keySchema;
        node.put("partitionName", schema.partitionName()).put("partitionType", schema.partitionType().name());
        if (schema.hasSort()) node.put("sortName", schema.sortName()).put("sortType", schema.sortType().name());
        node.put("createdMillis", stream.createdMillis).put("enabledMillis", stream.enabledMillis)
                .put("rolloverMillis", stream.rolloverMillis())
                .put("disabledMillis", stream.disabledMillis()).put("settledDisabledMillis", stream.settledDisabledMillis())
                .put("lastSequence", stream.lastSequence());
        ArrayNode shards = node.putArray("shards");
        for (Shard shard : stream.shards()) {
            ObjectNode s = shards.addObject();
            s.put("id", shard.id).put("openedMillis", shard.openedMillis).put("startingSequence", shard.startingSequence)
                    .put("closedMillis", shard.closedMillis).put("endingSequence", shard.endingSequence)
                    .put("trimmedThrough", shard.trimmedThrough);
            if (shard.parentId != null) s.put("parentId", shard.parentId);
        }
        return node;
    }

    private static byte[] entry(Shard shard, StreamRecord record) {
        Change change = record.change();
        ObjectNode node = Json.object();
        node.put("shard", shard.id).put("eventId", record.eventId()).put("time", change.timeMillis()).put("group", change.group())
                .put("origin", change.origin().name()).put("key", Base64.getEncoder().encodeToString(change.key()))
                .put("oldSize", change.oldSize()).put("newSize", change.newSize()).put("sizeBytes", record.sizeBytes());
        node.putRawValue("keys", Json.raw(record.keysJson()));
        if (change.oldImage() != null) node.putRawValue("old", Json.raw(change.oldImage()));
        if (change.newImage() != null) node.putRawValue("new", Json.raw(change.newImage()));
        if (change.written() != null) node.put("writtenMillis", change.written().timeMillis()).put("writtenRegion", change.written().region());
        return Json.write(node);
    }

    /** The streams kept for the namespace, with their shards and records, none subscribed yet. */
    List<Stream> load() {
        Map<String, byte[]> documents = store.loadDocuments(namespace, KIND);
        List<Stream> streams = new ArrayList<>();
        for (byte[] document : documents.values()) {
            JsonNode node = parse(document);
            String sortName = node.hasNonNull("sortName") ? node.get("sortName").textValue() : null;
            KeySchema schema = new KeySchema(node.get("partitionName").textValue(), AttributeValue.Type.valueOf(node.get("partitionType").textValue()),
                    sortName, sortName == null ? null : AttributeValue.Type.valueOf(node.get("sortType").textValue()));
            Stream stream = new Stream(node.get("arn").textValue(), node.get("label").textValue(), node.get("table").textValue(), schema,
                    node.get("viewType").textValue(), node.get("createdMillis").longValue(), node.get("enabledMillis").longValue(),
                    node.get("rolloverMillis").longValue(), this);
            Map<String, Shard> shards = new LinkedHashMap<>();
            for (JsonNode s : node.get("shards")) {
                Shard shard = new Shard(s.get("id").textValue(), s.hasNonNull("parentId") ? s.get("parentId").textValue() : null,
                        s.get("openedMillis").longValue(), s.get("startingSequence").longValue());
                shard.closedMillis = s.get("closedMillis").longValue();
                shard.endingSequence = s.get("endingSequence").longValue();
                shard.trimmedThrough = s.get("trimmedThrough").longValue();
                shards.put(shard.id, shard);
            }
            // the document is rewritten when shards change; records written since then are in the log
            long lastSequence = node.get("lastSequence").longValue();
            for (Store.LogEntry entry : store.readLog(namespace, log(stream))) {
                lastSequence = Math.max(lastSequence, entry.sequence());
                JsonNode e = parse(entry.entry());
                Shard shard = shards.get(e.get("shard").textValue());
                if (shard == null || entry.sequence() <= shard.trimmedThrough) continue;
                Change change = new Change(entry.sequence(), e.get("time").longValue(), e.get("group").longValue(),
                        Base64.getDecoder().decode(e.get("key").textValue()), image(e.get("old")), image(e.get("new")),
                        e.get("oldSize").longValue(), e.get("newSize").longValue(), Change.Origin.valueOf(e.get("origin").textValue()),
                        e.has("writtenRegion") ? new Change.Written(e.get("writtenMillis").longValue(), e.get("writtenRegion").textValue()) : null);
                shard.add(new StreamRecord(e.get("eventId").textValue(), change, Json.write(e.get("keys")),
                        e.get("sizeBytes").longValue()));
            }
            stream.restore(node.get("disabledMillis").longValue(), node.get("settledDisabledMillis").longValue(),
                    List.copyOf(shards.values()), lastSequence);
            streams.add(stream);
        }
        return streams;
    }

    private static byte[] image(JsonNode node) {
        return node == null || node.isNull() ? null : Json.write(node);
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return Json.parse(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a kept stream cannot be read: " + e.getMessage(), e);
        }
    }
}
