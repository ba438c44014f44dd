package io.dynabox.engine.admin;

import io.dynabox.engine.Engine;
import io.dynabox.engine.clock.EngineClock;
import io.dynabox.engine.replication.Replicator;
import io.dynabox.engine.simulation.FaultRule;
import io.dynabox.engine.simulation.SimulationEvent;
import io.dynabox.engine.simulation.SimulationSettings;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.NamespaceSnapshot;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's admin front door: what is not a DynamoDB action (reset, snapshots, the clock, simulation
 * settings, faults, the simulation's events). The HTTP door reaches it under {@code /dynabox/} through
 * {@link AdminApi}, the Java API ({@code Dynabox}, {@code DynaboxNamespace}) and the JUnit extension call it
 * directly; nothing else reaches into the engine's tables or store for these.
 *
 * <p>Methods that take an access key and region act on that namespace; a null access key means the whole
 * server (every namespace, or the server-wide settings and rules).
 */
public final class Admin {
    private final Engine engine;
    private final Map<String, NamespaceSnapshot> snapshots = new ConcurrentHashMap<>();
    private final AtomicLong snapshotIds = new AtomicLong();

    public Admin(Engine engine) {
        this.engine = engine;
    }

    public EngineClock clock() {
        return engine.clock();
    }

    /** Drops every table of every namespace in use, at once (no DELETING period). */
    public void reset() {
        for (Namespace namespace : engine.namespaces()) NamespaceSnapshot.clear(namespace, engine.store());
    }

    /** Drops every table of one namespace, at once. */
    public void reset(String accessKeyId, String region) {
        NamespaceSnapshot.clear(engine.namespace(accessKeyId, region), engine.store());
    }

    /** Forgets a namespace: its tables, backups, stored file and simulation settings (see {@link Engine#dropNamespace}). */
    public void dropNamespace(String accessKeyId, String region) {
        engine.dropNamespace(accessKeyId, region);
    }

    /** The namespace's tables and items, frozen. */
    public NamespaceSnapshot snapshot(String accessKeyId, String region) {
        return NamespaceSnapshot.take(engine.namespace(accessKeyId, region), engine.nowMillis());
    }

    /** Replaces the namespace's tables by the snapshot's, ACTIVE at once. */
    public void restore(String accessKeyId, String region, NamespaceSnapshot snapshot) {
        snapshot.restoreInto(engine.namespace(accessKeyId, region), engine.store(), engine.nowMillis());
    }

    /** Takes a snapshot and keeps it under a new id, for callers that cannot hold the object (the HTTP door). */
    public String keepSnapshot(String accessKeyId, String region) {
        String id = "snapshot-" + snapshotIds.incrementAndGet();
        snapshots.put(id, snapshot(accessKeyId, region));
        return id;
    }

    /** A snapshot kept by {@link #keepSnapshot}, or null. */
    public NamespaceSnapshot keptSnapshot(String id) {
        return snapshots.get(id);
    }

    public boolean dropSnapshot(String id) {
        return snapshots.remove(id) != null;
    }

    public SimulationSettings simulation(String accessKeyId, String region) {
        return engine.simulation().settings(scope(accessKeyId, region));
    }

    public void simulation(String accessKeyId, String region, SimulationSettings settings) {
        engine.simulation().settings(scope(accessKeyId, region), settings);
    }

    /** Adds a fault rule; the answer carries its id. */
    public FaultRule addFault(String accessKeyId, String region, FaultRule rule) {
        return engine.simulation().addFault(scope(accessKeyId, region), rule);
    }

    public List<FaultRule> faults(String accessKeyId, String region) {
        return engine.simulation().faults(scope(accessKeyId, region));
    }

    public boolean removeFault(String accessKeyId, String region, String id) {
        return engine.simulation().removeFault(scope(accessKeyId, region), id);
    }

    public void clearFaults(String accessKeyId, String region) {
        engine.simulation().clearFaults(scope(accessKeyId, region));
    }

    /** What the simulation did (throttles, faults, conflicts, stale reads), oldest first. */
    public List<SimulationEvent> events(String accessKeyId, String region) {
        return engine.simulation().events(scope(accessKeyId, region));
    }

    public void clearEvents() {
        engine.simulation().clearEvents();
    }

    /** Global tables' replication: the delay, the writes pending, how far behind the replicas are. */
    public Replicator replication() {
        return engine.replicator();
    }

    /**
     * Waits until every write made so far has reached the other replicas (at most {@code timeout});
     * true when caught up. A write waits for its replication delay to pass by the engine's clock.
     */
    public boolean awaitReplication(java.time.Duration timeout) {
        try {
            return engine.replicator().awaitCaughtUp(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Applies every pending replicated write now, whatever the delay; returns how many. */
    public int flushReplication() {
        return engine.replicator().flush();
    }

    private String scope(String accessKeyId, String region) {
        return accessKeyId == null ? null : engine.namespaceId(accessKeyId, region);
    }
}
