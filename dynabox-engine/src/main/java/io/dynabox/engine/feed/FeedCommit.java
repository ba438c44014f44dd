package io.dynabox.engine.feed;

import io.dynabox.engine.store.ItemJson;
import io.dynabox.engine.store.Mutation;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes of one commit (one item write, or a batch or transaction of them), gathered
 * by {@code ItemWriter}: each item's old image is {@link #capture captured} before the
 * store applies the commit, and the changes are {@link #publish published} after it, still
 * under the tables' write locks. Tables nobody reads cost nothing here.
 */
public final class FeedCommit {
    private final Change.Origin origin;
    private final Change.Written written;
    private List<Pending> pending;

    public FeedCommit(Change.Origin origin) {
        this(origin, null);
    }

    /** The commit of a replicated write, with its version ({@code written}), which its changes carry. */
    public FeedCommit(Change.Origin origin, Change.Written written) {
        this.origin = origin;
        this.written = written;
    }

    /** Notes what the table's item write {@code itemWrite} replaces, if anyone reads the table's feed. Before the store applies it. */
    public void capture(Table table, Mutation itemWrite) {
        TableFeed feed = table.feed();
        if (!feed.active()) return;
        StoredItem old = itemWrite.keyspace().find(itemWrite.key());
        byte[] oldImage = old == null ? null : old.json();
        if (unchanged(oldImage, itemWrite.item())) return;
        if (pending == null) pending = new ArrayList<>(2);
        pending.add(new Pending(table, itemWrite.key(), oldImage, itemWrite.item(), old == null ? 0 : old.size(), itemWrite.size()));
    }

    /** Publishes the captured changes, one call per table and subscriber, after the store applied them. */
    public void publish() {
        if (pending == null) return;
        ChangeFeed engine = pending.get(0).table.feed().engineFeed();
        long group = engine.nextGroup();
        long now = engine.nowMillis();
        Map<Table, List<Change>> byTable;
        if (pending.size() == 1) { // one item write: the usual case, with no grouping to do
            Pending p = pending.get(0);
            byTable = Map.of(p.table, List.of(new Change(p.table.feed().nextSequence(), now, group, p.key, p.oldImage, p.newImage,
                    p.oldSize, p.newSize, origin, written)));
        } else {
            byTable = new LinkedHashMap<>(2);
            for (Pending p : pending) {
                Change change = new Change(p.table.feed().nextSequence(), now, group, p.key, p.oldImage, p.newImage,
                        p.oldSize, p.newSize, origin, written);
                byTable.computeIfAbsent(p.table, t -> new ArrayList<>(pending.size())).add(change);
            }
            byTable.replaceAll((table, changes) -> List.copyOf(changes));
        }
        byTable.forEach((table, changes) -> {
            for (FeedSubscriber subscriber : table.feed().subscribers()) deliver(subscriber, table, changes);
            for (FeedSubscriber subscriber : engine.subscribers) deliver(subscriber, table, changes);
        });
        // a file store's commit may still fail: then its readers forget these changes
        pending.get(0).table.store().onCommitFailure(() -> byTable.forEach((table, changes) -> {
            for (FeedSubscriber subscriber : table.feed().subscribers()) subscriber.retracted(table, changes);
            for (FeedSubscriber subscriber : engine.subscribers) subscriber.retracted(table, changes);
        }));
        pending = null;
    }

    private static void deliver(FeedSubscriber subscriber, Table table, List<Change> changes) {
        try {
            subscriber.committed(table, changes);
        } catch (RuntimeException e) {
            // the write is committed: a failing reader must not turn it into an error
            System.getLogger(FeedCommit.class.getName()).log(System.Logger.Level.ERROR,
                    "a change feed subscriber failed on table " + table.name(), e);
        }
    }

    /** Nothing changed: no item before or after, or the same attributes with the same values (in any order). */
    static boolean unchanged(byte[] oldImage, byte[] newImage) {
        if (oldImage == null || newImage == null) return oldImage == newImage;
        // the same attributes encode to the same bytes in some order: other lengths are another item
        if (oldImage.length != newImage.length) return false;
        int first = Arrays.mismatch(oldImage, newImage);
        if (first < 0) return true;
        // outside [first, equal tail) the bytes are the same; a reordering must have the same bytes inside it,
        // and only then is it worth decoding both to compare
        if (!sameBytesInSomeOrder(oldImage, newImage, first, equalTailStart(oldImage, newImage, first))) return false;
        return ItemJson.decode(oldImage).equals(ItemJson.decode(newImage));
    }

    /**
     * Where the equal tails of two arrays of the same length start, given that they differ at
     * {@code first}: the index just past their last difference. Compared a range at a time (the
     * JDK compares ranges with vector instructions): tails of doubling length from the end,
     * then halving within the last one.
     */
    private static int equalTailStart(byte[] a, byte[] b, int first) {
        int equalFrom = a.length; // a[equalFrom..] == b[equalFrom..]
        int step = 16;
        while (true) {
            int from = Math.max(first + 1, equalFrom - step);
            if (!Arrays.equals(a, from, equalFrom, b, from, equalFrom)) {
                // the last difference is in [from, equalFrom)
                int low = from + 1;
                int high = equalFrom;
                while (low < high) {
                    int mid = (low + high) >>> 1;
                    if (Arrays.equals(a, mid, equalFrom, b, mid, equalFrom)) high = mid;
                    else low = mid + 1;
                }
                return low;
            }
            if (from == first + 1) return from;
            equalFrom = from;
            step *= 2;
        }
    }

    private static boolean sameBytesInSomeOrder(byte[] a, byte[] b, int from, int to) {
        int[] counts = new int[256];
        for (int i = from; i < to; i++) counts[a[i] & 0xff]++;
        for (int i = from; i < to; i++) if (--counts[b[i] & 0xff] < 0) return false;
        return true;
    }

    private record Pending(Table table, byte[] key, byte[] oldImage, byte[] newImage, long oldSize, long newSize) {
    }
}
