package io.dynabox.engine.capacity;

import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Table;

/**
 * Decides, before an action changes anything, whether a table or index has capacity left for it, and settles
 * what the request consumed ({@link CapacityLedger}) once it has run. The simulation's throttling implements it;
 * without it nothing is ever throttled.
 */
public interface ThrottlePolicy {
    /** Throws the service's throttling error when the read or write may not go ahead. */
    void admit(RequestContext context, Table table, String indexName, boolean write, Long partitionHash);

    /** Whether the read or write could go ahead now (batches leave the others unprocessed). */
    boolean hasCapacity(RequestContext context, Table table, boolean write, Long partitionHash);

    /**
     * Once a write is planned and its global index keys are known ({@code cost}), before it is applied: throws the service's
     * throttling error when the partition of a global index that the write falls on has no capacity left (a hot index key).
     */
    default void admitIndexWrites(RequestContext context, Table table, WriteCost cost) {
    }

    /** As {@link #admitIndexWrites}, for batches: false leaves the write unprocessed. */
    default boolean hasIndexCapacity(RequestContext context, Table table, WriteCost cost) {
        return true;
    }

    /** Takes what the request consumed from the tables' and indexes' capacity. */
    void settle(RequestContext context, CapacityLedger ledger);
}
