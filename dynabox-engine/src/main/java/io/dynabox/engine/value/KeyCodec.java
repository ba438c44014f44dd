package io.dynabox.engine.value;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Encodes keys into byte strings whose unsigned byte order is DynamoDB's order, so every
 * store can keep items in one sorted keyspace (a B+tree in memory, or a SQLite BLOB primary key).
 *
 * <p>A stored key is {@code hash(partition) ‖ partition ‖ [sort]}: the 8-byte hash prefix
 * gives the scan order (hash of the partition key, then partition key, then sort key) and
 * lets parallel scan segments be ranges of the hash space; the partition component only
 * needs to be unique, so it is length-prefixed; the sort component preserves DynamoDB's
 * sort order and delimits itself, so index keys can append the table key after it.
 *
 * <p>These encodings are persisted by file stores: changing them needs a new schema version.
 */
public final class KeyCodec {
    private static final byte NUMBER_NEGATIVE = 0x40;
    private static final byte NUMBER_ZERO = (byte) 0x80;
    private static final byte NUMBER_POSITIVE = (byte) 0xC0;
    private static final int EXPONENT_BIAS = 1000;

    private KeyCodec() {}

    /** The key of a partition: hash prefix and the length-prefixed partition value. */
    public static void writePartition(ByteArrayOutputStream out, AttributeValue partitionValue) {
        byte[] raw = rawBytes(partitionValue);
        long hash = hash(raw);
        for (int shift = 56; shift >= 0; shift -= 8) out.write((int) (hash >>> shift));
        out.write(raw.length >>> 8);
        out.write(raw.length);
        out.write(raw, 0, raw.length);
    }

    /** A sort-order-preserving, self-delimiting encoding of a key value. */
    public static void writeSortable(ByteArrayOutputStream out, AttributeValue value) {
        if (value instanceof AttributeValue.N n) writeNumber(out, n.value());
        else writeEscaped(out, rawBytes(value));
    }

    /**
     * The sortable encoding of a string or binary prefix without its terminator: every
     * encoded value that starts with the prefix starts with these bytes.
     */
    public static byte[] sortablePrefix(AttributeValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (value instanceof AttributeValue.N) throw new IllegalArgumentException("numbers have no prefix form");
        byte[] raw = rawBytes(value);
        for (byte b : raw) {
            out.write(b);
            if (b == 0) out.write(0xFF);
        }
        return out.toByteArray();
    }

    /** The first 8 bytes of a stored key as an unsigned number: its place in the hash space. */
    public static long hashOf(byte[] storedKey) {
        long hash = 0;
        for (int i = 0; i < 8; i++) hash = (hash << 8) | (storedKey[i] & 0xFF);
        return hash;
    }

    /** The smallest stored key with the given hash prefix. */
    public static byte[] hashBoundary(long hash) {
        byte[] key = new byte[8];
        for (int i = 0; i < 8; i++) key[i] = (byte) (hash >>> (56 - 8 * i));
        return key;
    }

    /** The smallest byte string greater than every string that starts with {@code prefix}, or null if none. */
    public static byte[] successorOfPrefix(byte[] prefix) {
        byte[] next = prefix.clone();
        for (int i = next.length - 1; i >= 0; i--) {
            if (next[i] != (byte) 0xFF) {
                next[i]++;
                return java.util.Arrays.copyOf(next, i + 1);
            }
        }
        return null;
    }

    private static byte[] rawBytes(AttributeValue value) {
        if (value instanceof AttributeValue.S s) return s.value().getBytes(StandardCharsets.UTF_8);
        if (value instanceof AttributeValue.B b) return b.value().unsafeArray();
        if (value instanceof AttributeValue.N n) return n.value().toString().getBytes(StandardCharsets.US_ASCII);
        throw new IllegalArgumentException("not a key type: " + value.type());
    }

    // 0x00 becomes 0x00 0xFF; the terminator 0x00 0x00 sorts below any continuation.
    private static void writeEscaped(ByteArrayOutputStream out, byte[] raw) {
        for (byte b : raw) {
            out.write(b);
            if (b == 0) out.write(0xFF);
        }
        out.write(0);
        out.write(0);
    }

    // sign class, then exponent and digits; negative numbers complement both so larger
    // magnitudes sort first. Digits end with a terminator below (or, negated, above) any digit.
    private static void writeNumber(ByteArrayOutputStream out, DynamoNumber number) {
        int signum = number.signum();
        if (signum == 0) {
            out.write(NUMBER_ZERO);
            return;
        }
        BigDecimal value = number.bigDecimal();
        int exponent = number.exponent() + EXPONENT_BIAS;
        String digits = value.unscaledValue().abs().toString();
        boolean negative = signum < 0;
        out.write(negative ? NUMBER_NEGATIVE : NUMBER_POSITIVE);
        int e = negative ? ~exponent : exponent;
        out.write(e >>> 8);
        out.write(e);
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i);
            out.write(negative ? 0xFF - d : d);
        }
        out.write(negative ? 0xFF : 0x00);
    }

    // FNV-1a then a murmur finalizer: stable across versions and platforms, well spread.
    static long hash(byte[] raw) {
        long h = 0xcbf29ce484222325L;
        for (byte b : raw) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
