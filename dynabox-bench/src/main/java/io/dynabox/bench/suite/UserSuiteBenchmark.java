package io.dynabox.bench.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The user's-suite benchmark: 1,000 JUnit tests ({@link SuiteTests}) run through the JUnit
 * Platform's launcher, as a build runs them, three ways in one JVM: over plain maps
 * ({@link MapSuite}, the baseline: the same tests' own work, and JUnit's), in Dynabox through the
 * in-process door ({@link InProcessSuite}: {@code @DynaboxTest}, each test in its own namespace
 * holding 5 tables and 100 items) and through the HTTP door ({@link HttpSuite}). Each suite run is
 * a whole launcher execution, so it includes what a build pays once (the engine, the server, the
 * class's tables and items). The suites run in turns, after warm-up turns; the medians are
 * reported, and Dynabox's overhead is a Dynabox suite's median minus the maps' median: the time
 * the suite spends in Dynabox and in the AWS SDK, which is what a user's build pays for testing
 * against DynamoDB instead of a hand-written fake. Wall time, since the suite runs on one thread
 * (the HTTP server's threads work meanwhile); process CPU beside it.
 *
 * <pre>java -XX:+UseSerialGC -cp dynabox-bench/target/benchmarks.jar io.dynabox.bench.suite.UserSuiteBenchmark [warm-up turns] [measured turns] [suites]</pre>
 * (suites: a comma-separated subset of MapSuite,InProcessSuite,HttpSuite, for profiling one; MapSuite is always run.)
 */
public final class UserSuiteBenchmark {
    private static final List<Class<?>> SUITES = List.of(MapSuite.class, InProcessSuite.class, HttpSuite.class);
    private static final int TESTS = 10 * SuiteTests.REPEATS;

    private UserSuiteBenchmark() {}

    public static void main(String[] args) {
        int warmUps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int turns = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<String> chosen = args.length > 2 ? List.of(args[2].split(",")) : null;
        List<Class<?>> suites = SUITES.stream().filter(s -> s == MapSuite.class || chosen == null || chosen.contains(s.getSimpleName())).toList();
        Launcher launcher = LauncherFactory.create();
        Map<String, List<long[]>> measured = new TreeMap<>();
        for (int turn = 0; turn < warmUps + turns; turn++) {
            for (Class<?> suite : suites) {
                long[] figures = run(launcher, suite);
                if (turn >= warmUps) measured.computeIfAbsent(suite.getSimpleName(), k -> new ArrayList<>()).add(figures);
                System.out.printf("%s turn %d %-15s %8.1f ms wall %8.1f ms process CPU%n", turn < warmUps ? "warm-up " : "measured",
                        turn + 1, suite.getSimpleName(), figures[0] / 1e6, figures[1] / 1e6);
            }
        }
        long mapWall = median(measured.get("MapSuite"), 0);
        long mapCpu = median(measured.get("MapSuite"), 1);
        System.out.printf("%n%d tests per suite, medians of %d turns (after %d warm-up turns)%n", TESTS, turns, warmUps);
        for (Class<?> suite : suites) {
            String name = suite.getSimpleName();
            long wall = median(measured.get(name), 0);
            long cpu = median(measured.get(name), 1);
            System.out.printf("%-15s %8.1f ms wall (%6.1f us a test) %8.1f ms process CPU", name, wall / 1e6, wall / 1e3 / TESTS, cpu / 1e6);
            if (suite != MapSuite.class) {
                System.out.printf("   overhead over maps: %7.1f ms wall, %7.1f ms CPU", (wall - mapWall) / 1e6, (cpu - mapCpu) / 1e6);
            }
            System.out.println();
        }
    }

    /** One launcher execution of the suite class: its wall time and the process's CPU time, in nanoseconds. */
    private static long[] run(Launcher launcher, Class<?> suite) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long cpu = processCpuNanos();
        long started = System.nanoTime();
        launcher.execute(request, listener);
        long wall = System.nanoTime() - started;
        cpu = processCpuNanos() - cpu;
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTestsSucceededCount() != TESTS || summary.getTotalFailureCount() != 0) {
            summary.printFailuresTo(new PrintWriter(System.err, true), 20);
            throw new IllegalStateException(suite.getSimpleName() + ": " + summary.getTestsSucceededCount() + " of " + TESTS
                    + " tests passed, " + summary.getTotalFailureCount() + " failed");
        }
        return new long[] {wall, cpu};
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long median(List<long[]> figures, int which) {
        List<Long> values = new ArrayList<>();
        for (long[] f : figures) values.add(f[which]);
        Collections.sort(values);
        return values.get(values.size() / 2);
    }
}
