package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
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
 * What a replica in another region adds to a PutItem: the same replacement of one of 10,000
 * items of about 1 KB as {@link StreamWriteBenchmark}, on a table of one region and on a global
 * table with one replica (its writes shipped to, and applied in, {@code eu-west-1} by the
 * replication thread). Wall time per call on the request thread; for thread CPU, including the
 * replication thread's, see {@link ReplicationCpuCost}. Each iteration ends with replication
 * caught up, so the queue never grows without bound.
 *
 * <pre>java -jar dynabox-bench/target/benchmarks.jar ReplicationBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx3g"})
public class ReplicationBenchmark {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final int PRELOADED = 10_000;
    private static final String DATA = "x".repeat(970);

    /** {@code none}: a table of one region; {@code one}: a global table with a replica in eu-west-1. */
    @Param({"none", "one"})
    public String replicas;

    Engine engine;

    @Setup(Level.Trial)
    public void load() {
        engine = new Engine(DynaboxOptions.defaults());
        call("CreateTable", """
                {"TableName":"bench_kv","BillingMode":"PAY_PER_REQUEST",
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
                 "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}""");
        for (int i = 0; i < PRELOADED; i++) call("PutItem", put("k" + i, i));
        if (replicas.equals("one")) {
            call("UpdateTable", "{\"TableName\":\"bench_kv\",\"ReplicaUpdates\":[{\"Create\":{\"RegionName\":\"eu-west-1\"}}]}");
        }
    }

    @TearDown(Level.Iteration)
    public void catchUp() throws InterruptedException {
        engine.replicator().awaitCaughtUp(Duration.ofMinutes(1));
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    /** Each replacement changes the item (a new counter value), so each one is replicated. */
    @Benchmark
    public DynamoResponse replaceItem() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return call("PutItem", put("k" + random.nextInt(PRELOADED), random.nextLong()));
    }

    private static String put(String key, long counter) {
        return "{\"TableName\":\"bench_kv\",\"Item\":{\"pk\":{\"S\":\"" + key + "\"},\"n\":{\"N\":\"" + counter
                + "\"},\"data\":{\"S\":\"" + DATA + "\"}}}";
    }

    private DynamoResponse call(String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, "20260101T000000Z",
                body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) throw new IllegalStateException(new String(response.body(), StandardCharsets.UTF_8));
        return response;
    }
}
