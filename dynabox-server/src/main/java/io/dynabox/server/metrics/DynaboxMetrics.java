package io.dynabox.server.metrics;

import io.dynabox.engine.Engine;
import io.dynabox.engine.RequestObserver;
import io.dynabox.engine.capacity.CapacityLedger;
import io.dynabox.engine.store.Keyspace;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.Table;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * An engine's metrics in Prometheus's text format, as {@code GET /metrics} serves them:
 * requests, latency and errors by action and table (counted from every door once the
 * metrics exist), items and bytes per table and index, the store's files, and the JVM's
 * figures. Request figures are updated as requests are answered; the rest is read when
 * scraped, so it costs nothing between scrapes.
 */
public final class DynaboxMetrics implements RequestObserver {
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    /** Seconds: Dynabox answers most requests in tens of microseconds, a durable write in milliseconds. */
    private static final double[] LATENCY_BUCKETS = {
            0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
    private static final String NO_TABLE = "";
    private static final String UNKNOWN_ACTION = "unknown";

    private final Engine engine;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Counter errors;
    private final Histogram latency;
    private final Counter consumed;
    private final Counter throttled;
    private final Counter throttledUnits;
    // consumed units' data points by action, table and index ("" for the table's share): [read, write]
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, ConcurrentHashMap<String, CounterDataPoint[]>>> units = new ConcurrentHashMap<>();
    // each action's and table's data points, found without building a label list per request
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Points>> points = new ConcurrentHashMap<>();
    private volatile boolean jvmRegistered;

    private DynaboxMetrics(Engine engine) {
        this.engine = engine;
        requests = Counter.builder().name("dynabox_requests").help("Requests answered, by action and table")
                .labelNames("action", "table").withoutExemplars().register(registry);
        errors = Counter.builder().name("dynabox_errors").help("Requests answered with an error, by action, table and error type")
                .labelNames("action", "table", "error").withoutExemplars().register(registry);
        latency = Histogram.builder().name("dynabox_request_duration_seconds")
                .help("Time from a request's arrival at the engine to its answer, by action and table")
                .labelNames("action", "table").classicOnly().classicUpperBounds(LATENCY_BUCKETS).withoutExemplars()
                .register(registry);
        consumed = Counter.builder().name("dynabox_consumed_capacity_units")
                .help("Capacity units consumed (as ReturnConsumedCapacity reports them), by action, table, index (empty: the table's share) and unit (read or write)")
                .labelNames("action", "table", "index", "unit").withoutExemplars().register(registry);
        throttled = Counter.builder().name("dynabox_throttled_requests")
                .help("Requests refused by the throughput simulation (ProvisionedThroughputExceeded, Throttling, RequestLimitExceeded), by action and table")
                .labelNames("action", "table").withoutExemplars().register(registry);
        throttledUnits = Counter.builder().name("dynabox_throttled_capacity_units")
                .help("Capacity units the throughput simulation refused (what the refused reads and writes would have consumed, at least), "
                        + "by action, table, index (empty: the table's share) and unit (read or write)")
                .labelNames("action", "table", "index", "unit").withoutExemplars().register(registry);
        GaugeWithCallback.builder().name("dynabox_table_items").help("Items in each table and index (ItemCount, counted live)")
                .labelNames("namespace", "table", "index").callback(callback -> eachKeyspace((ns, table, index, items, bytes) ->
                        callback.call(items, ns, table, index))).register(registry);
        GaugeWithCallback.builder().name("dynabox_table_size_bytes")
                .help("Bytes of the items of each table and index by DynamoDB's size rules (TableSizeBytes, IndexSizeBytes)")
                .labelNames("namespace", "table", "index").callback(callback -> eachKeyspace((ns, table, index, items, bytes) ->
                        callback.call(bytes, ns, table, index))).register(registry);
        GaugeWithCallback.builder().name("dynabox_namespaces").help("Namespaces in use since the server started")
                .callback(callback -> callback.call(engine.namespaces().size())).register(registry);
        GaugeWithCallback.builder().name("dynabox_store_file_bytes")
                .help("Bytes of the SQLite files (database and write-ahead log) under --db-path, by file")
                .labelNames("file").callback(callback -> eachStoreFile(callback::call)).register(registry);
        engine.addObserver(this);
        engine.onCapacity(this::consumed);
    }

    /** A request's capacity ledger: each charge added to its action's, table's and index's counter. */
    private void consumed(String namespaceId, String action, String requestId, CapacityLedger ledger) {
        for (CapacityLedger.Charge charge : ledger.charges()) {
            String index = charge.index() == null ? "" : charge.index();
            CounterDataPoint[] points = unitPoints(action, charge.table().name(), index);
            points[charge.write() ? 1 : 0].inc(charge.units());
        }
        for (CapacityLedger.Charge refused : ledger.throttledCharges()) {
            throttledUnits.labelValues(action, refused.table().name(), refused.index() == null ? "" : refused.index(),
                    refused.write() ? "write" : "read").inc(refused.units());
        }
    }

    private CounterDataPoint[] unitPoints(String action, String table, String index) {
        var byTable = units.get(action);
        if (byTable == null) byTable = units.computeIfAbsent(action, a -> new ConcurrentHashMap<>());
        var byIndex = byTable.get(table);
        if (byIndex == null) byIndex = byTable.computeIfAbsent(table, t -> new ConcurrentHashMap<>());
        CounterDataPoint[] points = byIndex.get(index);
        if (points == null) {
            points = byIndex.computeIfAbsent(index, i -> new CounterDataPoint[] {
                    consumed.labelValues(action, table, i, "read"), consumed.labelValues(action, table, i, "write")});
        }
        return points;
    }

    /** The engine's metrics, made (and counting) from the first call on. */
    public static DynaboxMetrics of(Engine engine) {
        return engine.extension(DynaboxMetrics.class, DynaboxMetrics::new);
    }

    @Override
    public void answered(String namespaceId, String action, String tableName, String errorType, long nanos) {
        String actionLabel = action == null ? UNKNOWN_ACTION : action;
        String tableLabel = tableName == null ? NO_TABLE : tableName;
        Points p = points(actionLabel, tableLabel);
        p.requests.inc();
        p.latency.observe(nanos / 1e9);
        if (errorType != null) {
            errors.labelValues(actionLabel, tableLabel, errorType).inc();
            if (errorType.equals("ProvisionedThroughputExceededException") || errorType.equals("ThrottlingException")
                    || errorType.equals("RequestLimitExceeded")) {
                throttled.labelValues(actionLabel, tableLabel).inc();
            }
        }
    }

    private Points points(String action, String table) {
        ConcurrentHashMap<String, Points> byTable = points.get(action);
        if (byTable == null) byTable = points.computeIfAbsent(action, a -> new ConcurrentHashMap<>());
        Points p = byTable.get(table);
        if (p == null) p = byTable.computeIfAbsent(table, t -> new Points(requests.labelValues(action, t), latency.labelValues(action, t)));
        return p;
    }

    private record Points(CounterDataPoint requests, DistributionDataPoint latency) {
    }

    /** Every metric as Prometheus's text exposition format (version 0.0.4). */
    public byte[] scrape() {
        if (!jvmRegistered) registerJvm();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The JVM's collectors are registered at the first scrape: looking up the platform's beans costs start-up time. */
    private synchronized void registerJvm() {
        if (jvmRegistered) return;
        JvmMetrics.builder().register(registry);
        jvmRegistered = true;
    }

    private interface KeyspaceFigures {
        void accept(String namespace, String table, String index, long items, long bytes);
    }

    private void eachKeyspace(KeyspaceFigures figures) {
        long now = engine.nowMillis();
        for (Namespace namespace : engine.namespaces()) {
            for (Table table : namespace.tables(now)) {
                figures.accept(namespace.id(), table.name(), "", table.keyspace().itemCount(), table.keyspace().sizeBytes());
                for (IndexDefinition index : table.definition().localIndexes()) indexFigures(namespace, table, index, figures);
                for (IndexDefinition index : table.definition().globalIndexes()) indexFigures(namespace, table, index, figures);
            }
        }
    }

    private static void indexFigures(Namespace namespace, Table table, IndexDefinition index, KeyspaceFigures figures) {
        Keyspace keyspace = table.indexKeyspace(index.name());
        figures.accept(namespace.id(), table.name(), index.name(), keyspace.itemCount(), keyspace.sizeBytes());
    }

    private interface FileFigure {
        void accept(double bytes, String... labels);
    }

    private void eachStoreFile(FileFigure figure) {
        Path directory = engine.options().dbPath();
        if (directory == null) return;
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(p -> p.getFileName().toString().matches(".*\\.db(-wal)?")).sorted().forEach(p -> {
                try {
                    figure.accept(Files.size(p), p.getFileName().toString());
                } catch (IOException e) {
                    // a file removed while listed is not there to measure
                }
            });
        } catch (IOException e) {
            // a directory that cannot be listed has no figures to give
        }
    }
}
