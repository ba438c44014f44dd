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
 * {@code -Ddynabox.fuzz.probeLimitMillis=N} and {@code -Ddynabox.fuzz.workers=N}, connections in
 * parallel, each in a namespace of its own, default 4; the probe limit is 50 ms in a long
 * run; the short one asserts no time, since it shares its machine with the rest of the build,
 * and speed is measured on purpose, not in the build).
 */
class FuzzTest {
    private static final int REQUESTS = Integer.getInteger("dynabox.fuzz.requests", 2_000);
    private static final long SEED = Long.getLong("dynabox.fuzz.seed", 26);
    /** 0: not asserted (the build's short run shares its machine; the probe's 10 s read timeout still catches a hang). */
    private static final long PROBE_LIMIT_MILLIS = Long.getLong("dynabox.fuzz.probeLimitMillis", REQUESTS >= 100_000 ? 50 : 0);
    private static final int WORKERS = Integer.getInteger("dynabox.fuzz.workers", 4);
    /** The probe's (and the engine run's) namespace: worker 0's. */
    private static final String AUTH = auth(0);

    @Test
    void theHttpDoorAnswersEveryRequestWithoutA500OrAHangAndRefusedRequestsChangeNothing() throws Exception {
        try (Engine engine = new Engine(DynaboxOptions.builder().build());
             DynaboxServer server = DynaboxServer.start(engine, 0)) {
            // each worker has a namespace (an access key) of its own, so the changes of its tables (those it
            // creates too: a mutated CreateTable can succeed) are its own
            List<AtomicLong> changes = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                createTables(engine, auth(w));
                changes.add(new AtomicLong());
            }
            AtomicLong unexpected = new AtomicLong();
            try (AutoCloseable feed = engine.changeFeed().subscribe((table, committed) -> {
                     AtomicLong counter = unexpected;
                     for (int w = 0; w < WORKERS; w++) {
                         if (engine.namespace(accessKey(w), "us-east-1").tableMap().get(table.name()) == table) counter = changes.get(w);
                     }
                     counter.addAndGet(committed.size());
                 });
                 Probe probe = new Probe(server.port())) {
                Tally tally = new Tally();
                List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
                List<Thread> workers = new ArrayList<>();
                AtomicLong sent = new AtomicLong();
                long started = System.nanoTime();
                for (int w = 0; w < WORKERS; w++) {
                    int worker = w;
                    Thread thread = new Thread(() -> {
                        try {
                            fuzz(server.port(), worker, REQUESTS / WORKERS, changes.get(worker), tally, sent);
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }, "fuzz-" + w);
                    thread.start();
                    workers.add(thread);
                }
                for (Thread thread : workers) thread.join();
                long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000);
                probe.stop();
                System.out.printf("fuzz (HTTP): %d requests in %d s over %d connections, seed %d; answers %s; data changes by accepted "
                        + "requests %d; probe: %d answered, slowest %d ms (%s)%n", sent.get(), seconds, WORKERS, SEED, tally,
                        changes.stream().mapToLong(AtomicLong::get).sum(), probe.answered(), probe.slowestMillis(), probe.summary());
                if (!failures.isEmpty()) throw new AssertionError(failures.get(0));
                assertThat(unexpected.get()).as("changes to tables no worker owns").isZero();
                assertThat(probe.failure()).as("probe failure").isNull();
                assertThat(probe.answered()).isPositive();
                if (PROBE_LIMIT_MILLIS > 0) assertThat(probe.slowestMillis()).as("slowest probe answer (ms)").isLessThan(PROBE_LIMIT_MILLIS);
                assertThat(tally.byStatus).containsKey(200).containsKey(400);
            }
        }
    }

    /** One worker: its requests in turn on one connection (a new one after each malformed frame). */
    private static void fuzz(int port, int worker, int count, AtomicLong changes, Tally tally, AtomicLong sent) throws IOException {
        FuzzRequests requests = new FuzzRequests(SEED + 1000L * worker);
        String auth = auth(worker);
        RawHttp client = new RawHttp(port);
        for (int i = 0; i < count; i++) {
            FuzzRequests.Request request = requests.next();
            long before = changes.get();
            int status;
            try {
                status = send(client, request, auth);
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("worker " + worker + " request " + i + " hung: no answer in 10 s (" + describe(request) + ")", e);
            } catch (IOException closed) { // a malformed frame: answered, then closed; or closed at once
                status = -1;
            }
            if (status == -1 || request.framing()) {
                client.close();
                client = new RawHttp(port);
            }
            tally.count(status);
            sent.incrementAndGet();
            assertThat(status).as("worker %d request %d: %s", worker, i, describe(request)).isNotEqualTo(500);
            if (status != 200) {
                assertThat(changes.get()).as("data changed by refused request %d of worker %d (%d): %s", i, worker, status, describe(request))
                        .isEqualTo(before);
            }
        }
        client.close();
    }

    private static String accessKey(int worker) {
        return "fuzz" + worker;
    }

    private static String auth(int worker) {
        return "AWS4-HMAC-SHA256 Credential=" + accessKey(worker) + "/20260101/us-east-1/dynamodb/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc";
    }

    @Test
    void theEngineAnswersEveryMutatedRequestWithoutA500AndRefusedRequestsChangeNothing() throws Exception {
        try (Engine engine = new Engine(DynaboxOptions.builder().build())) {
            createTables(engine, AUTH);
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

    private static void createTables(Engine engine, String auth) {
        String hash = "{\"TableName\":\"" + FuzzRequests.HASH_TABLE + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}";
        String range = "{\"TableName\":\"" + FuzzRequests.RANGE_TABLE + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}]}";
        for (String body : List.of(hash, range)) {
            DynamoResponse created = engine.handle(new DynamoRequest("DynamoDB_20120810.CreateTable", auth, "20260101T000000Z",
                    body.getBytes(StandardCharsets.UTF_8)));
            assertThat(created.status()).isEqualTo(200);
        }
        for (int p = 0; p < 5; p++) {
            engine.handle(new DynamoRequest("DynamoDB_20120810.PutItem", auth, "20260101T000000Z",
                    ("{\"TableName\":\"fz_hash\",\"Item\":{\"pk\":{\"S\":\"p" + p + "\"},\"s\":{\"S\":\"seed\"}}}").getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static int send(RawHttp client, FuzzRequests.Request request, String auth) throws IOException {
        if (request.framing()) return client.sendRaw(request.raw()).status();
        Map<String, String> headers = headers(request.action(), auth);
        headers.put("Content-Type", request.contentType());
        return client.send("POST", headers, request.body()).status();
    }

    private static Map<String, String> headers(String action, String auth) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-amz-json-1.0");
        if (action != null) headers.put("X-Amz-Target", "DynamoDB_20120810." + action);
        headers.put("Authorization", auth);
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

        synchronized void count(int status) {
            byStatus.merge(status, 1, Integer::sum);
        }

        @Override
        public synchronized String toString() {
            return byStatus.toString();
        }
    }

    /**
     * A GetItem every 20 ms on a connection of its own, timed. Its first answer comes before
     * the fuzzing starts and is not timed: it loads the classes of the probe's own path, which
     * is the JVM starting, not the server stalling.
     */
    private static final class Probe implements AutoCloseable {
        private static final byte[] GET = "{\"TableName\":\"fz_hash\",\"Key\":{\"pk\":{\"S\":\"p1\"}}}".getBytes(StandardCharsets.UTF_8);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
        private final List<Throwable> failures = new ArrayList<>();
        private final Thread thread;

        Probe(int port) throws IOException {
            RawHttp probe = new RawHttp(port);
            answer(probe);
            thread = new Thread(() -> {
                try (probe) {
                    while (running.get()) {
                        long start = System.nanoTime();
                        answer(probe);
                        nanos.add(System.nanoTime() - start);
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

        private static void answer(RawHttp probe) throws IOException {
            RawHttp.Response response = probe.send("POST", headers("GetItem", AUTH), GET);
            if (response.status() != 200) throw new AssertionError("probe answered " + response.status() + ": " + response.text());
        }

        long slowestMillis() {
            synchronized (nanos) {
                return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1_000_000;
            }
        }

        /** The answers' times in ms: the median, the 99th percentile, and how many took 20 ms or more. */
        String summary() {
            synchronized (nanos) {
                long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
                if (sorted.length == 0) return "none";
                return String.format("p50 %.1f ms, p99 %.1f ms, %d of %d at 20 ms or more", sorted[sorted.length / 2] / 1e6,
                        sorted[(int) (sorted.length * 0.99)] / 1e6, java.util.Arrays.stream(sorted).filter(n -> n >= 20_000_000).count(), sorted.length);
            }
        }

        long answered() {
            return nanos.size();
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
