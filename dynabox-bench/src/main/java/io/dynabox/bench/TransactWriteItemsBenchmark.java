package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TransactWriteItems through the engine's front door (JSON in, JSON out, validation and
 * locking included; no HTTP): transactions of {@code actions} puts spread over two tables,
 * one of them with a global index, on one thread and on four threads sharing the tables;
 * and transfers between ten hot accounts (two conditional updates) on four threads.
 *
 * <pre>java -jar dynabox-bench/target/benchmarks.jar TransactWriteItems -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransactWriteItemsBenchmark {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String DATE = "20260101T000000Z";
    private static final int ACCOUNTS = 10;

    @Param({"2", "10"})
    int actions;

    Engine engine;

    @Setup(Level.Trial)
    public void createTables() {
        engine = new Engine(DynaboxOptions.defaults());
        call("CreateTable", """
                {"TableName":"accounts","BillingMode":"PAY_PER_REQUEST",
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
                 "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}""");
        call("CreateTable", """
                {"TableName":"ledger","BillingMode":"PAY_PER_REQUEST",
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"owner","AttributeType":"S"}],
                 "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
                 "GlobalSecondaryIndexes":[{"IndexName":"byowner","KeySchema":[{"AttributeName":"owner","KeyType":"HASH"}],
                   "Projection":{"ProjectionType":"KEYS_ONLY"}}]}""");
    }

    @Setup(Level.Trial)
    public void openAccounts() {
        for (int i = 0; i < ACCOUNTS; i++) {
            call("PutItem", "{\"TableName\":\"accounts\",\"Item\":{\"pk\":{\"S\":\"acct" + i + "\"},\"balance\":{\"N\":\"0\"}}}");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    /** Each thread writes its own keys, so the tables grow to a realistic size and transactions do not repeat. */
    @State(Scope.Thread)
    public static class Keys {
        private static final java.util.concurrent.atomic.AtomicInteger THREADS = new java.util.concurrent.atomic.AtomicInteger();
        final int thread = THREADS.incrementAndGet();
        long next;

        String nextKey() {
            return "t" + thread + "-" + (next++ % 100_000);
        }
    }

    @Benchmark
    public DynamoResponse oneThread(Keys keys) {
        return transaction(keys);
    }

    @Benchmark
    @Threads(4)
    public DynamoResponse fourThreads(Keys keys) {
        return transaction(keys);
    }

    /** Conditional updates of two of ten hot accounts: every transaction contends with the others for the same items. */
    @Benchmark
    @Threads(4)
    public DynamoResponse transferFourThreads(Keys keys) {
        long n = keys.next++;
        int from = (int) (n % ACCOUNTS);
        int to = (from + 1 + keys.thread) % ACCOUNTS == from ? (from + 1) % ACCOUNTS : (from + 1 + keys.thread) % ACCOUNTS;
        String body = "{\"TransactItems\":[" + transfer(from, "-5") + "," + transfer(to, "5") + "]}";
        DynamoResponse response = engine.handle(request("TransactWriteItems", body));
        if (response.status() != 200) throw new IllegalStateException(new String(response.body(), StandardCharsets.UTF_8));
        return response;
    }

    private static String transfer(int account, String amount) {
        return "{\"Update\":{\"TableName\":\"accounts\",\"Key\":{\"pk\":{\"S\":\"acct" + account + "\"}},"
                + "\"UpdateExpression\":\"ADD balance :a\",\"ConditionExpression\":\"attribute_exists(balance)\","
                + "\"ExpressionAttributeValues\":{\":a\":{\"N\":\"" + amount + "\"}}}}";
    }

    private DynamoResponse transaction(Keys keys) {
        StringBuilder body = new StringBuilder("{\"TransactItems\":[");
        for (int i = 0; i < actions; i++) {
            String key = keys.nextKey();
            if (i > 0) body.append(',');
            if (i % 2 == 0) {
                body.append("{\"Put\":{\"TableName\":\"accounts\",\"Item\":{\"pk\":{\"S\":\"").append(key)
                        .append("\"},\"balance\":{\"N\":\"100\"}}}}");
            } else {
                body.append("{\"Put\":{\"TableName\":\"ledger\",\"Item\":{\"pk\":{\"S\":\"").append(key)
                        .append("\"},\"owner\":{\"S\":\"o").append(i).append("\"},\"amount\":{\"N\":\"5\"}}}}");
            }
        }
        body.append("],\"ReturnConsumedCapacity\":\"TOTAL\"}");
        DynamoResponse response = engine.handle(request("TransactWriteItems", body.toString()));
        if (response.status() != 200) throw new IllegalStateException(new String(response.body(), StandardCharsets.UTF_8));
        return response;
    }

    private void call(String action, String body) {
        DynamoResponse response = engine.handle(request(action, body));
        if (response.status() != 200) throw new IllegalStateException(new String(response.body(), StandardCharsets.UTF_8));
    }

    private static DynamoRequest request(String action, String body) {
        return new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, DATE, body.getBytes(StandardCharsets.UTF_8));
    }
}
