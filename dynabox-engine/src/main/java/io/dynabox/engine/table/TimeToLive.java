package io.dynabox.engine.table;

/**
 * A table's Time to Live setting: the attribute that holds each item's expiry (epoch
 * seconds), whether deleting expired items is on, and when it was last changed (the service
 * refuses a second change within about half an hour). The status is ENABLING or DISABLING until
 * {@code settledAtMillis}.
 */
public record TimeToLive(String attributeName, boolean enabled, long changedAtMillis, long settledAtMillis) {
    // changed "long ago": far enough back that the interval never applies, near enough that arithmetic does not overflow
    public static final TimeToLive NEVER_SET = new TimeToLive(null, false, Long.MIN_VALUE / 2, Long.MIN_VALUE / 2);
    /**
     * The documentation says an hour; the service, probed in 2026, refused a change 30 min 12 s
     * after the last and took one 31 min 12 s after it.
     */
    public static final long CHANGE_INTERVAL_MILLIS = 31 * 60 * 1000;

    public static final String ENABLING = "ENABLING";
    public static final String ENABLED = "ENABLED";
    public static final String DISABLING = "DISABLING";
    public static final String DISABLED = "DISABLED";

    public String status(long nowMillis) {
        boolean settled = nowMillis >= settledAtMillis;
        if (enabled) return settled ? ENABLED : ENABLING;
        return settled || attributeName == null ? DISABLED : DISABLING;
    }

    /** Whether expired items are deleted now: once enabling has settled, and not after disabling. */
    public boolean sweeping(long nowMillis) {
        return enabled && nowMillis >= settledAtMillis;
    }
}
