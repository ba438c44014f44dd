package io.dynabox.engine.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.dynabox.engine.wire.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * The partition keys that consumed the most units, in bounded memory: the Space-Saving
 * algorithm keeps {@link #CAPACITY} counters, and a key that arrives when all are taken
 * replaces the smallest, inheriting its count as its possible overcount ({@code error}).
 * Keys are known by the partition hash their stored keys start with; the report finds the
 * key value from it. Each counter also keeps its busiest second's read and write units,
 * to compare with the per-partition limits. A counter's figures lie side by side in one array, found by an
 * open-addressing index of four slots a counter (a quarter full, so a probe or two), and nothing is
 * allocated per request. The arrays start with room for {@link #FIRST_COUNTERS} counters and double as keys
 * arrive, up to {@link #CAPACITY}: every table a run used keeps its counters, and a test's table sees a few keys.
 * The smallest counter, which a newcomer replaces, is the root of a
 * min-heap over the counters' totals, so a key not among them (every request, when keys are
 * many and evenly used) costs a few steps down the heap rather than two scans of 64 counters.
 * A counter may keep a label (the stored key of an item it was counted for), which contributor insights decode into
 * the key values they show. Not thread-safe: its owner synchronizes.
 */
final class HotKeys {
    static final int CAPACITY = 64;
    private static final int FIRST_COUNTERS = 4;
    private static final int SLOTS_A_COUNTER = 4;

    /** One key's figures, as the report reads them. */
    record Counter(long hash, double readUnits, double writeUnits, double error, double peakRead, double peakWrite, byte[] label) {
        double total() {
            return readUnits + writeUnits;
        }
    }

    private int size;
    private long[] hashes = new long[FIRST_COUNTERS];
    // each counter's figures side by side (one cache line), so a counter taken over touches one line, not nine
    private static final int READ = 0, WRITE = 1, ERROR = 2, SECOND = 3, SECOND_READ = 4, SECOND_WRITE = 5, PEAK_READ = 6, PEAK_WRITE = 7;
    private static final int STRIDE = 8;
    private double[] figures = new double[FIRST_COUNTERS * STRIDE];
    // made with the first label: accounting's counters never have one
    private byte[][] labels;
    // a min-heap of counters by total (read plus write units): heap[0] is the smallest; heapTotal[at] is the total of
    // the counter at heap place at, beside it, so sifting reads no counter's figures; position[counter] is its place
    private int[] heap = new int[FIRST_COUNTERS];
    private double[] heapTotal = new double[FIRST_COUNTERS];
    private int[] position = new int[FIRST_COUNTERS];
    // the index from a key's hash to its counter, linear probing: slot s holds the hash at 2s and its counter + 1 at
    // 2s + 1 (0: empty), side by side, so a probe and the moves of a removal read no other array
    private long[] slots = new long[2 * SLOTS_A_COUNTER * FIRST_COUNTERS];
    // what home() shifts a mixed hash right by to get a slot number: 64 minus log2 of the slots
    private int homeShift = 64 - Integer.numberOfTrailingZeros(SLOTS_A_COUNTER * FIRST_COUNTERS);

    void add(long hash, long atSecond, boolean isWrite, double units) {
        add(hash, null, atSecond, isWrite, units);
    }

    /** Counts {@code units} for the key of {@code hash}, labelled {@code label} (or null) if its counter has no label yet. */
    void add(long hash, byte[] label, long atSecond, boolean isWrite, double units) {
        int i = indexOf(hash);
        if (i < 0) i = admit(hash);
        if (label != null) {
            if (labels == null) labels = new byte[hashes.length][];
            if (labels[i] == null) labels[i] = label;
        }
        double[] f = figures;
        int at = i * STRIDE;
        if (atSecond > f[at + SECOND]) { // a new second: its units start from nothing
            f[at + SECOND] = atSecond;
            f[at + SECOND_READ] = 0;
            f[at + SECOND_WRITE] = 0;
        }
        if (isWrite) {
            f[at + WRITE] += units;
            f[at + PEAK_WRITE] = Math.max(f[at + PEAK_WRITE], f[at + SECOND_WRITE] += units);
        } else {
            f[at + READ] += units;
            f[at + PEAK_READ] = Math.max(f[at + PEAK_READ], f[at + SECOND_READ] += units);
        }
        int place = position[i];
        heapTotal[place] += units;
        siftDown(place);
    }

    private int indexOf(long hash) {
        long[] t = slots;
        int mask = (t.length >> 1) - 1;
        for (int s = home(hash); t[2 * s + 1] != 0; s = (s + 1) & mask) {
            if (t[2 * s] == hash) return (int) t[2 * s + 1] - 1;
        }
        return -1;
    }

    /** The slot a hash's probe starts at (the hash's top bits after a multiplicative mix: sequential hashes spread too). */
    private int home(long hash) {
        return (int) ((hash * 0x9E3779B97F4A7C15L) >>> homeShift);
    }

    private void indexAdd(int counter, long hash) {
        int mask = (slots.length >> 1) - 1;
        int s = home(hash);
        while (slots[2 * s + 1] != 0) s = (s + 1) & mask;
        slots[2 * s] = hash;
        slots[2 * s + 1] = counter + 1;
    }

    /** Takes the counter's slot out, moving later entries of the probe run back so every probe still finds them. */
    private void indexRemove(int counter, long hash) {
        long[] t = slots;
        int mask = (t.length >> 1) - 1;
        int gap = home(hash);
        while (t[2 * gap + 1] != counter + 1) gap = (gap + 1) & mask;
        t[2 * gap + 1] = 0;
        for (int s = (gap + 1) & mask; t[2 * s + 1] != 0; s = (s + 1) & mask) {
            int ideal = home(t[2 * s]);
            // the entry at s may move to the gap unless its home lies cyclically in (gap, s]
            boolean stays = gap <= s ? (ideal > gap && ideal <= s) : (ideal > gap || ideal <= s);
            if (!stays) {
                t[2 * gap] = t[2 * s];
                t[2 * gap + 1] = t[2 * s + 1];
                t[2 * s + 1] = 0;
                gap = s;
            }
        }
    }

    private int admit(long hash) {
        int i;
        int at;
        if (size < CAPACITY) {
            if (size == hashes.length) grow();
            i = size++;
            at = i * STRIDE;
            figures[at + READ] = 0;
            figures[at + WRITE] = 0;
            figures[at + ERROR] = 0;
            heapTotal[i] = 0;
            heap[i] = i;
            position[i] = i;
            siftUp(i);
        } else {
            i = heap[0];
            at = i * STRIDE;
            // the newcomer may have been counted before and evicted: it inherits the evicted
            // count (its read and write units too), which is also how much it may be overcounted
            figures[at + ERROR] = heapTotal[0];
            indexRemove(i, hashes[i]);
        }
        hashes[i] = hash;
        if (labels != null) labels[i] = null;
        indexAdd(i, hash);
        figures[at + SECOND] = Double.NEGATIVE_INFINITY; // the first add starts the counter's second
        figures[at + PEAK_READ] = 0;
        figures[at + PEAK_WRITE] = 0;
        return i;
    }

    int size() {
        return size;
    }

    /** Room for twice as many counters: the arrays copied, the index made again at its new size. */
    private void grow() {
        int counters = 2 * hashes.length;
        hashes = Arrays.copyOf(hashes, counters);
        figures = Arrays.copyOf(figures, counters * STRIDE);
        heap = Arrays.copyOf(heap, counters);
        heapTotal = Arrays.copyOf(heapTotal, counters);
        position = Arrays.copyOf(position, counters);
        if (labels != null) labels = Arrays.copyOf(labels, counters);
        slots = new long[2 * SLOTS_A_COUNTER * counters];
        homeShift = 64 - Integer.numberOfTrailingZeros(SLOTS_A_COUNTER * counters);
        for (int i = 0; i < size; i++) indexAdd(i, hashes[i]);
    }

    /** Moves the counter at heap place {@code at} down while a child is smaller (its total grew). */
    private void siftDown(int at) {
        int counter = heap[at];
        double value = heapTotal[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) break;
            if (child + 1 < size && heapTotal[child + 1] < heapTotal[child]) child++;
            if (heapTotal[child] >= value) break;
            heap[at] = heap[child];
            heapTotal[at] = heapTotal[child];
            position[heap[at]] = at;
            at = child;
        }
        heap[at] = counter;
        heapTotal[at] = value;
        position[counter] = at;
    }

    /** Moves the counter at heap place {@code at} up while its parent is larger. */
    private void siftUp(int at) {
        int counter = heap[at];
        double value = heapTotal[at];
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (heapTotal[parent] <= value) break;
            heap[at] = heap[parent];
            heapTotal[at] = heapTotal[parent];
            position[heap[at]] = at;
            at = parent;
        }
        heap[at] = counter;
        heapTotal[at] = value;
        position[counter] = at;
    }

    /** The {@code n} keys with the most units, most first. */
    List<Counter> top(int n) {
        List<Counter> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int at = i * STRIDE;
            all.add(new Counter(hashes[i], figures[at + READ], figures[at + WRITE], figures[at + ERROR], figures[at + PEAK_READ],
                    figures[at + PEAK_WRITE], labels == null ? null : labels[i]));
        }
        all.sort(Comparator.comparingDouble(Counter::total).reversed().thenComparingLong(Counter::hash));
        return all.subList(0, Math.min(n, all.size()));
    }

    ArrayNode toJson() {
        ArrayNode out = Json.array();
        for (int i = 0; i < size; i++) {
            int at = i * STRIDE;
            var counter = out.addObject();
            if (labels != null && labels[i] != null) counter.put("label", labels[i]);
            double second = figures[at + SECOND];
            counter.put("hash", hashes[i]).put("read", figures[at + READ]).put("write", figures[at + WRITE]).put("error", figures[at + ERROR])
                    .put("second", second == Double.NEGATIVE_INFINITY ? Long.MIN_VALUE : (long) second)
                    .put("secondRead", figures[at + SECOND_READ]).put("secondWrite", figures[at + SECOND_WRITE])
                    .put("peakRead", figures[at + PEAK_READ]).put("peakWrite", figures[at + PEAK_WRITE]);
        }
        return out;
    }

    static HotKeys fromJson(JsonNode node) {
        HotKeys keys = new HotKeys();
        for (JsonNode c : node) {
            if (keys.size == CAPACITY) break;
            if (keys.size == keys.hashes.length) keys.grow();
            int i = keys.size++;
            int at = i * STRIDE;
            keys.hashes[i] = c.path("hash").asLong();
            if (c.hasNonNull("label")) {
                if (keys.labels == null) keys.labels = new byte[keys.hashes.length][];
                keys.labels[i] = Base64.getDecoder().decode(c.get("label").asText());
            }
            double[] f = keys.figures;
            f[at + READ] = c.path("read").asDouble();
            f[at + WRITE] = c.path("write").asDouble();
            f[at + ERROR] = c.path("error").asDouble();
            long second = c.path("second").asLong(Long.MIN_VALUE);
            f[at + SECOND] = second == Long.MIN_VALUE ? Double.NEGATIVE_INFINITY : second;
            f[at + SECOND_READ] = c.path("secondRead").asDouble();
            f[at + SECOND_WRITE] = c.path("secondWrite").asDouble();
            f[at + PEAK_READ] = c.path("peakRead").asDouble();
            f[at + PEAK_WRITE] = c.path("peakWrite").asDouble();
            keys.indexAdd(i, keys.hashes[i]);
            keys.heapTotal[i] = f[at + READ] + f[at + WRITE];
            keys.heap[i] = i;
            keys.position[i] = i;
            keys.siftUp(i);
        }
        return keys;
    }
}
