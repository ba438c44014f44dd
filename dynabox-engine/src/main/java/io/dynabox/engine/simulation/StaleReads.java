package io.dynabox.engine.simulation;

import io.dynabox.engine.feed.Change;
import io.dynabox.engine.feed.ChangeFeed;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.Table;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Eventually consistent reads that may see the past: an eventually consistent read of an item sees the item
 * as it was at a moment up to {@code consistencyLagMillis} ago (drawn from the seed), and a strongly consistent
 * read always sees the latest. The states come from the engine's one change feed: for each table, the recent
 * changes (with their old images) of the last lag's worth of time are kept by key, so a stale answer is always
 * a state the item really had. The feed is subscribed only while some settings ask for a lag.
 */
public final class StaleReads {
    private final Simulation simulation;
    private final ChangeFeed feed;
    private final Map<Table, History> tables = Collections.synchronizedMap(new WeakHashMap<>());
    private AutoCloseable subscription;
    private volatile long keepMillis;

    /** One table's recent changes: by key for reads, in commit order for forgetting. */
    private static final class History {
        final Map<ByteBuffer, ArrayDeque<Change>> byKey = new HashMap<>();
        final ArrayDeque<Change> inOrder = new ArrayDeque<>();
    }

    StaleReads(Simulation simulation, ChangeFeed feed) {
        this.simulation = simulation;
        this.feed = feed;
    }

    /** Keeps changes for {@code lagMillis} (the largest lag of any settings); 0 stops listening to the feed. */
    synchronized void keep(long lagMillis) {
        keepMillis = lagMillis;
        if (lagMillis > 0 && subscription == null) {
            subscription = feed.subscribe(this::committed);
        } else if (lagMillis == 0 && subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            subscription = null;
            tables.clear();
        }
    }

    private void committed(Table table, List<Change> changes) {
        History history = tables.computeIfAbsent(table, t -> new History());
        synchronized (history) {
            for (Change change : changes) {
                history.inOrder.addLast(change);
                history.byKey.computeIfAbsent(ByteBuffer.wrap(change.key()), k -> new ArrayDeque<>()).addLast(change);
            }
            forget(history, changes.get(changes.size() - 1).timeMillis() - keepMillis);
        }
    }

    /** Drops changes made before {@code beforeMillis}: no read looks back that far. */
    private static void forget(History history, long beforeMillis) {
        while (!history.inOrder.isEmpty() && history.inOrder.peekFirst().timeMillis() < beforeMillis) {
            Change old = history.inOrder.removeFirst();
            ByteBuffer key = ByteBuffer.wrap(old.key());
            ArrayDeque<Change> ofKey = history.byKey.get(key);
            ofKey.removeFirst();
            if (ofKey.isEmpty()) history.byKey.remove(key);
        }
    }

    /**
     * What an eventually consistent range read of the table or its indexes (Query, Scan, a PartiQL SELECT) sees: null
     * for the latest, or the table as it was at a moment up to the table's lag ago (drawn from the seed), when items
     * changed since.
     */
    public TableAsOf asOf(RequestContext context, Table table) {
        long lag = simulation.scope(context.namespace().id()).settings().consistencyLagMillis(table.name());
        if (lag <= 0) return null;
        History history = tables.get(table);
        if (history == null) return null;
        long seenAt = context.nowMillis() - simulation.drawLag(context.namespace().id(), lag);
        Map<ByteBuffer, Change> changedSince = new HashMap<>();
        synchronized (history) {
            // newest first: what is left for each key is its first change after the moment seen
            for (Iterator<Change> it = history.inOrder.descendingIterator(); it.hasNext(); ) {
                Change change = it.next();
                if (change.timeMillis() <= seenAt) break;
                changedSince.put(ByteBuffer.wrap(change.key()), change);
            }
        }
        if (changedSince.isEmpty()) return null;
        simulation.record(new SimulationEvent(context.nowMillis(), "stale-read", context.requestId(), context.namespace().id(), context.action(),
                table.name(), "saw the table as it was " + (context.nowMillis() - seenAt) + " ms ago (" + changedSince.size()
                        + " items changed since)"));
        return new TableAsOf(table, seenAt, changedSince);
    }

    /**
     * The item an eventually consistent read of {@code key} sees: {@code current}, or the state the item had at a
     * moment up to the table's lag ago (null when it did not exist then).
     */
    public StoredItem read(RequestContext context, Table table, byte[] key, StoredItem current) {
        long lag = simulation.scope(context.namespace().id()).settings().consistencyLagMillis(table.name());
        if (lag <= 0) return current;
        History history = tables.get(table);
        if (history == null) return current;
        long seenAt = context.nowMillis() - simulation.drawLag(context.namespace().id(), lag);
        Change first = null;
        synchronized (history) {
            ArrayDeque<Change> ofKey = history.byKey.get(ByteBuffer.wrap(key));
            if (ofKey == null) return current;
            for (Iterator<Change> it = ofKey.iterator(); it.hasNext(); ) {
                Change change = it.next();
                if (change.timeMillis() > seenAt) {
                    first = change;
                    break;
                }
            }
        }
        if (first == null) return current; // nothing changed the item since then
        StoredItem stale = first.oldImage() == null ? null : new StoredItem(first.key(), first.oldImage(), first.oldSize());
        simulation.record(new SimulationEvent(context.nowMillis(), "stale-read", context.requestId(), context.namespace().id(), context.action(),
                table.name(), "saw the item as it was " + (context.nowMillis() - seenAt) + " ms ago ("
                        + (stale == null ? "before it existed" : "before change " + first.sequence()) + ")"));
        return stale;
    }
}
