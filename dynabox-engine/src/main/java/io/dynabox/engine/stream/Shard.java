package io.dynabox.engine.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * One shard of a stream: its records in sequence order, open until the stream rolls it over
 * (its child shard takes the next records) or the stream is disabled. Trimmed records are
 * dropped from the front. Guarded by the stream's monitor.
 */
final class Shard {
    final String id;
    final String parentId;
    final long openedMillis;
    final long startingSequence;
    long closedMillis = -1;
    long endingSequence = -1;
    // records[head..] are live; the front is compacted away now and then
    private final ArrayList<StreamRecord> records = new ArrayList<>();
    private int head;
    // the sequence number of the newest record trimmed from this shard, or 0
    long trimmedThrough;

    Shard(String id, String parentId, long openedMillis, long startingSequence) {
        this.id = id;
        this.parentId = parentId;
        this.openedMillis = openedMillis;
        this.startingSequence = startingSequence;
    }

    boolean open() {
        return closedMillis < 0;
    }

    void add(StreamRecord record) {
        records.add(record);
    }

    int size() {
        return records.size() - head;
    }

    StreamRecord get(int i) {
        return records.get(head + i);
    }

    /** Drops the records from {@code sequence} on (changes whose commit failed); answers how many. */
    int dropFrom(long sequence) {
        int dropped = 0;
        while (records.size() > head && records.get(records.size() - 1).sequence() >= sequence) {
            records.remove(records.size() - 1);
            dropped++;
        }
        return dropped;
    }

    StreamRecord last() {
        return size() == 0 ? null : records.get(records.size() - 1);
    }

    /** The index of the first live record with a sequence number at or above {@code sequence} (size() if none). */
    int firstAtOrAfter(long sequence) {
        int low = head;
        int high = records.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (records.get(mid).sequence() < sequence) low = mid + 1;
            else high = mid;
        }
        return low - head;
    }

    /** Drops the records written before {@code cutoffMillis}; returns how many. */
    int trimBefore(long cutoffMillis) {
        int dropped = 0;
        while (head < records.size() && records.get(head).timeMillis() < cutoffMillis) {
            trimmedThrough = records.get(head).sequence();
            records.set(head++, null);
            dropped++;
        }
        if (head > 1024 && head > records.size() / 2) {
            records.subList(0, head).clear();
            head = 0;
        }
        return dropped;
    }

    List<StreamRecord> live() {
        return records.subList(head, records.size());
    }

    void close(long atMillis, long lastSequence) {
        closedMillis = atMillis;
        StreamRecord last = last();
        endingSequence = last != null ? last.sequence() : Math.max(startingSequence, lastSequence);
    }
}
