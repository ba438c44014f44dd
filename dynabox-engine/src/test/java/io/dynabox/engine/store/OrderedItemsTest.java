package io.dynabox.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
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

/** The tree against a TreeMap of the same keys, through inserts, splits, removals and merges. */
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
            assertThat(tree.find(key)).isSameAs(model.get(key));
            if (remove) {
                assertThat(tree.remove(key)).isEqualTo(model.remove(key));
            } else {
                StoredItem item = new StoredItem(key, EMPTY_ITEM, i);
                assertThat(tree.put(item)).isEqualTo(model.put(key, item));
            }
        }
        assertRangesAgree(tree, model, random);
        // remove nearly everything, so leaves empty and merge, then the rest
        List<byte[]> all = new ArrayList<>(model.keySet());
        for (int i = 0; i < all.size(); i++) {
            if (i % 17 != 0) assertThat(tree.remove(all.get(i))).isSameAs(model.remove(all.get(i)));
        }
        assertRangesAgree(tree, model, random);
        for (byte[] key : new ArrayList<>(model.keySet())) assertThat(tree.remove(key)).isSameAs(model.remove(key));
        assertThat(tree.range(null, false, null, false, false).hasNext()).isFalse();
        assertThat(tree.range(null, false, null, false, true).hasNext()).isFalse();
        StoredItem again = new StoredItem(new byte[] {1}, EMPTY_ITEM, 1);
        tree.put(again);
        assertThat(tree.range(null, false, null, false, false).next()).isSameAs(again);
    }

    @Test
    void keysShorterThanEightBytesAndSharedPrefixesKeepByteOrder() {
        OrderedItems tree = new OrderedItems();
        NavigableMap<byte[], StoredItem> model = new TreeMap<>(Arrays::compareUnsigned);
        byte[][] keys = {{}, {0}, {0, 0}, {1}, {1, 0, 0, 0, 0, 0, 0, 0}, {1, 0, 0, 0, 0, 0, 0, 0, 0},
            {1, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF}, {(byte) 0xFF}, {(byte) 0x80, 1}, {0x7F, (byte) 0xFF}};
        for (byte[] key : keys) {
            StoredItem item = new StoredItem(key, EMPTY_ITEM, key.length);
            tree.put(item);
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
            tree.put(new StoredItem(key, EMPTY_ITEM, 0));
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            Random random = new Random(4);
            while (!stop.get()) {
                byte[] key = key(random, 10_000);
                if (random.nextBoolean()) tree.put(new StoredItem(key, EMPTY_ITEM, 0));
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
            tree.put(item);
        }
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            // keys between the staying ones, never equal to one: entries shift, split and merge around them
            Random random = new Random(5);
            while (!stop.get()) {
                int between = random.nextInt(3_000);
                byte[] key = {0, 0, 0, 0, 0, 0, 0, 0, (byte) (between >>> 8), (byte) between, (byte) (1 + random.nextInt(4))};
                if (random.nextInt(3) > 0) tree.put(new StoredItem(key, EMPTY_ITEM, 0));
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
                    if (tree.find(item.key().clone()) != item) wrong.add(item);
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
        assertThat(walk(tree.range(null, false, null, false, false))).containsExactlyElementsOf(model.values());
        assertThat(walk(tree.range(null, false, null, false, true))).containsExactlyElementsOf(model.descendingMap().values());
        List<byte[]> present = new ArrayList<>(model.keySet());
        for (int i = 0; i < 200; i++) {
            byte[] a = present.isEmpty() || random.nextBoolean() ? key(random, 1_000_000) : present.get(random.nextInt(present.size()));
            byte[] b = present.isEmpty() || random.nextBoolean() ? key(random, 1_000_000) : present.get(random.nextInt(present.size()));
            byte[] from = Arrays.compareUnsigned(a, b) <= 0 ? a : b;
            byte[] to = from == a ? b : a;
            boolean fromInclusive = random.nextBoolean();
            boolean toInclusive = random.nextBoolean();
            NavigableMap<byte[], StoredItem> expected = model.subMap(from, fromInclusive, to, toInclusive);
            assertThat(walk(tree.range(from, fromInclusive, to, toInclusive, false))).containsExactlyElementsOf(expected.values());
            assertThat(walk(tree.range(from, fromInclusive, to, toInclusive, true))).containsExactlyElementsOf(expected.descendingMap().values());
            assertThat(walk(tree.range(from, fromInclusive, null, false, false))).containsExactlyElementsOf(model.tailMap(from, fromInclusive).values());
            assertThat(walk(tree.range(null, false, to, toInclusive, true))).containsExactlyElementsOf(model.headMap(to, toInclusive).descendingMap().values());
        }
    }

    private static List<StoredItem> walk(Iterator<StoredItem> iterator) {
        List<StoredItem> items = new ArrayList<>();
        iterator.forEachRemaining(items::add);
        return items;
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
