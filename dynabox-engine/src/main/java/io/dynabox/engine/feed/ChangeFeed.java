package io.dynabox.engine.feed;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The change feed of an engine: every committed write to any table, whatever its path
 * (item actions, batches, transactions, Time to Live deletions, ...), passes through
 * {@code ItemWriter}, the one place that applies item writes, and is published here in
 * commit order as {@link Change}s with old and new images, the engine's time, a per-table
 * sequence number and a grouping of the changes committed together. A write that changes
 * nothing (deleting a missing item, writing an item as it was) publishes nothing.
 *
 * <p>How to read it: {@code engine.changeFeed().subscribe(subscriber)} receives the changes
 * of every table of every namespace; {@code table.feed().subscribe(subscriber)} those of one
 * table (for as long as that table lives). Both return an {@link AutoCloseable} that ends
 * the subscription. See {@link FeedSubscriber} for what a subscriber may do.
 *
 * <p>Cost: while a table has no subscriber (and the engine none), a write pays two
 * volatile reads; with one, it pays a point read of the old item and the publication.
 */
public final class ChangeFeed {
    private final LongSupplier clock;
    private final AtomicLong groups = new AtomicLong();
    final CopyOnWriteArrayList<FeedSubscriber> subscribers = new CopyOnWriteArrayList<>();
    // read on every write: true while the list is not empty
    volatile boolean active;

    public ChangeFeed(LongSupplier clock) {
        this.clock = clock;
    }

    /** Receives the changes of every table; close the answer to stop. */
    public AutoCloseable subscribe(FeedSubscriber subscriber) {
        subscribers.add(subscriber);
        active = true;
        return () -> {
            subscribers.remove(subscriber);
            active = !subscribers.isEmpty();
        };
    }

    long nowMillis() {
        return clock.getAsLong();
    }

    long nextGroup() {
        return groups.incrementAndGet();
    }
}
