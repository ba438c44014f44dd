package io.dynabox.bench;

import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * What the CPU-cost benchmarks ({@link AccountingCpuCost}, {@link ThrottlingCpuCost}, {@link ReplicationCpuCost})
 * share: engines compared by the thread CPU time (not wall time, so a loaded machine's waiting does not count) of
 * blocks of the same requests, measured in alternating order in one JVM so drift hits every variant alike, and the
 * medians of the per-round ratios. The workload is {@link ItemRequestBenchmark}'s: ~1 KB items, one of 10,000 keys.
 */
final class CpuCost {
    static final int ITEMS = 10_000;
    static final int BLOCK = 20_000;
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String DATA = "x".repeat(970);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuCost() {}

    /** An on-demand table {@code bench_kv} (hash key {@code pk}, {@code extra} members appended) filled with the 10,000 items. */
    static void createTable(Engine engine, String extra) {
        call(engine, "CreateTable", "{\"TableName\":\"bench_kv\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]" + extra + "}");
        for (int i = 0; i < ITEMS; i++) call(engine, "PutItem", put("k" + i));
    }

    /** A ~1 KB PutItem of {@code key}. */
    static String put(String key) {
        return "{\"TableName\":\"bench_kv\",\"Item\":{\"pk\":{\"S\":\"" + key + "\"},\"data\":{\"S\":\"" + DATA + "\"}}}";
    }

    /** A ~1 KB PutItem of {@code key} whose content differs with {@code counter}, so that each one is a change. */
    static String put(String key, long counter) {
        return "{\"TableName\":\"bench_kv\",\"Item\":{\"pk\":{\"S\":\"" + key + "\"},\"n\":{\"N\":\"" + counter
                + "\"},\"data\":{\"S\":\"" + DATA + "\"}}}";
    }

    static String get(String key) {
        return "{\"TableName\":\"bench_kv\",\"Key\":{\"pk\":{\"S\":\"" + key + "\"}}}";
    }

    static void call(Engine engine, String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, "20260101T000000Z",
                body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) throw new IllegalStateException(new String(response.body(), StandardCharsets.UTF_8));
    }

    /** This thread's CPU time in microseconds. */
    static double threadCpuMicros() {
        return THREADS.getCurrentThreadCpuTime() / 1000.0;
    }

    /**
     * One round: {@code block} runs once for each of the {@code variants}, the first one rotating with {@code round};
     * {@code afterBlock} (not measured) runs after each. Answers each variant's CPU microseconds per operation of its block.
     */
    static double[] round(int round, int variants, IntConsumer block, IntConsumer afterBlock) {
        return round(round, variants, BLOCK, block, afterBlock);
    }

    /** {@link #round} for blocks of {@code operations} operations each. */
    static double[] round(int round, int variants, int operations, IntConsumer block, IntConsumer afterBlock) {
        double[] micros = new double[variants];
        for (int k = 0; k < variants; k++) {
            int which = (k + round) % variants;
            double start = threadCpuMicros();
            block.accept(which);
            micros[which] = (threadCpuMicros() - start) / operations;
            afterBlock.accept(which);
        }
        return micros;
    }

    /** {@link #round} {@code rounds} times: answers [variant][round]. */
    static double[][] measure(int rounds, int variants, IntConsumer block, IntConsumer afterBlock) {
        return measure(rounds, variants, BLOCK, block, afterBlock);
    }

    /** {@link #measure} for blocks of {@code operations} operations each. */
    static double[][] measure(int rounds, int variants, int operations, IntConsumer block, IntConsumer afterBlock) {
        double[][] micros = new double[variants][rounds];
        for (int r = 0; r < rounds; r++) {
            double[] one = round(r, variants, operations, block, afterBlock);
            for (int v = 0; v < variants; v++) micros[v][r] = one[v];
        }
        return micros;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** "median R (rounds MIN to MAX)" of the per-round ratios {@code numerator[r] / denominator[r]}. */
    static String ratios(double[] numerator, double[] denominator) {
        double[] ratios = new double[numerator.length];
        for (int r = 0; r < ratios.length; r++) ratios[r] = numerator[r] / denominator[r];
        return String.format("median %.3f (rounds %.3f to %.3f)", median(ratios),
                Arrays.stream(ratios).min().orElse(0), Arrays.stream(ratios).max().orElse(0));
    }
}
