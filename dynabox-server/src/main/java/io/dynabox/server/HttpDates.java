package io.dynabox.server;

import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The {@code Date} header of every answer, from the engine's clock (so a test's manual clock
 * shows in it too), formatted once per second: formatting costs more than the rest of a header.
 * It is kept as an {@link AsciiString}, which the HTTP encoder copies as bytes (a String is
 * written one character at a time).
 */
final class HttpDates {
    /** RFC 1123 as HTTP writes it: a two-digit day (java.time's RFC_1123_DATE_TIME drops the zero). */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private final LongSupplier clock;
    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, null);

    HttpDates(LongSupplier clock) {
        this.clock = clock;
    }

    AsciiString now() {
        long second = Math.floorDiv(clock.getAsLong(), 1000);
        Stamp last = stamp;
        if (last.second != second) {
            String text = HTTP_DATE.format(Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC));
            last = new Stamp(second, new AsciiString(text.getBytes(StandardCharsets.US_ASCII), false));
            stamp = last;
        }
        return last.text;
    }

    private record Stamp(long second, AsciiString text) {}
}
