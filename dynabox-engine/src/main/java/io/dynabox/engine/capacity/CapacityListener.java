package io.dynabox.engine.capacity;

/**
 * Receives the capacity each request consumed, once it has run (accounting, planning, contributor insights).
 * Called on the request's thread after its answer is made: keep it short, and never throw.
 */
@FunctionalInterface
public interface CapacityListener {
    void consumed(String namespaceId, String action, String requestId, CapacityLedger ledger);
}
