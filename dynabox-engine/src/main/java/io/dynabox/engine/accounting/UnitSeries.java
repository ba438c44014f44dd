package io.dynabox.engine.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.wire.Json;
import java.util.Arrays;

/**
 * Capacity units consumed per second over a whole run, in bounded memory: the total, the
 * busiest second, a histogram of the seconds' units (for percentiles), and a chart of at
 * most {@link #MAX_POINTS} points. The chart starts at one second a point; when it fills,
 * neighbouring points merge and each covers twice as long, so a run of any length fits. Its
 * arrays start small and grow with it: a test's table, busy for a second or two, keeps a few
 * points, not room for 240 (every table a run ever used keeps its series).
 * Seconds are the engine clock's. Not thread-safe: its owner synchronizes.
 */
final class UnitSeries {
    static final int MAX_POINTS = 240;
    private static final int FIRST_POINTS = 8;

    private double total;
    private long second = Long.MIN_VALUE;     // the second being counted
    private double secondUnits;               // units in it so far
    private long firstSecond = Long.MIN_VALUE;
    private double peakUnits;
    private long peakSecond = Long.MIN_VALUE;
    private final PerSecondHistogram histogram = new PerSecondHistogram();
    // the chart: point i covers [start + i * width, start + (i + 1) * width) seconds
    private long start = Long.MIN_VALUE;
    private long width = 1;
    private int points;
    private double[] pointUnits = new double[FIRST_POINTS];
    private double[] pointPeak = new double[FIRST_POINTS];

    void add(long atSecond, double units) {
        total += units;
        if (firstSecond == Long.MIN_VALUE) {
            firstSecond = atSecond;
            start = atSecond;
        }
        if (atSecond != second) {
            if (second != Long.MIN_VALUE && atSecond > second) closeSecond(atSecond);
            if (atSecond > second || second == Long.MIN_VALUE) {
                second = atSecond;
                secondUnits = 0;
            }
        }
        secondUnits += units;   // a late charge (a clock moved back) is counted in the open second
        if (secondUnits > peakUnits) {
            peakUnits = secondUnits;
            peakSecond = second;
        }
    }

    /** Ends the open second: its units join the histogram and the chart; the idle seconds up to {@code next} count as zero. */
    private void closeSecond(long next) {
        histogram.add(secondUnits, 1);
        chart(second, secondUnits);
        long idle = next - second - 1;
        if (idle > 0) histogram.add(0, idle);
    }

    private void chart(long atSecond, double units) {
        if (atSecond < start) atSecond = start;
        int index = (int) Math.min(Integer.MAX_VALUE, (atSecond - start) / width);
        while (index >= MAX_POINTS) {
            merge();
            index = (int) ((atSecond - start) / width);
        }
        if (index >= pointUnits.length) grow(index + 1);
        if (index >= points) points = index + 1;
        pointUnits[index] += units;
        pointPeak[index] = Math.max(pointPeak[index], units);
    }

    private void merge() {
        int merged = (points + 1) / 2;
        for (int i = 0; i < merged; i++) {
            int a = 2 * i, b = 2 * i + 1;
            double units = pointUnits[a] + (b < points ? pointUnits[b] : 0);
            double peak = Math.max(pointPeak[a], b < points ? pointPeak[b] : 0);
            pointUnits[i] = units;
            pointPeak[i] = peak;
        }
        for (int i = merged; i < pointUnits.length; i++) {
            pointUnits[i] = 0;
            pointPeak[i] = 0;
        }
        points = merged;
        width *= 2;
    }

    /** Room for at least {@code length} points (at most {@link #MAX_POINTS}), twice as much as before where that is more. */
    private void grow(int length) {
        int grown = Math.min(MAX_POINTS, Math.max(length, 2 * pointUnits.length));
        pointUnits = Arrays.copyOf(pointUnits, grown);
        pointPeak = Arrays.copyOf(pointPeak, grown);
    }

    double total() {
        return total;
    }

    double peakUnits() {
        return peakUnits;
    }

    long peakSecond() {
        return peakSecond;
    }

    boolean isEmpty() {
        return firstSecond == Long.MIN_VALUE;
    }

    /** Seconds from the first charged second to the last, both counted. */
    long seconds() {
        return isEmpty() ? 0 : second - firstSecond + 1;
    }

    long firstSecond() {
        return firstSecond;
    }

    long lastSecond() {
        return second;
    }

    /** The units of the p-th percentile second (0 to 100) over the seconds from the first to the last, idle ones as zero. */
    double percentile(double p) {
        PerSecondHistogram all = histogram.copy();
        if (!isEmpty()) all.add(secondUnits, 1);
        return all.percentile(p);
    }

    /** The chart's points, the open second included: [{second, seconds, units, peak}]. */
    ArrayNode chart() {
        ArrayNode out = Json.array();
        int count = points;
        // the open second's point, when the chart has room for it
        int open = isEmpty() ? -1 : (int) ((second - start) / width);
        boolean shown = open >= 0 && open < MAX_POINTS;
        double[] units = Arrays.copyOf(pointUnits, shown ? Math.max(pointUnits.length, open + 1) : pointUnits.length);
        double[] peak = Arrays.copyOf(pointPeak, units.length);
        if (shown) {
            units[open] += secondUnits;
            peak[open] = Math.max(peak[open], secondUnits);
            count = Math.max(count, open + 1);
        }
        for (int i = 0; i < count; i++) {
            out.addObject().put("second", start + i * width).put("seconds", width).put("units", units[i]).put("peak", peak[i]);
        }
        return out;
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("total", total).put("second", second).put("secondUnits", secondUnits).put("firstSecond", firstSecond)
                .put("peakUnits", peakUnits).put("peakSecond", peakSecond).put("start", start).put("width", width);
        ArrayNode units = node.putArray("pointUnits");
        ArrayNode peaks = node.putArray("pointPeak");
        for (int i = 0; i < points; i++) {
            units.add(pointUnits[i]);
            peaks.add(pointPeak[i]);
        }
        node.set("histogram", histogram.toJson());
        return node;
    }

    static UnitSeries fromJson(JsonNode node) {
        UnitSeries series = new UnitSeries();
        series.total = node.path("total").asDouble();
        series.second = node.path("second").asLong(Long.MIN_VALUE);
        series.secondUnits = node.path("secondUnits").asDouble();
        series.firstSecond = node.path("firstSecond").asLong(Long.MIN_VALUE);
        series.peakUnits = node.path("peakUnits").asDouble();
        series.peakSecond = node.path("peakSecond").asLong(Long.MIN_VALUE);
        series.start = node.path("start").asLong(Long.MIN_VALUE);
        series.width = Math.max(1, node.path("width").asLong(1));
        JsonNode units = node.path("pointUnits");
        JsonNode peaks = node.path("pointPeak");
        series.points = Math.min(MAX_POINTS, units.size());
        if (series.points > series.pointUnits.length) series.grow(series.points);
        for (int i = 0; i < series.points; i++) {
            series.pointUnits[i] = units.get(i).asDouble();
            series.pointPeak[i] = peaks.path(i).asDouble();
        }
        series.histogram.readJson(node.path("histogram"));
        return series;
    }
}
