package io.dynabox.engine.clock;

/**
 * When a transient status (CREATING, UPDATING, ENABLING, IN_PROGRESS...) begun at {@code nowMillis}
 * ends, with {@code --delay-transient-statuses} of {@code delayMillis}. With no delay the change is
 * over at once and for good: a clock a test later moves back before it does not bring the
 * CREATING table, the ENABLING stream or the disabled Time to Live back.
 */
public final class TransientStatus {
    private TransientStatus() {}

    public static long settlesAt(long nowMillis, long delayMillis) {
        return delayMillis == 0 ? Long.MIN_VALUE : nowMillis + delayMillis;
    }
}
