package io.dynabox.engine.table;

/**
 * A table's point-in-time recovery settings: on since {@code enabledAtMillis} (engine time),
 * keeping {@code recoveryPeriodInDays} of history. As in the service, the latest restorable
 * moment trails the present by five minutes (never before the earliest).
 */
public record ContinuousBackups(boolean enabled, int recoveryPeriodInDays, long enabledAtMillis) {
    public static final long LATEST_RESTORABLE_LAG_MILLIS = 5 * 60_000L;

    public long earliestRestorableMillis(long nowMillis) {
        return Math.max(enabledAtMillis, nowMillis - recoveryPeriodInDays * 86_400_000L);
    }

    public long latestRestorableMillis(long nowMillis) {
        return Math.max(earliestRestorableMillis(nowMillis), nowMillis - LATEST_RESTORABLE_LAG_MILLIS);
    }
}
