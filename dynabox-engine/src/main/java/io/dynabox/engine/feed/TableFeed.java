package io.dynabox.engine.feed;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One table's part of the {@link ChangeFeed}: its sequence counter and the subscribers of
 * this table alone. A table joins its engine's feed when it joins a namespace; a table
 * outside any namespace publishes nothing.
 */
public final class TableFeed {
    private volatile ChangeFeed engineFeed;
    private final CopyOnWriteArrayList<FeedSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean hasSubscribers;
    // guarded by the table's write lock: publications happen under it
    private long lastSequence;

    /** Joins the engine's feed (done by the namespace that takes the table in). */
    public void attach(ChangeFeed feed) {
        engineFeed = feed;
    }

    /** Receives this table's changes; close the answer to stop. */
    public AutoCloseable subscribe(FeedSubscriber subscriber) {
        subscribers.add(subscriber);
        hasSubscribers = true;
        return () -> {
            subscribers.remove(subscriber);
            hasSubscribers = !subscribers.isEmpty();
        };
    }

    /** Whether a write must capture its change: someone reads this table's feed. */
    public boolean active() {
        ChangeFeed engine = engineFeed;
        return engine != null && (hasSubscribers || engine.active);
    }

    /** The sequence number of the table's latest change (0 before the first). Caller holds the table's lock. */
    public long lastSequence() {
        return lastSequence;
    }

    /**
     * Continues numbering after {@code sequence}, so a reader that kept changes across a restart
     * (a stream in a file) sees numbers keep increasing. Caller holds the table's write lock.
     */
    public void continueAfter(long sequence) {
        lastSequence = Math.max(lastSequence, sequence);
    }

    long nextSequence() {
        return ++lastSequence;
    }

    ChangeFeed engineFeed() {
        return engineFeed;
    }

    CopyOnWriteArrayList<FeedSubscriber> subscribers() {
        return subscribers;
    }
}
