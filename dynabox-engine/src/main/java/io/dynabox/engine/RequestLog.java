package io.dynabox.engine;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * {@code --log-requests}: one line per answered request, whatever its door, like a web server's
 * access log: the engine's time, the request id, the namespace (access key and region), the
 * action the request named, its table, the HTTP status, the time the engine took (a durable
 * write included) and, for an error, its type. A field that does not apply (no table, a request
 * refused before its namespace was known, a success's error type) is {@code -}. For example:
 * <pre>2026-12-06T10:15:02.113Z 5RQDE…6J AKIDEXAMPLE_us-east-1 PutItem orders 200 0.42ms -</pre>
 */
final class RequestLog implements RequestObserver {
    private final PrintStream out;
    private final LongSupplier clock;

    RequestLog(PrintStream out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void answered(String namespaceId, String action, String tableName, String errorType, long nanos) {
        // the engine calls answered(Answered), which carries everything a line needs
    }

    @Override
    public void answered(Answered request) {
        out.println(line(clock.getAsLong(), request));
    }

    static String line(long engineMillis, Answered request) {
        return Instant.ofEpochMilli(engineMillis) + " " + request.requestId() + " " + orDash(request.namespaceId()) + " "
                + orDash(request.requestedAction()) + " " + orDash(request.tableName()) + " " + request.status() + " "
                + String.format(Locale.ROOT, "%.2fms", request.nanos() / 1e6) + " " + orDash(request.errorType());
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
