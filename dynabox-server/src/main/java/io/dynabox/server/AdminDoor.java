package io.dynabox.server;

import io.dynabox.engine.admin.AdminApi;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The HTTP side of the admin front door: requests under {@code /dynabox/} go to the engine's {@link AdminApi}, never to a DynamoDB action. */
final class AdminDoor {
    private static final AtomicInteger THREADS = new AtomicInteger();
    /**
     * Threads made as admin requests need them (and ended after a minute idle): a request may wait
     * as long as it asks (POST /dynabox/replication/wait), which must hold neither an event loop
     * nor a worker that DynamoDB requests queue for.
     */
    private static final ExecutorService WORK = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "dynabox-admin-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private AdminDoor() {}

    /** True for the admin paths; cheap enough to ask of every request (DynamoDB requests go to {@code /}). */
    static boolean handles(String uri) {
        return uri.startsWith(AdminApi.PREFIX);
    }

    /** The answer, worked out on an admin thread; the request is read now, as its buffer is released when the caller returns. */
    static CompletableFuture<AdminApi.Answer> answerAsync(AdminApi api, FullHttpRequest request) {
        String method = request.method().name();
        QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
        String path;
        Map<String, String> query = new HashMap<>();
        try {
            path = decoder.path();
            decoder.parameters().forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
        } catch (IllegalArgumentException e) { // a bad %-escape
            return CompletableFuture.completedFuture(AdminApi.Answer.error(400, "the request's path or query string is not valid: " + e.getMessage()));
        }
        byte[] body = request.content().isReadable() ? ByteBufUtil.getBytes(request.content()) : new byte[0];
        return CompletableFuture.supplyAsync(() -> api.answer(method, path, query, body), WORK);
    }
}
