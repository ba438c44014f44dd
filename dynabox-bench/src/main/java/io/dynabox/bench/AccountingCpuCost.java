package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import java.util.SplittableRandom;

/**
 * The engine CPU the planning accounting adds to a PutItem and to a GetItem: {@link CpuCost}'s thread CPU of ~1 KB
 * replaces and reads, an engine with accounting (as every engine has it) against one whose accounting is closed.
 *
 * <pre>java -XX:+UseSerialGC -Xmx2g -cp dynabox-bench/target/benchmarks.jar io.dynabox.bench.AccountingCpuCost [rounds]</pre>
 */
public final class AccountingCpuCost {
    private AccountingCpuCost() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Engine without = new Engine(DynaboxOptions.defaults());
        without.accounting().close();
        Engine with = new Engine(DynaboxOptions.defaults());
        Engine[] engines = {without, with};
        for (Engine engine : engines) CpuCost.createTable(engine, "");
        SplittableRandom random = new SplittableRandom(1);
        for (int warm = 0; warm < 8; warm++) {
            for (Engine engine : engines) {
                block(engine, random, true);
                block(engine, random, false);
            }
        }
        double[][][] micros = new double[2][2][rounds]; // [put=0/get=1][without=0/with=1][round]
        for (int round = 0; round < rounds; round++) {
            for (int op = 0; op < 2; op++) {
                boolean put = op == 0;
                double[] one = CpuCost.round(round, 2, which -> block(engines[which], random, put), which -> {});
                micros[op][0][round] = one[0];
                micros[op][1][round] = one[1];
            }
        }
        for (int op = 0; op < 2; op++) {
            System.out.printf("%s: without accounting %.2f us, with %.2f us CPU (medians); with/without %s%n",
                    op == 0 ? "PutItem" : "GetItem", CpuCost.median(micros[op][0]), CpuCost.median(micros[op][1]),
                    CpuCost.ratios(micros[op][1], micros[op][0]));
        }
        without.close();
        with.close();
    }

    private static void block(Engine engine, SplittableRandom random, boolean put) {
        for (int i = 0; i < CpuCost.BLOCK; i++) {
            String key = "k" + random.nextInt(CpuCost.ITEMS);
            if (put) CpuCost.call(engine, "PutItem", CpuCost.put(key));
            else CpuCost.call(engine, "GetItem", CpuCost.get(key));
        }
    }
}
