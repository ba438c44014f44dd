package io.dynabox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.WarmUp;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request is answered the same however its bytes arrive: head and body in one read (joined
 * by {@link WholeRequests}), split anywhere, its body in pieces, chunked, after a
 * {@code 100 Continue}, or behind another request; and a HEAD gets a head without a body.
 * Through a connection's real handlers on an in-memory channel, which decides where reads end.
 */
class WholeRequestsTest {
    private static final String BODY = "{\"ExclusiveStartTableName\":\"aaa\",\"Limit\":5}";
    private static final String HEADERS = "Host: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
            + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nX-Amz-Date: " + WarmUp.AMZ_DATE + "\r\nAuthorization: " + WarmUp.AUTHORIZATION + "\r\n";
    private static final String REQUEST = "POST / HTTP/1.1\r\n" + HEADERS + "Content-Length: " + BODY.length() + "\r\n\r\n" + BODY;

    private Engine engine;
    private EmbeddedChannel channel;

    @BeforeEach
    void connect() {
        engine = new Engine(DynaboxOptions.builder().build());
        channel = new EmbeddedChannel();
        ConnectionTimeouts timeouts = new ConnectionTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(1));
        channel.pipeline().addLast(timeouts.bytes);
        DynaboxServer.addHandlers(channel.pipeline(), new HttpDoor(engine, List.of(), Runnable::run));
        channel.pipeline().addBefore("aggregator", "timeouts", timeouts.requests);
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
        engine.close();
    }

    @Test
    void wholeInOneRead() {
        assertThat(send(REQUEST)).isEqualTo(expected());
    }

    @Test
    void splitInTwoAnywhere() {
        for (int at = 1; at < REQUEST.length(); at++) {
            assertThat(send(REQUEST.substring(0, at), REQUEST.substring(at))).as("split at %d", at).isEqualTo(expected());
        }
    }

    @Test
    void bodyInPieces() {
        int bodyStart = REQUEST.length() - BODY.length();
        assertThat(send(REQUEST.substring(0, bodyStart), BODY.substring(0, 3), BODY.substring(3, 20), BODY.substring(20))).isEqualTo(expected());
        assertThat(send(REQUEST.substring(0, bodyStart + 5), BODY.substring(5))).isEqualTo(expected());
    }

    @Test
    void chunkedBody() {
        String chunked = "POST / HTTP/1.1\r\n" + HEADERS + "Transfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(10) + "\r\n" + BODY.substring(0, 10) + "\r\n"
                + Integer.toHexString(BODY.length() - 10) + "\r\n" + BODY.substring(10) + "\r\n0\r\n\r\n";
        assertThat(send(chunked)).isEqualTo(expected());
    }

    @Test
    void continueBeforeTheBody() {
        String head = "POST / HTTP/1.1\r\n" + HEADERS + "Expect: 100-continue\r\nContent-Length: " + BODY.length() + "\r\n\r\n";
        assertThat(send(head)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
        assertThat(send(BODY)).isEqualTo(expected());
    }

    @Test
    void twoRequestsInOneRead() {
        assertThat(send(REQUEST + REQUEST)).isEqualTo(expected() + expected());
    }

    @Test
    void emptyBody() {
        String empty = "POST / HTTP/1.1\r\n" + HEADERS + "Content-Length: 0\r\n\r\n";
        assertThat(send(empty)).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("SerializationException");
    }

    @Test
    void headHasNoBody() {
        String other = send("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n"); // a 404, as for every method but GET and POST
        String head = send("HEAD / HTTP/1.1\r\nHost: h\r\n\r\n");
        assertThat(other).startsWith("HTTP/1.1 404 Not Found\r\n").endsWith("\r\n\r\n<UnknownOperationException/>\n");
        assertThat(head).isEqualTo(other.substring(0, other.indexOf("\r\n\r\n") + 4)).contains("content-length: 29\r\n");
    }

    /** On its own behind the decoder: which requests it joins into one message, and which it leaves to the aggregator as they came. */
    @Test
    void joinsOnlyABodyThatCameWholeWithNothingOwedBeforeIt() {
        String post = "POST / HTTP/1.1\r\nHost: h\r\n";
        assertThat(messages(post + "Content-Length: 2\r\n\r\n{}")).containsExactly("full {}");
        assertThat(messages(post + "Content-Length: 0\r\n\r\n")).containsExactly("full ");
        assertThat(messages(post + "Content-Length: 4\r\n\r\n{}", "{}")).containsExactly("head", "part {}", "last {}");
        assertThat(messages(post + "Content-Length: 2\r\nExpect: 100-continue\r\n\r\n", "{}")).containsExactly("head", "last {}");
        assertThat(messages(post + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")).containsExactly("head", "part {}", "last ");
        assertThat(messages(post + "Content-Length: 17\r\n\r\n", "{}")).as("over the limit").containsExactly("head", "part {}");
        assertThat(messages("GET / HTTP/1.1\r\nHost: h\r\n\r\n")).as("no Content-Length").containsExactly("head", "last ");
    }

    private static List<String> messages(String... reads) {
        EmbeddedChannel alone = new EmbeddedChannel(new HttpRequestDecoder(), new WholeRequests(16));
        List<String> seen = new ArrayList<>();
        for (String read : reads) {
            alone.writeInbound(Unpooled.copiedBuffer(read, StandardCharsets.ISO_8859_1));
            for (Object in; (in = alone.readInbound()) != null; ) {
                String kind = in instanceof FullHttpRequest ? "full "
                        : in instanceof HttpRequest ? "head"
                        : in instanceof LastHttpContent ? "last " : "part ";
                if (in instanceof ByteBufHolder holder) kind += holder.content().toString(StandardCharsets.ISO_8859_1);
                seen.add(kind);
                ReferenceCountUtil.release(in);
            }
        }
        alone.finishAndReleaseAll();
        return seen;
    }

    /** The answer a whole request gets, written out by hand: the door's headers in their order. */
    private static String expected() {
        return "HTTP/1.1 200 OK\r\ncontent-type: application/x-amz-json-1.0\r\ncontent-length: 17\r\nx-amzn-RequestId: ID\r\n"
                + "x-amz-crc32: " + crc32("{\"TableNames\":[]}") + "\r\nserver: Server\r\ndate: DATE\r\nconnection: keep-alive\r\n\r\n{\"TableNames\":[]}";
    }

    /** Each text in a read of its own; everything written back, request ids and dates replaced by ID and DATE. */
    private String send(String... reads) {
        StringBuilder answers = new StringBuilder();
        for (String read : reads) {
            channel.writeInbound(Unpooled.copiedBuffer(read, StandardCharsets.ISO_8859_1));
            channel.runPendingTasks();
            for (Object out; (out = channel.readOutbound()) != null; ) {
                answers.append(((ByteBuf) out).toString(StandardCharsets.ISO_8859_1));
                ReferenceCountUtil.release(out);
            }
        }
        return answers.toString().replaceAll("x-amzn-RequestId: [A-Z0-9]+", "x-amzn-RequestId: ID").replaceAll("date: [^\r]+", "date: DATE");
    }

    private static long crc32(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
