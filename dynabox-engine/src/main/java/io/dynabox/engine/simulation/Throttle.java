package io.dynabox.engine.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.CapacityLedger;
import io.dynabox.engine.capacity.ThrottlePolicy;
import io.dynabox.engine.capacity.WriteCost;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.wire.Json;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Throttling as the service does it, for tables whose simulation settings say so. Provisioned tables and global
 * indexes get their read and write capacity a second, with up to {@value #BURST_SECONDS} seconds of unused
 * capacity saved as burst; on-demand tables and their global indexes serve up to their warm throughput or double
 * their previous peak, and no more than the {@code MaxReadRequestUnits} / {@code MaxWriteRequestUnits} of their OnDemandThroughput, nor
 * than the service's default per-table account quota of 40,000 read and 40,000 write request units a second
 * ({@code RequestLimitExceeded}, reason {@code ...AccountLimitExceeded});
 * in both modes no partition serves more than {@value #PARTITION_READ_UNITS} read or {@value #PARTITION_WRITE_UNITS}
 * write units a second, partitions being derived from throughput and size as the service documents (one per
 * 3,000 RCU + 1,000 WCU, one per 10 GB; on demand, of the rate served now), a global index's from its own. A write goes ahead only if every global index of the table could take
 * it too: a throttled index throttles its table's writes. A provisioned table's refusals are
 * {@code ProvisionedThroughputExceededException}; an on-demand table's are {@code ThrottlingException} (as the
 * service answers them: the on-demand text "Throughput exceeds the current capacity of your table or index..." comes
 * with that error code in the service's answers users report).
 *
 * <p>Before an action changes anything, the engine asks {@link #admit} (or, for a batch's items,
 * {@link #hasCapacity}); after it ran, {@link #settle} takes what its ledger says it consumed. Time is the
 * engine's clock, so a manual clock makes throttling exactly reproducible.
 */
public final class Throttle implements ThrottlePolicy {
    static final int BURST_SECONDS = 300;
    static final double PARTITION_READ_UNITS = 3000;
    static final double PARTITION_WRITE_UNITS = 1000;
    static final long PARTITION_BYTES = 10L * 1024 * 1024 * 1024;
    /** The service's default per-table account quotas for an on-demand table: read and write request units a second. */
    static final double ON_DEMAND_TABLE_QUOTA_UNITS = 40_000;

    static final String PROVISIONED_TABLE_MESSAGE = "The level of configured provisioned throughput for the table was exceeded. "
            + "Consider increasing your provisioning level with the UpdateTable API.";
    static final String PROVISIONED_INDEX_MESSAGE = "The level of configured provisioned throughput for one or more global secondary "
            + "indexes of the table was exceeded. Consider increasing your provisioning level for the under-provisioned global "
            + "secondary indexes with the UpdateTable API";
    static final String ON_DEMAND_MESSAGE = "Throughput exceeds the current capacity of your table or index. DynamoDB is "
            + "automatically scaling your table or index so please try again shortly. If exceptions persist, check if you have "
            + "a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html";
    static final String MAX_ON_DEMAND_MESSAGE = "Throughput exceeds the maximum OnDemandThroughput configured on table or index";
    static final String ACCOUNT_LIMIT_MESSAGE = "Throughput exceeds the current throughput limit for your account. Please contact AWS Support at "
            + "https://aws.amazon.com/support request a limit increase";

    private final Simulation simulation;
    /** Per live table; a dropped table's state goes with it. */
    private final Map<Table, TableCapacity> tables = Collections.synchronizedMap(new WeakHashMap<>());

    Throttle(Simulation simulation) {
        this.simulation = simulation;
    }

    /** A refusal: the reason as the service names it, the resource's ARN, and which error carries it. */
    private record Refusal(String reason, String resource, ErrorCode code, String message, String explanation) {
        DynamoException exception() {
            ObjectNode extra = Json.object();
            ObjectNode reason = extra.putArray(code == ErrorCode.THROTTLING ? "throttlingReasons" : "ThrottlingReasons").addObject();
            reason.put("reason", this.reason);
            reason.put("resource", resource);
            return new DynamoException(code, message, explanation, extra);
        }
    }

    @Override
    public void admit(RequestContext context, Table table, String indexName, boolean write, Long partitionHash) {
        if (!throttles(context, table)) return;
        Refusal refusal = state(table).check(table, indexName, write, partitionHash, context.ledger(), context.nowMillis());
        if (refusal == null) return;
        record(context, table, refusal, "refused");
        throw refusal.exception();
    }

    @Override
    public boolean hasCapacity(RequestContext context, Table table, boolean write, Long partitionHash) {
        if (!throttles(context, table)) return true;
        Refusal refusal = state(table).check(table, null, write, partitionHash, context.ledger(), context.nowMillis());
        if (refusal == null) return true;
        record(context, table, refusal, "left unprocessed");
        return false;
    }

    @Override
    public void admitIndexWrites(RequestContext context, Table table, WriteCost cost) {
        if (cost.globalIndexKeys().isEmpty() || !throttles(context, table)) return;
        Refusal refusal = state(table).checkIndexPartitions(table, cost, context.ledger(), context.nowMillis());
        if (refusal == null) return;
        record(context, table, refusal, "refused");
        throw refusal.exception();
    }

    @Override
    public boolean hasIndexCapacity(RequestContext context, Table table, WriteCost cost) {
        if (cost.globalIndexKeys().isEmpty() || !throttles(context, table)) return true;
        Refusal refusal = state(table).checkIndexPartitions(table, cost, context.ledger(), context.nowMillis());
        if (refusal == null) return true;
        record(context, table, refusal, "left unprocessed");
        return false;
    }

    @Override
    public void settle(RequestContext context, CapacityLedger ledger) {
        for (CapacityLedger.Charge charge : ledger.charges()) {
            if (charge.units() > 0 && throttles(context, charge.table())) state(charge.table()).take(charge, context.nowMillis());
        }
    }

    private boolean throttles(RequestContext context, Table table) {
        return simulation.scope(context.namespace().id()).settings().throttling(table.name());
    }

    private TableCapacity state(Table table) {
        return tables.computeIfAbsent(table, t -> new TableCapacity());
    }

    private void record(RequestContext context, Table table, Refusal refusal, String outcome) {
        simulation.record(new SimulationEvent(context.nowMillis(), "throttle", context.requestId(), context.namespace().id(),
                context.action(), table.name(), refusal.reason + " on " + refusal.resource + ": " + outcome));
    }

    /** The capacity of one table and its global indexes, following its definition as it changes. */
    private static final class TableCapacity {
        private TableDefinition seen;
        private Capacity table;
        // on-demand: the per-table account quotas
        private Bucket quotaRead;
        private Bucket quotaWrite;
        private final Map<String, Capacity> indexes = new HashMap<>();

        synchronized Refusal check(Table t, String indexName, boolean isWrite, Long partitionHash, CapacityLedger ledger, long now) {
            follow(t, now);
            TableDefinition d = seen;
            IndexDefinition global = indexName == null ? null : d.index(indexName);
            if (global != null && !global.global()) global = null; // a local index reads the table's capacity
            if (global != null) {
                Capacity index = indexes.get(global.name());
                if (index == null) return null;
                index.roll(now);
                return index.check(d, global, false, partitionHash, pending(ledger, t, global.name(), false),
                        partitionHash == null ? 0 : pending(ledger, t, global.name(), false, index, partitionHash), now);
            }
            boolean onDemand = d.payPerRequest();
            table.roll(now);
            double pending = pending(ledger, t, null, isWrite);
            if (onDemand) {
                Bucket max = isWrite ? table.maxWrite : table.maxRead;
                if (max != null && !max.hasRoom(pending, now)) return maxRefusal(d, null, isWrite, max);
                Bucket quota = isWrite ? quotaWrite : quotaRead;
                if (!quota.hasRoom(pending, now)) {
                    return new Refusal(kind(false, isWrite, "AccountLimitExceeded"), d.arn(), ErrorCode.REQUEST_LIMIT_EXCEEDED, ACCOUNT_LIMIT_MESSAGE,
                            "simulated throttling: an on-demand table serves at most " + (long) quota.rate() + (isWrite ? " write" : " read")
                                    + " request units a second, the service's default per-table account quota");
                }
            }
            Refusal refusal = table.check(d, null, isWrite, partitionHash, pending,
                    partitionHash == null ? 0 : pending(ledger, t, null, isWrite, table, partitionHash), now);
            if (refusal != null || !isWrite) return refusal;
            // a write goes ahead only if every global index could take it too
            for (IndexDefinition index : d.globalIndexes()) {
                Capacity capacity = indexes.get(index.name());
                if (capacity == null) continue;
                capacity.roll(now);
                refusal = capacity.check(d, index, true, null, pending(ledger, t, index.name(), true), 0, now);
                if (refusal != null) return refusal;
            }
            return null;
        }

        /** The refusal of a planned write whose entry in a global index falls on a partition out of capacity, or null. */
        synchronized Refusal checkIndexPartitions(Table t, WriteCost cost, CapacityLedger ledger, long now) {
            follow(t, now);
            for (Map.Entry<String, byte[]> entry : cost.globalIndexKeys().entrySet()) {
                Capacity index = indexes.get(entry.getKey());
                if (index == null || entry.getValue() == null) continue;
                long hash = KeyCodec.hashOf(entry.getValue());
                index.roll(now);
                Bucket partition = index.partition(true, hash, now);
                if (!partition.hasRoom(pending(ledger, t, entry.getKey(), true, index, hash), now)) {
                    return index.partitionRefusal(seen, seen.index(entry.getKey()), true, partition);
                }
            }
            return null;
        }

        synchronized void take(CapacityLedger.Charge charge, long now) {
            follow(charge.table(), now);
            if (charge.index() != null && charge.globalIndex()) {
                Capacity index = indexes.get(charge.index());
                if (index != null) index.take(charge.write(), charge.units(), charge.partitionHash(), now);
                return;
            }
            if (quotaRead != null) (charge.write() ? quotaWrite : quotaRead).take(charge.units(), now);
            table.take(charge.write(), charge.units(), charge.partitionHash(), now);
        }

        /** Buckets sized from the table's definition, made again when UpdateTable changed it (keeping what is saved). */
        private void follow(Table t, long now) {
            TableDefinition d = t.definition();
            if (d == seen) return;
            seen = d;
            // a table's capacity builds up from its creation: burst is capacity left unused since then. Its first
            // second's worth is there from the start, so that a clock that stands still at the creation does not leave
            // a new table nothing to serve with, and refilling begins at the creation too: a client that uses exactly
            // the table's capacity each second from its creation on is never refused (a second's idle leaves two seconds' worth)
            long created = Math.min((long) (d.creationDateTime() * 1000), now);
            boolean first = table == null;
            if (first) table = new Capacity();
            long bytes = t.keyspace().sizeBytes();
            if (d.payPerRequest()) {
                table.onDemand(d.warmThroughput().readUnitsPerSecond(), d.warmThroughput().writeUnitsPerSecond(), d.onDemandThroughput(),
                        bytes, created, now);
                quotaRead = resized(quotaRead, ON_DEMAND_TABLE_QUOTA_UNITS, 1, now);
                quotaWrite = resized(quotaWrite, ON_DEMAND_TABLE_QUOTA_UNITS, 1, now);
            } else {
                table.provisioned(d.throughput().readCapacityUnits(), d.throughput().writeCapacityUnits(), bytes, created, now);
                quotaRead = null;
                quotaWrite = null;
            }
            Map<String, Capacity> previous = new HashMap<>(indexes);
            indexes.clear();
            for (IndexDefinition index : d.globalIndexes()) {
                Capacity capacity = previous.get(index.name());
                // an index made with its table builds up capacity from the table's creation; one added later, from now
                long since = capacity == null && first ? created : now;
                if (capacity == null) capacity = new Capacity();
                if (d.payPerRequest()) {
                    TableDefinition.Warm warm = index.warmThroughput() == null ? TableDefinition.Warm.ON_DEMAND_INITIAL : index.warmThroughput();
                    capacity.onDemand(warm.readUnitsPerSecond(), warm.writeUnitsPerSecond(), index.onDemandThroughput(), 0, since, now);
                } else {
                    if (index.throughput() == null) continue;
                    capacity.provisioned(index.throughput().readCapacityUnits(), index.throughput().writeCapacityUnits(), 0, since, now);
                }
                indexes.put(index.name(), capacity);
            }
        }

        private double pending(CapacityLedger ledger, Table t, String index, boolean isWrite) {
            double units = 0;
            for (CapacityLedger.Charge charge : ledger.charges()) {
                boolean sameIndex = index == null ? charge.index() == null || !charge.globalIndex() : index.equals(charge.index());
                if (charge.table() == t && charge.write() == isWrite && sameIndex) units += charge.units();
            }
            return units;
        }

        /** What the request has already taken from the partition of {@code partitionHash} of the table ({@code index} null) or a global index. */
        private double pending(CapacityLedger ledger, Table t, String index, boolean isWrite, Capacity capacity, long partitionHash) {
            double units = 0;
            int partition = capacity.partitionOf(partitionHash);
            for (CapacityLedger.Charge charge : ledger.charges()) {
                boolean sameIndex = index == null ? charge.index() == null : index.equals(charge.index());
                if (charge.table() == t && charge.write() == isWrite && sameIndex && charge.partitionHash() != null
                        && capacity.partitionOf(charge.partitionHash()) == partition) units += charge.units();
            }
            return units;
        }
    }

    /**
     * The capacity of a table or of one of its global indexes: its rate a second (with burst, provisioned; up to double
     * its previous peak, on demand), its OnDemandThroughput maximums, and its partitions. Not thread-safe: its table's lock guards it.
     */
    private static final class Capacity {
        private Bucket read;
        private Bucket write;
        private Bucket maxRead;
        private Bucket maxWrite;
        private int partitions;
        private long bytes;
        private final Map<Integer, Bucket> readPartitions = new HashMap<>();
        private final Map<Integer, Bucket> writePartitions = new HashMap<>();
        // on-demand: the warm throughput, consumption in the current second, and the highest a second so far
        private boolean onDemand;
        private double warmRead;
        private double warmWrite;
        private long second = Long.MIN_VALUE;
        private double secondRead;
        private double secondWrite;
        private double peakRead;
        private double peakWrite;

        void provisioned(double readRate, double writeRate, long size, long since, long now) {
            onDemand = false;
            maxRead = null;
            maxWrite = null;
            size(readRate, writeRate, BURST_SECONDS, size, since, now);
        }

        void onDemand(double warmReadUnits, double warmWriteUnits, JsonNode onDemandThroughput, long size, long since, long now) {
            onDemand = true;
            warmRead = warmReadUnits;
            warmWrite = warmWriteUnits;
            maxRead = maxBucket(maxRead, onDemandThroughput, "MaxReadRequestUnits", now);
            maxWrite = maxBucket(maxWrite, onDemandThroughput, "MaxWriteRequestUnits", now);
            size(Math.max(warmRead, 2 * peakRead), Math.max(warmWrite, 2 * peakWrite), 1, size, since, now);
        }

        private void size(double readRate, double writeRate, double burst, long size, long since, long now) {
            bytes = size;
            read = read == null ? new Bucket(readRate, readRate * burst, readRate, since) : resized(read, readRate, burst, now);
            write = write == null ? new Bucket(writeRate, writeRate * burst, writeRate, since) : resized(write, writeRate, burst, now);
            repartition(false);
        }

        /** One partition per 3,000 RCU + 1,000 WCU of the current rates and per 10 GB; {@code growOnly}: as the service splits them, never merging. */
        private void repartition(boolean growOnly) {
            int count = (int) Math.max(1, Math.max(Math.ceil(read.rate() / PARTITION_READ_UNITS + write.rate() / PARTITION_WRITE_UNITS),
                    Math.ceil((double) bytes / PARTITION_BYTES)));
            if (count == partitions || growOnly && count < partitions) return;
            partitions = count;
            readPartitions.clear();
            writePartitions.clear();
        }

        /**
         * On-demand: at a new second, the last one's consumption may raise the previous peak, and the rate (double the peak)
         * and the partitions with it; asked before a request is let in, so the new rate serves the new second.
         */
        void roll(long now) {
            if (!onDemand) return;
            long current = Math.floorDiv(now, 1000);
            if (current <= second) return;
            second = current;
            if (secondRead > peakRead || secondWrite > peakWrite) {
                peakRead = Math.max(peakRead, secondRead);
                peakWrite = Math.max(peakWrite, secondWrite);
                double readRate = Math.max(warmRead, 2 * peakRead);
                double writeRate = Math.max(warmWrite, 2 * peakWrite);
                read.resize(readRate, readRate);
                write.resize(writeRate, writeRate);
                repartition(true);
            }
            secondRead = 0;
            secondWrite = 0;
        }

        /** The refusal of a read or write of this table ({@code index} null) or global index, or null when it may go ahead. */
        Refusal check(TableDefinition d, IndexDefinition index, boolean isWrite, Long partitionHash, double pending, double pendingOnPartition,
                      long now) {
            boolean isIndex = index != null;
            String resource = isIndex ? d.arn() + "/index/" + index.name() : d.arn();
            if (isIndex && onDemand) {
                Bucket max = isWrite ? maxWrite : maxRead;
                if (max != null && !max.hasRoom(pending, now)) return maxRefusal(d, index, isWrite, max);
            }
            Bucket whole = isWrite ? write : read;
            if (!whole.hasRoom(pending, now)) {
                String units = (long) whole.rate() + (isWrite ? " write" : " read") + " units a second";
                if (onDemand) {
                    return new Refusal(kind(isIndex, isWrite, "KeyRangeThroughputExceeded"), resource, ErrorCode.THROTTLING, ON_DEMAND_MESSAGE,
                            "simulated throttling: an on-demand " + (isIndex ? "global secondary index" : "table") + " serves at once up to its warm "
                                    + "throughput or double its previous peak, " + units + " now");
                }
                return new Refusal(kind(isIndex, isWrite, "ProvisionedThroughputExceeded"), resource, ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED,
                        isIndex ? PROVISIONED_INDEX_MESSAGE : PROVISIONED_TABLE_MESSAGE, "simulated throttling: "
                        + (isIndex ? "global secondary index " + index.name() : "table " + d.name()) + " has " + (long) whole.rate()
                        + (isWrite ? " WCU" : " RCU") + " a second and its burst capacity is used up");
            }
            if (partitionHash != null) {
                Bucket partition = partition(isWrite, partitionHash, now);
                if (!partition.hasRoom(pendingOnPartition, now)) return partitionRefusal(d, index, isWrite, partition);
            }
            return null;
        }

        Refusal partitionRefusal(TableDefinition d, IndexDefinition index, boolean isWrite, Bucket partition) {
            boolean isIndex = index != null;
            return new Refusal(kind(isIndex, isWrite, "KeyRangeThroughputExceeded"), isIndex ? d.arn() + "/index/" + index.name() : d.arn(),
                    onDemand ? ErrorCode.THROTTLING : ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED,
                    onDemand ? ON_DEMAND_MESSAGE : isIndex ? PROVISIONED_INDEX_MESSAGE : PROVISIONED_TABLE_MESSAGE,
                    "simulated throttling: one partition" + (isIndex ? " of global secondary index " + index.name() : "") + " serves at most "
                            + (long) partition.rate() + (isWrite ? " write" : " read") + " units a second (a hot key)");
        }

        void take(boolean isWrite, double units, Long partitionHash, long now) {
            roll(now);
            (isWrite ? write : read).take(units, now);
            Bucket max = isWrite ? maxWrite : maxRead;
            if (max != null) max.take(units, now);
            if (partitionHash != null) {
                partition(isWrite, partitionHash, now).take(units, now);
            } else {
                // a scan spreads over every partition
                for (int p = 0; p < partitions; p++) partition(isWrite, hashOfPartition(p), now).take(units / partitions, now);
            }
            if (onDemand) {
                if (isWrite) secondWrite += units; else secondRead += units;
            }
        }

        Bucket partition(boolean isWrite, long partitionHash, long now) {
            double rate = isWrite ? PARTITION_WRITE_UNITS : PARTITION_READ_UNITS;
            return (isWrite ? writePartitions : readPartitions).computeIfAbsent(partitionOf(partitionHash), p -> new Bucket(rate, rate, rate, now));
        }

        /** The partition a hash falls in: the hash space split into equal ranges, as scan segments split it. */
        int partitionOf(long partitionHash) {
            return (int) ((partitionHash >>> 1) / (Long.MAX_VALUE / partitions + 1));
        }

        private long hashOfPartition(int partition) {
            return (Long.MAX_VALUE / partitions + 1) * partition << 1;
        }
    }

    private static Refusal maxRefusal(TableDefinition d, IndexDefinition index, boolean isWrite, Bucket max) {
        return new Refusal(kind(index != null, isWrite, "MaxOnDemandThroughputExceeded"), index == null ? d.arn() : d.arn() + "/index/" + index.name(),
                ErrorCode.THROTTLING, MAX_ON_DEMAND_MESSAGE, "simulated throttling: the " + (index == null ? "table" : "global secondary index " + index.name())
                        + "'s OnDemandThroughput allows " + (long) max.rate() + (isWrite ? " write" : " read") + " request units a second");
    }

    private static String kind(boolean index, boolean isWrite, String limit) {
        return (index ? "Index" : "Table") + (isWrite ? "Write" : "Read") + limit;
    }

    private static Bucket resized(Bucket bucket, double rate, double burstSeconds, long now) {
        if (bucket == null) return new Bucket(rate, rate * burstSeconds, rate, now); // a second's worth to start with
        bucket.resize(rate, rate * burstSeconds);
        return bucket;
    }

    private static Bucket maxBucket(Bucket bucket, JsonNode onDemandThroughput, String member, long now) {
        JsonNode max = onDemandThroughput == null ? null : onDemandThroughput.get(member);
        if (max == null || !max.isNumber() || max.longValue() <= 0) return null;
        return resized(bucket, max.longValue(), 1, now);
    }
}
