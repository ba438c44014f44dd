package io.dynabox.engine.store;

import io.dynabox.engine.value.AttributeValue;
import java.util.Arrays;
import java.util.Map;

/**
 * An item as a store keeps it: its encoded key, its DynamoDB JSON ({@link ItemJson}) and its
 * size by DynamoDB's rules. The bytes are never changed once stored.
 *
 * <p>The memory store answers items whose JSON is a range of one of its slabs
 * ({@link ItemSlabs}) rather than an array of its own, so a read copies nothing: answers that
 * copy the bytes into their output read the range ({@link #jsonArray()}, {@link #jsonOffset()},
 * {@link #jsonLength()}); {@link #json()} gives an array of the JSON alone, copied out of the slab
 * when it is one, so whoever keeps it (a change's image, a backup) does not keep the slab too.
 */
public final class StoredItem {
    private final byte[] bytes;
    private final int keyOffset; // of the key in bytes, when it is there and not yet copied out
    private final int keyLength;
    private final int offset;
    private final int length;
    private final long size;
    private final byte[] givenKey;
    private volatile byte[] copiedKey; // copied out of the bytes on the first call of key() when none was given

    public StoredItem(byte[] key, byte[] json, long size) {
        this(key, json, 0, json.length, size);
    }

    /** An item whose JSON is bytes [offset, offset + length) of {@code bytes}, which nobody changes. */
    StoredItem(byte[] key, byte[] bytes, int offset, int length, long size) {
        this(key, bytes, -1, 0, offset, length, size);
    }

    /** The same, with the key at [keyOffset, keyOffset + keyLength) of {@code bytes} (walks give many items whose keys nobody asks for). */
    StoredItem(byte[] bytes, int keyOffset, int keyLength, int offset, int length, long size) {
        this(null, bytes, keyOffset, keyLength, offset, length, size);
    }

    private StoredItem(byte[] givenKey, byte[] bytes, int keyOffset, int keyLength, int offset, int length, long size) {
        this.givenKey = givenKey;
        this.bytes = bytes;
        this.keyOffset = keyOffset;
        this.keyLength = keyLength;
        this.offset = offset;
        this.length = length;
        this.size = size;
    }

    public byte[] key() {
        if (givenKey != null) return givenKey;
        byte[] copied = copiedKey;
        if (copied == null) copiedKey = copied = Arrays.copyOfRange(bytes, keyOffset, keyOffset + keyLength);
        return copied;
    }

    /** The JSON as an array of its own (the stored one when it is one, else a copy). */
    public byte[] json() {
        return offset == 0 && length == bytes.length ? bytes : Arrays.copyOfRange(bytes, offset, offset + length);
    }

    /**
     * The item with arrays of its own, for whoever keeps it long (a backup, a snapshot): an item
     * read from a slab would otherwise keep the whole slab, dead entries and others' items included.
     */
    public StoredItem detached() {
        return offset == 0 && length == bytes.length ? this : new StoredItem(key(), json(), size);
    }

    /** The array the JSON is in, from {@link #jsonOffset()} for {@link #jsonLength()} bytes: to copy, never to change or keep. */
    public byte[] jsonArray() {
        return bytes;
    }

    public int jsonOffset() {
        return offset;
    }

    public int jsonLength() {
        return length;
    }

    public long size() {
        return size;
    }

    /** The item's values, decoded anew on each call: callers that need them more than once keep the map. */
    public Map<String, AttributeValue> item() {
        return ItemJson.decode(bytes, offset, length);
    }

    @Override
    public String toString() {
        return "StoredItem[key=" + Arrays.toString(key()) + ", size=" + size + ", " + length + " bytes of JSON]";
    }
}
