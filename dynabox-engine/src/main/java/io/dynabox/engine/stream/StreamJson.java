package io.dynabox.engine.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.feed.Change;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.wire.Json;
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

    /** One record, its images written from the store's bytes as they are. */
    public static ObjectNode record(StreamRecord record, Stream stream, String region) {
        Change change = record.change();
        ObjectNode node = Json.object();
        node.put("eventID", record.eventId());
        node.put("eventName", change.kind().name());
        node.put("eventVersion", "1.1");
        node.put("eventSource", "aws:dynamodb");
        node.put("awsRegion", region);
        ObjectNode dynamodb = node.putObject("dynamodb");
        // the service rounds the time down to the second
        dynamodb.put("ApproximateCreationDateTime", Math.floorDiv(change.timeMillis(), 1000L));
        dynamodb.putRawValue("Keys", Json.raw(record.keysJson()));
        if (stream.showsNew() && change.newImage() != null) dynamodb.putRawValue("NewImage", Json.raw(change.newImage()));
        if (stream.showsOld() && change.oldImage() != null) dynamodb.putRawValue("OldImage", Json.raw(change.oldImage()));
        dynamodb.put("SequenceNumber", sequenceNumber(record.sequence()));
        dynamodb.put("SizeBytes", record.sizeBytes());
        dynamodb.put("StreamViewType", stream.viewType);
        if (change.origin() == Change.Origin.TIME_TO_LIVE) {
            node.putObject("userIdentity").put("PrincipalId", "dynamodb.amazonaws.com").put("Type", "Service");
        }
        return node;
    }
}
