package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Whether the Time to Live sweeper stalls other requests: GetItem latencies (sampled, so
 * the percentiles show) on a table into which each iteration first loads 100,000 expired
 * items, while a thread sweeps them ({@code sweeping=true}) or not. Compare the p99 of the
 * two runs.
 *
 * <pre>java -jar dynabox-bench/target/benchmarks.jar TimeToLiveSweepBenchmark -f 1 -wi 1 -i 3 -w 2s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx3g"})
public class TimeToLiveSweepBenchmark {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String DATE = "20260101T000000Z";
    private static final int LIVE = 10_000;
    private static final int EXPIRED = 100_000;
    private static final String DATA = "x".repeat(900);

    @Param({"false", "true"})
    public boolean sweeping;

    Engine engine;
    long nowSeconds;
    int loaded;
    Thread sweeper;

    @Setup(Level.Trial)
    public void load() {
        long now = System.currentTimeMillis();
        nowSeconds = now / 1000;
        // the engine's own sweeper waits an hour: this benchmark sweeps when it chooses
        engine = new Engine(DynaboxOptions.builder().ttlSweepDelay(Duration.ofHours(1)).build(), new MemoryStore(), () -> now);
        call("CreateTable", """
                {"TableName":"bench_ttl","BillingMode":"PAY_PER_REQUEST",
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
                 "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}""");
        call("UpdateTimeToLive", "{\"TableName\":\"bench_ttl\",\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"expires\"}}");
        for (int i = 0; i < LIVE; i++) call("PutItem", put("live" + i, nowSeconds + 86_400));
    }

    /** 100,000 expired items, then (when sweeping) a thread that deletes them while the iteration measures. */
    @Setup(Level.Iteration)
    public void expire() {
        for (int i = 0; i < EXPIRED; i++) call("PutItem", put("old" + loaded++, nowSeconds - 60));
        if (sweeping) {
            sweeper = new Thread(engine::sweepExpiredItems, "bench-ttl-sweep");
            sweeper.start();
        }
    }

    @TearDown(Level.Iteration)
    public void finish() throws InterruptedException {
        if (sweeper != null) sweeper.join();
        sweeper = null;
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    @Benchmark
    public DynamoResponse getItem() {
        return call("GetItem", "{\"TableName\":\"bench_ttl\",\"Key\":{\"pk\":{\"S\":\"live"
                + ThreadLocalRandom.current().nextInt(LIVE) + "\"}}}");
    }

    private static String put(String key, long expires) {
        return "{\"TableName\":\"bench_ttl\",\"Item\":{\"pk\":{\"S\":\"" + key + "\"},\"expires\":{\"N\":\"" + expires
                + "\"},\"data\":{\"S\":\"" + DATA + "\"}}}";
    }

    private DynamoResponse call(String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, DATE,
                body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) throw new IllegalStateException(new String(response.body(), StandardCharsets.UTF_8));
        return response;
    }
}
