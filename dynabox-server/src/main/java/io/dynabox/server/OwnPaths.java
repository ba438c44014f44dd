package io.dynabox.server;

import io.dynabox.engine.Engine;
import io.dynabox.server.console.Console;
import io.dynabox.server.metrics.DynaboxMetrics;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.CompletableFuture;

/**
 * Dynabox's own HTTP paths, beside DynamoDB's: {@code GET /metrics} and the console under
 * {@code /dynabox/console}. Every other path is left to the DynamoDB door, which answers it
 * as the service does. None of them is a DynamoDB action.
 */
final class OwnPaths {
    static final String METRICS = "/metrics";

    private final DynaboxMetrics metrics;
    private final Console console;

    OwnPaths(Engine engine) {
        this.metrics = DynaboxMetrics.of(engine);
        this.console = Console.of(engine);
    }

    /** The answer for one of Dynabox's own paths, or null when the path is DynamoDB's. */
    CompletableFuture<HttpAnswer> answer(FullHttpRequest request) {
        String uri = request.uri();
        if (!uri.startsWith(METRICS) && !uri.startsWith(Console.PATH)) return null;
        String path = pathOf(uri);
        if (path.equals(METRICS)) {
            if (!request.method().equals(HttpMethod.GET)) return null;
            return CompletableFuture.completedFuture(new HttpAnswer(HttpResponseStatus.OK, DynaboxMetrics.CONTENT_TYPE, metrics.scrape()));
        }
        if (path.equals(Console.PATH) || path.startsWith(Console.PATH + "/")) return console.answer(request, path);
        return null;
    }

    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
