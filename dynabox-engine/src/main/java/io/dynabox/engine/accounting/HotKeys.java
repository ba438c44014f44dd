package io.dynabox.engine.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.dynabox.engine.wire.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The partition keys that consumed the most units, in bounded memory: the Space-Saving
 * algorithm keeps {@link #CAPACITY} counters, and a key that arrives when all are taken
 * replaces the smallest, inheriting its count as its possible overcount ({@code error}).
 * Keys are known by the partition hash their stored keys start with; the report finds the
 * key value from it. Each counter also keeps its busiest second's read and write units,
 * to compare with the per-partition limits. The counters are parallel arrays, found by an
 * open-addressing index of 256 slots (a quarter full, so a probe or two), and nothing is
 * allocated per request. The smallest counter, which a newcomer replaces, is the root of a
 * min-heap over the counters' totals, so a key not among them (every request, when keys are
 * many and evenly used) costs a few steps down the heap rather than two scans of 64 counters.
 * Not thread-safe: its owner synchronizes.
 */
final class HotKeys {
    static final int CAPACITY = 64;

    /** One key's figures, as the report reads them. */
    record Counter(long hash, double readUnits, double writeUnits, double error, double peakRead, double peakWrite) {
        double total() {
            return readUnits + writeUnits;
        }
    }

    private int size;
    private final long[] hashes = new long[CAPACITY];
    private final double[] read = new double[CAPACITY];
    private final double[] write = new double[CAPACITY];
    private final double[] error = new double[CAPACITY];
    private final long[] second = new long[CAPACITY];
    private final double[] secondRead = new double[CAPACITY];
    private final double[] secondWrite = new double[CAPACITY];
    private final double[] peakRead = new double[CAPACITY];
    private final double[] peakWrite = new double[CAPACITY];
    private final double[] total = new double[CAPACITY];
    // a min-heap of counters by total: heap[0] is the smallest; position[counter] is its place in the heap
    private final int[] heap = new int[CAPACITY];
    private final int[] position = new int[CAPACITY];
    // the index from a key's hash to its counter: slot -> counter + 1 (0: empty), linear probing
    private static final int SLOTS = 256;
    private final int[] slots = new int[SLOTS];

    void add(long hash, long atSecond, boolean isWrite, double units) {
        int i = indexOf(hash);
        if (i < 0) i = admit(hash);
        if (atSecond > second[i]) {
            second[i] = atSecond;
            secondRead[i] = 0;
            secondWrite[i] = 0;
        }
        if (isWrite) {
            write[i] += units;
            peakWrite[i] = Math.max(peakWrite[i], secondWrite[i] += units);
        } else {
            read[i] += units;
            peakRead[i] = Math.max(peakRead[i], secondRead[i] += units);
        }
        total[i] += units;
        siftDown(position[i]);
    }

    private int indexOf(long hash) {
        for (int s = home(hash); slots[s] != 0; s = (s + 1) & (SLOTS - 1)) {
            if (hashes[slots[s] - 1] == hash) return slots[s] - 1;
        }
        return -1;
    }

    /** The slot a hash's probe starts at (the hash's top bits after a multiplicative mix: sequential hashes spread too). */
    private static int home(long hash) {
        return (int) ((hash * 0x9E3779B97F4A7C15L) >>> 56);
    }

    private void indexAdd(int counter) {
        int s = home(hashes[counter]);
        while (slots[s] != 0) s = (s + 1) & (SLOTS - 1);
        slots[s] = counter + 1;
    }

    /** Takes the counter's slot out, moving later entries of the probe run back so every probe still finds them. */
    private void indexRemove(int counter) {
        int gap = home(hashes[counter]);
        while (slots[gap] != counter + 1) gap = (gap + 1) & (SLOTS - 1);
        slots[gap] = 0;
        for (int s = (gap + 1) & (SLOTS - 1); slots[s] != 0; s = (s + 1) & (SLOTS - 1)) {
            int ideal = home(hashes[slots[s] - 1]);
            // the entry at s may move to the gap unless its home lies cyclically in (gap, s]
            boolean stays = gap <= s ? (ideal > gap && ideal <= s) : (ideal > gap || ideal <= s);
            if (!stays) {
                slots[gap] = slots[s];
                slots[s] = 0;
                gap = s;
            }
        }
    }

    private int admit(long hash) {
        int i;
        if (size < CAPACITY) {
            i = size++;
            read[i] = 0;
            write[i] = 0;
            error[i] = 0;
            total[i] = 0;
            heap[i] = i;
            position[i] = i;
            siftUp(i);
        } else {
            i = heap[0];
            // the newcomer may have been counted before and evicted: it inherits the evicted
            // count, which is also how much it may be overcounted
            error[i] = total[i];
            indexRemove(i);
        }
        hashes[i] = hash;
        indexAdd(i);
        second[i] = Long.MIN_VALUE;
        secondRead[i] = 0;
        secondWrite[i] = 0;
        peakRead[i] = 0;
        peakWrite[i] = 0;
        return i;
    }

    int size() {
        return size;
    }

    /** Moves the counter at heap place {@code at} down while a child is smaller (its total grew). */
    private void siftDown(int at) {
        int counter = heap[at];
        double value = total[counter];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) break;
            if (child + 1 < size && total[heap[child + 1]] < total[heap[child]]) child++;
            if (total[heap[child]] >= value) break;
            heap[at] = heap[child];
            position[heap[at]] = at;
            at = child;
        }
        heap[at] = counter;
        position[counter] = at;
    }

    /** Moves the counter at heap place {@code at} up while its parent is larger. */
    private void siftUp(int at) {
        int counter = heap[at];
        double value = total[counter];
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (total[heap[parent]] <= value) break;
            heap[at] = heap[parent];
            position[heap[at]] = at;
            at = parent;
        }
        heap[at] = counter;
        position[counter] = at;
    }

    /** The {@code n} keys with the most units, most first. */
    List<Counter> top(int n) {
        List<Counter> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) all.add(new Counter(hashes[i], read[i], write[i], error[i], peakRead[i], peakWrite[i]));
        all.sort(Comparator.comparingDouble(Counter::total).reversed().thenComparingLong(Counter::hash));
        return all.subList(0, Math.min(n, all.size()));
    }

    ArrayNode toJson() {
        ArrayNode out = Json.array();
        for (int i = 0; i < size; i++) {
            out.addObject().put("hash", hashes[i]).put("read", read[i]).put("write", write[i]).put("error", error[i])
                    .put("second", second[i]).put("secondRead", secondRead[i]).put("secondWrite", secondWrite[i])
                    .put("peakRead", peakRead[i]).put("peakWrite", peakWrite[i]);
        }
        return out;
    }

    static HotKeys fromJson(JsonNode node) {
        HotKeys keys = new HotKeys();
        for (JsonNode c : node) {
            if (keys.size == CAPACITY) break;
            int i = keys.size++;
            keys.hashes[i] = c.path("hash").asLong();
            keys.read[i] = c.path("read").asDouble();
            keys.write[i] = c.path("write").asDouble();
            keys.error[i] = c.path("error").asDouble();
            keys.second[i] = c.path("second").asLong(Long.MIN_VALUE);
            keys.secondRead[i] = c.path("secondRead").asDouble();
            keys.secondWrite[i] = c.path("secondWrite").asDouble();
            keys.peakRead[i] = c.path("peakRead").asDouble();
            keys.peakWrite[i] = c.path("peakWrite").asDouble();
            keys.total[i] = keys.read[i] + keys.write[i];
            keys.indexAdd(i);
            keys.heap[i] = i;
            keys.position[i] = i;
            keys.siftUp(i);
        }
        return keys;
    }
}
