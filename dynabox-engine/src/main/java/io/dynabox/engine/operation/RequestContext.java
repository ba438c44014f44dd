package io.dynabox.engine.operation;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.capacity.CapacityLedger;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.ThrottlePolicy;
import io.dynabox.engine.capacity.WriteCost;
import io.dynabox.engine.clock.TransientStatus;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.simulation.StaleReads;
import io.dynabox.engine.simulation.TableAsOf;
import io.dynabox.engine.simulation.TransactionConflicts;
import io.dynabox.engine.store.Store;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.value.KeyCodec;
import java.util.List;

/**
 * What an action needs besides its request: the caller's namespace, the store, the time, the options, the
 * request's capacity ledger (every read and write charges it), and the throttle policy (null unless the
 * simulation throttles this namespace).
 */
public record RequestContext(Namespace namespace, Store store, DynaboxOptions options, long nowMillis, String requestId, String action,
                             CapacityLedger ledger, ThrottlePolicy throttle, TransactionConflicts conflicts, StaleReads staleReads) {

    /** A context with a fresh ledger and nothing simulated. */
    public RequestContext(Namespace namespace, Store store, DynaboxOptions options, long nowMillis, String requestId, String action) {
        this(namespace, store, options, nowMillis, requestId, action, new CapacityLedger(nowMillis), null, null, null);
    }

    /** A single-item write: refused with TransactionConflictException when the simulation has a transaction holding the item. */
    public void checkNoTransaction(Table table, byte[] key) {
        if (conflicts != null) conflicts.checkSingleWrite(this, table, key);
    }

    /** A write of a BatchWriteItem: true when a transaction in flight holds the item (the write is left unprocessed). */
    public boolean meetsTransaction(Table table, byte[] key) {
        return conflicts != null && conflicts.meetsTransaction(this, table, key);
    }

    /**
     * A transaction's items put in flight; the positions of those that conflict with another transaction
     * (empty: go ahead). Without the simulation, transactions wait for each other and never conflict.
     */
    public List<Integer> claimForTransaction(List<Table> tables, List<byte[]> keys) {
        return conflicts == null ? List.of() : conflicts.claim(this, tables, keys);
    }

    /**
     * What a range read (Query, Scan, a PartiQL SELECT) of the table or its indexes sees: null for the latest (a
     * strongly consistent read, or nothing simulated), or the table as it was up to the lag ago. Global index reads
     * are always eventually consistent, so an index lags its table.
     */
    public TableAsOf asOf(Table table, boolean consistent) {
        return consistent || staleReads == null ? null : staleReads.asOf(this, table);
    }

    /** What an eventually consistent read of the item sees: {@code current}, or a state it had up to the lag ago. */
    public StoredItem eventuallyConsistent(Table table, byte[] key, StoredItem current) {
        return staleReads == null ? current : staleReads.read(this, table, key, current);
    }

    /**
     * Lets a read of the table ({@code indexName} null) or an index go ahead, or throws the service's throttling
     * error; asked before the read, so a throttled request changes nothing. {@code partitionHash} is the hash of
     * the partition read ({@link io.dynabox.engine.value.KeyCodec#hashOf}), or null for a read across partitions.
     */
    public void admitRead(Table table, String indexName, Long partitionHash) {
        admitRead(table, indexName, partitionHash, CapacityUnits.readUnits(0, false));
    }

    /** As {@link #admitRead(Table, String, Long)}; a refusal notes {@code unitsIfRefused} (what the read would have consumed, at least) as throttled. */
    public void admitRead(Table table, String indexName, Long partitionHash, double unitsIfRefused) {
        admitRead(table, indexName, partitionHash, null, unitsIfRefused);
    }

    /** As {@link #admitRead(Table, String, Long, double)}, for a read of the one item whose stored key is {@code itemKey} (or null). */
    public void admitRead(Table table, String indexName, Long partitionHash, byte[] itemKey, double unitsIfRefused) {
        if (throttle == null) return;
        try {
            throttle.admit(this, table, indexName, false, partitionHash);
        } catch (DynamoException refused) {
            IndexDefinition index = indexName == null ? null : table.definition().index(indexName);
            if (unitsIfRefused > 0) ledger.throttled(table, indexName, index != null && index.global(), false, unitsIfRefused, partitionHash, itemKey);
            throw refused;
        }
    }

    /**
     * Lets a write of the table's item whose stored key is {@code itemKey} (and so of its indexes) go ahead, or throws
     * the service's throttling error; asked before the write.
     */
    public void admitWrite(Table table, Long partitionHash, byte[] itemKey) {
        admitWrite(table, partitionHash, itemKey, 1);
    }

    /** As {@link #admitWrite(Table, Long, byte[])}; a refusal notes {@code unitsIfRefused} (what the write would have consumed, at least) as throttled. */
    public void admitWrite(Table table, Long partitionHash, byte[] itemKey, double unitsIfRefused) {
        if (throttle == null) return;
        try {
            throttle.admit(this, table, null, true, partitionHash);
        } catch (DynamoException refused) {
            if (unitsIfRefused > 0) ledger.throttled(table, null, false, true, unitsIfRefused, partitionHash, itemKey);
            throw refused;
        }
    }

    /**
     * Once a write of the item whose stored key is {@code itemKey} is planned, and so its global index keys are known
     * ({@code cost}): refuses it with the service's throttling error when the partition of a global index it falls on has
     * no capacity left (a hot index key). Asked before the write is applied, so a refusal changes nothing.
     */
    public void admitIndexWrites(Table table, WriteCost cost, byte[] itemKey, double unitsIfRefused) {
        if (throttle == null) return;
        try {
            throttle.admitIndexWrites(this, table, cost);
        } catch (DynamoException refused) {
            if (unitsIfRefused > 0) ledger.throttled(table, null, false, true, unitsIfRefused, itemKey == null ? null : KeyCodec.hashOf(itemKey), itemKey);
            throw refused;
        }
    }

    /** As {@link #admitIndexWrites}, for batches: false leaves the write unprocessed, and notes {@code unitsIfRefused} as throttled. */
    public boolean hasIndexCapacity(Table table, WriteCost cost, byte[] itemKey, double unitsIfRefused) {
        if (throttle == null || throttle.hasIndexCapacity(this, table, cost)) return true;
        ledger.throttled(table, null, false, true, unitsIfRefused, KeyCodec.hashOf(itemKey), itemKey);
        return false;
    }

    /**
     * For batches: true when a read or write of the table could go ahead now; false leaves it unprocessed, and notes
     * {@code unitsIfRefused} (what it would have consumed, at least) as throttled.
     */
    public boolean hasCapacity(Table table, boolean write, Long partitionHash, byte[] itemKey, double unitsIfRefused) {
        if (throttle == null || throttle.hasCapacity(this, table, write, partitionHash)) return true;
        ledger.throttled(table, null, false, write, unitsIfRefused, partitionHash, itemKey);
        return false;
    }

    public double nowEpochSeconds() {
        return nowMillis / 1000.0;
    }

    /**
     * A table name from a request member that may hold the name or the table's ARN. An ARN of
     * another region than the caller's, or of a table's index or stream, is refused as the service
     * refuses it; its account is taken to be the caller's, since a user cannot choose the account
     * Dynabox stands for (DynamoDB Local does the same).
     */
    public String tableName(String nameOrArn) {
        int slash = nameOrArn.indexOf(":table/");
        if (!nameOrArn.startsWith("arn:") || slash < 0) return nameOrArn;
        String rest = nameOrArn.substring(slash + ":table/".length());
        if (rest.indexOf('/') >= 0) {
            throw DynamoException.validation("1 validation error detected: Invalid resource type in '" + nameOrArn + "'");
        }
        String[] parts = nameOrArn.substring(0, slash).split(":", -1);
        if (parts.length == 5 && !options.sharedDb() && !parts[3].equals(namespace.region())) {
            throw new DynamoException(ErrorCode.VALIDATION, "1 validation error detected: Invalid AWS region in '" + nameOrArn + "'",
                    otherRegion(parts[3]));
        }
        return rest;
    }

    /** When a transient status begun at {@code now} ends ({@link TransientStatus}). */
    public long settlesAt(long now) {
        return TransientStatus.settlesAt(now, options.delayTransientStatuses().toMillis());
    }

    /** The explanation of a refused ARN of {@code arnRegion}, another region than the one the request was signed for. */
    public String otherRegion(String arnRegion) {
        return "the ARN names region " + arnRegion + ", and this request was signed for " + namespace.region();
    }

    /** The table a control-plane action names; missing gives the service's message with the name. */
    public Table describedTable(String nameOrArn) {
        String name = tableName(nameOrArn);
        Table table = namespace.table(name, nowMillis);
        if (table == null) throw DynamoException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        return table;
    }

    /** The table an item operation works on: it must exist and be ACTIVE or UPDATING. */
    public Table usableTable(String nameOrArn) {
        Table table = namespace.table(tableName(nameOrArn), nowMillis);
        if (table == null) throw DynamoException.resourceNotFound("Requested resource not found");
        String status = table.status(nowMillis);
        if (Table.CREATING.equals(status) || Table.DELETING.equals(status)) {
            throw DynamoException.resourceNotFound("Requested resource not found");
        }
        return table;
    }
}
