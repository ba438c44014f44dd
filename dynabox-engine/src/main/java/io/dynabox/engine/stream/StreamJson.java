package io.dynabox.engine.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.feed.Change;
import io.dynabox.engine.table.KeySchema;
import com.fasterxml.jackson.databind.util.RawValue;
import io.dynabox.engine.wire.Json;
import java.io.IOException;
import java.util.List;

/** Streams, shards and records as the service writes them. */
public final class StreamJson {
    private StreamJson() {}

    /** Sequence numbers are decimal strings of 21 digits, zero-padded. */
    public static String sequenceNumber(long sequence) {
        String digits = Long.toString(sequence);
        return "0".repeat(Math.max(0, 21 - digits.length())) + digits;
    }

    public static ObjectNode summary(Stream stream) {
        return Json.object().put("StreamArn", stream.arn).put("TableName", stream.tableName).put("StreamLabel", stream.label);
    }

    /**
     * A stream's description with the shards from just after {@code exclusiveStartShardId}
     * (all when null), only the children of {@code parentShardId} when that is not null, at
     * most {@code limit} of them.
     */
    public static ObjectNode description(Stream stream, long nowMillis, int limit, String exclusiveStartShardId, String parentShardId) {
        ObjectNode node = Json.object();
        node.put("StreamArn", stream.arn);
        node.put("StreamLabel", stream.label);
        node.put("StreamStatus", stream.status(nowMillis));
        node.put("StreamViewType", stream.viewType);
        node.put("CreationRequestDateTime", stream.createdMillis / 1000.0);
        node.put("TableName", stream.tableName);
        ArrayNode keySchema = node.putArray("KeySchema");
        KeySchema schema = stream.keySchema;
        keySchema.addObject().put("AttributeName", schema.partitionName()).put("KeyType", "HASH");
        if (schema.hasSort()) keySchema.addObject().put("AttributeName", schema.sortName()).put("KeyType", "RANGE");
        ArrayNode shards = node.putArray("Shards");
        List<Shard> all = stream.shards();
        int start = 0;
        if (exclusiveStartShardId != null) {
            start = all.size();
            for (int i = 0; i < all.size(); i++) if (all.get(i).id.equals(exclusiveStartShardId)) start = i + 1;
        }
        int listed = 0;
        for (int i = start; i < all.size(); i++) {
            Shard shard = all.get(i);
            if (parentShardId != null && !parentShardId.equals(shard.parentId)) continue;
            if (listed == limit) {
                node.put("LastEvaluatedShardId", all.get(i - 1).id);
                break;
            }
            shards.add(shard(shard));
            listed++;
        }
        return node;
    }

    private static ObjectNode shard(Shard shard) {
        ObjectNode node = Json.object().put("ShardId", shard.id);
        ObjectNode range = node.putObject("SequenceNumberRange");
        range.put("StartingSequenceNumber", sequenceNumber(shard.startingSequence));
        if (!shard.open()) range.put("EndingSequenceNumber", sequenceNumber(shard.endingSequence));
        if (shard.parentId != null) node.put("ParentShardId", shard.parentId);
        return node;
    }

    /**
     * The records, written straight into the answer's generator when it is written: no tree of
     * nodes is built for them (a page of 1,000 records of 1 KB would make some 20,000 nodes).
     * The images go out as the store's bytes, as they are.
     */
    public static RawValue records(List<StreamRecord> records, Stream stream, String region) {
        return new RawValue(new JsonSerializable.Base() {
            @Override
            public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeStartArray();
                for (StreamRecord record : records) write(generator, record, stream, region);
                generator.writeEndArray();
            }

            @Override
            public void serializeWithType(JsonGenerator generator, SerializerProvider provider, TypeSerializer typeSerializer)
                    throws IOException {
                serialize(generator, provider);
            }
        });
    }

    /** One record as the service writes it. */
    private static void write(JsonGenerator g, StreamRecord record, Stream stream, String region) throws IOException {
        Change change = record.change();
        g.writeStartObject();
        g.writeStringField("eventID", record.eventId());
        g.writeStringField("eventName", change.kind().name());
        g.writeStringField("eventVersion", "1.1");
        g.writeStringField("eventSource", "aws:dynamodb");
        g.writeStringField("awsRegion", region);
        g.writeObjectFieldStart("dynamodb");
        // the service rounds the time down to the second
        g.writeNumberField("ApproximateCreationDateTime", Math.floorDiv(change.timeMillis(), 1000L));
        g.writeFieldName("Keys");
        Json.writeRaw(g, record.keysJson());
        if (stream.showsNew() && change.newImage() != null) {
            g.writeFieldName("NewImage");
            Json.writeRaw(g, change.newImage());
        }
        if (stream.showsOld() && change.oldImage() != null) {
            g.writeFieldName("OldImage");
            Json.writeRaw(g, change.oldImage());
        }
        g.writeStringField("SequenceNumber", sequenceNumber(record.sequence()));
        g.writeNumberField("SizeBytes", record.sizeBytes());
        g.writeStringField("StreamViewType", stream.viewType);
        g.writeEndObject();
        if (change.origin() == Change.Origin.TIME_TO_LIVE) {
            g.writeObjectFieldStart("userIdentity");
            g.writeStringField("PrincipalId", "dynamodb.amazonaws.com");
            g.writeStringField("Type", "Service");
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
