package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.CapacityLedger;
import io.dynabox.engine.simulation.TableAsOf;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.store.Keyspace;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Reads one page of a Query or a Scan from one range of a keyspace, by the service's rules:
 * {@code Limit} counts the entries evaluated, before the filter; the page also ends once
 * 1 MB has been read, measured on the entries as stored (for an index, its projected
 * entries), before filtering and projection; {@code LastEvaluatedKey} names the last entry
 * evaluated. The cost is the range walk itself: O(log n) to find the start and O(1) a step.
 */
final class PageReader {
    /** DynamoDB stops a page once it has read 1 MB. */
    static final long PAGE_BYTES = 1024 * 1024;

    private PageReader() {}

    /** What to return of each item that passes the filter. */
    enum Select { ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES, SPECIFIC_ATTRIBUTES, COUNT }

    /**
     * One page request. {@code from}/{@code to} bound the keys read ({@code from} inclusive,
     * {@code to} exclusive, null open); {@code exclusiveStart}, when present, is the stored key
     * the page resumes after. {@code fetch} says whether each entry of a local index must be
     * completed from the table (non-projected attributes asked for). What the page reads is charged to
     * {@code ledger}, on the partition {@code partitionHash} (null for a scan across partitions). {@code asOf}, when
     * the simulation makes an eventually consistent read stale, is the table as the read sees it (null: as it is).
     */
    record Request(ReadSource source, byte[] from, byte[] to, boolean descending, byte[] exclusiveStart,
                   Integer limit, Predicate<Map<String, AttributeValue>> filter,
                   UnaryOperator<Map<String, AttributeValue>> projection, Select select,
                   boolean consistent, boolean fetch, ConsumedCapacity.Detail detail, CapacityLedger ledger, Long partitionHash,
                   TableAsOf asOf) {
    }

    static ObjectNode read(Request r) {
        ReadSource source = r.source();
        return TableLocks.read(source.table, () -> readLocked(r));
    }

    private static ObjectNode readLocked(Request r) {
        ReadSource source = r.source();
        Keyspace keyspace = source.keyspace();
        byte[] from = r.from();
        boolean fromInclusive = true;
        byte[] to = r.to();
        if (r.exclusiveStart() != null) {
            if (r.descending()) to = r.exclusiveStart();
            else {
                from = r.exclusiveStart();
                fromInclusive = false;
            }
        }
        Iterator<StoredItem> entries = keyspace.range(from, fromInclusive, to, false, r.descending());
        if (r.asOf() != null) entries = r.asOf().overlay(entries, source.isIndex() ? source.name() : null, from, fromInclusive, to, r.descending());

        ObjectNode answer = Json.object();
        ArrayNode items = r.select() == Select.COUNT ? null : answer.putArray("Items");
        int scanned = 0;
        int count = 0;
        long bytesRead = 0;
        // what local index entries fetched from their table: data read too, so it counts toward the 1 MB page
        long fetchedBytes = 0;
        long fetchUnits = 0;
        StoredItem last = null;
        boolean stopped = false;
        while (true) {
            if ((r.limit() != null && scanned >= r.limit()) || bytesRead + fetchedBytes >= PAGE_BYTES) {
                stopped = true;
                break;
            }
            if (!entries.hasNext()) break;
            StoredItem entry = entries.next();
            last = entry;
            scanned++;
            bytesRead += entry.size();
            // an entry is decoded only when something must look inside it; otherwise its stored JSON is the answer
            StoredItem returned = entry;
            Map<String, AttributeValue> returnedValues = null;
            Map<String, AttributeValue> filtered = null;
            if (r.fetch()) {
                // a local index entry completed from its table item: one more read, sized by the whole item
                returnedValues = entry.item();
                filtered = returnedValues;
                byte[] itemKey = source.table.encodeKey(returnedValues);
                StoredItem fetched = source.table.keyspace().find(itemKey);
                // a stale read completes its entry from the item as it was at the same moment
                if (r.asOf() != null) fetched = r.asOf().item(itemKey, fetched);
                if (fetched != null) {
                    fetchUnits += Math.max(1, CapacityUnits.wholeReadUnits(fetched.size()));
                    fetchedBytes += fetched.size();
                    filtered = fetched.item();
                    // fetched for a filter alone, the answer is still the index's projection
                    if (r.select() != Select.ALL_PROJECTED_ATTRIBUTES) {
                        returned = fetched;
                        returnedValues = filtered;
                    }
                }
            }
            if (r.filter() != null) {
                if (filtered == null) filtered = returnedValues = entry.item();
                if (!r.filter().test(filtered)) continue;
            }
            count++;
            if (items == null) continue;
            if (r.projection() == null) items.addRawValue(Json.raw(returned.jsonArray(), returned.jsonOffset(), returned.jsonLength()));
            else items.add(AttributeValues.writeItem(r.projection().apply(returnedValues != null ? returnedValues : returned.item())));
        }
        boolean more = stopped && last != null
                && (entries.hasNext() || nothingFollows(keyspace, last.key(), r.descending(), r.asOf(), source.isIndex() ? source.name() : null));

        answer.put("Count", count);
        answer.put("ScannedCount", scanned);
        if (more) answer.set("LastEvaluatedKey", AttributeValues.writeItem(source.keyOf(last.item())));
        double readUnits = CapacityUnits.consistency(Math.max(1, CapacityUnits.wholeReadUnits(bytesRead)), r.consistent());
        if (source.isIndex()) {
            // the table's share: items fetched from it for a local index (none otherwise)
            r.ledger().read(source.table, null, false, CapacityUnits.consistency(fetchUnits, r.consistent()), r.partitionHash());
            r.ledger().read(source.table, source.name(), source.isGlobalIndex(), readUnits, r.partitionHash());
        } else {
            r.ledger().read(source.table, null, false, readUnits, r.partitionHash());
        }
        ConsumedCapacity.add(answer, r.detail(), r.ledger(), source.table.name());
        return answer;
    }

    /**
     * The service looks one entry ahead when a page ends: an entry beyond the range (another
     * partition) shows there is nothing more to read, but at the very end of the stored data
     * it cannot tell, and it gives a LastEvaluatedKey. A stale read ({@code asOf}) looks at the data as it saw it.
     */
    private static boolean nothingFollows(Keyspace keyspace, byte[] lastKey, boolean descending, TableAsOf asOf, String indexName) {
        Iterator<StoredItem> after = descending
                ? keyspace.range(null, false, lastKey, false, true)
                : keyspace.range(lastKey, false, null, false, false);
        if (asOf != null) {
            after = descending ? asOf.overlay(after, indexName, null, true, lastKey, true)
                    : asOf.overlay(after, indexName, lastKey, false, null, false);
        }
        return !after.hasNext();
    }
}
