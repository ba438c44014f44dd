package io.dynabox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bytes that are not HTTP in, a 4xx with Connection: close out, and the connection closed (not left open and mute). */
class MalformedHttpTest {
    private static DynaboxServer server;

    @BeforeAll
    static void start() {
        server = DynaboxServer.start(DynaboxOptions.builder().port(0).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> malformed() {
        String post = "POST / HTTP/1.1\r\nHost: x\r\n";
        return Stream.of(
                Arguments.of("garbage request line", "HELLO WORLD\r\n\r\n", "HTTP/1.1 400 Bad Request"),
                Arguments.of("TLS hello on the plain port", "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003junk\r\n\r\n",
                        "HTTP/1.1 400 Bad Request"),
                Arguments.of("Content-Length not a number", post + "Content-Length: abc\r\n\r\n", "HTTP/1.1 400 Bad Request"),
                Arguments.of("negative Content-Length", post + "Content-Length: -5\r\n\r\n", "HTTP/1.1 400 Bad Request"),
                Arguments.of("two Content-Lengths", post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", "HTTP/1.1 400 Bad Request"),
                Arguments.of("header line without a colon", post + "thisisnotaheader\r\nContent-Length: 2\r\n\r\n{}",
                        "HTTP/1.1 400 Bad Request"),
                Arguments.of("header name with a space", post + "Bad Name: v\r\nContent-Length: 2\r\n\r\n{}", "HTTP/1.1 400 Bad Request"),
                Arguments.of("bad chunk size", post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", "HTTP/1.1 400 Bad Request"),
                Arguments.of("over-long header", post + "X-Big: " + "a".repeat(70_000) + "\r\n\r\n",
                        "HTTP/1.1 431 Request Header Fields Too Large"),
                Arguments.of("over-long request line", "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                        "HTTP/1.1 414 Request-URI Too Long"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void malformed(String what, String bytes, String statusLine) throws Exception {
        try (RawHttp client = new RawHttp(server.port())) {
            RawHttp.Answer answer = client.send(bytes).readUntilClosed(5_000);
            assertThat(answer.statusLine()).isEqualTo(statusLine);
            assertThat(answer.text().toLowerCase()).contains("\r\nconnection: close\r\n").doesNotContain("healthy");
            assertThat(answer.closed()).as("closed by the server").isTrue();
        }
    }

    @Test
    void aLongRequestLineAndLongHeadersWithinTheLimitsAreServed() throws Exception {
        // a query string and a header of the size a query-signed request with a session token can reach
        String request = "POST /?X-Amz-Security-Token=" + "t".repeat(6_000) + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=long/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0\r\n"
                + "X-Amz-Date: 20260101T000000Z\r\nX-Big: " + "b".repeat(20_000) + "\r\nContent-Length: 2\r\n\r\n{}";
        try (RawHttp client = new RawHttp(server.port())) {
            assertThat(client.send(request).readResponse()).startsWith("HTTP/1.1 200 OK").contains("\"TableNames\":[]");
        }
    }

    @Test
    void theServerStillAnswersWellFormedRequestsAfterwards() throws Exception {
        try (RawHttp client = new RawHttp(server.port())) {
            client.send("HELLO\r\n\r\n").readUntilClosed(5_000);
        }
        try (RawHttp client = new RawHttp(server.port())) {
            assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse()).startsWith("HTTP/1.1 200 OK").contains("healthy");
        }
    }
}
