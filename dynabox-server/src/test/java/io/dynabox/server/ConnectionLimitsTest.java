package io.dynabox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Idle and stalled connections are closed after their timeouts; connections past the limit are closed at once. */
class ConnectionLimitsTest {
    private static final String HEALTH = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";

    private static DynaboxServer server(Duration idle, Duration request, int maxConnections) {
        return DynaboxServer.start(DynaboxOptions.builder().port(0).idleTimeout(idle).requestTimeout(request)
                .maxConnections(maxConnections).build());
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (DynaboxServer server = server(Duration.ofMillis(300), Duration.ofSeconds(30), 100);
             RawHttp client = new RawHttp(server.port())) {
            assertThat(client.send(HEALTH).readResponse()).startsWith("HTTP/1.1 200 OK");
            RawHttp.Answer after = client.readUntilClosed(10_000);
            assertThat(after.closed()).isTrue();
            assertThat(after.text()).isEmpty();
        }
    }

    @Test
    void aConnectionThatSaysNothingIsClosedAfterTheIdleTimeout() throws Exception {
        try (DynaboxServer server = server(Duration.ofMillis(300), Duration.ofSeconds(30), 100);
             RawHttp client = new RawHttp(server.port())) {
            assertThat(client.readUntilClosed(10_000).closed()).isTrue();
        }
    }

    @Test
    void aRequestUnderWayIsNotCutByTheIdleTimeout() throws Exception {
        try (DynaboxServer server = server(Duration.ofMillis(300), Duration.ofSeconds(30), 100);
             RawHttp client = new RawHttp(server.port())) {
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 2\r\n\r\n{");
            Thread.sleep(900);
            assertThat(client.send("}").readResponse()).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void aStalledPartialRequestGets408AndIsClosed() throws Exception {
        try (DynaboxServer server = server(Duration.ofSeconds(30), Duration.ofMillis(300), 100)) {
            for (String partial : new String[] {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{\"a", "POST / HTTP/1.1\r\nHost: x\r\nConte"}) {
                try (RawHttp client = new RawHttp(server.port())) {
                    RawHttp.Answer answer = client.send(partial).readUntilClosed(10_000);
                    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
                    assertThat(answer.text().toLowerCase()).contains("connection: close");
                    assertThat(answer.closed()).isTrue();
                }
            }
        }
    }

    @Test
    void aBusyConnectionStaysOpenAndItsIdleTimeoutCountsFromItsLastAnswer() throws Exception {
        try (DynaboxServer server = server(Duration.ofMillis(400), Duration.ofSeconds(30), 100);
             RawHttp client = new RawHttp(server.port())) {
            long start = System.nanoTime();
            for (int i = 0; i < 12; i++) { // 1.2 s of requests 100 ms apart: three idle timeouts long, never idle for one
                assertThat(client.send(HEALTH).readResponse()).startsWith("HTTP/1.1 200 OK");
                Thread.sleep(100);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1200));
            long lastAnswer = System.nanoTime();
            RawHttp.Answer after = client.readUntilClosed(10_000);
            assertThat(after.closed()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - lastAnswer)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void aRequestStalledRightAfterAnAnswerGets408WithinTheShorterRequestTimeout() throws Exception {
        try (DynaboxServer server = server(Duration.ofSeconds(30), Duration.ofMillis(300), 100);
             RawHttp client = new RawHttp(server.port())) {
            for (int i = 0; i < 3; i++) assertThat(client.send(HEALTH).readResponse()).startsWith("HTTP/1.1 200 OK");
            // the idle timeout is 30 s away: the request timeout must still end a stall 300 ms after it began
            RawHttp.Answer answer = client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{").readUntilClosed(5_000);
            assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
            assertThat(answer.closed()).isTrue();
        }
    }

    @Test
    void connectionsPastTheLimitAreClosedAndTheLimitFreesWhenOneCloses() throws Exception {
        try (DynaboxServer server = server(Duration.ofSeconds(30), Duration.ofSeconds(30), 2)) {
            RawHttp first = new RawHttp(server.port());
            RawHttp second = new RawHttp(server.port());
            assertThat(first.send(HEALTH).readResponse()).startsWith("HTTP/1.1 200 OK");
            assertThat(second.send(HEALTH).readResponse()).startsWith("HTTP/1.1 200 OK");
            try (RawHttp third = new RawHttp(server.port())) {
                RawHttp.Answer refused = third.readUntilClosed(10_000);
                assertThat(refused.closed()).isTrue();
                assertThat(refused.text()).isEmpty();
            }
            first.close();
            RawHttp.Answer answer = null;
            for (int attempt = 0; attempt < 50; attempt++) { // the server hears of the close a moment later
                try (RawHttp again = new RawHttp(server.port())) {
                    again.send(HEALTH);
                    answer = again.readUntilClosed(200);
                    if (answer.text().startsWith("HTTP/1.1 200 OK")) break;
                }
                Thread.sleep(100);
            }
            assertThat(answer.text()).startsWith("HTTP/1.1 200 OK");
            second.close();
        }
    }
}
