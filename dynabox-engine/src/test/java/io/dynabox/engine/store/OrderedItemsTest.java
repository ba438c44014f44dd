package io.dynabox.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tree against a TreeMap of the same keys, through inserts, splits, removals and merges;
 * items of many lengths, so slabs fill, empty, thin out and are emptied into newer ones. Entries
 * are compared by what they hold (the tree answers copies).
 */
class OrderedItemsTest {
    private static final byte[] EMPTY_ITEM = {'{', '}'};

    @ParameterizedTest
    @ValueSource(ints = {1, 63, 64, 65, 500, 20_000})
    void holdsWhatATreeMapHoldsThroughPutsAndRemovals(int keys) {
        Random random = new Random(keys);
        OrderedItems tree = new OrderedItems();
        NavigableMap<byte[], StoredItem> model = new TreeMap<>(Arrays::compareUnsigned);
        for (int i = 0; i < keys * 3; i++) {
            byte[] key = key(random, keys);
            boolean remove = random.nextInt(3) == 0;
            assertThat(text(tree.find(key))).isEqualTo(text(model.get(key)));
            if (remove) {
                assertThat(tree.remove(key)).isEqualTo(sizeOf(model.remove(key)));
            } else {
                StoredItem item = item(key, random, i);
                assertThat(tree.put(key, item.json(), item.size())).isEqualTo(sizeOf(model.put(key, item)));
            }
        }
        assertRangesAgree(tree, model, random);
        assertSameEntries(Arrays.asList(tree.snapshot(0)).iterator(), model.values());
        // remove nearly everything, so leaves empty and merge, then the rest
        List<byte[]> all = new ArrayList<>(model.keySet());
        for (int i = 0; i < all.size(); i++) {
            if (i % 17 != 0) assertThat(tree.remove(all.get(i))).isEqualTo(sizeOf(model.remove(all.get(i))));
        }
        assertRangesAgree(tree, model, random);
        for (byte[] key : new ArrayList<>(model.keySet())) assertThat(tree.remove(key)).isEqualTo(sizeOf(model.remove(key)));
        assertThat(tree.range(null, false, null, false, false).hasNext()).isFalse();
        assertThat(tree.range(null, false, null, false, true).hasNext()).isFalse();
        assertThat(tree.slabBytes()).as("only the newest slab is kept").isLessThanOrEqualTo(ItemSlabs.MAX_SLAB);
        tree.put(new byte[] {1}, EMPTY_ITEM, 1);
        assertThat(text(tree.range(null, false, null, false, false).next())).isEqualTo(text(new StoredItem(new byte[] {1}, EMPTY_ITEM, 1)));
    }

    /**
     * Keys as the stores make them: eight bytes of a partition key's hash, spread evenly, then the
     * rest of the key. Some partitions hold hundreds of keys (runs of one prefix that span leaves),
     * and prefixes at the ends of the unsigned range (0, 2^63 - 1, 2^63, 2^64 - 1) are among them;
     * an absent and a present key are looked up at each step, and ranges walked at the end.
     */
    @ParameterizedTest
    @ValueSource(ints = {15, 16, 17, 64, 3_000, 30_000})
    void findsHashedKeysAndRunsOfOnePartitionAsATreeMapDoes(int keys) {
        Random random = new Random(keys);
        long[] partitions = new long[Math.max(8, keys / 4)];
        for (int i = 0; i < partitions.length; i++) partitions[i] = random.nextLong();
        partitions[0] = 0;
        partitions[1] = -1;
        partitions[2] = Long.MAX_VALUE;
        partitions[3] = Long.MIN_VALUE;
        OrderedItems tree = new OrderedItems();
        NavigableMap<byte[], StoredItem> model = new TreeMap<>(Arrays::compareUnsigned);
        for (int i = 0; i < keys * 3; i++) {
            // half the keys in the first eight partitions: long runs of one prefix
            long partition = partitions[random.nextBoolean() ? random.nextInt(8) : random.nextInt(partitions.length)];
            byte[] key = hashedKey(partition, random.nextInt(keys));
            byte[] absent = hashedKey(random.nextLong(), 0);
            assertThat(text(tree.find(absent))).isEqualTo(text(model.get(absent)));
            assertThat(text(tree.find(key))).isEqualTo(text(model.get(key)));
            if (random.nextInt(4) == 0) {
                assertThat(tree.remove(key)).isEqualTo(sizeOf(model.remove(key)));
            } else {
                StoredItem item = item(key, random, i);
                assertThat(tree.put(key, item.json(), item.size())).isEqualTo(sizeOf(model.put(key, item)));
            }
        }
        for (byte[] key : model.keySet()) assertThat(text(tree.find(key))).isEqualTo(text(model.get(key)));
        assertRangesAgree(tree, model, random);
        assertSameEntries(Arrays.asList(tree.snapshot(0)).iterator(), model.values());
    }

    private static byte[] hashedKey(long partition, int sortKey) {
        byte[] key = new byte[8 + 1 + sortKey % 4];
        for (int i = 0; i < 8; i++) key[i] = (byte) (partition >>> (56 - 8 * i));
        for (int i = 8; i < key.length; i++) key[i] = (byte) (sortKey >>> (8 * (i - 8)));
        return key;
    }

    @Test
    void slabsStayWithinTwiceWhatIsLiveThroughReplacementsAndRemovals() {
        OrderedItems tree = new OrderedItems();
        Random random = new Random(11);
        NavigableMap<byte[], StoredItem> model = new TreeMap<>(Arrays::compareUnsigned);
        long live = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] key = key(random, 4_000);
            StoredItem previous;
            if (random.nextInt(4) == 0) {
                previous = model.remove(key);
                tree.remove(key);
            } else {
                StoredItem item = item(key, random, i);
                previous = model.put(key, item);
                tree.put(key, item.json(), item.size());
                live += entryBytes(item);
            }
            if (previous != null) live -= entryBytes(previous);
            // at most one slab beside the newest less than half live, each under 1 MiB
            assertThat(tree.slabBytes()).isLessThanOrEqualTo(2 * live + 3L * ItemSlabs.MAX_SLAB);
        }
        assertSameEntries(Arrays.asList(tree.snapshot(0)).iterator(), model.values());
    }

    @Test
    void anItemOverAQuarterOfASlabHasASlabOfItsOwnThatGoesWithIt() {
        OrderedItems tree = new OrderedItems();
        byte[] large = new byte[400 * 1024];
        Arrays.fill(large, (byte) 'x');
        tree.put(new byte[] {1}, EMPTY_ITEM, 2);
        long small = tree.slabBytes();
        tree.put(new byte[] {2}, large, large.length);
        assertThat(tree.slabBytes()).isEqualTo(small + 12 + 1 + large.length);
        assertThat(tree.find(new byte[] {2}).json()).isEqualTo(large);
        tree.put(new byte[] {3}, EMPTY_ITEM, 2);
        assertThat(tree.slabBytes()).as("small items still go to the first slab").isEqualTo(small + 12 + 1 + large.length);
        assertThat(tree.remove(new byte[] {2})).isEqualTo(large.length);
        assertThat(tree.slabBytes()).isEqualTo(small);
        assertThat(text(tree.find(new byte[] {3}))).isEqualTo(text(new StoredItem(new byte[] {3}, EMPTY_ITEM, 2)));
    }

    @Test
    void keysShorterThanEightBytesAndSharedPrefixesKeepByteOrder() {
        OrderedItems tree = new OrderedItems();
        NavigableMap<byte[], StoredItem> model = new TreeMap<>(Arrays::compareUnsigned);
        byte[][] keys = {{}, {0}, {0, 0}, {1}, {1, 0, 0, 0, 0, 0, 0, 0}, {1, 0, 0, 0, 0, 0, 0, 0, 0},
            {1, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF}, {(byte) 0xFF}, {(byte) 0x80, 1}, {0x7F, (byte) 0xFF}};
        for (byte[] key : keys) {
            StoredItem item = new StoredItem(key, EMPTY_ITEM, key.length);
            tree.put(key, EMPTY_ITEM, key.length);
            model.put(key, item);
        }
        assertRangesAgree(tree, model, new Random(7));
    }

    @Test
    void walksStayInOrderWhileAnotherThreadChangesTheTree() throws Exception {
        OrderedItems tree = new OrderedItems();
        Random seed = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            byte[] key = key(seed, 10_000);
            tree.put(key, EMPTY_ITEM, 0);
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            Random random = new Random(4);
            while (!stop.get()) {
                byte[] key = key(random, 10_000);
                if (random.nextBoolean()) tree.put(key, item(key, random, 0).json(), 0);
                else tree.remove(key);
            }
        });
        writer.start();
        try {
            for (int walk = 0; walk < 200; walk++) {
                boolean descending = walk % 2 == 1;
                byte[] previous = null;
                for (Iterator<StoredItem> it = tree.range(null, false, null, false, descending); it.hasNext(); ) {
                    byte[] key = it.next().key();
                    if (previous != null) {
                        int order = Arrays.compareUnsigned(previous, key);
                        assertThat(descending ? order > 0 : order < 0).as("keys strictly in order").isTrue();
                    }
                    previous = key;
                }
            }
        } catch (Throwable e) {
            failure.set(e);
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(failure.get()).isNull();
    }

    @Test
    void pointReadsFindEveryKeyThatStaysWhileAnotherThreadChangesOthers() throws Exception {
        OrderedItems tree = new OrderedItems();
        List<StoredItem> staying = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            StoredItem item = new StoredItem(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, (byte) (i >>> 8), (byte) i, 0}, EMPTY_ITEM, i);
            staying.add(item);
            tree.put(item.key(), item.json(), item.size());
        }
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            // keys between the staying ones, never equal to one: entries shift, split and merge around them
            Random random = new Random(5);
            while (!stop.get()) {
                int between = random.nextInt(3_000);
                byte[] key = {0, 0, 0, 0, 0, 0, 0, 0, (byte) (between >>> 8), (byte) between, (byte) (1 + random.nextInt(4))};
                if (random.nextInt(3) > 0) tree.put(key, item(key, random, 0).json(), 0);
                else tree.remove(key);
            }
        });
        writer.start();
        List<StoredItem> wrong = new ArrayList<>();
        int reads = 0;
        try {
            for (int round = 0; round < 50; round++) {
                for (StoredItem item : staying) {
                    reads++;
                    if (!text(tree.find(item.key().clone())).equals(text(item))) wrong.add(item);
                }
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(reads).isEqualTo(150_000);
        assertThat(wrong).isEmpty();
        assertThat(tree.find(new byte[] {1, 2, 3})).isNull();
    }

    /** Every combination of bounds, in both directions, over random and existing keys. */
    private static void assertRangesAgree(OrderedItems tree, NavigableMap<byte[], StoredItem> model, Random random) {
        assertSameEntries(tree.range(null, false, null, false, false), model.values());
        assertSameEntries(tree.range(null, false, null, false, true), model.descendingMap().values());
        List<byte[]> present = new ArrayList<>(model.keySet());
        for (int i = 0; i < 200; i++) {
            byte[] a = present.isEmpty() || random.nextBoolean() ? key(random, 1_000_000) : present.get(random.nextInt(present.size()));
            byte[] b = present.isEmpty() || random.nextBoolean() ? key(random, 1_000_000) : present.get(random.nextInt(present.size()));
            byte[] from = Arrays.compareUnsigned(a, b) <= 0 ? a : b;
            byte[] to = from == a ? b : a;
            boolean fromInclusive = random.nextBoolean();
            boolean toInclusive = random.nextBoolean();
            NavigableMap<byte[], StoredItem> expected = model.subMap(from, fromInclusive, to, toInclusive);
            assertSameEntries(tree.range(from, fromInclusive, to, toInclusive, false), expected.values());
            assertSameEntries(tree.range(from, fromInclusive, to, toInclusive, true), expected.descendingMap().values());
            assertSameEntries(tree.range(from, fromInclusive, null, false, false), model.tailMap(from, fromInclusive).values());
            assertSameEntries(tree.range(null, false, to, toInclusive, true), model.headMap(to, toInclusive).descendingMap().values());
        }
    }

    /**
     * The walk gives entries holding what the model's hold, in the model's order. Compared in place, and an
     * assertion built only for a difference: the walks hold millions of entries in all, and an AssertJ
     * assertion for each entry, with the size of each sub-map view, made the 30,000-key case of
     * {@link #findsHashedKeysAndRunsOfOnePartitionAsATreeMapDoes} take 20 s instead of 13.
     */
    private static void assertSameEntries(Iterator<StoredItem> walk, Collection<StoredItem> expected) {
        int at = 0;
        for (StoredItem want : expected) {
            if (!walk.hasNext()) fail("the walk ended at entry %d of %d", at, expected.size());
            StoredItem got = walk.next();
            if (!Arrays.equals(got.key(), want.key()) || !Arrays.equals(got.json(), want.json()) || got.size() != want.size()) {
                assertThat(text(got)).as("entry %d", at).isEqualTo(text(want));
            }
            at++;
        }
        // at, not expected.size(): the size of a sub-map's view is a walk of its own
        if (walk.hasNext()) fail("an entry after the %d expected", at);
    }

    private static String text(StoredItem item) {
        return item == null ? "none" : HexFormat.of().formatHex(item.key()) + " / " + new String(item.json(), StandardCharsets.UTF_8) + " / " + item.size();
    }

    private static long sizeOf(StoredItem item) {
        return item == null ? -1 : item.size();
    }

    private static long entryBytes(StoredItem item) {
        return 12 + item.key().length + item.json().length;
    }

    /** An item of about 30 to 9,000 bytes, most under 300, that names its key and number. */
    private static StoredItem item(byte[] key, Random random, int number) {
        int length = random.nextInt(50) == 0 ? random.nextInt(9_000) : random.nextInt(300);
        String json = "{\"n\":" + number + ",\"k\":\"" + HexFormat.of().formatHex(key) + "\",\"p\":\"" + "p".repeat(length) + "\"}";
        return new StoredItem(key, json.getBytes(StandardCharsets.UTF_8), number);
    }

    /** Keys as the codec makes them: eight hash bytes, then a few key bytes; few distinct hashes, so prefixes tie often. */
    private static byte[] key(Random random, int distinct) {
        int n = random.nextInt(distinct);
        byte[] key = new byte[8 + 1 + n % 3];
        key[0] = (byte) (n % 7 * 37);
        key[7] = (byte) (n % 5);
        for (int i = 8; i < key.length; i++) key[i] = (byte) (n >>> (8 * (i - 8)));
        return key;
    }
}
