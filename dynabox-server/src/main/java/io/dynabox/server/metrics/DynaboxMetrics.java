package io.dynabox.server.metrics;

import io.dynabox.engine.Engine;
import io.dynabox.engine.RequestObserver;
import io.dynabox.engine.capacity.CapacityLedger;
import io.dynabox.engine.store.Keyspace;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.Table;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An engine's metrics in Prometheus's text format, as {@code GET /metrics} serves them:
 * requests, latency and errors by action and table (counted from every door once the
 * metrics exist), items and bytes per table and index, the store's files, and the JVM's
 * figures. Request figures are updated as requests are answered ({@link RequestSeries}, which
 * folds those of tables that are gone); the rest is read when scraped, so it costs nothing
 * between scrapes.
 */
public final class DynaboxMetrics implements RequestObserver {
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    private static final String NO_TABLE = "";
    private static final String UNKNOWN_ACTION = "unknown";

    private final Engine engine;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final RequestSeries series;
    private volatile boolean jvmRegistered;

    private DynaboxMetrics(Engine engine) {
        this.engine = engine;
        series = new RequestSeries(engine::nowMillis, this::tableNames);
        registry.register(series);
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

    /** A request's capacity ledger: each charge added to its action's, table's and index's figures. */
    private void consumed(String namespaceId, String action, String requestId, CapacityLedger ledger) {
        for (CapacityLedger.Charge charge : ledger.charges()) {
            series.series(action, charge.table().name()).consumed(charge.index() == null ? "" : charge.index(), charge.write(), charge.units());
        }
        for (CapacityLedger.Charge refused : ledger.throttledCharges()) {
            series.series(action, refused.table().name())
                    .throttledUnits(refused.index() == null ? "" : refused.index(), refused.write(), refused.units());
        }
    }

    /** The engine's metrics, made (and counting) from the first call on. */
    public static DynaboxMetrics of(Engine engine) {
        return engine.extension(DynaboxMetrics.class, DynaboxMetrics::new);
    }

    @Override
    public void answered(String namespaceId, String action, String tableName, String errorType, long nanos) {
        boolean throttled = errorType != null && (errorType.equals("ProvisionedThroughputExceededException")
                || errorType.equals("ThrottlingException") || errorType.equals("RequestLimitExceeded"));
        series.series(action == null ? UNKNOWN_ACTION : action, tableName == null ? NO_TABLE : tableName)
                .answered(engine.nowMillis(), nanos / 1e9, errorType, throttled);
    }

    /** The names of the tables that exist, in any namespace: a request series of any other table is folded once idle. */
    private Set<String> tableNames() {
        long now = engine.nowMillis();
        Set<String> names = new HashSet<>();
        for (Namespace namespace : engine.namespaces()) {
            for (Table table : namespace.tables(now)) names.add(table.name());
        }
        return names;
    }

    /** Every metric as Prometheus's text exposition format (version 0.0.4). */
    public byte[] scrape() {
        if (!jvmRegistered) registerJvm();
        series.sweep();
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
