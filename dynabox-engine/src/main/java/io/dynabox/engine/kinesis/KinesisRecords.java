package io.dynabox.engine.kinesis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.feed.Change;
import io.dynabox.engine.store.ItemJson;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.KinesisDestination;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import io.dynabox.engine.wire.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * A change as the service writes it to a Kinesis data stream: a JSON document with
 * {@code awsRegion}, {@code eventID} (a UUID), {@code eventName}, {@code userIdentity} (null, or
 * the service's for Time to Live deletions), {@code recordFormat} application/json,
 * {@code tableName}, {@code dynamodb} (the time in milliseconds or microseconds since the
 * epoch, {@code Keys}, {@code NewImage}, {@code OldImage}, {@code SizeBytes}, and the precision
 * when the destination has one set) and {@code eventSource} aws:dynamodb, in that order.
 */
public final class KinesisRecords {
    private KinesisRecords() {}

    public static KinesisRecord of(Change change, String tableName, String region, KeySchema schema, String precision) {
        Map<String, AttributeValue> keys = change.keys(schema);
        byte[] keysJson = ItemJson.encode(keys);
        ObjectNode node = Json.object();
        node.put("awsRegion", region);
        node.put("eventID", UUID.randomUUID().toString());
        node.put("eventName", change.kind().name());
        if (change.origin() == Change.Origin.TIME_TO_LIVE) {
            node.putObject("userIdentity").put("principalId", "dynamodb.amazonaws.com").put("type", "Service");
        } else {
            node.putNull("userIdentity");
        }
        node.put("recordFormat", "application/json");
        node.put("tableName", tableName);
        ObjectNode dynamodb = node.putObject("dynamodb");
        boolean micros = KinesisDestination.MICROSECOND.equals(precision);
        dynamodb.put("ApproximateCreationDateTime", micros ? change.timeMillis() * 1000 : change.timeMillis());
        dynamodb.putRawValue("Keys", Json.raw(keysJson));
        if (change.newImage() != null) dynamodb.putRawValue("NewImage", Json.raw(change.newImage()));
        if (change.oldImage() != null) dynamodb.putRawValue("OldImage", Json.raw(change.oldImage()));
        dynamodb.put("SizeBytes", ItemSize.of(keys) + change.newSize() + change.oldSize());
        if (precision != null) dynamodb.put("ApproximateCreationDateTimePrecision", precision);
        node.put("eventSource", "aws:dynamodb");
        return new KinesisRecord(partitionKey(change.key()), Json.write(node));
    }

    /**
     * 32 upper-case hexadecimal digits, as the service's partition keys look: the MD5 of the
     * item's stored key, so every change of one item goes to one shard, in order (the input of
     * the service's own hash is not documented).
     */
    static String partitionKey(byte[] storedKey) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(storedKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
