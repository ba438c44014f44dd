package io.dynabox.engine.clock;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The soonest time an entry of some collection expires (old streams, SYSTEM backups), so that a
 * periodic sweep with nothing due reads one field, and the sweep that walks the collection when
 * something is.
 */
public final class SoonestExpiry {
    private final AtomicLong soonest = new AtomicLong(Long.MAX_VALUE);

    /** Remembers an entry's expiry, in epoch milliseconds; {@code Long.MAX_VALUE} is none. */
    public void note(long expiresMillis) {
        if (expiresMillis < soonest.get()) soonest.accumulateAndGet(expiresMillis, Math::min);
    }

    /**
     * Unless nothing is due at {@code nowMillis}, walks {@code entries}: each that {@code removedIfExpired}
     * removes is counted, and each other's {@code expiry} is noted again. Answers how many went.
     */
    public <T> int sweep(long nowMillis, Iterable<T> entries, Predicate<T> removedIfExpired, ToLongFunction<T> expiry) {
        if (nowMillis < soonest.get()) return 0;
        // cleared before the walk: an entry added meanwhile notes its own expiry, after this
        soonest.set(Long.MAX_VALUE);
        int removed = 0;
        boolean walked = false;
        try {
            for (T entry : entries) {
                if (removedIfExpired.test(entry)) removed++;
                else note(expiry.applyAsLong(entry));
            }
            walked = true;
        } finally {
            // a store that failed to remove one: the next sweep walks again
            if (!walked) note(nowMillis);
        }
        return removed;
    }
}
