package io.dynabox.engine.value;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Encodes keys into byte strings whose unsigned byte order is DynamoDB's order, so every
 * store can keep items in one sorted keyspace (a B+tree in memory, or a SQLite BLOB primary key).
 *
 * <p>A stored key is {@code hash(partition) ‖ partition ‖ [sort]}: the 8-byte hash prefix
 * gives the scan order (hash of the partition key, then partition key, then sort key) and
 * lets parallel scan segments be ranges of the hash space. The hash is the service's order
 * as dynalite reproduces it (its tests pass against the service, scan order included): the
 * MD5 digest of {@code "Outliers"} followed by the partition key's bytes (UTF-8 for S, the
 * bytes for B, {@link #numberBytes the service's binary number encoding} for N), compared as
 * unsigned bytes; dynalite compares the first three bytes, Dynabox the first eight, which
 * orders the same way but for keys whose digests share their first 24 bits. The partition component only
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
        out.writeBytes(partition(partitionValue));
    }

    /**
     * What {@link #writePartition} writes, in an array of its exact length: the stored key of an
     * item whose table has no sort key (the 8-byte hash, the 2-byte length, the value's bytes).
     */
    public static byte[] partition(AttributeValue partitionValue) {
        byte[] raw = rawBytes(partitionValue);
        long hash = partitionValue instanceof AttributeValue.N n ? hash(numberBytes(n.value())) : hash(raw);
        byte[] key = new byte[10 + raw.length];
        for (int i = 0; i < 8; i++) key[i] = (byte) (hash >>> (56 - 8 * i));
        key[8] = (byte) (raw.length >>> 8);
        key[9] = (byte) raw.length;
        System.arraycopy(raw, 0, key, 10, raw.length);
        return key;
    }

    /**
     * The key of a partition of a multi-attribute key: the parts' sortable encodings joined
     * (self-delimiting, so distinct tuples stay distinct), hashed and length-prefixed like a
     * single value. The service hashes the parts together by a function it does not publish;
     * this one spreads them the same way for scan order and segments.
     */
    public static void writePartition(ByteArrayOutputStream out, java.util.List<AttributeValue> parts) {
        if (parts.size() == 1) {
            writePartition(out, parts.get(0));
            return;
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream(32);
        for (AttributeValue part : parts) writeSortable(joined, part);
        byte[] raw = joined.toByteArray();
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

    /**
     * The key values a stored key (as {@link #writePartition} and {@link #writeSortable} write it) holds: its
     * partition value of {@code partitionType} and, when {@code sortType} is not null, the sort value after it (for
     * an index's stored key: the index's key values; the table's key follows them).
     */
    public static AttributeValue[] decodeKey(byte[] stored, AttributeValue.Type partitionType, AttributeValue.Type sortType) {
        int length = ((stored[8] & 0xFF) << 8) | (stored[9] & 0xFF);
        byte[] raw = java.util.Arrays.copyOfRange(stored, 10, 10 + length);
        AttributeValue partition = value(partitionType, raw);
        if (sortType == null) return new AttributeValue[] {partition};
        return new AttributeValue[] {partition, decodeSortable(stored, 10 + length, sortType)};
    }

    /**
     * How many bytes of a stored key its partition component and, when {@code sortType} is not null, the sort
     * component after it take: for an index's stored key, its index key without the table key that follows.
     */
    public static int keyLength(byte[] stored, AttributeValue.Type sortType) {
        int end = 10 + (((stored[8] & 0xFF) << 8) | (stored[9] & 0xFF));
        if (sortType == null) return end;
        if (sortType == AttributeValue.Type.N) {
            if (stored[end] == NUMBER_ZERO) return end + 1;
            byte terminator = stored[end] == NUMBER_NEGATIVE ? (byte) 0xFF : 0;
            int i = end + 3;
            while (stored[i] != terminator) i++;
            return i + 1;
        }
        int i = end;
        while (stored[i] != 0 || stored[i + 1] == (byte) 0xFF) i += stored[i] == 0 ? 2 : 1;
        return i + 2;
    }

    private static AttributeValue value(AttributeValue.Type type, byte[] raw) {
        return switch (type) {
            case S -> new AttributeValue.S(new String(raw, StandardCharsets.UTF_8));
            case B -> new AttributeValue.B(Bytes.wrap(raw));
            case N -> new AttributeValue.N(DynamoNumber.parse(new String(raw, StandardCharsets.US_ASCII)));
            default -> throw new IllegalArgumentException("not a key type: " + type);
        };
    }

    /** The value {@link #writeSortable} wrote at {@code from}. */
    private static AttributeValue decodeSortable(byte[] stored, int from, AttributeValue.Type type) {
        if (type != AttributeValue.Type.N) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            for (int i = from; i < stored.length; i++) {
                if (stored[i] != 0) raw.write(stored[i]);
                else if (stored[i + 1] == (byte) 0xFF) raw.write(stored[i++]); // an escaped 0x00
                else break;                                                   // the terminator 0x00 0x00
            }
            return value(type, raw.toByteArray());
        }
        byte sign = stored[from];
        if (sign == NUMBER_ZERO) return new AttributeValue.N(DynamoNumber.of(0));
        boolean negative = sign == NUMBER_NEGATIVE;
        int e = ((stored[from + 1] & 0xFF) << 8) | (stored[from + 2] & 0xFF);
        int exponent = (negative ? ~e & 0xFFFF : e) - EXPONENT_BIAS;
        StringBuilder digits = new StringBuilder();
        for (int i = from + 3; stored[i] != (negative ? (byte) 0xFF : 0); i++) {
            digits.append((char) (negative ? 0xFF - (stored[i] & 0xFF) : stored[i]));
        }
        // the leading digit's power of ten is the exponent: digits x 10^(exponent - digits + 1)
        BigDecimal magnitude = new BigDecimal(new java.math.BigInteger(digits.toString()), digits.length() - 1 - exponent);
        return new AttributeValue.N(DynamoNumber.of(negative ? magnitude.negate() : magnitude));
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
    /** Every number of this many decimal digits fits in a long. */
    private static final int MAX_LONG_DIGITS = 18;

    /** The decimal digits of {@code digits} (not negative) as ASCII, each complemented for a negative number, as for the text path. */
    private static void writeDigits(ByteArrayOutputStream out, long digits, boolean negative) {
        byte[] text = new byte[MAX_LONG_DIGITS];
        int at = text.length;
        do {
            text[--at] = (byte) ('0' + digits % 10);
            digits /= 10;
        } while (digits != 0);
        for (int i = at; i < text.length; i++) out.write(negative ? 0xFF - text[i] : text[i]);
    }

    private static void writeNumber(ByteArrayOutputStream out, DynamoNumber number) {
        int signum = number.signum();
        if (signum == 0) {
            out.write(NUMBER_ZERO);
            return;
        }
        BigDecimal value = number.bigDecimal();
        int exponent = number.exponent() + EXPONENT_BIAS;
        boolean negative = signum < 0;
        out.write(negative ? NUMBER_NEGATIVE : NUMBER_POSITIVE);
        int e = negative ? ~exponent : exponent;
        out.write(e >>> 8);
        out.write(e);
        if (value.precision() <= MAX_LONG_DIGITS) {
            // most keys: the digits of a long, without BigInteger's decimal conversion (most of this method's time)
            writeDigits(out, Math.abs(value.unscaledValue().longValue()), negative);
        } else {
            String digits = value.unscaledValue().abs().toString();
            for (int i = 0; i < digits.length(); i++) {
                int d = digits.charAt(i);
                out.write(negative ? 0xFF - d : d);
            }
        }
        out.write(negative ? 0xFF : 0x00);
    }

    /**
     * The hash of a partition whose stored form is {@code raw} (as {@link #writePartition}
     * writes it): for S and B the bytes themselves, for N the canonical decimal text.
     */
    public static long hashOfStored(AttributeValue.Type type, byte[] raw) {
        if (type != AttributeValue.Type.N) return hash(raw);
        return hash(numberBytes(DynamoNumber.parse(new String(raw, StandardCharsets.US_ASCII))));
    }

    /** The first eight bytes of MD5("Outliers" ‖ bytes), big-endian. */
    static long hash(byte[] keyBytes) {
        MessageDigest md5 = MD5.get();
        md5.update(OUTLIERS);
        byte[] digest = md5.digest(keyBytes);
        long hash = 0;
        for (int i = 0; i < 8; i++) hash = (hash << 8) | (digest[i] & 0xFF);
        return hash;
    }

    private static final byte[] OUTLIERS = "Outliers".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    });

    /**
     * The service's binary form of a number, which its partition hash reads: zero is
     * {@code 0x80}; otherwise an exponent byte (base 100, offset 192 and complemented for a
     * negative number), then the digits two by two as base-100 bytes (plus one; for a
     * negative number 101 minus the pair), and for a negative number of under 20 such bytes
     * a terminator 102. (The layout of Oracle's NUMBER, e.g. 123.45 is C2 02 18 2E.)
     */
    public static byte[] numberBytes(DynamoNumber number) {
        if (number.signum() == 0) return new byte[] {(byte) 0x80};
        BigDecimal value = number.bigDecimal().stripTrailingZeros();
        String mantissa = value.unscaledValue().abs().toString();
        boolean negative = number.signum() < 0;
        int exponent = mantissa.length() - value.scale(); // value = 0.mantissa * 10^exponent
        int pad = exponent % 2 != 0 ? 1 : 0;              // a leading zero digit makes the exponent even
        String digits = pad == 1 ? "0" + mantissa : mantissa;
        int pairs = (digits.length() + 1) / 2;
        boolean terminated = negative && pairs < 20;
        byte[] bytes = new byte[1 + pairs + (terminated ? 1 : 0)];
        int exponentByte = Math.floorDiv(exponent + pad, 2) - 64;
        bytes[0] = (byte) (negative ? ~exponentByte : exponentByte);
        for (int i = 0; i < pairs; i++) {
            int high = digits.charAt(2 * i) - '0';
            int low = 2 * i + 1 < digits.length() ? digits.charAt(2 * i + 1) - '0' : 0;
            int pair = high * 10 + low;
            bytes[1 + i] = (byte) (negative ? 101 - pair : pair + 1);
        }
        if (terminated) bytes[bytes.length - 1] = 102;
        return bytes;
    }
}
