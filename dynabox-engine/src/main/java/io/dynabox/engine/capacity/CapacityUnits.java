package io.dynabox.engine.capacity;

/**
 * The service's unit arithmetic, in one place: a read unit per 4 KB read (halved when eventually consistent),
 * a write unit per 1 KB written, transactions charging two units per unit (prepare and commit).
 */
public final class CapacityUnits {
    public static final int READ_UNIT_BYTES = 4096;
    public static final int WRITE_UNIT_BYTES = 1024;
    /** Transactions read and write each item twice: once to prepare, once to commit. */
    public static final double TRANSACTIONAL_FACTOR = 2;

    private CapacityUnits() {}

    /** Whole read units for {@code bytes} read, rounded up (0 bytes: 0 units). */
    public static long wholeReadUnits(long bytes) {
        return (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES;
    }

    /** Read units for one item of {@code size} bytes (0 for a miss): per 4 KB, at least one, halved when eventually consistent. */
    public static double readUnits(long size, boolean consistent) {
        return consistency(Math.max(1, wholeReadUnits(size)), consistent);
    }

    /** {@code whole} read units as charged for a read of this consistency. */
    public static double consistency(long whole, boolean consistent) {
        return consistent ? whole : whole / 2.0;
    }

    /** Whole write units for {@code bytes} written, rounded up (0 bytes: 0 units). */
    public static long wholeWriteUnits(long bytes) {
        return (bytes + WRITE_UNIT_BYTES - 1) / WRITE_UNIT_BYTES;
    }

    /** Write units for writing an item whose larger image is {@code bytes}: per 1 KB, at least one. */
    public static long writeUnits(long bytes) {
        return Math.max(1, wholeWriteUnits(bytes));
    }
}
