package io.dynabox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An answer written as bytes is the very bytes Netty's encoder writes for the door's response object of the same answer. */
class AnswerBytesTest {
    private static final AsciiString DATE = AsciiString.of("Mon, 07 Dec 2026 07:00:00 GMT");

    static Stream<Arguments> answers() {
        List<byte[]> bodies = List.of(new byte[0], bytes("{}"), bytes("{\"Item\":{\"pk\":{\"S\":\"" + "x".repeat(1000) + "\"}}}"),
                bytes("{\"TableNames\":[\"t\u00e9\u20ac\ud83d\ude00\"]}"), bytes("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\"}"));
        List<Arguments> cases = new ArrayList<>();
        for (int status : new int[] {200, 400, 413, 500, 503, 299, 999}) {
            for (AsciiString type : List.of(HttpDoor.AMZ_JSON_TYPE, HttpDoor.JSON_TYPE)) {
                for (byte[] body : bodies) {
                    for (boolean keepAlive : new boolean[] {true, false}) {
                        cases.add(Arguments.of(status, type, body, keepAlive));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} keepAlive={3}")
    @MethodSource
    void answers(int status, AsciiString contentType, byte[] body, boolean keepAlive) {
        String requestId = "Q2E0SNRKF8J5HUL2PDGJCNN7RJVV4KQNSO5AEMVJF66Q9ASUAAJG";
        ByteBuf written = AnswerBytes.write(ByteBufAllocator.DEFAULT, status, contentType, body, requestId, DATE, keepAlive);
        try {
            assertThat(new String(bytesOf(written), StandardCharsets.ISO_8859_1))
                    .isEqualTo(new String(encoded(status, contentType, body, requestId, keepAlive), StandardCharsets.ISO_8859_1));
        } finally {
            written.release();
        }
    }

    /** The response the door makes for an answer it does not write itself (respond, then send's headers), through Netty's encoder. */
    private static byte[] encoded(int status, AsciiString contentType, byte[] body, String requestId, boolean keepAlive) {
        FullHttpResponse response = HttpDoor.respond(HttpResponseStatus.valueOf(status), contentType, body, requestId);
        response.headers().set(HttpHeaderNames.SERVER, HttpDoor.SERVER_NAME).set(HttpHeaderNames.DATE, DATE)
                .set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        EmbeddedChannel channel = new EmbeddedChannel(new HttpResponseEncoder());
        channel.writeOutbound(response);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf part; (part = channel.readOutbound()) != null; ) {
            out.writeBytes(bytesOf(part));
            part.release();
        }
        channel.finishAndReleaseAll();
        return out.toByteArray();
    }

    private static byte[] bytesOf(ByteBuf buffer) {
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.getBytes(buffer.readerIndex(), bytes);
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
