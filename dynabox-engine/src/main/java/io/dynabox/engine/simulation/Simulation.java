package io.dynabox.engine.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.capacity.ThrottlePolicy;
import io.dynabox.engine.clock.EngineClock;
import io.dynabox.engine.feed.ChangeFeed;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What production would do to a request, on demand: faults, throttling, conflicts, lag. One per engine,
 * driven by the engine's clock. Settings and fault rules have two scopes: the server's, and a namespace's
 * own (made the first time the admin API names that namespace); a namespace with its own settings uses
 * them instead of the server's, and both scopes' fault rules apply to it.
 *
 * <p>With nothing switched on anywhere, {@link #active()} is false and the engine skips the simulation
 * altogether.
 */
public final class Simulation {
    private static final int EVENTS_KEPT = 1_000;

    private final EngineClock clock;
    private final AtomicLong faultIds = new AtomicLong();
    private final Scope server;
    private final Map<String, Scope> namespaces = new ConcurrentHashMap<>();
    private final ArrayDeque<SimulationEvent> events = new ArrayDeque<>();
    private final Throttle throttle = new Throttle(this);
    private final TransactionConflicts conflicts = new TransactionConflicts(this);
    private final StaleReads staleReads;
    private volatile boolean active;
    private volatile boolean anyFaults;

    /** One scope's settings and fault rules. */
    public final class Scope {
        private volatile SimulationSettings settings;
        private final Faults faults;
        /** Draws for conflicts and lag, apart from the faults' so that adding a rule does not change them. */
        private SplittableRandom draws;

        Scope(SimulationSettings settings) {
            this.settings = settings;
            this.faults = new Faults(faultIds, settings.seed());
            this.draws = new SplittableRandom(~settings.seed());
        }

        public SimulationSettings settings() {
            return settings;
        }
    }

    public Simulation(EngineClock clock, ChangeFeed feed, SimulationSettings settings, List<FaultRule> faults) {
        this.clock = clock;
        this.staleReads = new StaleReads(this, feed);
        this.server = new Scope(settings);
        for (FaultRule rule : faults) server.faults.add(rule);
        refreshActive();
    }

    public EngineClock clock() {
        return clock;
    }

    /** False while nothing is switched on and no fault rule is in force anywhere. */
    public boolean active() {
        return active;
    }

    /** True while a fault rule is in force somewhere: a rule matches a request's tables, which its JSON tree names. */
    public boolean anyFaults() {
        return anyFaults;
    }

    /** The scope a request of this namespace is simulated under: the namespace's own, else the server's. */
    public Scope scope(String namespaceId) {
        if (namespaces.isEmpty()) return server;
        Scope own = namespaces.get(namespaceId);
        return own != null ? own : server;
    }

    /** The settings in force for a namespace, or the server's for a null namespace. */
    public SimulationSettings settings(String namespaceId) {
        return namespaceId == null ? server.settings : scope(namespaceId).settings;
    }

    /** Replaces the settings of the server (null namespace) or of one namespace; a new seed starts its random draws again. */
    public void settings(String namespaceId, SimulationSettings settings) {
        Scope scope = namespaceId == null ? server : namespaces.computeIfAbsent(namespaceId, id -> new Scope(settings));
        scope.settings = settings;
        scope.faults.reseed(settings.seed());
        synchronized (scope) {
            scope.draws = new SplittableRandom(~settings.seed());
        }
        refreshActive();
    }

    public FaultRule addFault(String namespaceId, FaultRule rule) {
        FaultRule added = ownScope(namespaceId).faults.add(rule);
        refreshActive();
        return added;
    }

    public List<FaultRule> faults(String namespaceId) {
        return ownScope(namespaceId).faults.list();
    }

    public boolean removeFault(String namespaceId, String id) {
        boolean removed = ownScope(namespaceId).faults.remove(id);
        refreshActive();
        return removed;
    }

    public void clearFaults(String namespaceId) {
        ownScope(namespaceId).faults.clear();
        refreshActive();
    }

    /** Forgets a dropped namespace's settings and fault rules: a later namespace of the same id starts from the server's. */
    public void forget(String namespaceId) {
        if (namespaces.remove(namespaceId) != null) refreshActive();
    }

    private Scope ownScope(String namespaceId) {
        if (namespaceId == null) return server;
        return namespaces.computeIfAbsent(namespaceId, id -> new Scope(server.settings));
    }

    /**
     * The fault rule that hits this request, if any: the namespace's rules first, then the server's. The
     * tables are those the request names ({@code TableName}, or the tables of a batch or transaction).
     */
    public FaultRule fireFault(String namespaceId, String action, JsonNode body) {
        Scope own = namespaces.isEmpty() ? null : namespaces.get(namespaceId);
        if ((own == null || own.faults.isEmpty()) && server.faults.isEmpty()) return null;
        List<String> tables = RequestTables.of(body);
        FaultRule fired = own == null ? null : own.faults.fire(action, tables);
        if (fired == null) fired = server.faults.fire(action, tables);
        refreshActive(); // a rule may have retired
        return fired;
    }

    /** Transaction conflicts for a namespace's requests, or null when its settings do not simulate them. */
    public TransactionConflicts conflictsFor(String namespaceId) {
        return scope(namespaceId).settings.anyConflicts() ? conflicts : null;
    }

    /** Stale reads for a namespace's eventually consistent reads, or null when none of its tables lags. */
    public StaleReads staleReadsFor(String namespaceId) {
        return scope(namespaceId).settings.largestLagMillis() > 0 ? staleReads : null;
    }

    /** The request's answer is out: what it held in flight is let go. */
    public void requestDone(String requestId) {
        conflicts.release(requestId);
    }

    /** Whether a conflict is drawn for a request on this table, at its settings' rate. */
    boolean drawConflict(String namespaceId, String table) {
        Scope scope = scope(namespaceId);
        double rate = scope.settings.transactionConflictRate(table);
        if (rate <= 0) return false;
        synchronized (scope) {
            return scope.draws.nextDouble() < rate;
        }
    }

    /** How far back an eventually consistent read looks: from 0 to {@code lagMillis}, drawn from the seed. */
    long drawLag(String namespaceId, long lagMillis) {
        Scope scope = scope(namespaceId);
        synchronized (scope) {
            return scope.draws.nextLong(lagMillis + 1);
        }
    }

    /** The throttle policy for a namespace's requests, or null when none of its tables throttles. */
    public ThrottlePolicy throttleFor(String namespaceId) {
        return scope(namespaceId).settings.anyThrottling() ? throttle : null;
    }

    /** Keeps the event for the admin API and logs it. */
    public void record(SimulationEvent event) {
        synchronized (events) {
            if (events.size() == EVENTS_KEPT) events.removeFirst();
            events.addLast(event);
        }
        System.getLogger(Simulation.class.getName()).log(System.Logger.Level.INFO, "simulated " + event);
    }

    /** The events kept (the last {@value #EVENTS_KEPT}), oldest first; of one namespace, or all for null. */
    public List<SimulationEvent> events(String namespaceId) {
        List<SimulationEvent> listed = new ArrayList<>();
        synchronized (events) {
            for (Iterator<SimulationEvent> it = events.iterator(); it.hasNext(); ) {
                SimulationEvent event = it.next();
                if (namespaceId == null || namespaceId.equals(event.namespace())) listed.add(event);
            }
        }
        return listed;
    }

    public void clearEvents() {
        synchronized (events) {
            events.clear();
        }
    }

    private void refreshActive() {
        boolean rules = !server.faults.isEmpty();
        boolean on = server.settings.anyOn();
        long lag = server.settings.largestLagMillis();
        for (Scope scope : namespaces.values()) {
            rules |= !scope.faults.isEmpty();
            on |= scope.settings.anyOn();
            lag = Math.max(lag, scope.settings.largestLagMillis());
        }
        anyFaults = rules;
        active = on || rules;
        staleReads.keep(lag);
    }
}
