package io.dynabox.server;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The {@code Date} header of every answer, from the engine's clock (so a test's manual clock
 * shows in it too), formatted once per second: formatting costs more than the rest of a header.
 */
final class HttpDates {
    /** RFC 1123 as HTTP writes it: a two-digit day (java.time's RFC_1123_DATE_TIME drops the zero). */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private final LongSupplier clock;
    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, null);

    HttpDates(LongSupplier clock) {
        this.clock = clock;
    }

    String now() {
        long second = Math.floorDiv(clock.getAsLong(), 1000);
        Stamp last = stamp;
        if (last.second != second) {
            last = new Stamp(second, HTTP_DATE.format(Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC)));
            stamp = last;
        }
        return last.text;
    }

    private record Stamp(long second, String text) {}
}
