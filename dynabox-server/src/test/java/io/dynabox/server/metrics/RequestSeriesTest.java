package io.dynabox.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How request series of tables that are gone are folded into {@code (gone)}, without a scraper as with one. */
class RequestSeriesTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Set<String> existing = new HashSet<>();
    private final RequestSeries series = new RequestSeries(now::get, () -> Set.copyOf(existing));

    @Test
    void withoutScrapesTheFirstNewSeriesAMinuteAfterTheLastSweepFoldsWhatIsDue() {
        existing.add("kept");
        answer("PutItem", "kept");
        answer("ListTables", "");
        for (int i = 0; i < 1000; i++) answer("PutItem", "scratch-" + i);
        assertThat(series.size()).isEqualTo(1002);

        now.addAndGet(RequestSeries.KEEP_GONE_MILLIS - 1);
        answer("PutItem", "new-0");
        assertThat(series.size()).as("not a minute yet").isEqualTo(1003);

        now.addAndGet(1);
        answer("PutItem", "new-1");
        // kept (exists), "" (no table), new-0 (answered within the minute), new-1, and (gone)
        assertThat(series.size()).isEqualTo(5);
        assertThat(requests("PutItem", RequestSeries.GONE)).isEqualTo(1000);
        assertThat(requests("PutItem", "kept")).isEqualTo(1);
        assertThat(requests("PutItem", "new-0")).isEqualTo(1);
        assertThat(requests("ListTables", "")).isEqualTo(1);
    }

    @Test
    void aTableKeepsItsSeriesForAMinuteAfterItsLastRequest() {
        answer("GetItem", "busy");
        now.addAndGet(50_000);
        answer("GetItem", "busy");
        now.addAndGet(50_000);
        series.sweep();
        assertThat(requests("GetItem", "busy")).isEqualTo(2);
        now.addAndGet(10_000);
        series.sweep();
        assertThat(requests("GetItem", "busy")).isEqualTo(-1);
        assertThat(requests("GetItem", RequestSeries.GONE)).isEqualTo(2);
    }

    @Test
    void whatIsCountedIntoASeriesAfterItWasFoldedIsFoldedAtTheNextSweep() {
        RequestSeries.Series straggler = series.series("PutItem", "late");
        straggler.answered(now.get(), 0.001, null, false);
        straggler.consumed("", true, 1);
        now.addAndGet(RequestSeries.KEEP_GONE_MILLIS);
        series.sweep();
        // a request that found the series just before the sweep answers just after it
        straggler.answered(now.get(), 0.001, "ConditionalCheckFailedException", false);
        straggler.consumed("", true, 1);
        assertThat(requests("PutItem", RequestSeries.GONE)).isEqualTo(1);

        series.sweep();
        assertThat(requests("PutItem", RequestSeries.GONE)).isEqualTo(2);
        assertThat(counter("dynabox_consumed_capacity_units", "PutItem", RequestSeries.GONE)).isEqualTo(2.0);
        assertThat(counter("dynabox_errors", "PutItem", RequestSeries.GONE)).isEqualTo(1.0);
        assertThat(requests("PutItem", "late")).isEqualTo(-1);
    }

    private void answer(String action, String table) {
        series.series(action, table).answered(now.get(), 0.0001, null, false);
    }

    /** The requests counted for the action on the table, or -1 when it has no series. */
    private long requests(String action, String table) {
        return (long) counter("dynabox_requests", action, table);
    }

    /** The sum of the named counter's data points for the action on the table, or -1 when there are none. */
    private double counter(String name, String action, String table) {
        CounterSnapshot snapshot = (CounterSnapshot) series.collect().stream()
                .filter(m -> m.getMetadata().getName().equals(name)).findFirst().orElseThrow();
        double sum = -1;
        for (CounterDataPointSnapshot point : snapshot.getDataPoints()) {
            if (point.getLabels().get("action").equals(action) && point.getLabels().get("table").equals(table)) {
                sum = (sum < 0 ? 0 : sum) + point.getValue();
            }
        }
        return sum;
    }
}
