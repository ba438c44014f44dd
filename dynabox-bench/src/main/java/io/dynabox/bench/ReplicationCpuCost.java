package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The server CPU a PutItem costs on a global table with one replica, against the same table
 * without one (and, to show where the difference comes from, with only the NEW_AND_OLD_IMAGES
 * stream a replica turns on: the stream/none ratio is issue 19's figure): {@link CpuCost}'s thread CPU of the request thread, and separately
 * the CPU of applying the writes in the replica, per PutItem. The replicated engine's replication
 * delay is an hour, so its replication thread stays out of the block (two busy threads on a loaded
 * machine slow each other through the caches and the scheduler); after each block its writes are
 * applied on this thread ({@code flush}) and that CPU is measured too.
 *
 * <pre>java -XX:+UseSerialGC -Xmx3g -cp dynabox-bench/target/benchmarks.jar io.dynabox.bench.ReplicationCpuCost</pre>
 */
public final class ReplicationCpuCost {
    private static final int ROUNDS = Integer.getInteger("rounds", 11);
    private static final String[] NAMES = {"none", "stream", "replica"};

    private ReplicationCpuCost() {}

    public static void main(String[] args) {
        Engine[] engines = new Engine[3];
        for (int e = 0; e < 3; e++) {
            engines[e] = new Engine(DynaboxOptions.builder().replicationDelay(Duration.ofHours(e == 2 ? 1 : 0)).build());
            CpuCost.createTable(engines[e],
                    e == 0 ? "" : ",\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}");
        }
        CpuCost.call(engines[2], "UpdateTable", "{\"TableName\":\"bench_kv\",\"ReplicaUpdates\":[{\"Create\":{\"RegionName\":\"eu-west-1\"}}]}");
        SplittableRandom random = new SplittableRandom(1);
        for (int warm = 0; warm < 8; warm++) {
            for (Engine engine : engines) {
                block(engine, random);
                engine.replicator().flush();
            }
        }
        double[] applying = new double[ROUNDS];
        int[] round = {0};
        double[][] micros = CpuCost.measure(ROUNDS, 3, which -> block(engines[which], random), which -> {
            double start = CpuCost.threadCpuMicros();
            engines[which].replicator().flush();
            if (which == 2) applying[round[0]++] = (CpuCost.threadCpuMicros() - start) / CpuCost.BLOCK;
        });
        for (int e = 0; e < 3; e++) {
            System.out.printf("%-8s request thread: median %.2f us CPU a PutItem%n", NAMES[e], CpuCost.median(micros[e]));
        }
        System.out.printf("replica  applying in the replica: median %.2f us CPU a PutItem%n", CpuCost.median(applying));
        System.out.printf("stream/none (request thread): %s%n", CpuCost.ratios(micros[1], micros[0]));
        System.out.printf("replica/none (request thread): %s%n", CpuCost.ratios(micros[2], micros[0]));
        System.out.printf("replica/stream (request thread): %s%n", CpuCost.ratios(micros[2], micros[1]));
        for (Engine engine : engines) engine.close();
    }

    /** Each write changes the item (a new counter), so each one is a change to replicate. */
    private static void block(Engine engine, SplittableRandom random) {
        for (int i = 0; i < CpuCost.BLOCK; i++) {
            CpuCost.call(engine, "PutItem", CpuCost.put("k" + random.nextInt(CpuCost.ITEMS), random.nextLong()));
        }
    }
}
