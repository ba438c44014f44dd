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
 * A multi-attribute global index key against a single-attribute one, in one run: the same
 * 100,000 items indexed by {@code single} (HASH g, RANGE s) and by {@code multi} (HASH g1, g2;
 * RANGE s1, s2, where (s1, s2) orders as s does). A Query of 20 entries from a random place of
 * each, and a PutItem (an item written again, its index entry with it) into a table with only the one or
 * only the other index. Ratios within one run say what the multi-attribute path costs.
 *
 * <pre>java -jar dynabox-bench/target/benchmarks.jar MultiAttributeIndexBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class MultiAttributeIndexBenchmark {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String DATE = "20260101T000000Z";
    private static final int N = 100_000;
    private static final int K = 20;
    private static final String DEFINITIONS = "{\"AttributeName\":\"id\",\"AttributeType\":\"N\"}";

    Engine engine;

    @Setup(Level.Trial)
    public void load() {
        engine = new Engine(DynaboxOptions.defaults());
        String single = "{\"IndexName\":\"single\",\"Projection\":{\"ProjectionType\":\"ALL\"},\"KeySchema\":["
                + "{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"s\",\"KeyType\":\"RANGE\"}]}";
        String multi = "{\"IndexName\":\"multi\",\"Projection\":{\"ProjectionType\":\"ALL\"},\"KeySchema\":["
                + "{\"AttributeName\":\"g1\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"g2\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"s1\",\"KeyType\":\"RANGE\"},{\"AttributeName\":\"s2\",\"KeyType\":\"RANGE\"}]}";
        String singleDefinitions = ",{\"AttributeName\":\"g\",\"AttributeType\":\"S\"},{\"AttributeName\":\"s\",\"AttributeType\":\"N\"}";
        String multiDefinitions = ",{\"AttributeName\":\"g1\",\"AttributeType\":\"S\"},{\"AttributeName\":\"g2\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"s1\",\"AttributeType\":\"N\"},{\"AttributeName\":\"s2\",\"AttributeType\":\"N\"}";
        create("both", singleDefinitions + multiDefinitions, single + "," + multi);
        create("single_only", singleDefinitions, single);
        create("multi_only", multiDefinitions, multi);
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < N; i++) {
            if (batch.length() == 0) batch.append("{\"RequestItems\":{\"both\":[");
            else batch.append(',');
            batch.append("{\"PutRequest\":{\"Item\":").append(item(i)).append("}}");
            if (i % 25 == 24 || i == N - 1) {
                call("BatchWriteItem", batch.append("]}}").toString());
                batch.setLength(0);
            }
        }
    }

    private void create(String table, String definitions, String indexes) {
        call("CreateTable", "{\"TableName\":\"" + table + "\",\"BillingMode\":\"PAY_PER_REQUEST\",\"AttributeDefinitions\":["
                + DEFINITIONS + definitions + "],\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
                + "\"GlobalSecondaryIndexes\":[" + indexes + "]}");
    }

    /** Item i: s = i, and (s1, s2) = (i / 10, i % 10), so both indexes hold the same order. */
    private static String item(int i) {
        return "{\"id\":{\"N\":\"" + i + "\"},\"g\":{\"S\":\"big\"},\"s\":{\"N\":\"" + i + "\"},\"g1\":{\"S\":\"big\"},"
                + "\"g2\":{\"S\":\"x\"},\"s1\":{\"N\":\"" + i / 10 + "\"},\"s2\":{\"N\":\"" + i % 10 + "\"},"
                + "\"payload\":{\"S\":\"some ninety bytes of payload, the size of a small item in a time series table\"}}";
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    @Benchmark
    public DynamoResponse querySingleAttributeIndex() {
        int from = ThreadLocalRandom.current().nextInt(N - K);
        return call("Query", "{\"TableName\":\"both\",\"IndexName\":\"single\",\"KeyConditionExpression\":\"g = :g AND s BETWEEN :a AND :b\","
                + "\"ExpressionAttributeValues\":{\":g\":{\"S\":\"big\"},\":a\":{\"N\":\"" + from + "\"},\":b\":{\"N\":\"" + (from + K - 1) + "\"}}}");
    }

    @Benchmark
    public DynamoResponse queryMultiAttributeIndex() {
        int from = ThreadLocalRandom.current().nextInt(N / 10 - K / 10);
        return call("Query", "{\"TableName\":\"both\",\"IndexName\":\"multi\",\"KeyConditionExpression\":"
                + "\"g1 = :g AND g2 = :h AND s1 BETWEEN :a AND :b\",\"ExpressionAttributeValues\":{\":g\":{\"S\":\"big\"},"
                + "\":h\":{\"S\":\"x\"},\":a\":{\"N\":\"" + from + "\"},\":b\":{\"N\":\"" + (from + K / 10 - 1) + "\"}}}");
    }

    @Benchmark
    public DynamoResponse putIntoSingleAttributeIndex() {
        return call("PutItem", "{\"TableName\":\"single_only\",\"Item\":" + item(ThreadLocalRandom.current().nextInt(N)) + "}");
    }

    @Benchmark
    public DynamoResponse putIntoMultiAttributeIndex() {
        return call("PutItem", "{\"TableName\":\"multi_only\",\"Item\":" + item(ThreadLocalRandom.current().nextInt(N)) + "}");
    }

    private DynamoResponse call(String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, DATE,
                body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) throw new IllegalStateException(new String(response.body(), StandardCharsets.UTF_8));
        return response;
    }
}
