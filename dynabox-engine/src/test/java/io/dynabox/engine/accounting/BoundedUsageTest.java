package io.dynabox.engine.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Accounting's memory stays bounded however long the run, and its figures stay exact where they must. */
class BoundedUsageTest {

    @Test
    void aWeekOfSecondsFitsInTheChartWithExactTotalsAndPeak() {
        UnitSeries series = new UnitSeries();
        long start = 1_700_000_000L;
        double total = 0;
        int week = 7 * 24 * 3600;
        for (int i = 0; i < week; i += 3) {             // one charge every third second
            double units = i == 500_001 ? 900 : (i % 7) * 0.5;
            series.add(start + i, units);
            total += units;
        }
        JsonNode chart = series.chart();
        assertThat(chart.size()).isLessThanOrEqualTo(UnitSeries.MAX_POINTS);
        double charted = 0;
        for (JsonNode point : chart) charted += point.path("units").asDouble();
        assertThat(charted).isEqualTo(total);
        assertThat(series.total()).isEqualTo(total);
        assertThat(series.peakUnits()).isEqualTo(900);
        assertThat(series.peakSecond()).isEqualTo(start + 500_001);
        assertThat(series.seconds()).isEqualTo(week - 3 + 1);
        // two idle seconds of every three: the median second is idle
        assertThat(series.percentile(50)).isEqualTo(0);
        assertThat(series.percentile(100)).isEqualTo(900);
        // and the state written to --db-path is as small as the chart
        assertThat(series.toJson().toString().length()).isLessThan(20_000);
    }

    @Test
    void percentilesOfSecondsAreExactInHalfUnits() {
        UnitSeries series = new UnitSeries();
        for (int second = 0; second < 10; second++) series.add(second, second + 0.5);
        assertThat(series.percentile(50)).isEqualTo(4.5);
        assertThat(series.percentile(90)).isEqualTo(8.5);
        assertThat(series.percentile(99)).isEqualTo(9.5);
        assertThat(UnitSeries.fromJson(series.toJson()).percentile(90)).isEqualTo(8.5);
    }

    @Test
    void hotKeysKeepTheHeavyHittersInAFixedNumberOfCounters() {
        HotKeys keys = new HotKeys();
        for (long key = 0; key < 100_000; key++) {
            keys.add(key, key / 1000, true, 1);
            if (key % 10 == 0) keys.add(42, key / 1000, false, 5);
        }
        assertThat(keys.toJson().size()).isEqualTo(HotKeys.CAPACITY);
        HotKeys.Counter top = keys.top(1).get(0);
        assertThat(top.hash()).isEqualTo(42);
        assertThat(top.readUnits()).isEqualTo(50_000);
        // 100 reads of 5 units in each second of 1,000 keys
        assertThat(top.peakRead()).isEqualTo(500);
    }
    @Test
    void hotKeysKeepEveryKeyAboveTheirShareAndBoundTheirOvercountAcrossASaveAndLoad() {
        HotKeys keys = new HotKeys();
        java.util.Map<Long, Double> truth = new java.util.HashMap<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        double sum = 0;
        for (int n = 0; n < 200_000; n++) {
            if (n == 100_000) keys = HotKeys.fromJson(keys.toJson()); // the heap is rebuilt from the saved counters
            long key = n % 7 == 0 ? 1_000 + random.nextInt(3) : random.nextInt(50_000); // three heavy keys among many light ones
            double units = 1 + random.nextInt(4) / 2.0;
            keys.add(key, n / 100, random.nextBoolean(), units);
            truth.merge(key, units, Double::sum);
            sum += units;
        }
        double share = sum / HotKeys.CAPACITY;
        java.util.List<HotKeys.Counter> all = keys.top(HotKeys.CAPACITY);
        assertThat(all).hasSize(HotKeys.CAPACITY);
        assertThat(all).extracting(HotKeys.Counter::hash).doesNotHaveDuplicates(); // each key has one counter, found again each time
        // Space-Saving's guarantees: a counter overcounts its key by at most its error, and any key above 1/64 of the
        // units is among the counters
        for (HotKeys.Counter counter : all) {
            double exact = truth.getOrDefault(counter.hash(), 0.0);
            assertThat(counter.total()).isGreaterThanOrEqualTo(exact);
            assertThat(counter.total() - counter.error()).isLessThanOrEqualTo(exact);
        }
        truth.forEach((key, units) -> {
            if (units > share) assertThat(all).anySatisfy(c -> assertThat(c.hash()).isEqualTo(key));
        });
        assertThat(keys.top(3)).extracting(HotKeys.Counter::hash).containsExactlyInAnyOrder(1_000L, 1_001L, 1_002L);
    }

    @Test
    void aTableThatServedAFewKeysForAFewSecondsKeepsAFewKilobytes() {
        // every table a run used keeps its usage, a test suite's thousands of scratch tables included: each was
        // 18.7 KB with room for a full chart and 64 hot keys from the start
        servedAFewKeys(); // the classes' first use allocates too
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        TableUsage usage = servedAFewKeys();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(usage.totalWrite.total()).isEqualTo(3);
        assertThat(allocated).isLessThan(4_000);
    }

    private static TableUsage servedAFewKeys() {
        TableUsage usage = new TableUsage("ns", "orders");
        double[] byAction = usage.action("PutItem");
        for (long key = 0; key < 3; key++) usage.charge(null, false, true, 1, key, 1_700_000_000L + key / 2, byAction);
        return usage;
    }

    @Test
    void aChartGrowsSecondBySecondAndReadsBackAsItWas() {
        UnitSeries series = new UnitSeries();
        for (int second = 0; second < 100; second++) series.add(50 + second, second % 5 + 0.5);
        JsonNode chart = series.chart();
        assertThat(chart).hasSize(100);
        for (int second = 0; second < 100; second++) {
            assertThat(chart.get(second).path("second").asLong()).isEqualTo(50 + second);
            assertThat(chart.get(second).path("units").asDouble()).isEqualTo(second % 5 + 0.5);
        }
        assertThat(UnitSeries.fromJson(series.toJson()).chart()).isEqualTo(chart);
        // and on past its room: 300 seconds in points of two
        for (int second = 100; second < 300; second++) series.add(50 + second, 1);
        assertThat(series.chart()).hasSize(150);
        assertThat(series.chart().get(149).path("units").asDouble()).isEqualTo(2);
    }

    @Test
    void hotKeysCountEveryKeyExactlyUntilTheirCountersAreAllTakenAcrossASaveAndLoad() {
        HotKeys keys = new HotKeys();
        java.util.Map<Long, Double> truth = new java.util.HashMap<>();
        for (int n = 0; n < 2_000; n++) {
            if (n == 1_000) keys = HotKeys.fromJson(keys.toJson());
            long key = (n * 7919L) % HotKeys.CAPACITY; // every key of 64, in a scattered order, again and again
            keys.add(key, n / 10, n % 3 == 0, 1 + n % 2);
            truth.merge(key, 1.0 + n % 2, Double::sum);
        }
        java.util.List<HotKeys.Counter> all = keys.top(HotKeys.CAPACITY);
        assertThat(all).hasSize(HotKeys.CAPACITY);
        for (HotKeys.Counter counter : all) {
            assertThat(counter.error()).isZero();
            assertThat(counter.total()).isEqualTo(truth.get(counter.hash()));
        }
    }
}
