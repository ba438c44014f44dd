package io.dynabox.engine.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.CapacityLedger;
import io.dynabox.engine.capacity.ThrottlePolicy;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.wire.Json;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Throttling as the service does it, for tables whose simulation settings say so. Provisioned tables and global
 * indexes get their read and write capacity a second, with up to {@value #BURST_SECONDS} seconds of unused
 * capacity saved as burst; on-demand tables serve up to their warm throughput or double their previous peak,
 * and no more than the {@code MaxReadRequestUnits} / {@code MaxWriteRequestUnits} of their OnDemandThroughput, nor
 * than the service's default per-table account quota of 40,000 read and 40,000 write request units a second
 * ({@code RequestLimitExceeded}, reason {@code ...AccountLimitExceeded});
 * in both modes no partition serves more than {@value #PARTITION_READ_UNITS} read or {@value #PARTITION_WRITE_UNITS}
 * write units a second, partitions being derived from throughput and size as the service documents (one per
 * 3,000 RCU + 1,000 WCU, one per 10 GB). A write goes ahead only if every global index of the table could take
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

    /** The capacity of one table, its global indexes and its partitions, following its definition as it changes. */
    private static final class TableCapacity {
        private TableDefinition seen;
        private Bucket read;
        private Bucket write;
        private Bucket maxRead;
        private Bucket maxWrite;
        // on-demand: the per-table account quotas
        private Bucket quotaRead;
        private Bucket quotaWrite;
        private final Map<String, Bucket[]> indexes = new HashMap<>();
        private int partitions;
        private final Map<Integer, Bucket> readPartitions = new HashMap<>();
        private final Map<Integer, Bucket> writePartitions = new HashMap<>();
        // on-demand: consumption in the current second, and the highest a second so far
        private long second = Long.MIN_VALUE;
        private double secondRead;
        private double secondWrite;
        private double peakRead;
        private double peakWrite;

        synchronized Refusal check(Table table, String indexName, boolean isWrite, Long partitionHash, CapacityLedger ledger, long now) {
            follow(table, now);
            TableDefinition d = seen;
            boolean onDemand = d.payPerRequest();
            IndexDefinition global = indexName == null ? null : d.index(indexName);
            if (global != null && !global.global()) global = null; // a local index reads the table's capacity
            if (global != null) {
                Bucket[] index = indexes.get(global.name());
                if (index != null && !index[0].hasRoom(pending(ledger, table, global.name(), false), now)) {
                    return indexRefusal(d, global, false);
                }
                return null;
            }
            double pending = pending(ledger, table, null, isWrite);
            if (onDemand) {
                Bucket max = isWrite ? maxWrite : maxRead;
                if (max != null && !max.hasRoom(pending, now)) {
                    return new Refusal(kind(false, isWrite, "MaxOnDemandThroughputExceeded"), d.arn(), ErrorCode.THROTTLING, MAX_ON_DEMAND_MESSAGE,
                            "simulated throttling: the table's OnDemandThroughput allows " + (long) max.rate() + (isWrite ? " write" : " read")
                                    + " request units a second");
                }
            }
            if (onDemand) {
                Bucket quota = isWrite ? quotaWrite : quotaRead;
                if (!quota.hasRoom(pending, now)) {
                    return new Refusal(kind(false, isWrite, "AccountLimitExceeded"), d.arn(), ErrorCode.REQUEST_LIMIT_EXCEEDED, ACCOUNT_LIMIT_MESSAGE,
                            "simulated throttling: an on-demand table serves at most " + (long) quota.rate() + (isWrite ? " write" : " read")
                                    + " request units a second, the service's default per-table account quota");
                }
            }
            Bucket whole = isWrite ? write : read;
            if (!whole.hasRoom(pending, now)) {
                return onDemand
                        ? new Refusal(kind(false, isWrite, "KeyRangeThroughputExceeded"), d.arn(), ErrorCode.THROTTLING, ON_DEMAND_MESSAGE,
                                "simulated throttling: an on-demand table serves at once up to its warm throughput or double its previous peak, "
                                        + (long) whole.rate() + (isWrite ? " write" : " read") + " units a second now")
                        : new Refusal(kind(false, isWrite, "ProvisionedThroughputExceeded"), d.arn(), ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED,
                                PROVISIONED_TABLE_MESSAGE, "simulated throttling: table " + d.name() + " has " + (long) whole.rate()
                                        + (isWrite ? " WCU" : " RCU") + " a second and its burst capacity is used up");
            }
            if (partitionHash != null) {
                Bucket partition = partition(isWrite, partitionHash, now);
                if (!partition.hasRoom(pending(ledger, table, null, isWrite, partitionHash), now)) {
                    return new Refusal(kind(false, isWrite, "KeyRangeThroughputExceeded"), d.arn(),
                            onDemand ? ErrorCode.THROTTLING : ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED,
                            onDemand ? ON_DEMAND_MESSAGE : PROVISIONED_TABLE_MESSAGE,
                            "simulated throttling: one partition serves at most " + (long) partition.rate() + (isWrite ? " write" : " read")
                                    + " units a second (a hot key)");
                }
            }
            if (isWrite && !onDemand) {
                for (IndexDefinition index : d.globalIndexes()) {
                    Bucket[] buckets = indexes.get(index.name());
                    if (buckets != null && !buckets[1].hasRoom(pending(ledger, table, index.name(), true), now)) return indexRefusal(d, index, true);
                }
            }
            return null;
        }

        synchronized void take(CapacityLedger.Charge charge, long now) {
            follow(charge.table(), now);
            if (charge.index() != null && charge.globalIndex()) {
                Bucket[] index = indexes.get(charge.index());
                if (index != null) index[charge.write() ? 1 : 0].take(charge.units(), now);
                return;
            }
            (charge.write() ? write : read).take(charge.units(), now);
            if (maxRead != null && !charge.write()) maxRead.take(charge.units(), now);
            if (maxWrite != null && charge.write()) maxWrite.take(charge.units(), now);
            if (quotaRead != null) (charge.write() ? quotaWrite : quotaRead).take(charge.units(), now);
            if (charge.partitionHash() != null) {
                partition(charge.write(), charge.partitionHash(), now).take(charge.units(), now);
            } else {
                // a scan spreads over every partition
                for (int p = 0; p < partitions; p++) partition(charge.write(), hashOfPartition(p), now).take(charge.units() / partitions, now);
            }
            if (seen.payPerRequest()) countOnDemand(charge.write(), charge.units(), now);
        }

        private Refusal indexRefusal(TableDefinition d, IndexDefinition index, boolean isWrite) {
            long units = isWrite ? index.throughput().writeCapacityUnits() : index.throughput().readCapacityUnits();
            return new Refusal(kind(true, isWrite, "ProvisionedThroughputExceeded"), d.arn() + "/index/" + index.name(),
                    ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED, PROVISIONED_INDEX_MESSAGE, "simulated throttling: global secondary index "
                    + index.name() + " has " + units + (isWrite ? " WCU" : " RCU") + " a second and its burst capacity is used up");
        }

        private static String kind(boolean index, boolean isWrite, String limit) {
            return (index ? "Index" : "Table") + (isWrite ? "Write" : "Read") + limit;
        }

        /** Buckets sized from the table's definition, made again when UpdateTable changed it (keeping what is saved). */
        private void follow(Table table, long now) {
            TableDefinition d = table.definition();
            if (d == seen) return;
            seen = d;
            double readRate;
            double writeRate;
            double burst;
            if (d.payPerRequest()) {
                readRate = Math.max(d.warmThroughput().readUnitsPerSecond(), 2 * peakRead);
                writeRate = Math.max(d.warmThroughput().writeUnitsPerSecond(), 2 * peakWrite);
                burst = 1;
                maxRead = maxBucket(maxRead, d.onDemandThroughput(), "MaxReadRequestUnits", now);
                maxWrite = maxBucket(maxWrite, d.onDemandThroughput(), "MaxWriteRequestUnits", now);
                quotaRead = resized(quotaRead, ON_DEMAND_TABLE_QUOTA_UNITS, 1, now);
                quotaWrite = resized(quotaWrite, ON_DEMAND_TABLE_QUOTA_UNITS, 1, now);
            } else {
                readRate = d.throughput().readCapacityUnits();
                writeRate = d.throughput().writeCapacityUnits();
                burst = BURST_SECONDS;
                maxRead = null;
                maxWrite = null;
                quotaRead = null;
                quotaWrite = null;
            }
            // a table's capacity builds up from its creation: burst is capacity left unused since then. Its first
            // second's worth is there from the start, so that a clock that stands still at the creation does not leave
            // a new table nothing to serve with, and refilling begins at the creation too: a client that uses exactly
            // the table's capacity each second from its creation on is never refused (a second's idle leaves two seconds' worth)
            long created = Math.min((long) (d.creationDateTime() * 1000), now);
            long refillFrom = created;
            boolean first = read == null;
            read = read == null ? new Bucket(readRate, readRate * burst, readRate, refillFrom) : resized(read, readRate, burst, now);
            write = write == null ? new Bucket(writeRate, writeRate * burst, writeRate, refillFrom) : resized(write, writeRate, burst, now);
            Map<String, Bucket[]> previous = new HashMap<>(indexes);
            indexes.clear();
            if (!d.payPerRequest()) {
                for (IndexDefinition index : d.globalIndexes()) {
                    if (index.throughput() == null) continue;
                    Bucket[] old = previous.get(index.name());
                    double indexRead = index.throughput().readCapacityUnits();
                    double indexWrite = index.throughput().writeCapacityUnits();
                    if (old == null && first) { // an index made with its table builds up capacity from the table's creation
                        old = new Bucket[] {new Bucket(indexRead, indexRead * BURST_SECONDS, indexRead, refillFrom),
                                new Bucket(indexWrite, indexWrite * BURST_SECONDS, indexWrite, refillFrom)};
                    }
                    indexes.put(index.name(), new Bucket[] {
                            resized(old == null ? null : old[0], indexRead, BURST_SECONDS, now),
                            resized(old == null ? null : old[1], indexWrite, BURST_SECONDS, now)});
                }
            }
            int count = (int) Math.max(1, Math.max(Math.ceil(readRate / PARTITION_READ_UNITS + writeRate / PARTITION_WRITE_UNITS),
                    Math.ceil((double) table.keyspace().sizeBytes() / PARTITION_BYTES)));
            if (count != partitions) {
                partitions = count;
                readPartitions.clear();
                writePartitions.clear();
            }
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

        private double pending(CapacityLedger ledger, Table table, String index, boolean isWrite) {
            double units = 0;
            for (CapacityLedger.Charge charge : ledger.charges()) {
                boolean sameIndex = index == null ? charge.index() == null || !charge.globalIndex() : index.equals(charge.index());
                if (charge.table() == table && charge.write() == isWrite && sameIndex) units += charge.units();
            }
            return units;
        }

        private double pending(CapacityLedger ledger, Table table, String index, boolean isWrite, long partitionHash) {
            double units = 0;
            for (CapacityLedger.Charge charge : ledger.charges()) {
                if (charge.table() == table && charge.write() == isWrite && charge.index() == null && charge.partitionHash() != null
                        && partitionOf(charge.partitionHash()) == partitionOf(partitionHash)) units += charge.units();
            }
            return units;
        }

        private Bucket partition(boolean isWrite, long partitionHash, long now) {
            double rate = isWrite ? PARTITION_WRITE_UNITS : PARTITION_READ_UNITS;
            return (isWrite ? writePartitions : readPartitions).computeIfAbsent(partitionOf(partitionHash), p -> new Bucket(rate, rate, rate, now));
        }

        /** The partition a hash falls in: the hash space split into equal ranges, as scan segments split it. */
        private int partitionOf(long partitionHash) {
            return (int) ((partitionHash >>> 1) / (Long.MAX_VALUE / partitions + 1));
        }

        private long hashOfPartition(int partition) {
            return (Long.MAX_VALUE / partitions + 1) * partition << 1;
        }

        /** On-demand: a table serves up to double its previous peak a second, so each second's consumption may raise the peak. */
        private void countOnDemand(boolean isWrite, double units, long now) {
            long current = Math.floorDiv(now, 1000);
            if (current != second) {
                peakRead = Math.max(peakRead, secondRead);
                peakWrite = Math.max(peakWrite, secondWrite);
                second = current;
                secondRead = 0;
                secondWrite = 0;
                double readRate = Math.max(seen.warmThroughput().readUnitsPerSecond(), 2 * peakRead);
                double writeRate = Math.max(seen.warmThroughput().writeUnitsPerSecond(), 2 * peakWrite);
                read.resize(readRate, readRate);
                write.resize(writeRate, writeRate);
            }
            if (isWrite) secondWrite += units; else secondRead += units;
        }
    }
}
