package io.dynabox.sdk.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;

/**
 * A handler taking a table stream's records batch by batch, like a stream-triggered
 * function: its own position in each shard, parents read to the end before their children,
 * a failed batch retried until the handler takes it. Runs on a daemon thread; close it to stop.
 */
public final class StreamHandler implements AutoCloseable {
    private static final long MAX_BACKOFF_MILLIS = 1000;

    private final TableStream stream;
    private final TableStream.RecordHandler handler;
    private final int batchSize;
    private final long pollMillis;
    private final Map<String, String> lastByShard;
    private final Set<String> finished = new HashSet<>();
    private final Thread thread;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running = true;
    /** Polls begun so far; written by the handler's thread alone. */
    private volatile long pollsBegun;
    /**
     * The number of the last poll that found nothing new. A poll that began after a record was
     * written and found nothing proves the handler took it: a bare "the last poll found nothing"
     * flag did not, as a poll begun before the write could end after awaitIdle began.
     */
    private volatile long lastIdlePoll;
    private volatile Throwable lastFailure;

    StreamHandler(TableStream stream, TableStream.RecordHandler handler, int batchSize, Duration pollInterval, TableStream.Position from) {
        if (batchSize < 1 || batchSize > 1000) throw new IllegalArgumentException("a batch holds 1 to 1000 records");
        this.stream = stream;
        this.handler = handler;
        this.batchSize = batchSize;
        this.pollMillis = Math.max(1, pollInterval.toMillis());
        this.lastByShard = new HashMap<>(from.lastByShard);
        this.thread = new Thread(this::loop, "dynabox-stream-handler " + stream.streamArn());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        long backoff = 0;
        while (running) {
            try {
                long poll = pollsBegun + 1;
                pollsBegun = poll;
                boolean any = pollOnce();
                if (!any) lastIdlePoll = poll;
                backoff = 0;
                if (!any) TimeUnit.MILLISECONDS.sleep(pollMillis);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // the handler (or a read) failed: the same batch comes again after a pause
                failures.incrementAndGet();
                lastFailure = e;
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff == 0 ? 10 : backoff * 2);
                try {
                    TimeUnit.MILLISECONDS.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Delivers the next batch of the first shard that has one; false when there was nothing new. */
    private boolean pollOnce() throws Exception {
        for (Shard shard : stream.shards()) {
            if (finished.contains(shard.shardId())) continue;
            // a child waits until its parent has been read to the end
            if (shard.parentShardId() != null && lastByShardKnown(shard.parentShardId()) && !finished.contains(shard.parentShardId())) return false;
            List<Record> batch = stream.read(shard, lastByShard.get(shard.shardId()), batchSize);
            if (batch.isEmpty()) {
                if (TableStream.closed(shard)) finished.add(shard.shardId());
                continue;
            }
            handler.handle(batch);
            lastByShard.put(shard.shardId(), batch.get(batch.size() - 1).dynamodb().sequenceNumber());
            delivered.addAndGet(batch.size());
            return true;
        }
        return false;
    }

    /** A parent still described by the stream (once trimmed away, its children go on). */
    private boolean lastByShardKnown(String parentId) {
        for (Shard shard : stream.shards()) if (shard.shardId().equals(parentId)) return true;
        return false;
    }

    /** Records the handler has taken. */
    public long delivered() {
        return delivered.get();
    }

    /** Batches the handler (or a read) failed on, each retried. */
    public long failures() {
        return failures.get();
    }

    public Throwable lastFailure() {
        return lastFailure;
    }

    /**
     * Waits until the handler has taken every record written so far (a poll begun after this call
     * found nothing new), or the timeout passes.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long begunBefore = pollsBegun;
        while (System.nanoTime() < deadline) {
            if (lastIdlePoll > begunBefore) return true;
            Thread.sleep(Math.min(pollMillis, 10));
        }
        return lastIdlePoll > begunBefore;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
