package io.dynabox.engine.stream;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.clock.SoonestExpiry;
import io.dynabox.engine.clock.TransientStatus;
import io.dynabox.engine.store.Store;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The streams of one namespace, by ARN (so in table name, then enabling time, order): the
 * current stream of each table that has one, and old streams for 24 hours after they were
 * disabled (or their table deleted). Tables call in when a stream is enabled or disabled.
 * An old stream past its 24 hours is forgotten (with its records, and from the store that
 * keeps it) by the first of: a request naming it, ListStreams, or the engine's periodic
 * sweep ({@link #forgetExpired}).
 */
public final class Streams {
    private final ConcurrentSkipListMap<String, Stream> streams = new ConcurrentSkipListMap<>();
    private volatile long rolloverMillis = DynaboxOptions.DEFAULT_STREAM_SHARD_ROLLOVER.toMillis();
    private volatile long transientMillis;
    private volatile Stream.StreamListener keeper = Stream.StreamListener.NONE;
    // when the soonest disabled stream is past its 24 hours
    private final SoonestExpiry expiries = new SoonestExpiry();

    /** The settings streams made from now on take: shard roll-over period, ENABLING/DISABLING time. */
    public void configure(Duration shardRollover, Duration transientStatuses) {
        rolloverMillis = Math.max(1, shardRollover.toMillis());
        transientMillis = transientStatuses.toMillis();
    }

    void keepWith(Stream.StreamListener listener) {
        keeper = listener;
    }

    /** The stream ARN of a table's stream with this label. */
    public static String arn(TableDefinition definition, String label) {
        return definition.arn() + "/stream/" + label;
    }

    /**
     * The table's current stream starts (CreateTable with a stream, UpdateTable enabling one,
     * a table restored or loaded with one): its label is the definition's latest.
     */
    public Stream enable(Table table, long nowMillis) {
        TableDefinition d = table.definition();
        String arn = arn(d, d.latestStreamLabel());
        Stream existing = streams.get(arn);
        if (existing != null) return existing;
        Stream stream = new Stream(arn, d.latestStreamLabel(), d.name(), d.keySchema(), d.streamViewType(), nowMillis,
                TransientStatus.settlesAt(nowMillis, transientMillis), rolloverMillis, keeper);
        stream.subscribeTo(table, nowMillis);
        streams.put(arn, stream);
        return stream;
    }

    /** The table's current stream (the one its definition's latest label names), or null. */
    public Stream current(TableDefinition definition) {
        String label = definition.latestStreamLabel();
        return label == null ? null : streams.get(arn(definition, label));
    }

    /** The table's current stream stops: readable for 24 hours more. */
    public void disable(Table table, long nowMillis) {
        TableDefinition d = table.definition();
        if (d.latestStreamLabel() == null) return;
        Stream stream = streams.get(arn(d, d.latestStreamLabel()));
        if (stream == null) return;
        stream.disable(nowMillis, TransientStatus.settlesAt(nowMillis, transientMillis));
        expiries.note(stream.expiresMillis());
    }

    /** Forgets the stream (and its records) if it is past its 24 hours after disabling; answers whether it was. */
    private boolean forgetIfExpired(Stream stream, long nowMillis) {
        if (!stream.expired(nowMillis)) return false;
        if (streams.remove(stream.arn, stream)) stream.forget();
        return true;
    }

    /**
     * Forgets every stream past its 24 hours after disabling, as {@link #find} and {@link #list}
     * do for those they meet, so the streams of deleted tables go though nobody asks for them;
     * answers how many went. Reads one field when none is due.
     */
    public int forgetExpired(long nowMillis) {
        return expiries.sweep(nowMillis, streams.values(), stream -> forgetIfExpired(stream, nowMillis), Stream::expiresMillis);
    }

    /** Forgets every stream of a table at once (a namespace reset, not a deletion). */
    public void drop(String tableName) {
        for (Stream stream : List.copyOf(streams.values())) {
            if (stream.tableName.equals(tableName)) {
                stream.forget();
                streams.remove(stream.arn, stream);
            }
        }
    }

    /** Forgets a stream that never took a change (its table could not be created). */
    public void forget(Stream stream) {
        stream.forget();
        streams.remove(stream.arn, stream);
    }

    /** The stream by ARN, brought up to {@code nowMillis}; null if unknown or past its 24 hours. */
    public Stream find(String arn, long nowMillis) {
        Stream stream = streams.get(arn);
        if (stream == null || forgetIfExpired(stream, nowMillis)) return null;
        stream.maintain(nowMillis);
        return stream;
    }

    /** Whether the stream is held, past its time or not (unlike {@link #find}, without bringing it up to date). */
    public boolean holds(String arn) {
        return streams.containsKey(arn);
    }

    /** Streams in ARN order (of one table when {@code tableName} is not null), without those past their time. */
    public List<Stream> list(String tableName, long nowMillis) {
        List<Stream> found = new ArrayList<>();
        for (Stream stream : streams.values()) {
            if (forgetIfExpired(stream, nowMillis)) continue;
            if (tableName == null || stream.tableName.equals(tableName)) found.add(stream);
        }
        return found;
    }

    /**
     * After loading a namespace: the streams a store kept come back (with {@code --db-path}),
     * and every table with a stream enabled takes its changes again, numbered on from its
     * stream's last record.
     */
    public void resume(Store store, String namespaceId, Iterable<Table> tables, long nowMillis) {
        if (store.keepsSideData()) {
            StreamKeeper keeper = new StreamKeeper(store, namespaceId);
            keepWith(keeper);
            for (Stream stream : keeper.load()) put(stream);
        }
        for (Table table : tables) {
            for (Stream stream : streams.values()) {
                if (stream.tableName.equals(table.name())) table.feed().continueAfter(stream.lastSequence());
            }
            if (!table.definition().streamEnabled()) continue;
            Stream current = streams.get(arn(table.definition(), table.definition().latestStreamLabel()));
            if (current != null && current.disabledMillis() < 0) current.subscribeTo(table, nowMillis);
            else enable(table, nowMillis);
        }
    }

    void put(Stream stream) {
        streams.put(stream.arn, stream);
        expiries.note(stream.expiresMillis());
    }

    long rolloverMillis() {
        return rolloverMillis;
    }
}
