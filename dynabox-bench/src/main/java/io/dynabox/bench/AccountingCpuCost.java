package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The engine CPU the planning accounting adds to a PutItem and to a GetItem: thread CPU time (not wall time, so a
 * loaded machine's waiting does not count) of {@link ItemRequestBenchmark}'s ~1 KB replaces and reads, an engine with
 * accounting (as every engine has it) against one whose accounting is closed, measured in alternating blocks in one
 * JVM so drift hits both alike.
 *
 * <pre>java -XX:+UseSerialGC -Xmx2g -cp dynabox-bench/target/benchmarks.jar io.dynabox.bench.AccountingCpuCost [rounds]</pre>
 */
public final class AccountingCpuCost {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String DATA = "x".repeat(970);
    private static final int ITEMS = 10_000;
    private static final int BLOCK = 20_000;

    private AccountingCpuCost() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Engine without = new Engine(DynaboxOptions.defaults());
        without.accounting().close();
        Engine with = new Engine(DynaboxOptions.defaults());
        Engine[] engines = {without, with};
        for (Engine engine : engines) {
            call(engine, "CreateTable", "{\"TableName\":\"bench_kv\",\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                    + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}");
            for (int i = 0; i < ITEMS; i++) call(engine, "PutItem", put("k" + i));
        }
        SplittableRandom random = new SplittableRandom(1);
        for (int warm = 0; warm < 8; warm++) {
            for (Engine engine : engines) {
                block(engine, random, true);
                block(engine, random, false);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][][] micros = new double[2][2][rounds]; // [put=0/get=1][without=0/with=1][round]
        for (int round = 0; round < rounds; round++) {
            for (int op = 0; op < 2; op++) {
                for (int k = 0; k < 2; k++) {
                    int which = (k + round) % 2; // each goes first in every other round
                    long start = threads.getCurrentThreadCpuTime();
                    block(engines[which], random, op == 0);
                    micros[op][which][round] = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / BLOCK;
                }
            }
        }
        for (int op = 0; op < 2; op++) {
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) ratios[round] = micros[op][1][round] / micros[op][0][round];
            System.out.printf("%s: without accounting %.2f us, with %.2f us CPU (medians); with/without median %.3f (rounds %.3f to %.3f)%n",
                    op == 0 ? "PutItem" : "GetItem", median(micros[op][0]), median(micros[op][1]), median(ratios),
                    Arrays.stream(ratios).min().orElse(0), Arrays.stream(ratios).max().orElse(0));
        }
        without.close();
        with.close();
    }

    private static void block(Engine engine, SplittableRandom random, boolean put) {
        for (int i = 0; i < BLOCK; i++) {
            String key = "k" + random.nextInt(ITEMS);
            if (put) call(engine, "PutItem", put(key));
            else call(engine, "GetItem", "{\"TableName\":\"bench_kv\",\"Key\":{\"pk\":{\"S\":\"" + key + "\"}}}");
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String put(String key) {
        return "{\"TableName\":\"bench_kv\",\"Item\":{\"pk\":{\"S\":\"" + key + "\"},\"data\":{\"S\":\"" + DATA + "\"}}}";
    }

    private static void call(Engine engine, String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, "20260101T000000Z",
                body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) throw new IllegalStateException(new String(response.body(), StandardCharsets.UTF_8));
    }
}
