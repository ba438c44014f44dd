package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.simulation.SimulationSettings;
import io.dynabox.engine.store.MemoryStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The engine CPU a PutItem costs with throttling on, against the same with the simulation off: thread CPU time
 * (not wall time, so a loaded machine's waiting does not count), {@link ItemRequestBenchmark}'s ~1 KB replaces,
 * the two engines measured in alternating blocks in one JVM so drift hits both alike. The throttled engine's clock
 * runs a thousand times fast, so capacity never runs out and every request does the whole work.
 *
 * <pre>java -XX:+UseSerialGC -Xmx3g -cp dynabox-bench/target/benchmarks.jar io.dynabox.bench.ThrottlingCpuCost</pre>
 */
public final class ThrottlingCpuCost {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String DATA = "x".repeat(970);
    private static final int ITEMS = 10_000;
    private static final int BLOCK = 20_000;
    private static final int ROUNDS = 15;

    private ThrottlingCpuCost() {}

    public static void main(String[] args) {
        Engine off = new Engine(DynaboxOptions.defaults());
        Engine throttled = new Engine(DynaboxOptions.builder().simulation(SimulationSettings.OFF.withThrottling(true)).build(),
                new MemoryStore(), () -> System.nanoTime() / 1_000);
        Engine[] engines = {off, throttled};
        for (Engine engine : engines) {
            call(engine, "CreateTable", "{\"TableName\":\"bench_kv\",\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                    + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}");
            for (int i = 0; i < ITEMS; i++) call(engine, "PutItem", put("k" + i));
        }
        SplittableRandom random = new SplittableRandom(1);
        for (int warm = 0; warm < 10; warm++) {
            for (Engine engine : engines) block(engine, random);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] micros = new double[2][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < 2; k++) {
                int which = (k + round) % 2; // each goes first in every other round
                long start = threads.getCurrentThreadCpuTime();
                block(engines[which], random);
                micros[which][round] = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / BLOCK;
            }
        }
        double[] ratios = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) ratios[round] = micros[1][round] / micros[0][round];
        System.out.printf("off:        median %.2f us CPU a PutItem%n", median(micros[0]));
        System.out.printf("throttling: median %.2f us CPU a PutItem%n", median(micros[1]));
        System.out.printf("throttling/off: median %.3f (rounds from %.3f to %.3f)%n", median(ratios),
                Arrays.stream(ratios).min().orElse(0), Arrays.stream(ratios).max().orElse(0));
        off.close();
        throttled.close();
    }

    private static void block(Engine engine, SplittableRandom random) {
        for (int i = 0; i < BLOCK; i++) call(engine, "PutItem", put("k" + random.nextInt(ITEMS)));
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
