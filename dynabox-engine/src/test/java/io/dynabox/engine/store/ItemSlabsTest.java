package io.dynabox.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The slabs alone: where entries go, when slabs are dropped or reported thin, numbers used
 * again, and what a read that raced a change (a stale handle) meets. The tree's use of them is
 * in {@link OrderedItemsTest}.
 */
class ItemSlabsTest {
    private static final int HEADER = 12;

    @Test
    void entriesReadBackAsWrittenWithTheCallersKeyOrACopyOfTheirOwn() {
        ItemSlabs slabs = new ItemSlabs();
        byte[][] keys = {{1}, {2, 3, 4, 5, 6, 7, 8, 9, 10}, new byte[1024]};
        String[] jsons = {"{}", "{\"a\":{\"S\":\"é\"}}", "{\"p\":{\"S\":\"" + "x".repeat(3000) + "\"}}"};
        long[] handles = new long[keys.length];
        for (int i = 0; i < keys.length; i++) handles[i] = slabs.add(keys[i], utf8(jsons[i]), 100 + i);
        for (int i = 0; i < keys.length; i++) {
            StoredItem own = slabs.item(handles[i], null);
            assertThat(own.key()).isEqualTo(keys[i]).isNotSameAs(keys[i]).isSameAs(own.key()); // copied out once
            assertThat(new String(own.json(), StandardCharsets.UTF_8)).isEqualTo(jsons[i]);
            assertThat(new String(own.jsonArray(), own.jsonOffset(), own.jsonLength(), StandardCharsets.UTF_8)).isEqualTo(jsons[i]);
            assertThat(own.size()).isEqualTo(100 + i);
            assertThat(slabs.item(handles[i], keys[i]).key()).isSameAs(keys[i]);
            assertThat(slabs.size(handles[i])).isEqualTo(100 + i);
            assertThat(slabs.compareKey(handles[i], keys[i])).isZero();
        }
        assertThat(slabs.compareKey(handles[0], new byte[] {1, 0})).isNegative();
        assertThat(slabs.compareKey(handles[0], new byte[] {0, 5})).isPositive();
    }

    @Test
    void aDetachedItemHasArraysOfItsOwnWithTheSameBytes() {
        ItemSlabs slabs = new ItemSlabs();
        slabs.add(new byte[] {7}, utf8("{\"x\":{\"N\":\"1\"}}"), 5);
        long handle = slabs.add(new byte[] {8, 9}, utf8("{\"a\":{\"S\":\"b\"}}"), 6);
        StoredItem inSlab = slabs.item(handle, null);
        assertThat(inSlab.jsonArray().length).isGreaterThan(inSlab.jsonLength()); // a range of the slab

        StoredItem detached = inSlab.detached();
        assertThat(detached.jsonArray()).isNotSameAs(inSlab.jsonArray()).isEqualTo(utf8("{\"a\":{\"S\":\"b\"}}"));
        assertThat(detached.jsonOffset()).isZero();
        assertThat(detached.key()).isEqualTo(new byte[] {8, 9});
        assertThat(detached.size()).isEqualTo(6);
        assertThat(detached.detached()).isSameAs(detached); // already its own
    }

    @Test
    void slabsDoubleFromFourKibToAboutOneMibAndALargeEntryHasOneOfItsOwn() {
        ItemSlabs slabs = new ItemSlabs();
        byte[] json = new byte[1000 - HEADER - 1];
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            slabs.add(new byte[] {1}, json, 1);
            if (sizes.isEmpty() || sizes.get(sizes.size() - 1) != slabs.bytes()) sizes.add(slabs.bytes());
        }
        assertThat(sizes).startsWith(4096L, 4096L + 8192, 4096L + 8192 + 16384);
        long all = 0;
        for (int capacity = 4096; capacity < ItemSlabs.MAX_SLAB; capacity *= 2) all += capacity;
        assertThat(sizes).contains(all, all + ItemSlabs.MAX_SLAB, all + 2 * ItemSlabs.MAX_SLAB); // then MAX_SLAB at a time

        long before = slabs.bytes();
        byte[] large = new byte[ItemSlabs.MAX_SLAB / 4];
        long handle = slabs.add(new byte[] {2}, large, large.length);
        assertThat(slabs.bytes()).isEqualTo(before + HEADER + 1 + large.length);
        assertThat(slabs.item(handle, null).json()).isEqualTo(large);
        slabs.add(new byte[] {3}, json, 1);
        assertThat(slabs.bytes()).as("small entries still go to the newest slab").isEqualTo(before + HEADER + 1 + large.length);
        assertThat(slabs.free(handle)).as("its slab is dropped, not reported").isEqualTo(-1);
        assertThat(slabs.bytes()).isEqualTo(before);
    }

    @Test
    void anOlderSlabIsReportedWhenLessThanHalfLiveDroppedWhenEmptyAndItsNumberUsedAgain() {
        ItemSlabs slabs = new ItemSlabs();
        byte[] json = new byte[500 - HEADER - 1]; // entries of 500 bytes: 8 fill the first slab (4 KiB)
        long[] first = new long[8];
        for (int i = 0; i < 8; i++) first[i] = slabs.add(new byte[] {(byte) i}, json, 1);
        long newest = slabs.add(new byte[] {9}, json, 1);
        assertThat(ItemSlabs.slabOf(newest)).isEqualTo(1);
        assertThat(slabs.takeRetiredThin()).as("the first slab was full of live entries when it stopped being the newest").isEqualTo(-1);
        for (int i = 0; i < 3; i++) assertThat(slabs.free(first[i])).isEqualTo(-1); // 2,500 of 4,096 bytes still live
        assertThat(slabs.free(first[3])).isEqualTo(0); // 2,000: under half
        assertThat(slabs.liveEntries(0)).containsExactly(first[4], first[5], first[6], first[7]);
        assertThat(slabs.free(newest)).as("the newest slab is never reported").isEqualTo(-1);
        for (int i = 4; i < 7; i++) slabs.free(first[i]);
        long bytes = slabs.bytes();
        assertThat(slabs.free(first[7])).isEqualTo(-1);
        assertThat(slabs.bytes()).as("emptied, dropped").isEqualTo(bytes - 4096);
        // slab 1 (8 KiB) fills up; the next one takes number 0 again
        long last = 0;
        for (int i = 0; i < 17; i++) last = slabs.add(new byte[] {10}, json, 1);
        assertThat(ItemSlabs.slabOf(last)).isEqualTo(0);
    }

    @Test
    void aSlabThatStopsBeingTheNewestLessThanHalfLiveIsReportedOnce() {
        ItemSlabs slabs = new ItemSlabs();
        byte[] json = new byte[500 - HEADER - 1];
        long[] first = new long[8];
        for (int i = 0; i < 8; i++) first[i] = slabs.add(new byte[] {(byte) i}, json, 1);
        for (int i = 0; i < 5; i++) assertThat(slabs.free(first[i])).isEqualTo(-1); // the newest: never reported
        slabs.add(new byte[] {9}, json, 1); // does not fit: a new slab
        assertThat(slabs.takeRetiredThin()).isEqualTo(0);
        assertThat(slabs.takeRetiredThin()).isEqualTo(-1);
    }

    @Test
    void staleHandlesFailWithoutAllocatingAndItemsReadBeforeAChangeStayAsTheyWere() {
        ItemSlabs slabs = new ItemSlabs();
        long first = slabs.add(new byte[] {1}, new byte[50], 1); // slab 0, offset 0
        long second = slabs.add(new byte[] {2}, new byte[3000], 2); // slab 0, offset 63
        slabs.add(new byte[] {3}, new byte[2000], 3); // slab 1: no room left in slab 0
        StoredItem readBefore = slabs.item(second, null);
        slabs.free(first);
        slabs.free(second);
        // a dropped slab: a read of it fails
        assertThatThrownBy(() -> slabs.item(second, null)).isInstanceOf(NullPointerException.class);
        // number 0 again, for a slab whose bytes at the stale offset look like a header of huge lengths
        byte[] trap = new byte[ItemSlabs.MAX_SLAB / 4 + 1]; // a slab of its own, at offset 0
        int stale = (int) second - HEADER - 1; // where the stale handle points in the trap's JSON
        ByteBuffer.wrap(trap).putInt(stale, 0x7FFF_FFF0).putInt(stale + 4, 0x7FFF_FFF0).putInt(stale + 8, 1);
        assertThat(ItemSlabs.slabOf(slabs.add(new byte[] {4}, trap, 4))).isEqualTo(ItemSlabs.slabOf(second));
        assertThatThrownBy(() -> slabs.item(second, null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> slabs.item(second, new byte[] {2})).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> slabs.key(second)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> slabs.compareKey(second, new byte[] {2})).isInstanceOf(RuntimeException.class);
        // what was read before is unchanged: a dropped slab's bytes are nobody's to write
        assertThat(readBefore.key()).isEqualTo(new byte[] {2});
        assertThat(readBefore.json()).isEqualTo(new byte[3000]);
        assertThat(readBefore.size()).isEqualTo(2);
    }

    @Test
    void liveEntriesSkipTheFreedOnes() {
        ItemSlabs slabs = new ItemSlabs();
        List<Long> handles = new ArrayList<>();
        for (int i = 0; i < 6; i++) handles.add(slabs.add(new byte[] {(byte) i}, new byte[i * 10], i));
        slabs.free(handles.get(0));
        slabs.free(handles.get(3));
        slabs.free(handles.get(5));
        long[] live = slabs.liveEntries(0);
        assertThat(live).containsExactly(handles.get(1), handles.get(2), handles.get(4));
        assertThat(Arrays.stream(live).mapToObj(h -> slabs.key(h)[0])).containsExactly((byte) 1, (byte) 2, (byte) 4);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
