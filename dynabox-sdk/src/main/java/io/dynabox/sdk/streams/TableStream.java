package io.dynabox.sdk.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A table's current stream, read for a test through the DynamoDB Streams API (so the records
 * are exactly what a consumer gets): every record still retained, in order over the shards'
 * lineage, or those after a point ({@link #mark()}), and handlers that receive each new batch
 * the way a stream-triggered function does ({@link #onRecords}).
 */
public final class TableStream {
    private final DynamoDbStreamsClient streams;
    private final String streamArn;

    TableStream(DynamoDbStreamsClient streams, String streamArn) {
        this.streams = streams;
        this.streamArn = streamArn;
    }

    public String streamArn() {
        return streamArn;
    }

    /** Every record the stream still holds, oldest first (parent shards before their children). */
    public List<Record> records() {
        return recordsAfter(Position.START);
    }

    /** The point after the newest record now: {@code recordsSince(mark)} later gives what came after it. */
    public Position mark() {
        Position position = new Position(new HashMap<>(), new HashSet<>());
        for (Shard shard : shards()) {
            List<Record> all = read(shard, null, Integer.MAX_VALUE);
            if (!all.isEmpty()) position.lastByShard.put(shard.shardId(), all.get(all.size() - 1).dynamodb().sequenceNumber());
        }
        return position;
    }

    /** The records written after {@code mark}, oldest first. */
    public List<Record> recordsSince(Position mark) {
        return recordsAfter(mark);
    }

    private List<Record> recordsAfter(Position position) {
        List<Record> records = new ArrayList<>();
        for (Shard shard : shards()) records.addAll(read(shard, position.lastByShard.get(shard.shardId()), Integer.MAX_VALUE));
        return records;
    }

    /**
     * Calls {@code handler} with each new batch of at most {@code batchSize} records, from
     * records written after this call, on a thread of its own polling every {@code pollInterval};
     * a batch whose handler throws is delivered again (after a pause, doubling up to a
     * second) until the handler takes it, as a stream-triggered function is retried. Close the
     * answer to stop; {@link StreamHandler#awaitIdle} waits until the handler caught up.
     */
    public StreamHandler onRecords(RecordHandler handler, int batchSize, Duration pollInterval) {
        StreamHandler running = new StreamHandler(this, handler, batchSize, pollInterval, mark());
        running.start();
        return running;
    }

    /** {@link #onRecords(RecordHandler, int, Duration)} with batches of up to 100 records, polled every 20 ms. */
    public StreamHandler onRecords(RecordHandler handler) {
        return onRecords(handler, 100, Duration.ofMillis(20));
    }

    // ---- reading ----

    List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            StreamDescription description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(from)).streamDescription();
            shards.addAll(description.shards());
            start = description.lastEvaluatedShardId();
        } while (start != null);
        return shards;
    }

    /** Up to {@code limit} records of a shard after {@code afterSequence} (from its oldest when null). */
    List<Record> read(Shard shard, String afterSequence, int limit) {
        String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                .shardIteratorType(afterSequence == null ? ShardIteratorType.TRIM_HORIZON : ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                .sequenceNumber(afterSequence)).shardIterator();
        List<Record> records = new ArrayList<>();
        while (iterator != null && records.size() < limit) {
            String from = iterator;
            int want = Math.min(1000, limit - records.size());
            GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(from).limit(want));
            records.addAll(page.records());
            if (page.records().isEmpty()) break;
            iterator = page.nextShardIterator();
        }
        return records;
    }

    /** Whether a closed shard has been read to its end after {@code afterSequence}. */
    static boolean closed(Shard shard) {
        return shard.sequenceNumberRange().endingSequenceNumber() != null;
    }

    /** A point in the stream: the last sequence number seen in each shard. */
    public static final class Position {
        static final Position START = new Position(Map.of(), Set.of());
        final Map<String, String> lastByShard;
        final Set<String> finished;

        Position(Map<String, String> lastByShard, Set<String> finished) {
            this.lastByShard = lastByShard;
            this.finished = finished;
        }
    }

    /** What a handler does with a batch; throwing makes the batch come again. */
    @FunctionalInterface
    public interface RecordHandler {
        void handle(List<Record> batch) throws Exception;
    }
}
