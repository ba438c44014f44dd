package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
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
 * What a table's stream adds to a PutItem: the same replacement of one of 10,000 items of
 * about 1 KB as {@link ItemRequestBenchmark#replaceItem}, on a table without a stream and on
 * one with a NEW_AND_OLD_IMAGES stream (the dearest view: both images kept). The engine's
 * clock runs 100,000 times faster than real time, so the stream is in its steady state within
 * a short run: shards roll over every 0.14 s and records are trimmed after 0.86 s, as they
 * would be after 4 and 24 hours, and the records held stay about as many as a day of a
 * moderately busy table's writes.
 *
 * <pre>java -jar dynabox-bench/target/benchmarks.jar StreamWriteBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx3g"})
public class StreamWriteBenchmark {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String DATE = "20260101T000000Z";
    private static final int PRELOADED = 10_000;
    private static final String DATA = "x".repeat(970);
    private static final long SPEED_UP = 100_000;

    /** {@code none}, or the view type of the table's stream. */
    @Param({"none", "NEW_AND_OLD_IMAGES"})
    public String stream;

    Engine engine;

    @Setup(Level.Trial)
    public void load() {
        long startNanos = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        engine = new Engine(DynaboxOptions.defaults(), new MemoryStore(),
                () -> startMillis + (System.nanoTime() - startNanos) / 1_000_000 * SPEED_UP);
        String specification = stream.equals("none") ? ""
                : ",\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"" + stream + "\"}";
        call("CreateTable", """
                {"TableName":"bench_kv","BillingMode":"PAY_PER_REQUEST",
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
                 "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]""" + specification + "}");
        for (int i = 0; i < PRELOADED; i++) call("PutItem", put("k" + i, i));
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    /** Each replacement changes the item (a new counter value), so each one is a stream record. */
    @Benchmark
    public DynamoResponse replaceItem() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return call("PutItem", put("k" + random.nextInt(PRELOADED), random.nextLong()));
    }

    private static String put(String key, long version) {
        return "{\"TableName\":\"bench_kv\",\"Item\":{\"pk\":{\"S\":\"" + key + "\"},\"v\":{\"N\":\"" + version
                + "\"},\"data\":{\"S\":\"" + DATA + "\"}}}";
    }

    private DynamoResponse call(String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, DATE,
                body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) throw new IllegalStateException(new String(response.body(), StandardCharsets.UTF_8));
        return response;
    }
}
