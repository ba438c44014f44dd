package io.dynabox.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Dynabox's own share of an in-process call in CPU time: {@link InProcessSdkBenchmark}'s GetItem and
 * PutItem from Dynabox's {@code DynamoDbClient}, and the same calls over {@link CannedHttpClient}
 * (the in-process ceiling: the SDK's whole pipeline, no Dynabox), measured by {@link CpuCost} as the
 * calling thread's CPU time, not wall time, so a machine loaded by other processes does not count its
 * waiting. After a long warm-up (the SDK's pipeline takes many seconds to settle) the four calls run
 * in rotating turns of short blocks; each figure is the median of its blocks, and Dynabox's share is a
 * call's median minus its ceiling's. Short blocks and many rounds, because the speed of a shared
 * machine drifts over seconds: three identical clients of each kind, measured side by side, came
 * out up to 8 µs apart in blocks of 20,000 calls (half a second each), and within 0.7 µs (GetItem)
 * and 2.3 µs (PutItem) in blocks of 500. The bytes each call allocates are counted too: unlike
 * time, they do not move with the machine.
 *
 * <p>Each call's wall time goes into a histogram of its kind as well, and the share is given as the
 * difference of the p50s, the figure {@link InProcessSdkBenchmark} reports, but from the same rotating
 * blocks. JMH runs one benchmark after the other, and a shared machine has slow phases of seconds in
 * which every call takes about half as long again: a benchmark's pooled p50 then depends on how many of
 * its iterations fell in one (iterations' p50s of one fork of the ceiling's GetItem were 10.0 and 16.7
 * µs), while calls measured in turns of 500 see the same phases on both sides.
 *
 * <pre>java -XX:+UseSerialGC -cp dynabox-bench/target/benchmarks.jar io.dynabox.bench.InProcessCpuCost [warm-up seconds] [rounds]</pre>
 */
public final class InProcessCpuCost {
    private static final List<String> NAMES = List.of("getItem", "ceilingGetItem", "putItem", "ceilingPutItem");
    private static final int CALLS_A_BLOCK = 500;
    /** Wall times are counted in buckets of 10 ns up to 200 µs; a slower call counts in the last. */
    private static final int NANOS_A_BUCKET = 10;
    private static final int BUCKETS = 20_000;
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private InProcessCpuCost() {}

    public static void main(String[] args) {
        long warmUpSeconds = args.length > 0 ? Long.parseLong(args[0]) : 40;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 161;
        InProcessSdkBenchmark.Items items = new InProcessSdkBenchmark.Items();
        items.open();
        try {
            DynamoDbClient client = items.client;
            DynamoDbClient ceiling = items.ceilingClient;
            List<Supplier<Object>> calls = List.of(() -> client.getItem(items.get), () -> ceiling.getItem(items.get),
                    () -> client.putItem(items.put), () -> ceiling.putItem(items.put));
            long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
            while (System.nanoTime() < warmUpEnd) for (Supplier<Object> call : calls) for (int i = 0; i < 1000; i++) call.get();
            long[] allocated = new long[calls.size()];
            long[][] wallTimes = new long[calls.size()][BUCKETS];
            double[][] micros = CpuCost.measure(rounds, calls.size(), CALLS_A_BLOCK, which -> {
                Supplier<Object> call = calls.get(which);
                long[] histogram = wallTimes[which];
                long before = THREADS.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < CALLS_A_BLOCK; i++) {
                    long start = System.nanoTime();
                    call.get();
                    histogram[(int) Math.min(BUCKETS - 1, (System.nanoTime() - start) / NANOS_A_BUCKET)]++;
                }
                allocated[which] += THREADS.getCurrentThreadAllocatedBytes() - before;
            }, which -> { });
            double[] medians = new double[calls.size()];
            double[] p50s = new double[calls.size()];
            for (int k = 0; k < calls.size(); k++) {
                medians[k] = CpuCost.median(micros[k]);
                p50s[k] = p50Micros(wallTimes[k]);
                System.out.printf("%-15s %7.2f us CPU a call (median of %d blocks of %d), p50 %6.2f us, %,7d bytes allocated a call%n",
                        NAMES.get(k), medians[k], rounds, CALLS_A_BLOCK, p50s[k], allocated[k] / ((long) rounds * CALLS_A_BLOCK));
            }
            System.out.printf("Dynabox's share: GetItem %.2f us CPU, %.2f us p50; PutItem %.2f us CPU, %.2f us p50 (the call's figure minus its ceiling's)%n",
                    medians[0] - medians[1], p50s[0] - p50s[1], medians[2] - medians[3], p50s[2] - p50s[3]);
        } finally {
            items.close();
        }
    }

    /** The middle call's wall time, in microseconds, at the middle of its bucket. */
    private static double p50Micros(long[] histogram) {
        long calls = 0;
        for (long count : histogram) calls += count;
        long seen = 0;
        for (int bucket = 0; bucket < histogram.length; bucket++) {
            seen += histogram[bucket];
            if (2 * seen >= calls) return (bucket + 0.5) * NANOS_A_BUCKET / 1000.0;
        }
        throw new IllegalStateException("no calls were timed");
    }
}
