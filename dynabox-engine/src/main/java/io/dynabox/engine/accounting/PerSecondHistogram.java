package io.dynabox.engine.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.wire.Json;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many seconds consumed how many units: exact for the half units capacity comes in up to
 * 1,000 units a second, then in buckets 1% wide, so its size is bounded whatever the run.
 */
final class PerSecondHistogram {
    private static final double EXACT_UP_TO = 1000;
    private static final double RATIO = Math.log(1.01);
    // key: the bucket's representative units (a half unit below EXACT_UP_TO, a bucket's upper bound above)
    private final TreeMap<Double, Long> seconds = new TreeMap<>();
    private long count;

    void add(double units, long howMany) {
        seconds.merge(bucket(units), howMany, Long::sum);
        count += howMany;
    }

    private static double bucket(double units) {
        if (units <= EXACT_UP_TO) return Math.ceil(units * 2) / 2;
        long index = (long) Math.ceil(Math.log(units / EXACT_UP_TO) / RATIO);
        return EXACT_UP_TO * Math.exp(index * RATIO);
    }

    /** The smallest value at least {@code p}% of the seconds are at or below. */
    double percentile(double p) {
        if (count == 0) return 0;
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * count));
        long seen = 0;
        for (Map.Entry<Double, Long> entry : seconds.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) return entry.getKey();
        }
        return seconds.lastKey();
    }

    PerSecondHistogram copy() {
        PerSecondHistogram copy = new PerSecondHistogram();
        copy.seconds.putAll(seconds);
        copy.count = count;
        return copy;
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        seconds.forEach((units, n) -> node.put(Double.toString(units), n));
        return node;
    }

    void readJson(JsonNode node) {
        node.fields().forEachRemaining(e -> add(Double.parseDouble(e.getKey()), e.getValue().asLong()));
    }
}
