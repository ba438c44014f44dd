package io.dynabox.engine.wire;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids shaped like the service's: 52 characters of upper-case letters and digits. */
public final class RequestIds {
    private static final byte[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".getBytes(StandardCharsets.US_ASCII);
    private static final int PAIR_COUNT = ALPHABET.length * ALPHABET.length;
    /** Every two characters of the alphabet, the pair numbered n at 2n: an id is written two characters at a time. */
    private static final byte[] PAIRS = new byte[2 * PAIR_COUNT];

    static {
        for (int pair = 0; pair < PAIR_COUNT; pair++) {
            PAIRS[2 * pair] = ALPHABET[pair / ALPHABET.length];
            PAIRS[2 * pair + 1] = ALPHABET[pair % ALPHABET.length];
        }
    }

    private RequestIds() {}

    /**
     * Five pairs from each random long's 62 low bits (1296^5 is 2^51.7; six would be 2^62.04, more
     * than the bits hold, and left the sixth pair of each long short of its last 34 values, "9C" to
     * "99": a '9' at positions 10, 22, 34 and 46 came once in 936 ids instead of once in 36). What
     * is left above the five pairs is dropped, so each pair is uniform to within 1 part in 1,261.
     * Half the divisions of one character at a time, and each a long's by a constant, which the
     * JIT makes a multiplication (190 -> 130-150 ns an id).
     */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] id = new byte[52];
        for (int at = 0; at < id.length; ) {
            long bits = random.nextLong() >>> 2;
            for (int pairs = 0; pairs < 5 && at < id.length; pairs++, at += 2) {
                int pair = (int) (bits % PAIR_COUNT);
                bits /= PAIR_COUNT;
                id[at] = PAIRS[2 * pair];
                id[at + 1] = PAIRS[2 * pair + 1];
            }
        }
        return new String(id, StandardCharsets.US_ASCII);
    }
}
