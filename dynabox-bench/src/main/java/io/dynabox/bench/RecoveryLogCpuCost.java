package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import java.util.SplittableRandom;

/**
 * The request-thread CPU a PutItem costs on a table with point-in-time recovery on (each write appended to the
 * recovery log with the item as it was before), against the same table without it: {@link CpuCost}'s thread CPU of
 * ~1 KB replaces that change the item each time. The log grows over the run (the engine's clock stands still, so
 * nothing leaves the 35-day window); the garbage collector's work on it runs on its own thread and is not counted.
 *
 * <pre>java -XX:+UseSerialGC -Xmx3g -cp dynabox-bench/target/benchmarks.jar io.dynabox.bench.RecoveryLogCpuCost [rounds]</pre>
 */
public final class RecoveryLogCpuCost {
    private RecoveryLogCpuCost() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        Engine off = new Engine(DynaboxOptions.defaults());
        Engine on = new Engine(DynaboxOptions.defaults());
        Engine[] engines = {off, on};
        for (Engine engine : engines) CpuCost.createTable(engine, "");
        CpuCost.call(on, "UpdateContinuousBackups",
                "{\"TableName\":\"bench_kv\",\"PointInTimeRecoverySpecification\":{\"PointInTimeRecoveryEnabled\":true}}");
        SplittableRandom random = new SplittableRandom(1);
        for (int warm = 0; warm < 6; warm++) {
            for (Engine engine : engines) block(engine, random);
        }
        double[][] micros = CpuCost.measure(rounds, 2, which -> block(engines[which], random), which -> {});
        System.out.printf("recovery off: median %.2f us CPU a PutItem%n", CpuCost.median(micros[0]));
        System.out.printf("recovery on:  median %.2f us CPU a PutItem%n", CpuCost.median(micros[1]));
        System.out.printf("on/off: %s%n", CpuCost.ratios(micros[1], micros[0]));
        off.close();
        on.close();
    }

    /** Each write changes the item (a new counter), so each one is a change the log keeps. */
    private static void block(Engine engine, SplittableRandom random) {
        for (int i = 0; i < CpuCost.BLOCK; i++) {
            CpuCost.call(engine, "PutItem", CpuCost.put("k" + random.nextInt(CpuCost.ITEMS), random.nextLong()));
        }
    }
}
