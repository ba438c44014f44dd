package io.dynabox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.admin.AdminApi;
import io.dynabox.engine.store.MemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Web pages other than the console cannot use Dynabox's own paths; tools, which send no Origin,
 * always can. Each request is as a browser (or curl) sends it, on a raw connection.
 */
class BrowserGuardTest {
    private static final String RESET = "POST /dynabox/reset HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n";

    private static String send(DynaboxServer server, String head, String body) throws IOException {
        try (RawHttp client = new RawHttp(server.port())) {
            return client.send(head + "\r\n" + body).readResponse();
        }
    }

    @Test
    void aPageOfAnotherOriginCannotChangeStateThroughTheAdminDoor() throws IOException {
        try (DynaboxServer server = DynaboxServer.start(DynaboxOptions.builder().port(0).build())) {
            String host = "Host: 127.0.0.1:" + server.port() + "\r\n";
            // what an auto-submitted form of another site sends: a simple POST, no preflight
            String crossSite = send(server, "POST /dynabox/clock HTTP/1.1\r\n" + host + "Origin: http://evil.example\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: 22\r\n", "{\"mode\":\"manual\"}     ");
            assertThat(crossSite).startsWith("HTTP/1.1 403").contains("\"error\":\"a web page of http://evil.example may not use Dynabox's own paths");
            assertThat(send(server, "GET /dynabox/clock HTTP/1.1\r\n" + host, "")).contains("\"mode\":\"system\"");

            // the console's own page (same origin), and curl (no Origin), are served
            assertThat(send(server, "POST /dynabox/clock HTTP/1.1\r\n" + host + "Origin: http://127.0.0.1:" + server.port() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 17\r\n", "{\"mode\":\"manual\"}")).startsWith("HTTP/1.1 200");
            assertThat(send(server, RESET, "{} ")).startsWith("HTTP/1.1 200");
            // nor may it frame the console, whose buttons change data
            assertThat(send(server, "GET /dynabox/console HTTP/1.1\r\n" + host, "")).startsWith("HTTP/1.1 200")
                    .containsIgnoringCase("x-frame-options: SAMEORIGIN").containsIgnoringCase("content-security-policy: frame-ancestors 'self'");
        }
    }

    @Test
    void aNameReboundToThisMachineIsNotServedOwnPathsButCorsOriginsAre() throws IOException {
        try (DynaboxServer server = DynaboxServer.start(DynaboxOptions.builder().port(0).corsOrigins(List.of("http://app.example")).build())) {
            String rebound = send(server, "GET /dynabox/console/api/namespaces HTTP/1.1\r\nHost: attacker.example:" + server.port()
                    + "\r\nX-Dynabox-Console: 1\r\n", "");
            assertThat(rebound).startsWith("HTTP/1.1 403").contains("not attacker.example:" + server.port());
            assertThat(send(server, "GET /metrics HTTP/1.1\r\nHost: attacker.example\r\n", "")).startsWith("HTTP/1.1 403");
            for (String local : List.of("localhost", "127.0.0.1", "[::1]", "dynabox.localhost")) {
                assertThat(send(server, "GET /dynabox/clock HTTP/1.1\r\nHost: " + local + ":" + server.port() + "\r\n", ""))
                        .as(local).startsWith("HTTP/1.1 200");
            }
            assertThat(send(server, RESET + "Origin: http://app.example\r\n", "{} ")).as("an origin --cors allows").startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aReadOnlyConsoleChangesNothingThroughTheAdminDoorWhileToolsStillDo() throws IOException {
        try (DynaboxServer server = DynaboxServer.start(DynaboxOptions.builder().port(0).consoleReadOnly(true).build())) {
            String origin = "Origin: http://127.0.0.1:" + server.port() + "\r\n";
            assertThat(send(server, RESET.replace("127.0.0.1", "127.0.0.1:" + server.port()) + origin, "{} "))
                    .startsWith("HTTP/1.1 403").contains("the console is read-only (--console-read-only): POST /dynabox/reset");
            assertThat(send(server, "GET /dynabox/clock HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n" + origin, "")).startsWith("HTTP/1.1 200");
            assertThat(send(server, RESET, "{} ")).as("a tool, no Origin").startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aBadPercentEscapeIsA400() throws IOException {
        try (DynaboxServer server = DynaboxServer.start(DynaboxOptions.builder().port(0).build())) {
            assertThat(send(server, "GET /dynabox/faults?accessKey=%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\n", ""))
                    .startsWith("HTTP/1.1 400").contains("\"error\":\"the request's path or query string is not valid");
            assertThat(send(server, "POST /?%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
                    + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: 2\r\n", "{}")).doesNotStartWith("HTTP/1.1 500");
        }
    }

    @Test
    void anAdminRequestThatWaitsHoldsNoEventLoop() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (Engine engine = new Engine(DynaboxOptions.builder().port(0).build(), new MemoryStore(), System::currentTimeMillis);
             DynaboxServer server = DynaboxServer.start(engine, 0)) {
            // as POST /dynabox/replication/wait does while nothing replicates
            engine.adminApi().route("POST", "/dynabox/waiting", call -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return AdminApi.Answer.error(408, "waited");
            });
            List<CompletableFuture<String>> waits = new ArrayList<>();
            for (int i = 0; i <= Runtime.getRuntime().availableProcessors(); i++) {
                waits.add(CompletableFuture.supplyAsync(() -> sendUnchecked(server, "POST /dynabox/waiting HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n")));
            }
            Thread.sleep(300);
            // every event loop has a connection waiting: were the waits on the loops, this one would wait with them
            assertThat(CompletableFuture.supplyAsync(() -> sendUnchecked(server, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")).get(2, TimeUnit.SECONDS))
                    .startsWith("HTTP/1.1 200");
            release.countDown();
            for (CompletableFuture<String> wait : waits) assertThat(wait.get(10, TimeUnit.SECONDS)).startsWith("HTTP/1.1 408");
        }
    }

    private static String sendUnchecked(DynaboxServer server, String head) {
        try {
            return send(server, head, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
