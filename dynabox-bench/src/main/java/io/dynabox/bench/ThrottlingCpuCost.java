package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.simulation.SimulationSettings;
import io.dynabox.engine.store.MemoryStore;
import java.util.SplittableRandom;

/**
 * The engine CPU a PutItem costs with throttling on, against the same with the simulation off: {@link CpuCost}'s
 * thread CPU of ~1 KB replaces. The throttled engine's clock runs a thousand times fast, so capacity never runs out
 * and every request does the whole work.
 *
 * <pre>java -XX:+UseSerialGC -Xmx3g -cp dynabox-bench/target/benchmarks.jar io.dynabox.bench.ThrottlingCpuCost</pre>
 */
public final class ThrottlingCpuCost {
    private static final int ROUNDS = 15;

    private ThrottlingCpuCost() {}

    public static void main(String[] args) {
        Engine off = new Engine(DynaboxOptions.defaults());
        Engine throttled = new Engine(DynaboxOptions.builder().simulation(SimulationSettings.OFF.withThrottling(true)).build(),
                new MemoryStore(), () -> System.nanoTime() / 1_000);
        Engine[] engines = {off, throttled};
        for (Engine engine : engines) CpuCost.createTable(engine, "");
        SplittableRandom random = new SplittableRandom(1);
        for (int warm = 0; warm < 10; warm++) {
            for (Engine engine : engines) block(engine, random);
        }
        double[][] micros = CpuCost.measure(ROUNDS, 2, which -> block(engines[which], random), which -> {});
        System.out.printf("off:        median %.2f us CPU a PutItem%n", CpuCost.median(micros[0]));
        System.out.printf("throttling: median %.2f us CPU a PutItem%n", CpuCost.median(micros[1]));
        System.out.printf("throttling/off: %s%n", CpuCost.ratios(micros[1], micros[0]));
        off.close();
        throttled.close();
    }

    private static void block(Engine engine, SplittableRandom random) {
        for (int i = 0; i < CpuCost.BLOCK; i++) CpuCost.call(engine, "PutItem", CpuCost.put("k" + random.nextInt(CpuCost.ITEMS)));
    }
}
