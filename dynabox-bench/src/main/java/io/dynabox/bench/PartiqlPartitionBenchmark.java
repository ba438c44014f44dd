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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A PartiQL SELECT that pins the partition key, on tables of {@code items} small items in
 * partitions of ten, beside the same read as a Query: both read one partition's range of
 * the keyspace, so their cost grows as log n + k, not with the table (compare the figures
 * for 10^5 and 10^6 items).
 *
 * <pre>java -jar dynabox-bench/target/benchmarks.jar PartiqlPartitionBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx4g"})
public class PartiqlPartitionBenchmark {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String DATE = "20260101T000000Z";
    private static final int PER_PARTITION = 10;

    @Param({"100000", "1000000"})
    int items;

    Engine engine;
    int partitions;

    @Setup(Level.Trial)
    public void load() {
        engine = new Engine(DynaboxOptions.defaults());
        call("CreateTable", """
                {"TableName":"bench_pp","BillingMode":"PAY_PER_REQUEST",
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],
                 "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}""");
        partitions = items / PER_PARTITION;
        StringBuilder batch = new StringBuilder();
        int inBatch = 0;
        for (int p = 0; p < partitions; p++) {
            for (int s = 0; s < PER_PARTITION; s++) {
                batch.append(inBatch == 0 ? "" : ",").append("{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"p").append(p)
                        .append("\"},\"sk\":{\"N\":\"").append(s).append("\"},\"v\":{\"S\":\"value\"}}}}");
                if (++inBatch == 25) {
                    call("BatchWriteItem", "{\"RequestItems\":{\"bench_pp\":[" + batch + "]}}");
                    batch.setLength(0);
                    inBatch = 0;
                }
            }
        }
        if (inBatch > 0) call("BatchWriteItem", "{\"RequestItems\":{\"bench_pp\":[" + batch + "]}}");
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    private String partition() {
        return "p" + ThreadLocalRandom.current().nextInt(partitions);
    }

    @Benchmark
    public DynamoResponse selectPartition() {
        return call("ExecuteStatement", "{\"Statement\":\"SELECT * FROM bench_pp WHERE pk = ?\",\"Parameters\":[{\"S\":\"" + partition() + "\"}]}");
    }

    @Benchmark
    public DynamoResponse queryPartition() {
        return call("Query", "{\"TableName\":\"bench_pp\",\"KeyConditionExpression\":\"pk = :p\","
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"" + partition() + "\"}}}");
    }

    private DynamoResponse call(String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, DATE,
                body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) throw new IllegalStateException(new String(response.body(), StandardCharsets.UTF_8));
        return response;
    }
}
