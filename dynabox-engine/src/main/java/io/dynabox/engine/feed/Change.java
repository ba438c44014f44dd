package io.dynabox.engine.feed;

import io.dynabox.engine.store.ItemJson;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.value.AttributeValue;
import java.util.Map;

/**
 * One committed change of one item: the item before ({@code oldImage}) and after
 * ({@code newImage}), each as the DynamoDB JSON bytes the store keeps (null when the item did
 * not exist before, or was deleted), decoded only when a reader asks. The arrays are shared
 * with the store and never changed: do not modify them.
 *
 * @param sequence  the table's change counter, increasing by one per change in commit order
 * @param timeMillis when it was committed, by the engine's clock
 * @param group     changes committed together (one batch or one transaction, over all its tables) share it
 * @param key       the item's stored key ({@link io.dynabox.engine.table.Table#encodeKey})
 * @param oldSize   the old item's size by DynamoDB's rules, 0 without one
 * @param newSize   the new item's size, 0 without one
 * @param origin    who made the change: a request, or the service itself (Time to Live)
 * @param written   a REPLICATION change's version: when and in which region the write was made (null for others)
 */
public record Change(long sequence, long timeMillis, long group, byte[] key, byte[] oldImage, byte[] newImage,
                     long oldSize, long newSize, Origin origin, Written written) {

    public Change(long sequence, long timeMillis, long group, byte[] key, byte[] oldImage, byte[] newImage,
                  long oldSize, long newSize, Origin origin) {
        this(sequence, timeMillis, group, key, oldImage, newImage, oldSize, newSize, origin, null);
    }

    /** When (engine time) and in which region a replicated write was first made: what last-writer-wins compares. */
    public record Written(long timeMillis, String region) {
    }

    /**
     * Who made a change; streams show the service's own deletions with a user identity. A
     * REPLICATION change is a global table's replica applying a write made in another region.
     */
    public enum Origin { REQUEST, TIME_TO_LIVE, REPLICATION }

    /** What a change did, in DynamoDB Streams' words. */
    public enum Kind { INSERT, MODIFY, REMOVE }

    public Kind kind() {
        if (oldImage == null) return Kind.INSERT;
        return newImage == null ? Kind.REMOVE : Kind.MODIFY;
    }

    /** The item before the change (a new map each call), or null. */
    public Map<String, AttributeValue> oldItem() {
        return oldImage == null ? null : ItemJson.decode(oldImage);
    }

    /** The item after the change (a new map each call), or null. */
    public Map<String, AttributeValue> newItem() {
        return newImage == null ? null : ItemJson.decode(newImage);
    }

    /** The item's key attributes, partition key first (read from an image without decoding the rest). */
    public Map<String, AttributeValue> keys(KeySchema schema) {
        return ItemJson.attributes(newImage != null ? newImage : oldImage, schema.partitionName(), schema.sortName());
    }
}
