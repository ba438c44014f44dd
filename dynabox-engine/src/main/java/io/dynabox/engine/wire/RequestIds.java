package io.dynabox.engine.wire;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids shaped like the service's: 52 characters of upper-case letters and digits. */
public final class RequestIds {
    private static final byte[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".getBytes(StandardCharsets.US_ASCII);

    private RequestIds() {}

    /** Twelve letters from each random long: 36^12 fits in its 63 low bits. */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] id = new byte[52];
        long bits = 0;
        for (int i = 0; i < id.length; i++) {
            if (i % 12 == 0) bits = random.nextLong() >>> 1;
            id[i] = ALPHABET[(int) (bits % ALPHABET.length)];
            bits /= ALPHABET.length;
        }
        return new String(id, StandardCharsets.US_ASCII);
    }
}
