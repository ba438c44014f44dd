package io.dynabox.engine.stream;

import io.dynabox.engine.feed.Change;
import io.dynabox.engine.store.ItemJson;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One record of a stream: the change it reports, and what the stream adds to it: an event id,
 * the key attributes as DynamoDB JSON and the record's size. Appending a record costs the
 * writer only this object: the additions are made the first time a reader (or a store that
 * keeps the stream) needs them, under the stream's monitor, and stay the same afterwards. The
 * images stay the store's bytes; a read writes them into the answer as they are.
 */
public final class StreamRecord {
    private final Change change;
    // made by complete(), under the stream's monitor; null until then
    private String eventId;
    private byte[] keysJson;
    private long sizeBytes;

    /** A record just appended: its additions are made when first needed. */
    StreamRecord(Change change) {
        this.change = change;
    }

    /** A record as a store kept it, complete. */
    StreamRecord(String eventId, Change change, byte[] keysJson, long sizeBytes) {
        this.change = change;
        this.eventId = eventId;
        this.keysJson = keysJson;
        this.sizeBytes = sizeBytes;
    }

    /** The change's sequence number (the table feed's), shown as 21 digits. */
    public long sequence() {
        return change.sequence();
    }

    public Change change() {
        return change;
    }

    public long timeMillis() {
        return change.timeMillis();
    }

    /** 32 hexadecimal digits, as the service's event ids. Call {@link #complete} first. */
    public String eventId() {
        return eventId;
    }

    /** The key attributes as DynamoDB JSON. Call {@link #complete} first. */
    public byte[] keysJson() {
        return keysJson;
    }

    /** The size of the keys and of the images the view type shows, by DynamoDB's rules. Call {@link #complete} first. */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** Makes the event id, the keys and the size, once. Caller holds the stream's monitor. */
    StreamRecord complete(Stream stream) {
        if (keysJson != null) return this;
        Map<String, AttributeValue> keys = change.keys(stream.keySchema);
        long size = ItemSize.of(keys);
        if (stream.showsNew() && change.newImage() != null) size += change.newSize();
        if (stream.showsOld() && change.oldImage() != null) size += change.oldSize();
        sizeBytes = size;
        eventId = newEventId();
        keysJson = ItemJson.encode(keys);
        return this;
    }

    private static String newEventId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[32];
        for (int half = 0; half < 2; half++) {
            long bits = random.nextLong();
            for (int i = 15; i >= 0; i--, bits >>>= 4) id[half * 16 + i] = HEX[(int) (bits & 0xf)];
        }
        return new String(id);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
