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
 * Query and Scan pages through the engine's front door (JSON in, JSON out, no HTTP) on a
 * table whose one partition holds {@code n} items: a Query reading k = 20 items from a
 * random place of the partition, and a Scan page of 20 items from a random place of the
 * table. Both walk one key range, so their cost should not grow with {@code n} beyond the
 * O(log n) of finding the start.
 *
 * <pre>java -jar dynabox-bench/target/benchmarks.jar QueryBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class QueryBenchmark {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String DATE = "20260101T000000Z";
    private static final int K = 20;

    @Param({"100000", "1000000"})
    int n;

    Engine engine;

    @Setup(Level.Trial)
    public void load() {
        engine = new Engine(DynaboxOptions.defaults());
        call("CreateTable", """
                {"TableName":"events","BillingMode":"PAY_PER_REQUEST",
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],
                 "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}""");
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (batch.length() == 0) batch.append("{\"RequestItems\":{\"events\":[");
            else batch.append(',');
            batch.append("{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"big\"},\"sk\":{\"N\":\"").append(i)
                    .append("\"},\"payload\":{\"S\":\"some ninety bytes of payload, the size of a small item in a time series table\"}}}}");
            if (i % 25 == 24 || i == n - 1) {
                call("BatchWriteItem", batch.append("]}}").toString());
                batch.setLength(0);
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    @Benchmark
    public DynamoResponse queryTwentyItems() {
        int from = ThreadLocalRandom.current().nextInt(n - K);
        return call("Query", "{\"TableName\":\"events\",\"KeyConditionExpression\":\"pk = :p AND sk BETWEEN :a AND :b\","
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"big\"},\":a\":{\"N\":\"" + from + "\"},\":b\":{\"N\":\""
                + (from + K - 1) + "\"}}}");
    }

    @Benchmark
    public DynamoResponse queryTwentyItemsLegacy() {
        int from = ThreadLocalRandom.current().nextInt(n - K);
        return call("Query", "{\"TableName\":\"events\",\"KeyConditions\":{\"pk\":{\"ComparisonOperator\":\"EQ\","
                + "\"AttributeValueList\":[{\"S\":\"big\"}]},\"sk\":{\"ComparisonOperator\":\"BETWEEN\",\"AttributeValueList\":"
                + "[{\"N\":\"" + from + "\"},{\"N\":\"" + (from + K - 1) + "\"}]}}}");
    }

    @Benchmark
    public DynamoResponse scanPageOfTwenty() {
        int from = ThreadLocalRandom.current().nextInt(n - K);
        return call("Scan", "{\"TableName\":\"events\",\"Limit\":" + K
                + ",\"ExclusiveStartKey\":{\"pk\":{\"S\":\"big\"},\"sk\":{\"N\":\"" + from + "\"}}}");
    }

    private DynamoResponse call(String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, DATE,
                body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) throw new IllegalStateException(new String(response.body(), StandardCharsets.UTF_8));
        return response;
    }
}
