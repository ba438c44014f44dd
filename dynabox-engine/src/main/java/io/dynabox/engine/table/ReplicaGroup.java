package io.dynabox.engine.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A global table's replicas, as every member table keeps them (each member holds the same
 * list, its own region included): the version of global tables in use, the regions and their
 * states, and the consistency mode. Immutable; kept in the table's metadata document, so it
 * persists with {@code --db-path}. A replica's status is computed from timestamps as a table's
 * is: CREATING or UPDATING until {@code settledAtMillis}, then ACTIVE; DELETING until then, then gone.
 *
 * @param version                 {@link #CURRENT} (replicas made by UpdateTable) or {@link #LEGACY} (CreateGlobalTable)
 * @param creationDateTime        when the group was formed, in epoch seconds (the legacy version shows it)
 * @param replicas                the members, in the order they joined
 * @param multiRegionConsistency  EVENTUAL or STRONG
 * @param witnessRegion           the witness of a STRONG group with two replicas, or null
 */
public record ReplicaGroup(String version, double creationDateTime, List<Replica> replicas, String multiRegionConsistency,
                           String witnessRegion) {
    public static final String CURRENT = "2019.11.21";
    public static final String LEGACY = "2017.11.29";
    public static final String EVENTUAL = "EVENTUAL";
    public static final String STRONG = "STRONG";

    public ReplicaGroup {
        replicas = List.copyOf(replicas);
        if (multiRegionConsistency == null) multiRegionConsistency = EVENTUAL;
    }

    /**
     * One member. The overrides are null when the replica takes the table's own settings.
     *
     * @param readCapacityOverride   ProvisionedThroughputOverride.ReadCapacityUnits
     * @param maxReadRequestUnits    OnDemandThroughputOverride.MaxReadRequestUnits
     * @param indexReadOverrides     per global index: its ProvisionedThroughputOverride.ReadCapacityUnits
     */
    public record Replica(String region, String status, long settledAtMillis, Long readCapacityOverride, Long maxReadRequestUnits,
                          String tableClassOverride, Double tableClassUpdatedAt, Map<String, Long> indexReadOverrides,
                          String kmsMasterKeyId) {
        public static final String GONE = "GONE";

        public Replica {
            indexReadOverrides = indexReadOverrides == null ? Map.of() : Map.copyOf(indexReadOverrides);
        }

        /** CREATING / UPDATING until settled, then ACTIVE; DELETING until settled, then {@link #GONE}. */
        public String statusAt(long nowMillis) {
            if (nowMillis < settledAtMillis) return status;
            return Lifecycle.DELETING.equals(status) ? GONE : Lifecycle.ACTIVE;
        }

        /** Takes writes from the others: every state but deleting or gone. */
        public boolean receivesAt(long nowMillis) {
            String now = statusAt(nowMillis);
            return !GONE.equals(now) && !Lifecycle.DELETING.equals(now);
        }

        public Replica withStatus(String newStatus, long settledAt) {
            return new Replica(region, newStatus, settledAt, readCapacityOverride, maxReadRequestUnits, tableClassOverride,
                    tableClassUpdatedAt, indexReadOverrides, kmsMasterKeyId);
        }
    }

    /** The member in {@code region}, or null (a gone member counts as none). */
    public Replica replica(String region, long nowMillis) {
        for (Replica r : replicas) if (r.region().equals(region) && !Replica.GONE.equals(r.statusAt(nowMillis))) return r;
        return null;
    }

    /** The members that are not gone, in joining order. */
    public List<Replica> live(long nowMillis) {
        List<Replica> live = new ArrayList<>();
        for (Replica r : replicas) if (!Replica.GONE.equals(r.statusAt(nowMillis))) live.add(r);
        return live;
    }

    /** The same group with {@code changed} applied to the member in {@code region}. */
    public ReplicaGroup withReplica(String region, UnaryOperator<Replica> changed) {
        List<Replica> next = new ArrayList<>();
        for (Replica r : replicas) next.add(r.region().equals(region) ? changed.apply(r) : r);
        return new ReplicaGroup(version, creationDateTime, next, multiRegionConsistency, witnessRegion);
    }

    /** The same group with one more member (a gone one of that region dropped first). */
    public ReplicaGroup plus(Replica added, long nowMillis) {
        List<Replica> next = new ArrayList<>(live(nowMillis));
        next.removeIf(r -> r.region().equals(added.region()));
        next.add(added);
        return new ReplicaGroup(version, creationDateTime, next, multiRegionConsistency, witnessRegion);
    }

    /** The same group without the members that are gone. */
    public ReplicaGroup settled(long nowMillis) {
        return new ReplicaGroup(version, creationDateTime, live(nowMillis), multiRegionConsistency, witnessRegion);
    }

    /**
     * Whether the region's replica is the one that deletes expired items (Time to Live): the
     * service does the work in one region and replicates the deletions; Dynabox picks the
     * replica with the least region name among those that take writes, so the choice is stable.
     */
    public boolean deletesExpiredItemsIn(String region, long nowMillis) {
        String first = null;
        for (Replica r : replicas) {
            if (r.receivesAt(nowMillis) && (first == null || r.region().compareTo(first) < 0)) first = r.region();
        }
        return first == null || first.equals(region);
    }

    public boolean strong() {
        return STRONG.equals(multiRegionConsistency);
    }
}
