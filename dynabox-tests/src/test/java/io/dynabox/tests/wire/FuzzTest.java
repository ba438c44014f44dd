package io.dynabox.tests.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.server.DynaboxServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated requests ({@link FuzzRequests}) against the HTTP door and against the
 * engine directly. Whatever they are: no answer is a 500, every request is answered (a
 * read timeout is a hang), a probe GetItem on another connection keeps being answered
 * quickly, and no refused request (any 4xx, or a connection closed on malformed HTTP)
 * changes data (the engine's change feed stays still while it is answered).
 *
 * <p>The normal build runs a short run; the long run is on demand:
 * {@code ./mvnw -pl dynabox-tests -am verify -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddynabox.fuzz.requests=100000} (also {@code -Ddynabox.fuzz.seed=N} and
 * {@code -Ddynabox.fuzz.probeLimitMillis=N}; the probe limit is 50 ms in a long run and
 * 1000 ms in the short one, which shares its machine with the rest of the build).
 */
class FuzzTest {
    private static final int REQUESTS = Integer.getInteger("dynabox.fuzz.requests", 2_000);
    private static final long SEED = Long.getLong("dynabox.fuzz.seed", 26);
    private static final long PROBE_LIMIT_MILLIS = Long.getLong("dynabox.fuzz.probeLimitMillis", REQUESTS >= 100_000 ? 50 : 1_000);
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=fuzz/20260101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=abc";

    @Test
    void theHttpDoorAnswersEveryRequestWithoutA500OrAHangAndRefusedRequestsChangeNothing() throws Exception {
        try (Engine engine = new Engine(DynaboxOptions.builder().build());
             DynaboxServer server = DynaboxServer.start(engine, 0)) {
            createTables(engine);
            AtomicLong changes = new AtomicLong();
            try (AutoCloseable feed = engine.changeFeed().subscribe((table, committed) -> changes.addAndGet(committed.size()));
                 Probe probe = new Probe(server.port())) {
                Tally tally = new Tally();
                FuzzRequests requests = new FuzzRequests(SEED);
                RawHttp client = new RawHttp(server.port());
                long started = System.nanoTime();
                for (int i = 0; i < REQUESTS; i++) {
                    FuzzRequests.Request request = requests.next();
                    long before = changes.get();
                    int status;
                    try {
                        status = send(client, request);
                    } catch (java.net.SocketTimeoutException e) {
                        throw new AssertionError("request " + i + " hung: no answer in 10 s (" + describe(request) + ")", e);
                    } catch (IOException closed) { // a malformed frame: answered, then closed; or closed at once
                        status = -1;
                    }
                    if (status == -1 || request.framing()) {
                        client.close();
                        client = new RawHttp(server.port());
                    }
                    tally.count(status);
                    assertThat(status).as("request %d: %s", i, describe(request)).isNotEqualTo(500);
                    if (status != 200) {
                        assertThat(changes.get()).as("data changed by refused request %d (%d): %s", i, status, describe(request))
                                .isEqualTo(before);
                    }
                }
                client.close();
                long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000);
                System.out.printf("fuzz (HTTP): %d requests in %d s, seed %d; answers %s; data changes by accepted requests %d; "
                        + "probe: %d answered, slowest %d ms%n", REQUESTS, seconds, SEED, tally, changes.get(), probe.answered(),
                        probe.slowestMillis());
                probe.stop();
                assertThat(probe.failure()).as("probe failure").isNull();
                assertThat(probe.answered()).isPositive();
                assertThat(probe.slowestMillis()).as("slowest probe answer (ms)").isLessThan(PROBE_LIMIT_MILLIS);
                assertThat(tally.byStatus).containsKey(200).containsKey(400);
            }
        }
    }

    @Test
    void theEngineAnswersEveryMutatedRequestWithoutA500AndRefusedRequestsChangeNothing() throws Exception {
        try (Engine engine = new Engine(DynaboxOptions.builder().build())) {
            createTables(engine);
            AtomicLong changes = new AtomicLong();
            try (AutoCloseable feed = engine.changeFeed().subscribe((table, committed) -> changes.addAndGet(committed.size()))) {
                FuzzRequests requests = new FuzzRequests(SEED + 1);
                Tally tally = new Tally();
                for (int i = 0; i < REQUESTS; i++) {
                    FuzzRequests.Request request = requests.next();
                    if (request.framing()) continue; // no HTTP in front of the engine
                    long before = changes.get();
                    DynamoResponse response = engine.handle(new DynamoRequest(
                            request.action() == null ? null : "DynamoDB_20120810." + request.action(), AUTH, "20260101T000000Z", request.body()));
                    tally.count(response.status());
                    assertThat(response.status()).as("request %d: %s", i, describe(request)).isNotEqualTo(500);
                    if (response.status() != 200) assertThat(changes.get()).as("data changed by refused request %d", i).isEqualTo(before);
                }
                System.out.printf("fuzz (engine): %d requests, seed %d; answers %s%n", REQUESTS, SEED + 1, tally);
            }
        }
    }

    private static void createTables(Engine engine) {
        String hash = "{\"TableName\":\"" + FuzzRequests.HASH_TABLE + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}";
        String range = "{\"TableName\":\"" + FuzzRequests.RANGE_TABLE + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}]}";
        for (String body : List.of(hash, range)) {
            DynamoResponse created = engine.handle(new DynamoRequest("DynamoDB_20120810.CreateTable", AUTH, "20260101T000000Z",
                    body.getBytes(StandardCharsets.UTF_8)));
            assertThat(created.status()).isEqualTo(200);
        }
        for (int p = 0; p < 5; p++) {
            engine.handle(new DynamoRequest("DynamoDB_20120810.PutItem", AUTH, "20260101T000000Z",
                    ("{\"TableName\":\"fz_hash\",\"Item\":{\"pk\":{\"S\":\"p" + p + "\"},\"s\":{\"S\":\"seed\"}}}").getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static int send(RawHttp client, FuzzRequests.Request request) throws IOException {
        if (request.framing()) return client.sendRaw(request.raw()).status();
        Map<String, String> headers = headers(request.action());
        headers.put("Content-Type", request.contentType());
        return client.send("POST", headers, request.body()).status();
    }

    private static Map<String, String> headers(String action) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-amz-json-1.0");
        if (action != null) headers.put("X-Amz-Target", "DynamoDB_20120810." + action);
        headers.put("Authorization", AUTH);
        headers.put("X-Amz-Date", "20260101T000000Z");
        return headers;
    }

    private static String describe(FuzzRequests.Request request) {
        byte[] bytes = request.framing() ? request.raw() : request.body();
        String text = new String(bytes, StandardCharsets.UTF_8);
        return (request.action() == null ? "" : request.action() + " ") + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }

    /** Answers by status (-1: the connection was closed without one). */
    private static final class Tally {
        final Map<Integer, Integer> byStatus = new java.util.TreeMap<>();

        void count(int status) {
            byStatus.merge(status, 1, Integer::sum);
        }

        @Override
        public String toString() {
            return byStatus.toString();
        }
    }

    /** A GetItem every 20 ms on a connection of its own, timed. */
    private static final class Probe implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong slowestNanos = new AtomicLong();
        private final AtomicLong answered = new AtomicLong();
        private final List<Throwable> failures = new ArrayList<>();
        private final Thread thread;

        Probe(int port) {
            thread = new Thread(() -> {
                try (RawHttp probe = new RawHttp(port)) {
                    while (running.get()) {
                        long start = System.nanoTime();
                        RawHttp.Response response = probe.send("POST", headers("GetItem"),
                                "{\"TableName\":\"fz_hash\",\"Key\":{\"pk\":{\"S\":\"p1\"}}}".getBytes(StandardCharsets.UTF_8));
                        long took = System.nanoTime() - start;
                        if (response.status() != 200) throw new AssertionError("probe answered " + response.status() + ": " + response.text());
                        slowestNanos.accumulateAndGet(took, Math::max);
                        answered.incrementAndGet();
                        Thread.sleep(20);
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "fuzz-probe");
            thread.setDaemon(true);
            thread.start();
        }

        long slowestMillis() {
            return slowestNanos.get() / 1_000_000;
        }

        long answered() {
            return answered.get();
        }

        Throwable failure() {
            synchronized (failures) {
                return failures.isEmpty() ? null : failures.get(0);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
