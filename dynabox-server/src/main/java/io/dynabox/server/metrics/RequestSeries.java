package io.dynabox.server.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The request figures of {@code /metrics}, by action and table: requests, errors, latency,
 * throttled requests, and consumed and throttled capacity units. A table that no longer exists
 * (deleted, dropped with its namespace, or never made: the name of a ResourceNotFoundException)
 * keeps its own series while it is used and for {@link #KEEP_GONE_MILLIS} after; then its figures
 * are added to its action's series of {@code table="(gone)"} and its own go. A suite that makes a
 * table of a new name for each test would otherwise add series without end (7 KB and a scrape's
 * 6.7 KB a table, with the Prometheus client's own metrics, which keep a series until removed);
 * removing them instead would make every sum by action fall back. Sums by action, and the
 * figures of tables that exist, are those of every request answered since the server started.
 */
final class RequestSeries implements MultiCollector {
    static final String GONE = "(gone)";
    /**
     * How long, in the engine's time, a table that no longer exists keeps its own series after
     * its last request: long enough for a scraper to see its last figures.
     */
    static final long KEEP_GONE_MILLIS = 60_000;
    /** Seconds: Dynabox answers most requests in tens of microseconds, a durable write in milliseconds. */
    static final double[] LATENCY_BUCKETS = {
            0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
            Double.POSITIVE_INFINITY};

    private static final MetricMetadata REQUESTS = new MetricMetadata("dynabox_requests", "Requests answered, by action and table");
    private static final MetricMetadata ERRORS = new MetricMetadata("dynabox_errors",
            "Requests answered with an error, by action, table and error type");
    private static final MetricMetadata LATENCY = new MetricMetadata("dynabox_request_duration_seconds",
            "Time from a request's arrival at the engine to its answer, by action and table");
    private static final MetricMetadata CONSUMED = new MetricMetadata("dynabox_consumed_capacity_units",
            "Capacity units consumed (as ReturnConsumedCapacity reports them), by action, table, index (empty: the table's share) and unit (read or write)");
    private static final MetricMetadata THROTTLED = new MetricMetadata("dynabox_throttled_requests",
            "Requests refused by the throughput simulation (ProvisionedThroughputExceeded, Throttling, RequestLimitExceeded), by action and table");
    private static final MetricMetadata THROTTLED_UNITS = new MetricMetadata("dynabox_throttled_capacity_units",
            "Capacity units the throughput simulation refused (what the refused reads and writes would have consumed, at least), "
                    + "by action, table, index (empty: the table's share) and unit (read or write)");

    private final LongSupplier clock;
    private final Supplier<Set<String>> tableNames;
    /** Series by action, then table name ("" for requests that name no table). */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Series>> byAction = new ConcurrentHashMap<>();
    /** Series folded at the last sweep: a request that found one just before may have counted into it since. */
    private final List<Series> foldedLastSweep = new ArrayList<>();
    private volatile long lastSweepMillis;

    /**
     * @param clock      the engine's time, in epoch milliseconds
     * @param tableNames the names of the tables that exist, in any namespace
     */
    RequestSeries(LongSupplier clock, Supplier<Set<String>> tableNames) {
        this.clock = clock;
        this.tableNames = tableNames;
        this.lastSweepMillis = clock.getAsLong();
    }

    /** The series of {@code action} on {@code table}; a new one first folds what is due, at most once per {@link #KEEP_GONE_MILLIS}. */
    Series series(String action, String table) {
        ConcurrentHashMap<String, Series> byTable = byAction.get(action);
        if (byTable == null) byTable = byAction.computeIfAbsent(action, a -> new ConcurrentHashMap<>());
        Series series = byTable.get(table);
        if (series != null) return series;
        long now = clock.getAsLong();
        if (now - lastSweepMillis >= KEEP_GONE_MILLIS) sweep();
        return byTable.computeIfAbsent(table, t -> new Series(action, t, now));
    }

    /** How many series there are (each an action on a table), for tests and measurements. */
    int size() {
        return byAction.values().stream().mapToInt(Map::size).sum();
    }

    /** Folds into {@code (gone)} each series whose table no longer exists and that answered no request for {@link #KEEP_GONE_MILLIS}. */
    synchronized void sweep() {
        long now = clock.getAsLong();
        lastSweepMillis = now;
        for (Series late : foldedLastSweep) late.foldInto(gone(late.action));
        foldedLastSweep.clear();
        Set<String> existing = null;
        for (ConcurrentHashMap<String, Series> byTable : byAction.values()) {
            for (Series series : byTable.values()) {
                if (series.table.isEmpty() || series.table.equals(GONE) || now - series.lastAnsweredMillis < KEEP_GONE_MILLIS) continue;
                if (existing == null) existing = tableNames.get();
                if (existing.contains(series.table)) continue;
                byTable.remove(series.table, series);
                series.foldInto(gone(series.action));
                foldedLastSweep.add(series);
            }
        }
    }

    private Series gone(String action) {
        return byAction.computeIfAbsent(action, a -> new ConcurrentHashMap<>()).computeIfAbsent(GONE, t -> new Series(action, t, 0));
    }

    @Override
    public synchronized MetricSnapshots collect() {
        List<CounterDataPointSnapshot> requests = new ArrayList<>();
        List<CounterDataPointSnapshot> errors = new ArrayList<>();
        List<HistogramDataPointSnapshot> latency = new ArrayList<>();
        List<CounterDataPointSnapshot> consumed = new ArrayList<>();
        List<CounterDataPointSnapshot> throttled = new ArrayList<>();
        List<CounterDataPointSnapshot> throttledUnits = new ArrayList<>();
        for (ConcurrentHashMap<String, Series> byTable : byAction.values()) {
            for (Series series : byTable.values()) {
                Labels labels = Labels.of("action", series.action, "table", series.table);
                long[] buckets = series.buckets();
                long count = 0;
                for (long bucket : buckets) count += bucket;
                requests.add(counter(count, labels));
                latency.add(new HistogramDataPointSnapshot(ClassicHistogramBuckets.of(LATENCY_BUCKETS, buckets),
                        series.latencySeconds.sum(), labels, Exemplars.EMPTY, 0L));
                series.errors.forEach((type, n) -> errors.add(counter(n.sum(), labels.add("error", type))));
                long refused = series.throttled.sum();
                if (refused > 0) throttled.add(counter(refused, labels));
                addUnits(consumed, series.consumed, labels);
                addUnits(throttledUnits, series.throttledUnits, labels);
            }
        }
        return new MetricSnapshots(new CounterSnapshot(REQUESTS, requests), new CounterSnapshot(ERRORS, errors),
                new HistogramSnapshot(LATENCY, latency), new CounterSnapshot(CONSUMED, consumed),
                new CounterSnapshot(THROTTLED, throttled), new CounterSnapshot(THROTTLED_UNITS, throttledUnits));
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of(REQUESTS.getPrometheusName(), ERRORS.getPrometheusName(), LATENCY.getPrometheusName(),
                CONSUMED.getPrometheusName(), THROTTLED.getPrometheusName(), THROTTLED_UNITS.getPrometheusName());
    }

    private static void addUnits(List<CounterDataPointSnapshot> to, ConcurrentHashMap<String, DoubleAdder[]> byIndex, Labels labels) {
        byIndex.forEach((index, units) -> {
            Labels indexed = labels.add("index", index);
            to.add(counter(units[0].sum(), indexed.add("unit", "read")));
            to.add(counter(units[1].sum(), indexed.add("unit", "write")));
        });
    }

    private static CounterDataPointSnapshot counter(double value, Labels labels) {
        return new CounterDataPointSnapshot(value, labels, null, 0L);
    }

    /** One action's figures on one table; the counters can be added to from any thread. */
    static final class Series {
        final String action;
        final String table;
        /**
         * Answers by latency bucket (LATENCY_BUCKETS), each counter made at its first answer; their sum is
         * the requests answered. Adders rather than one array of longs: at c8 both event loops count into
         * the same series, and one cache line written by both cores cost more than the striped adders.
         */
        private final AtomicReferenceArray<LongAdder> latencyBuckets = new AtomicReferenceArray<>(LATENCY_BUCKETS.length);
        private final DoubleAdder latencySeconds = new DoubleAdder();
        private final LongAdder throttled = new LongAdder();
        private final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
        /** By index ("" for the table's share): read and write units. */
        private final ConcurrentHashMap<String, DoubleAdder[]> consumed = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, DoubleAdder[]> throttledUnits = new ConcurrentHashMap<>();
        /** The engine's time of the last answer (written only when it moved: most answers only read it). */
        private volatile long lastAnsweredMillis;

        private Series(String action, String table, long madeAtMillis) {
            this.action = action;
            this.table = table;
            this.lastAnsweredMillis = madeAtMillis;
        }

        /** An answered request at {@code nowMillis}: its latency, its error type (null on success), and whether it was throttled. */
        void answered(long nowMillis, double seconds, String errorType, boolean wasThrottled) {
            if (lastAnsweredMillis != nowMillis) lastAnsweredMillis = nowMillis;
            int bucket = 0;
            while (seconds > LATENCY_BUCKETS[bucket]) bucket++;
            bucket(bucket).increment();
            latencySeconds.add(seconds);
            if (errorType != null) errors.computeIfAbsent(errorType, e -> new LongAdder()).increment();
            if (wasThrottled) throttled.increment();
        }

        void consumed(String index, boolean write, double units) {
            units(consumed, index)[write ? 1 : 0].add(units);
        }

        void throttledUnits(String index, boolean write, double units) {
            units(throttledUnits, index)[write ? 1 : 0].add(units);
        }

        private static DoubleAdder[] units(ConcurrentHashMap<String, DoubleAdder[]> byIndex, String index) {
            DoubleAdder[] units = byIndex.get(index);
            return units != null ? units : byIndex.computeIfAbsent(index, i -> new DoubleAdder[] {new DoubleAdder(), new DoubleAdder()});
        }

        private LongAdder bucket(int index) {
            LongAdder counter = latencyBuckets.get(index);
            if (counter != null) return counter;
            latencyBuckets.compareAndSet(index, null, new LongAdder());
            return latencyBuckets.get(index);
        }

        private long[] buckets() {
            long[] counts = new long[latencyBuckets.length()];
            for (int i = 0; i < counts.length; i++) {
                LongAdder counter = latencyBuckets.get(i);
                counts[i] = counter == null ? 0 : counter.sum();
            }
            return counts;
        }

        /** Moves every figure into {@code target}, leaving this series at zero (what is counted into it later can be moved again). */
        private void foldInto(Series target) {
            for (int i = 0; i < latencyBuckets.length(); i++) {
                LongAdder counter = latencyBuckets.get(i);
                if (counter != null) target.bucket(i).add(counter.sumThenReset());
            }
            target.latencySeconds.add(latencySeconds.sumThenReset());
            target.throttled.add(throttled.sumThenReset());
            errors.forEach((type, n) -> target.errors.computeIfAbsent(type, e -> new LongAdder()).add(n.sumThenReset()));
            foldUnits(consumed, target.consumed);
            foldUnits(throttledUnits, target.throttledUnits);
        }

        private static void foldUnits(ConcurrentHashMap<String, DoubleAdder[]> from, ConcurrentHashMap<String, DoubleAdder[]> to) {
            from.forEach((index, units) -> {
                DoubleAdder[] into = units(to, index);
                into[0].add(units[0].sumThenReset());
                into[1].add(units[1].sumThenReset());
            });
        }
    }
}
