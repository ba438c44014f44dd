package io.dynabox.server;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.WarmUp;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Before the port opens, one real connection over loopback to each event loop of the server,
 * in front of a scratch engine: a CreateTable in a namespace of its own, and a DeleteTable (the
 * engine's work off the event loop and the answer's way back to it). {@link HttpWarmUp} runs
 * the handlers on an in-memory channel; this runs what only a socket does: accepting on the
 * boss loop, setting a connection's pipeline up on a worker loop, reading from and writing to
 * the socket (a gathering write for an answer with a body), closing, and each event loop's own
 * per-thread state (Netty's handler caches, the JDK's I/O vectors). Without it a user's first
 * connection to each loop paid for all of that.
 */
final class SocketWarmUp {
    private static final int TIMEOUT_MILLIS = 5_000;

    private SocketWarmUp() {}

    /**
     * Listens on a free loopback port with {@code listenerFor}'s bootstrap in front of a scratch
     * engine, connects {@code loops} times (connections go to the event loops in turn), then
     * stops listening. Returns the answers' status lines; a failure only leaves the first
     * requests slower, so it ends the warm-up without being reported.
     */
    static List<String> run(Function<Engine, ServerBootstrap> listenerFor, int loops) {
        List<String> statusLines = new ArrayList<>();
        try (Engine scratch = new Engine(DynaboxOptions.builder().delayTransientStatuses(Duration.ZERO).build())) {
            Channel listening = listenerFor.apply(scratch).bind(InetAddress.getLoopbackAddress(), 0).syncUninterruptibly().channel();
            try {
                int port = ((InetSocketAddress) listening.localAddress()).getPort();
                for (int loop = 0; loop < loops; loop++) connectOnce(port, "warmup" + loop, statusLines);
            } finally {
                listening.close().syncUninterruptibly();
            }
        } catch (IOException | RuntimeException e) {
            System.getLogger(SocketWarmUp.class.getName()).log(System.Logger.Level.DEBUG, "the socket warm-up failed: " + e);
        }
        return statusLines;
    }

    private static void connectOnce(int port, String accessKey, List<String> statusLines) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (WarmUp.Request request : WarmUp.requests()) {
                if (!request.action().equals("CreateTable") && !request.action().equals("DeleteTable")) continue;
                byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
                out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
                        + "X-Amz-Target: DynamoDB_20120810." + request.action() + "\r\nX-Amz-Date: " + WarmUp.AMZ_DATE + "\r\n"
                        + "Authorization: AWS4-HMAC-SHA256 Credential=" + accessKey + "/20260101/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host, Signature=0\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                statusLines.add(readAnswer(in));
            }
        }
    }

    /** Reads one answer, its head and then as many bytes as its Content-Length says; returns its status line. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) throw new IOException("the connection closed before the answer's head ended");
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
        for (String line : lines) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) in.skipNBytes(Long.parseLong(line.substring(15).trim()));
        }
        return lines[0];
    }
}
