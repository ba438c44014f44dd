package io.dynabox.engine.table;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Table ids as the service shows them: random (version 4) UUIDs. From a fast random source,
 * not {@link UUID#randomUUID()}: an id needs to be unique, not unguessable, and seeding the
 * secure generator cost the first CreateTable of a process tens of milliseconds.
 */
public final class TableIds {
    private TableIds() {}

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(3L << 62)) | (1L << 63); // IETF variant
        return new UUID(high, low).toString();
    }
}
