package io.dynabox.bench;

import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Dynabox's own share of an in-process call in CPU time: {@link InProcessSdkBenchmark}'s GetItem and
 * PutItem from Dynabox's {@code DynamoDbClient}, and the same calls over {@link CannedHttpClient}
 * (the in-process ceiling: the SDK's whole pipeline, no Dynabox), measured by {@link CpuCost} as the
 * calling thread's CPU time, not wall time, so a machine loaded by other processes does not count its
 * waiting. After a long warm-up (the SDK's pipeline takes many seconds to settle) the four calls run
 * in rotating turns of blocks; each figure is the median of its blocks, and Dynabox's share is a
 * call's median minus its ceiling's.
 *
 * <pre>java -XX:+UseSerialGC -cp dynabox-bench/target/benchmarks.jar io.dynabox.bench.InProcessCpuCost [warm-up seconds] [rounds]</pre>
 */
public final class InProcessCpuCost {
    private static final List<String> NAMES = List.of("getItem", "ceilingGetItem", "putItem", "ceilingPutItem");

    private InProcessCpuCost() {}

    public static void main(String[] args) {
        long warmUpSeconds = args.length > 0 ? Long.parseLong(args[0]) : 40;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        InProcessSdkBenchmark.Items items = new InProcessSdkBenchmark.Items();
        items.open();
        try {
            DynamoDbClient client = items.client;
            DynamoDbClient ceiling = items.ceilingClient;
            List<Supplier<Object>> calls = List.of(() -> client.getItem(items.get), () -> ceiling.getItem(items.get),
                    () -> client.putItem(items.put), () -> ceiling.putItem(items.put));
            long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
            while (System.nanoTime() < warmUpEnd) for (Supplier<Object> call : calls) for (int i = 0; i < 1000; i++) call.get();
            double[][] micros = CpuCost.measure(rounds, calls.size(), which -> {
                Supplier<Object> call = calls.get(which);
                for (int i = 0; i < CpuCost.BLOCK; i++) call.get();
            }, which -> { });
            for (int k = 0; k < calls.size(); k++) {
                System.out.printf("%-15s %7.2f us CPU a call (median of %d blocks of %d)%n", NAMES.get(k), CpuCost.median(micros[k]), rounds, CpuCost.BLOCK);
            }
            System.out.printf("Dynabox's share: GetItem %.2f us, PutItem %.2f us (the call's median minus its ceiling's)%n",
                    CpuCost.median(micros[0]) - CpuCost.median(micros[1]), CpuCost.median(micros[2]) - CpuCost.median(micros[3]));
        } finally {
            items.close();
        }
    }
}
