package io.dynabox.engine.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.dynabox.engine.wire.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The partition keys that consumed the most units, in bounded memory: the Space-Saving
 * algorithm keeps {@link #CAPACITY} counters, and a key that arrives when all are taken
 * replaces the smallest, inheriting its count as its possible overcount ({@code error}).
 * Keys are known by the partition hash their stored keys start with; the report finds the
 * key value from it. Each counter also keeps its busiest second's read and write units,
 * to compare with the per-partition limits. Not thread-safe: its owner synchronizes.
 */
final class HotKeys {
    static final int CAPACITY = 64;

    static final class Counter {
        final long hash;
        double readUnits;
        double writeUnits;
        double error;
        long second = Long.MIN_VALUE;
        double secondRead;
        double secondWrite;
        double peakRead;
        double peakWrite;

        Counter(long hash) {
            this.hash = hash;
        }

        double total() {
            return readUnits + writeUnits;
        }
    }

    private final Map<Long, Counter> counters = new HashMap<>();

    void add(long hash, long atSecond, boolean write, double units) {
        Counter counter = counters.get(hash);
        if (counter == null) counter = admit(hash);
        if (write) counter.writeUnits += units;
        else counter.readUnits += units;
        if (atSecond > counter.second) {
            counter.second = atSecond;
            counter.secondRead = 0;
            counter.secondWrite = 0;
        }
        if (write) counter.peakWrite = Math.max(counter.peakWrite, counter.secondWrite += units);
        else counter.peakRead = Math.max(counter.peakRead, counter.secondRead += units);
    }

    private Counter admit(long hash) {
        Counter counter = new Counter(hash);
        if (counters.size() >= CAPACITY) {
            Counter smallest = counters.values().stream().min(Comparator.comparingDouble(Counter::total)).orElseThrow();
            counters.remove(smallest.hash);
            // the newcomer may have been counted before and evicted: it inherits the evicted count as its bound
            counter.error = smallest.total();
            counter.readUnits = smallest.readUnits;
            counter.writeUnits = smallest.writeUnits;
        }
        counters.put(hash, counter);
        return counter;
    }

    /** The {@code n} keys with the most units, most first. */
    List<Counter> top(int n) {
        List<Counter> all = new ArrayList<>(counters.values());
        all.sort(Comparator.comparingDouble(Counter::total).reversed().thenComparingLong(c -> c.hash));
        return all.subList(0, Math.min(n, all.size()));
    }

    ArrayNode toJson() {
        ArrayNode out = Json.array();
        for (Counter c : counters.values()) {
            out.addObject().put("hash", c.hash).put("read", c.readUnits).put("write", c.writeUnits).put("error", c.error)
                    .put("second", c.second).put("secondRead", c.secondRead).put("secondWrite", c.secondWrite)
                    .put("peakRead", c.peakRead).put("peakWrite", c.peakWrite);
        }
        return out;
    }

    static HotKeys fromJson(JsonNode node) {
        HotKeys keys = new HotKeys();
        for (JsonNode c : node) {
            Counter counter = new Counter(c.path("hash").asLong());
            counter.readUnits = c.path("read").asDouble();
            counter.writeUnits = c.path("write").asDouble();
            counter.error = c.path("error").asDouble();
            counter.second = c.path("second").asLong(Long.MIN_VALUE);
            counter.secondRead = c.path("secondRead").asDouble();
            counter.secondWrite = c.path("secondWrite").asDouble();
            counter.peakRead = c.path("peakRead").asDouble();
            counter.peakWrite = c.path("peakWrite").asDouble();
            if (keys.counters.size() < CAPACITY) keys.counters.put(counter.hash, counter);
        }
        return keys;
    }
}
