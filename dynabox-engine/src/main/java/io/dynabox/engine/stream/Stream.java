package io.dynabox.engine.stream;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.feed.Change;
import io.dynabox.engine.feed.FeedSubscriber;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One stream of a table, from its enabling to 24 hours after its disabling: a chain of
 * shards (each the parent of the next, rolled over every {@code rolloverMillis}), filled
 * from the table's change feed, trimmed of records older than 24 hours. A monitor guards
 * it: the feed appends under the table's write lock and then this monitor; readers take
 * the monitor alone.
 */
public final class Stream implements FeedSubscriber {
    public static final long RETENTION_MILLIS = 24L * 60 * 60 * 1000;

    public static final String ENABLING = "ENABLING";
    public static final String ENABLED = "ENABLED";
    public static final String DISABLING = "DISABLING";
    public static final String DISABLED = "DISABLED";

    public static final String KEYS_ONLY = "KEYS_ONLY";
    public static final String NEW_IMAGE = "NEW_IMAGE";
    public static final String OLD_IMAGE = "OLD_IMAGE";
    public static final String NEW_AND_OLD_IMAGES = "NEW_AND_OLD_IMAGES";

    final String arn;
    final String label;
    final String tableName;
    final KeySchema keySchema;
    final String viewType;
    final long createdMillis;
    // when the stream is ENABLED (after the table's transient period)
    final long enabledMillis;
    private final long rolloverMillis;
    private final List<Shard> shards = new ArrayList<>();
    private long disabledMillis = -1;
    private long settledDisabledMillis = -1;
    private long lastSequence;
    private AutoCloseable subscription;
    // called with what changed, for stores that keep streams (set by Streams)
    private final StreamListener listener;

    /** What a stream tells whoever keeps it: records appended, shards changed. Called under the stream's monitor. */
    interface StreamListener {
        void appended(Stream stream, Shard shard, List<StreamRecord> records);

        /** Shards opened, closed or forgotten, or the stream disabled. */
        void shardsChanged(Stream stream);

        /** Records up to this sequence number are gone. */
        void trimmed(Stream stream, long throughSequence);

        /** The stream is gone for good. */
        void forgotten(Stream stream);

        StreamListener NONE = new StreamListener() {
            public void appended(Stream stream, Shard shard, List<StreamRecord> records) {}

            public void shardsChanged(Stream stream) {}

            public void trimmed(Stream stream, long throughSequence) {}

            public void forgotten(Stream stream) {}
        };
    }

    Stream(String arn, String label, String tableName, KeySchema keySchema, String viewType, long createdMillis,
           long enabledMillis, long rolloverMillis, StreamListener listener) {
        this.arn = arn;
        this.label = label;
        this.tableName = tableName;
        this.keySchema = keySchema;
        this.viewType = viewType;
        this.createdMillis = createdMillis;
        this.enabledMillis = enabledMillis;
        this.rolloverMillis = rolloverMillis;
        this.listener = listener;
    }

    public String arn() {
        return arn;
    }

    public String label() {
        return label;
    }

    public String tableName() {
        return tableName;
    }

    public String viewType() {
        return viewType;
    }

    public KeySchema keySchema() {
        return keySchema;
    }

    long createdMillis() {
        return createdMillis;
    }

    /** Starts taking the table's changes. */
    synchronized void subscribeTo(Table table, long nowMillis) {
        if (shards.isEmpty()) openShard(null, nowMillis, table.feed().lastSequence() + 1);
        lastSequence = Math.max(lastSequence, table.feed().lastSequence());
        subscription = table.feed().subscribe(this);
    }

    @Override
    public synchronized void committed(Table table, List<Change> changes) {
        if (disabledMillis >= 0) return;
        long time = changes.get(0).timeMillis();
        rollOver(time);
        Shard shard = shards.get(shards.size() - 1);
        List<StreamRecord> added = new ArrayList<>(changes.size());
        for (Change change : changes) {
            // the record's event id, keys and size are made when someone reads it: not on the writer's time
            StreamRecord record = new StreamRecord(change);
            shard.add(record);
            added.add(record);
            lastSequence = change.sequence();
        }
        listener.appended(this, shard, added);
        // records turn 24 hours old whether anyone reads or not: trim as the stream is written
        if (oldestBefore(time - RETENTION_MILLIS)) maintain(time);
    }

    /** Changes whose commit failed: their records go (they are the newest), as if never written. */
    @Override
    public synchronized void retracted(Table table, List<Change> changes) {
        long first = Long.MAX_VALUE;
        for (Change change : changes) first = Math.min(first, change.sequence());
        for (Shard shard : shards) shard.dropFrom(first);
        if (lastSequence >= first) lastSequence = first - 1;
    }

    /** Whether the oldest record held was written before {@code cutoffMillis}. */
    private boolean oldestBefore(long cutoffMillis) {
        for (Shard shard : shards) {
            if (shard.size() > 0) return shard.get(0).timeMillis() < cutoffMillis;
        }
        return false;
    }

    boolean showsNew() {
        return NEW_IMAGE.equals(viewType) || NEW_AND_OLD_IMAGES.equals(viewType);
    }

    boolean showsOld() {
        return OLD_IMAGE.equals(viewType) || NEW_AND_OLD_IMAGES.equals(viewType);
    }

    /** Closes the open shard and opens its child when the roll-over period has passed (by then, not later). */
    private void rollOver(long nowMillis) {
        if (disabledMillis >= 0 || shards.isEmpty()) return;
        Shard open = shards.get(shards.size() - 1);
        long elapsed = nowMillis - open.openedMillis;
        if (elapsed < rolloverMillis) return;
        // an idle stream gets one child at the start of the current period, not one per period missed
        long childOpened = open.openedMillis + (elapsed / rolloverMillis) * rolloverMillis;
        open.close(open.openedMillis + rolloverMillis, lastSequence);
        openShard(open.id, childOpened, lastSequence + 1);
    }

    private void openShard(String parentId, long openedMillis, long startingSequence) {
        String id = String.format("shardId-%020d-%08x", openedMillis, ThreadLocalRandom.current().nextInt());
        shards.add(new Shard(id, parentId, openedMillis, startingSequence));
        listener.shardsChanged(this);
    }

    /** Brings the stream up to {@code nowMillis}: rolls its shard over, trims old records, forgets trimmed closed shards. */
    synchronized void maintain(long nowMillis) {
        rollOver(nowMillis);
        long cutoff = nowMillis - RETENTION_MILLIS;
        boolean changed = false;
        long trimmedThrough = -1;
        for (Shard shard : shards) {
            if (shard.trimBefore(cutoff) > 0) {
                trimmedThrough = Math.max(trimmedThrough, shard.trimmedThrough);
                changed = true;
            }
        }
        if (trimmedThrough >= 0) listener.trimmed(this, trimmedThrough);
        // a closed shard whose records are all gone and that closed before the retention window is no longer described
        while (shards.size() > 1 && !shards.get(0).open() && shards.get(0).size() == 0 && shards.get(0).closedMillis < cutoff) {
            shards.remove(0);
            changed = true;
        }
        if (changed) listener.shardsChanged(this);
    }

    /** Stops taking changes and closes the open shard: the stream stays readable for 24 hours. */
    synchronized void disable(long nowMillis, long settledMillis) {
        if (disabledMillis >= 0) return;
        rollOver(nowMillis);
        disabledMillis = nowMillis;
        settledDisabledMillis = settledMillis;
        Shard open = shards.get(shards.size() - 1);
        if (open.open()) open.close(nowMillis, lastSequence);
        closeSubscription();
        listener.shardsChanged(this);
    }

    synchronized void closeSubscription() {
        if (subscription == null) return;
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        subscription = null;
    }

    public synchronized String status(long nowMillis) {
        if (disabledMillis >= 0) return nowMillis < settledDisabledMillis ? DISABLING : DISABLED;
        return nowMillis < enabledMillis ? ENABLING : ENABLED;
    }

    /** True once the stream is past its 24 hours of reading after disabling. */
    synchronized boolean expired(long nowMillis) {
        return nowMillis >= expiresMillis();
    }

    /** When the stream's 24 hours of reading after disabling are over; Long.MAX_VALUE while it is not disabled. */
    synchronized long expiresMillis() {
        return disabledMillis >= 0 ? disabledMillis + RETENTION_MILLIS : Long.MAX_VALUE;
    }

    synchronized long disabledMillis() {
        return disabledMillis;
    }

    synchronized long settledDisabledMillis() {
        return settledDisabledMillis;
    }

    /** The changes of its records after {@code sequence} still kept, in commit order (a replica re-ships them after a restart). */
    public synchronized List<Change> changesAfter(long sequence) {
        List<Change> found = new ArrayList<>();
        for (Shard shard : shards) {
            for (StreamRecord record : shard.live()) if (record.sequence() > sequence) found.add(record.change());
        }
        return found;
    }

    /** The shards described now (after maintenance), oldest first. */
    synchronized List<Shard> shards() {
        return List.copyOf(shards);
    }

    synchronized Shard shard(String shardId) {
        for (Shard shard : shards) if (shard.id.equals(shardId)) return shard;
        return null;
    }

    synchronized long lastSequence() {
        return lastSequence;
    }

    long rolloverMillis() {
        return rolloverMillis;
    }

    /** Tells the keeper the stream is gone for good. */
    synchronized void forget() {
        closeSubscription();
        listener.forgotten(this);
    }

    // ---- reading ----

    /** A shard iterator of one of the four types, as GetShardIterator hands it out. */
    public synchronized ShardIterator iterator(String shardId, String type, Long sequence, long nowMillis) {
        Shard shard = shard(shardId);
        if (shard == null) throw DynamoException.resourceNotFound("Shard does not exist");
        long after = switch (type) {
            case "TRIM_HORIZON" -> Math.max(shard.startingSequence - 1, shard.trimmedThrough);
            case "LATEST" -> shard.open() ? lastSequence : shard.endingSequence;
            case "AT_SEQUENCE_NUMBER" -> {
                if (sequence <= shard.trimmedThrough) throw trimmed();
                yield sequence - 1;
            }
            case "AFTER_SEQUENCE_NUMBER" -> {
                if (sequence < shard.trimmedThrough) throw trimmed();
                yield sequence;
            }
            default -> throw new IllegalArgumentException("iterator type " + type + " passed the shape check");
        };
        return new ShardIterator(arn, shard.id, after, nowMillis);
    }

    /** What GetRecords answers: the records read, and where to read next (null once a closed shard is drained). */
    public record Page(List<StreamRecord> records, ShardIterator next) {
    }

    /** Up to {@code limit} records after the iterator's position, and no more than 1 MB of them (at least one). */
    public synchronized Page read(ShardIterator iterator, int limit, long maxBytes, long nowMillis) {
        Shard shard = shard(iterator.shardId());
        if (shard == null) throw DynamoException.resourceNotFound("Invalid ShardId in ShardIterator");
        if (iterator.afterSequence() < shard.trimmedThrough) throw trimmed();
        int from = shard.firstAtOrAfter(iterator.afterSequence() + 1);
        List<StreamRecord> page = new ArrayList<>(Math.min(limit, shard.size() - from));
        long bytes = 0;
        int i = from;
        for (; i < shard.size() && page.size() < limit; i++) {
            StreamRecord record = shard.get(i).complete(this);
            if (!page.isEmpty() && bytes + record.sizeBytes() > maxBytes) break;
            bytes += record.sizeBytes();
            page.add(record);
        }
        boolean drained = !shard.open() && i >= shard.size();
        long after = page.isEmpty() ? iterator.afterSequence() : page.get(page.size() - 1).sequence();
        return new Page(page, drained ? null : new ShardIterator(arn, shard.id, after, nowMillis));
    }

    static DynamoException trimmed() {
        return new DynamoException(ErrorCode.TRIMMED_DATA_ACCESS, "The operation attempted to read past the oldest stream record in a shard.");
    }

    // ---- restoring a kept stream ----

    synchronized void restore(long disabledAt, long settledDisabledAt, List<Shard> keptShards, long keptLastSequence) {
        disabledMillis = disabledAt;
        settledDisabledMillis = settledDisabledAt;
        shards.clear();
        shards.addAll(keptShards);
        lastSequence = keptLastSequence;
    }
}
