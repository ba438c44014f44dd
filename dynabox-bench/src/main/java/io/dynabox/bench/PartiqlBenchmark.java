package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A point read and a single-item update through PartiQL against the same work through
 * GetItem and UpdateItem, on the engine's front door (JSON bytes in and out, no HTTP), one
 * thread, ~1 KB items: the ratio is PartiQL's cost in engine CPU (target: at most 1.3x).
 *
 * <pre>java -jar dynabox-bench/target/benchmarks.jar PartiqlBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx2g"})
public class PartiqlBenchmark {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String DATE = "20260101T000000Z";
    private static final int PRELOADED = 10_000;
    private static final String DATA = "x".repeat(960);

    Engine engine;

    @Setup(Level.Trial)
    public void load() {
        engine = new Engine(DynaboxOptions.defaults());
        call("CreateTable", """
                {"TableName":"bench_pq","BillingMode":"PAY_PER_REQUEST",
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],
                 "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}""");
        for (int i = 0; i < PRELOADED; i++) {
            call("PutItem", "{\"TableName\":\"bench_pq\",\"Item\":{\"pk\":{\"S\":\"k" + i + "\"},\"sk\":{\"N\":\"1\"},"
                    + "\"n\":{\"N\":\"0\"},\"data\":{\"S\":\"" + DATA + "\"}}}");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    private static int key() {
        return ThreadLocalRandom.current().nextInt(PRELOADED);
    }

    @Benchmark
    public DynamoResponse getItem() {
        return call("GetItem", "{\"TableName\":\"bench_pq\",\"Key\":{\"pk\":{\"S\":\"k" + key() + "\"},\"sk\":{\"N\":\"1\"}}}");
    }

    @Benchmark
    public DynamoResponse selectOneItem() {
        return call("ExecuteStatement", "{\"Statement\":\"SELECT * FROM bench_pq WHERE pk = ? AND sk = ?\","
                + "\"Parameters\":[{\"S\":\"k" + key() + "\"},{\"N\":\"1\"}]}");
    }

    @Benchmark
    public DynamoResponse updateItem() {
        return call("UpdateItem", "{\"TableName\":\"bench_pq\",\"Key\":{\"pk\":{\"S\":\"k" + key() + "\"},\"sk\":{\"N\":\"1\"}},"
                + "\"UpdateExpression\":\"SET n = n + :one\",\"ConditionExpression\":\"attribute_exists(pk)\","
                + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}}}");
    }

    /** The same change: UPDATE needs the item, as UpdateItem's attribute_exists condition does. */
    @Benchmark
    public DynamoResponse updateStatement() {
        return call("ExecuteStatement", "{\"Statement\":\"UPDATE bench_pq SET n = n + 1 WHERE pk = ? AND sk = ?\","
                + "\"Parameters\":[{\"S\":\"k" + key() + "\"},{\"N\":\"1\"}]}");
    }

    private DynamoResponse call(String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, DATE,
                body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) throw new IllegalStateException(new String(response.body(), StandardCharsets.UTF_8));
        return response;
    }
}
