package io.dynabox.server;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.WarmUp;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends {@link WarmUp}'s requests as HTTP bytes through a connection's handlers on an
 * in-memory channel, in front of a scratch engine: the HTTP codec, the door and the engine
 * all run once before the port opens, so the first real request does not pay for their
 * class initialisation (about 2 ms each).
 */
final class HttpWarmUp {
    /** How long the warm-up waits for an answer before it goes on without it (a warm-up never holds a start for long). */
    private static final long ANSWER_WAIT_NANOS = 5_000_000_000L;
    private HttpWarmUp() {}

    /** Runs {@link #run} on a daemon thread, for a caller with other start-up work to do meanwhile. */
    static Thread startInBackground() {
        Thread thread = new Thread(HttpWarmUp::run, "dynabox-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Answers every warm-up request once; returns the answers' status lines, the rest is thrown away. */
    static List<String> run() {
        List<String> statusLines = new ArrayList<>();
        // requests that a server runs off the event loop run on another thread here too, so the
        // answers' way back to the event loop (the first CreateTable's) is warmed as well
        ExecutorService offLoop = Executors.newSingleThreadExecutor(HttpWarmUp::daemon);
        try (Engine scratch = new Engine(DynaboxOptions.builder().delayTransientStatuses(Duration.ZERO).build())) {
            EmbeddedChannel channel = new EmbeddedChannel();
            DynaboxServer.addHandlers(channel.pipeline(), new HttpDoor(scratch, List.of(), offLoop));
            for (WarmUp.Request request : WarmUp.requests()) {
                channel.writeInbound(http(request));
                StringBuilder answer = new StringBuilder();
                long giveUp = System.nanoTime() + ANSWER_WAIT_NANOS;
                while (answer.length() == 0 && System.nanoTime() < giveUp) {
                    channel.runPendingTasks(); // the event loop's part of an answer made on another thread
                    for (Object bytes; (bytes = channel.readOutbound()) != null; ) {
                        answer.append(((ByteBuf) bytes).toString(StandardCharsets.US_ASCII));
                        ReferenceCountUtil.release(bytes);
                    }
                    if (answer.length() == 0) Thread.onSpinWait();
                }
                statusLines.add(answer.substring(0, Math.max(0, answer.indexOf("\r\n"))));
            }
            channel.finishAndReleaseAll();
        } finally {
            offLoop.shutdown();
        }
        return statusLines;
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "dynabox-warm-up-work");
        thread.setDaemon(true);
        return thread;
    }

    private static ByteBuf http(WarmUp.Request request) {
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: DynamoDB_20120810." + request.action() + "\r\n"
                + "X-Amz-Date: " + WarmUp.AMZ_DATE + "\r\n"
                + "Authorization: " + WarmUp.AUTHORIZATION + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        return Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body);
    }
}
