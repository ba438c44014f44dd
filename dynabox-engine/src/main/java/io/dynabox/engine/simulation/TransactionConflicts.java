package io.dynabox.engine.simulation;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Table;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Transaction conflicts under the service's rules, for namespaces whose settings ask for them. A transaction
 * (TransactWriteItems, TransactGetItems) has its items in flight from before it takes its locks until its
 * answer is sent (later, when a fault rule adds latency): a single-item write that meets one of them gets
 * {@code TransactionConflictException}, and a transaction that meets one is cancelled with reason
 * {@code TransactionConflict} for that item. Without the simulation, Dynabox's transactions simply wait for
 * each other. {@code transactionConflictRate} adds conflicts at that rate, drawn from the seed, as if another
 * transaction had been in flight.
 */
public final class TransactionConflicts {
    static final String MESSAGE = "Transaction is ongoing for the item";

    private final Simulation simulation;
    /** The items of transactions in flight, and which request holds each. */
    private final Map<ItemRef, String> inFlight = new ConcurrentHashMap<>();
    /** What each transaction in flight holds, to let go when its answer is sent. */
    private final Map<String, List<ItemRef>> claims = new ConcurrentHashMap<>();

    private record ItemRef(String namespace, String table, ByteBuffer key) {
    }

    TransactionConflicts(Simulation simulation) {
        this.simulation = simulation;
    }

    /** A single-item write: refused when a transaction in flight holds the item (or a drawn conflict says so). */
    public void checkSingleWrite(RequestContext context, Table table, byte[] key) {
        String conflict = conflict(context, table, key);
        if (conflict == null) return;
        throw new DynamoException(ErrorCode.TRANSACTION_CONFLICT, MESSAGE, "simulated: " + conflict);
    }

    /** A write of a batch (BatchWriteItem): true when it meets a transaction in flight (or a drawn conflict), and is left unprocessed. */
    public boolean meetsTransaction(RequestContext context, Table table, byte[] key) {
        return conflict(context, table, key) != null;
    }

    /** Why a non-transactional write of the item conflicts (recorded as an event), or null when it does not. */
    private String conflict(RequestContext context, Table table, byte[] key) {
        String holder = inFlight.get(ref(context, table, key));
        boolean drawn = holder == null && simulation.drawConflict(context.namespace().id(), table.name());
        if (holder == null && !drawn) return null;
        record(context, table, holder != null ? "the item is in transaction " + holder : "drawn at transactionConflictRate");
        return holder != null ? "transaction request " + holder + " holds the item" : "a conflict drawn at the configured rate";
    }

    /**
     * Puts a transaction's items in flight; answers the positions of those another transaction holds (or one
     * drawn at the conflict rate), in which case nothing is held and the caller cancels the transaction.
     */
    public List<Integer> claim(RequestContext context, List<Table> tables, List<byte[]> keys) {
        List<Integer> conflicts = new ArrayList<>();
        List<ItemRef> held = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i) == null) continue;
                ItemRef ref = ref(context, tables.get(i), keys.get(i));
                String holder = inFlight.get(ref);
                if (holder != null && !holder.equals(context.requestId())) conflicts.add(i);
                else held.add(ref);
            }
            if (conflicts.isEmpty() && !keys.isEmpty()) {
                for (int i = 0; i < keys.size(); i++) {
                    if (keys.get(i) != null && simulation.drawConflict(context.namespace().id(), tables.get(i).name())) {
                        conflicts.add(i);
                        break;
                    }
                }
            }
            if (!conflicts.isEmpty()) {
                record(context, tables.get(conflicts.get(0)), "transaction cancelled: items " + conflicts + " are in another transaction");
                return conflicts;
            }
            for (ItemRef ref : held) inFlight.put(ref, context.requestId());
            claims.put(context.requestId(), held);
        }
        return conflicts;
    }

    /** The request's answer is out: its items are no longer in flight. */
    void release(String requestId) {
        List<ItemRef> held = claims.remove(requestId);
        if (held == null) return;
        synchronized (this) {
            for (ItemRef ref : held) inFlight.remove(ref, requestId);
        }
    }

    private void record(RequestContext context, Table table, String detail) {
        simulation.record(new SimulationEvent(context.nowMillis(), "conflict", context.requestId(), context.namespace().id(), context.action(), table.name(), detail));
    }

    private static ItemRef ref(RequestContext context, Table table, byte[] key) {
        return new ItemRef(context.namespace().id(), table.name(), ByteBuffer.wrap(key));
    }
}
