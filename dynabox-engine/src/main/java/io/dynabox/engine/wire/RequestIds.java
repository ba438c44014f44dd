package io.dynabox.engine.wire;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids shaped like the service's: 52 characters of upper-case letters and digits. */
public final class RequestIds {
    private static final byte[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".getBytes(StandardCharsets.US_ASCII);

    private RequestIds() {}

    /** Five letters from each random int: 36^5 fits in its 31 low bits (an int's division is cheaper than a long's). */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] id = new byte[52];
        int bits = 0;
        for (int i = 0; i < id.length; i++) {
            if (i % 5 == 0) bits = random.nextInt() >>> 1;
            id[i] = ALPHABET[bits % ALPHABET.length];
            bits /= ALPHABET.length;
        }
        return new String(id, StandardCharsets.US_ASCII);
    }
}
