package io.dynabox.engine.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The bytes of a tree's stored items, packed into large byte arrays (slabs), each entry named
 * by a handle (a long: slab number and offset). Kept apart from objects so that the garbage
 * collector has little to do with stored items: a young collection used to copy each new item's
 * three objects (record, key and JSON) to the old generation and scan the tree's leaves, whose
 * reference arrays every insert dirtied; a full collection marked all of them. A slab is one
 * object without references, and the tree's leaves hold handles in long arrays.
 *
 * <p>An entry is a header (key length, JSON length, item size: three ints) then the key and the
 * JSON. Entries are appended to the newest slab; a freed entry is marked dead in its header and
 * its bytes stay until its slab is emptied (then dropped) or holds less than half its capacity
 * of live bytes (then its live entries are moved to the newest slab by the tree, which knows
 * where their handles are: {@link OrderedItems}). A dropped slab is never written again (a new
 * slab is a new array), and no entry's key or JSON is ever written over, so the items reads
 * answer point into the slabs ({@link StoredItem#jsonArray()}) without a copy, and stay as
 * they were read whatever changes after. Slabs start small (a table of a few items
 * costs a few KiB) and double up to {@link #MAX_SLAB}; an entry over a quarter of that gets a
 * slab of its own.
 *
 * <p>Not thread-safe: the tree changes it under its write lock. Readers that race a change (the
 * tree's optimistic reads) may read moved or reused bytes, or fail on them: they validate
 * their read afterwards and discard it. So every read here checks its bounds before it
 * allocates, and a wrong handle ends in an exception, never in a huge array or a hang.
 */
final class ItemSlabs {
    /** A little under 1 MiB: with G1 (the in-process door runs in users' JVMs) a slab and its array header then fill one region of 1 MiB instead of taking two. */
    static final int MAX_SLAB = (1 << 20) - 64;
    private static final int FIRST_SLAB = 4096;
    private static final int HEADER = 12;
    private static final int DEAD = 0x8000_0000;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private byte[][] slabs = new byte[4][];
    private int[] filled = new int[4]; // bytes appended to each slab
    private int[] live = new int[4]; // bytes of its entries not yet freed
    private int[] unused = new int[4]; // numbers of dropped slabs, to reuse
    private int unusedCount;
    private int slabCount; // numbers used so far
    private int current = -1; // the slab entries are appended to
    private int retiredThin = -1; // a slab that stopped being the newest with less than half of it live
    private int nextCapacity = FIRST_SLAB;

    static long handle(int slab, int offset) {
        return (long) slab << 32 | offset;
    }

    static int slabOf(long handle) {
        return (int) (handle >>> 32);
    }

    static int offsetOf(long handle) {
        return (int) handle;
    }

    /** The slab the entry is in: its entry's bytes there never change, whatever happens to the entry or the slab after. */
    byte[] slab(long handle) {
        return slabs[slabOf(handle)];
    }

    /** Appends an entry; answers its handle. */
    long add(byte[] key, byte[] json, int offset, int length, long size) {
        int entry = HEADER + key.length + length;
        int slab = room(entry);
        byte[] bytes = slabs[slab];
        int at = filled[slab];
        INT.set(bytes, at, key.length);
        INT.set(bytes, at + 4, length);
        INT.set(bytes, at + 8, Math.toIntExact(size));
        System.arraycopy(key, 0, bytes, at + HEADER, key.length);
        System.arraycopy(json, offset, bytes, at + HEADER + key.length, length);
        filled[slab] = at + entry;
        live[slab] += entry;
        return handle(slab, at);
    }

    long add(byte[] key, byte[] json, long size) {
        return add(key, json, 0, json.length, size);
    }

    /** Copies a live entry to the newest slab (the tree moves it out of a thin slab); answers its new handle. */
    long copy(long handle) {
        byte[] bytes = slabs[slabOf(handle)];
        int at = offsetOf(handle);
        int keyLength = keyLength(bytes, at);
        return add(key(handle), bytes, at + HEADER + keyLength, jsonLength(bytes, at), size(handle));
    }

    /** The slab to append an entry of this many bytes to: the newest one when it has room, else a new one. */
    private int room(int entry) {
        if (current >= 0 && slabs[current].length - filled[current] >= entry) return current;
        if (entry > MAX_SLAB / 4) return newSlab(entry); // a slab of its own; the newest stays where it was
        int capacity = Math.max(nextCapacity, entry);
        nextCapacity = Math.min(MAX_SLAB, capacity * 2);
        if (current >= 0 && live[current] < slabs[current].length / 2) retiredThin = current;
        current = newSlab(capacity);
        return current;
    }

    private int newSlab(int capacity) {
        int slab;
        if (unusedCount > 0) {
            slab = unused[--unusedCount];
        } else {
            slab = firstNeverUsed();
        }
        slabs[slab] = new byte[capacity];
        filled[slab] = 0;
        live[slab] = 0;
        return slab;
    }

    private int firstNeverUsed() {
        int count = slabCount;
        if (count == slabs.length) {
            slabs = Arrays.copyOf(slabs, count * 2);
            filled = Arrays.copyOf(filled, count * 2);
            live = Arrays.copyOf(live, count * 2);
        }
        slabCount++;
        return count;
    }

    /**
     * Marks the entry dead. Answers the number of a slab the tree should now empty by moving its
     * live entries ({@link #copy}) and then {@link #drop}, or -1.
     */
    int free(long handle) {
        int slab = slabOf(handle);
        byte[] bytes = slabs[slab];
        int at = offsetOf(handle);
        int keyLength = keyLength(bytes, at);
        INT.set(bytes, at, keyLength | DEAD);
        live[slab] -= HEADER + keyLength + jsonLength(bytes, at);
        if (slab == current) return -1;
        if (live[slab] == 0) {
            drop(slab);
            return -1;
        }
        return live[slab] < bytes.length / 2 ? slab : -1;
    }

    /** A slab that was the newest until the last {@link #add} and has less than half of it live, to empty as {@link #free} asks; -1 when none. Asked once. */
    int takeRetiredThin() {
        int slab = retiredThin;
        retiredThin = -1;
        if (slab >= 0 && live[slab] == 0) {
            drop(slab);
            return -1;
        }
        return slab;
    }

    /** Handles of the slab's live entries, in the order they were appended. */
    long[] liveEntries(int slab) {
        byte[] bytes = slabs[slab];
        long[] handles = new long[16];
        int count = 0;
        for (int at = 0; at < filled[slab]; ) {
            int header = (int) INT.get(bytes, at);
            int keyLength = header & ~DEAD;
            if (header >= 0) {
                if (count == handles.length) handles = Arrays.copyOf(handles, count * 2);
                handles[count++] = handle(slab, at);
            }
            at += HEADER + keyLength + jsonLength(bytes, at);
        }
        return Arrays.copyOf(handles, count);
    }

    /** Forgets the slab (its entries were all freed or moved); its number is used again. */
    void drop(int slab) {
        if (retiredThin == slab) retiredThin = -1;
        slabs[slab] = null;
        filled[slab] = 0;
        live[slab] = 0;
        if (unusedCount == unused.length) unused = Arrays.copyOf(unused, unusedCount * 2);
        unused[unusedCount++] = slab;
    }

    /** Bytes held by slabs: entries, dead ones included, and room not used yet. */
    long bytes() {
        long total = 0;
        for (int i = 0; i < slabCount; i++) if (slabs[i] != null) total += slabs[i].length;
        return total;
    }

    /** The entry's key compared with {@code key} as unsigned bytes. */
    int compareKey(long handle, byte[] key) {
        byte[] bytes = slabs[slabOf(handle)];
        int at = offsetOf(handle);
        int from = at + HEADER;
        return Arrays.compareUnsigned(bytes, from, from + keyLength(bytes, at), key, 0, key.length);
    }

    byte[] key(long handle) {
        return key(slabs[slabOf(handle)], offsetOf(handle));
    }

    static byte[] key(byte[] bytes, int at) {
        return slice(bytes, at + HEADER, keyLength(bytes, at));
    }

    long size(long handle) {
        return (int) INT.get(slabs[slabOf(handle)], offsetOf(handle) + 8);
    }

    /**
     * The entry, its JSON read in place (entries are never written over), with {@code key} as its
     * key (the caller's array of the same bytes), or, when null, the entry's own (copied out when
     * asked for).
     */
    StoredItem item(long handle, byte[] key) {
        return item(slabs[slabOf(handle)], offsetOf(handle), key);
    }

    /** The same, of the entry at {@code at} in the slab {@code bytes}. */
    static StoredItem item(byte[] bytes, int at, byte[] key) {
        int keyLength = keyLength(bytes, at);
        int json = at + HEADER + keyLength;
        int jsonLength = jsonLength(bytes, at);
        checkInside(bytes, at + HEADER, keyLength);
        checkInside(bytes, json, jsonLength);
        int size = (int) INT.get(bytes, at + 8);
        return key != null ? new StoredItem(key, bytes, json, jsonLength, size) : new StoredItem(bytes, at + HEADER, keyLength, json, jsonLength, size);
    }

    private static int keyLength(byte[] bytes, int at) {
        return (int) INT.get(bytes, at) & ~DEAD;
    }

    private static int jsonLength(byte[] bytes, int at) {
        return (int) INT.get(bytes, at + 4);
    }

    /** A copy of bytes [from, from + length), refused before anything is allocated when that is not inside the slab (a raced read). */
    private static byte[] slice(byte[] bytes, int from, int length) {
        checkInside(bytes, from, length);
        return Arrays.copyOfRange(bytes, from, from + length);
    }

    private static void checkInside(byte[] bytes, int from, int length) {
        if (length < 0 || from < 0 || from > bytes.length - length) throw new IllegalStateException("not an entry");
    }
}
