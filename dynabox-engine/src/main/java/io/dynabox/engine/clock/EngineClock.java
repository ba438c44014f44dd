package io.dynabox.engine.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.LongSupplier;

/**
 * The engine's one source of time, in epoch milliseconds: status transitions, timestamps in
 * descriptions, token windows, capacity refill, expiry and retention all read it.
 *
 * <p>In {@code system} mode it follows a source of time (the system clock, unless a test gives
 * another), shifted by whatever {@link #advance} added; in {@code manual} mode time stands still
 * until {@link #set} or {@link #advance} moves it. Moving time backwards is allowed; whatever
 * measures elapsed time treats a step back as no time passing.
 */
public final class EngineClock implements LongSupplier {
    private final LongSupplier source;
    /** The frozen time in manual mode; {@link #SYSTEM} in system mode. One volatile read per request. */
    private volatile long manualMillis;
    private volatile long offsetMillis;
    private static final long SYSTEM = Long.MIN_VALUE;
    public static final String SYSTEM_MODE = "system";
    public static final String MANUAL_MODE = "manual";

    private EngineClock(LongSupplier source, long manualMillis) {
        this.source = source;
        this.manualMillis = manualMillis;
    }

    /** System time. */
    public static EngineClock system() {
        return new EngineClock(System::currentTimeMillis, SYSTEM);
    }

    /** Time that follows {@code source} (a test's own clock), in system mode. */
    public static EngineClock following(LongSupplier source) {
        return source instanceof EngineClock clock ? clock : new EngineClock(source, SYSTEM);
    }

    /** Manual time, standing still at {@code start} until moved. */
    public static EngineClock manual(Instant start) {
        return new EngineClock(System::currentTimeMillis, start.toEpochMilli());
    }

    /**
     * The clock a setting names: {@code system}, {@code manual} (standing still at the time of the call) or
     * {@code manual=ISO-8601} (standing still at that instant, e.g. {@code manual=2024-01-01T00:00:00Z}).
     *
     * @throws IllegalArgumentException for any other setting
     */
    public static EngineClock parse(String setting) {
        if (setting == null || setting.equals(SYSTEM_MODE)) return system();
        if (setting.equals(MANUAL_MODE)) return manual(Instant.ofEpochMilli(System.currentTimeMillis()));
        if (setting.startsWith(MANUAL_MODE + "=")) {
            String start = setting.substring(MANUAL_MODE.length() + 1);
            try {
                return manual(Instant.parse(start));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("the clock's start '" + start + "' is not an ISO-8601 instant such as 2024-01-01T00:00:00Z");
            }
        }
        throw new IllegalArgumentException("the clock is 'system', 'manual' or 'manual=ISO-8601', not '" + setting + "'");
    }

    @Override
    public long getAsLong() {
        long manual = manualMillis;
        return manual != SYSTEM ? manual : source.getAsLong() + offsetMillis;
    }

    public long nowMillis() {
        return getAsLong();
    }

    public Instant now() {
        return Instant.ofEpochMilli(getAsLong());
    }

    public boolean isManual() {
        return manualMillis != SYSTEM;
    }

    /** {@code "manual"} or {@code "system"}, as the admin API names the modes. */
    public String mode() {
        return isManual() ? "manual" : "system";
    }

    /** Stops time at {@code instant} (manual mode from now on). */
    public synchronized void set(Instant instant) {
        manualMillis = instant.toEpochMilli();
    }

    /** Moves time on by {@code amount}: the frozen time in manual mode, an offset on the source in system mode. */
    public synchronized void advance(Duration amount) {
        long millis = amount.toMillis();
        if (isManual()) {
            manualMillis = manualMillis + millis;
        } else {
            offsetMillis = offsetMillis + millis;
        }
    }

    /** Stands time still where it is now. */
    public synchronized void freeze() {
        if (!isManual()) manualMillis = getAsLong();
    }

    /** Back to the source's time, with no offset. */
    public synchronized void useSystemTime() {
        offsetMillis = 0;
        manualMillis = SYSTEM;
    }
}
