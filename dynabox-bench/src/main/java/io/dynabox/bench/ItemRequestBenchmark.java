package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.simulation.SimulationSettings;
import io.dynabox.engine.store.MemoryStore;
import io.dynabox.server.metrics.DynaboxMetrics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's share of the HTTP benchmark's PutItem and GetItem (shared/bench's put and
 * get workloads): the same ~1 KB items, through the engine's front door (JSON bytes in,
 * JSON bytes out, no HTTP), on one thread. PutItem writes a new key every time, so the
 * table grows through the run as it does there, or replaces one of the 10,000 preloaded
 * items; GetItem reads a random one of them.
 * What the server spends on top of this per request is the HTTP door and the network.
 *
 * <p>{@code simulation=throttling} measures the same with throttling on (the simulation's capacity bookkeeping:
 * admission, the ledger, settling); its clock runs a thousand times fast, so capacity never runs out and every
 * request does the whole work.
 *
 * <pre>java -jar dynabox-bench/target/benchmarks.jar ItemRequestBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s</pre>
 * <pre>java -jar dynabox-bench/target/benchmarks.jar 'ItemRequestBenchmark.replaceItem' -p simulation=off -p instrumentation=none,accounting -prof gc</pre>
 * <pre>java -jar dynabox-bench/target/benchmarks.jar 'ItemRequestBenchmark.(getItem|replaceItem)' -p simulation=off -p path=plain,tree -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx3g"})
public class ItemRequestBenchmark {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String DATE = "20260101T000000Z";
    private static final int PRELOADED = 10_000;
    /** The HTTP benchmark's item: a string key and one string attribute, about 1,000 bytes in all. */
    private static final String DATA = "x".repeat(970);

    @Param({"off", "throttling"})
    String simulation;

    /**
     * What watches the requests: nothing (accounting unsubscribed), the engine's accounting
     * (its default), or accounting and the HTTP server's Prometheus metrics. Their ratio is
     * what accounting and metrics cost a request. The engine's default only, unless asked:
     * {@code -p instrumentation=none,accounting,accounting+metrics}.
     */
    @Param({"accounting"})
    public String instrumentation;

    /**
     * Which path reads the requests: {@code plain}, the streamed path of plain requests (the
     * default), or {@code tree}, the JSON tree and shape walk, forced by a member the streamed
     * path does not read (one the service ignores): their ratio, in one run, is what the
     * streamed path saves. {@code -p path=plain,tree}.
     */
    @Param({"plain"})
    public String path;

    Engine engine;
    long nextKey;

    @Setup(Level.Trial)
    public void load() {
        if (simulation.equals("off")) {
            engine = new Engine(DynaboxOptions.defaults());
        } else {
            DynaboxOptions options = DynaboxOptions.builder().simulation(SimulationSettings.OFF.withThrottling(true)).build();
            engine = new Engine(options, new MemoryStore(), () -> System.nanoTime() / 1_000); // a millisecond a microsecond
        }
        if (instrumentation.equals("none")) engine.accounting().close();
        if (instrumentation.equals("accounting+metrics")) DynaboxMetrics.of(engine);
        call("CreateTable", """
                {"TableName":"bench_kv","BillingMode":"PAY_PER_REQUEST",
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
                 "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}""");
        for (int i = 0; i < PRELOADED; i++) call("PutItem", put("k" + i));
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    @Benchmark
    public DynamoResponse putNewItem() {
        return call("PutItem", put("new" + nextKey++));
    }

    /** The same work on a table that does not grow: steadier than {@link #putNewItem}, whose heap grows with the table. */
    @Benchmark
    public DynamoResponse replaceItem() {
        return call("PutItem", put("k" + ThreadLocalRandom.current().nextInt(PRELOADED)));
    }

    @Benchmark
    public DynamoResponse getItem() {
        return call("GetItem", "{\"TableName\":\"bench_kv\"" + unread() + ",\"Key\":{\"pk\":{\"S\":\"k"
                + ThreadLocalRandom.current().nextInt(PRELOADED) + "\"}}}");
    }

    private String put(String key) {
        return "{\"TableName\":\"bench_kv\"" + unread() + ",\"Item\":{\"pk\":{\"S\":\"" + key + "\"},\"data\":{\"S\":\"" + DATA + "\"}}}";
    }

    /** Nothing, or a member the service ignores and the streamed path does not read. */
    private String unread() {
        return path.equals("tree") ? ",\"Unread\":0" : "";
    }

    private DynamoResponse call(String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, DATE,
                body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) throw new IllegalStateException(new String(response.body(), StandardCharsets.UTF_8));
        return response;
    }
}
