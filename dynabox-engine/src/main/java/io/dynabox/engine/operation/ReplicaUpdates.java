package io.dynabox.engine.operation;

import static io.dynabox.engine.table.TableGrammar.INVALID;
import static io.dynabox.engine.table.TableGrammar.present;
import static io.dynabox.engine.table.TableGrammar.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.replication.Replicator;
import io.dynabox.engine.store.Mutation;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.Lifecycle;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.ReplicaGroup;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableDescriptions;
import io.dynabox.engine.table.TableGrammar;
import io.dynabox.engine.table.TableIds;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.table.Throughput;
import io.dynabox.engine.wire.Json;
import io.dynabox.engine.wire.RegionNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable's {@code ReplicaUpdates}, {@code MultiRegionConsistency} and
 * {@code GlobalTableWitnessUpdates} (global tables version 2019.11.21): a replica created in
 * another region's namespace of the same access key (the same table, its items copied), updated
 * (its overrides), or deleted. The table is UPDATING, and the replica CREATING, UPDATING or
 * DELETING, for the configured transient delay. Group changes run under the replicator's
 * monitor, taken before any table lock, so two of them never wait on each other's tables.
 */
public final class ReplicaUpdates {
    static final String CHANGING_REPLICAS = "replicas";
    private static final List<String> MEMBERS = List.of("ReplicaUpdates", "MultiRegionConsistency", "GlobalTableWitnessUpdates");
    private static final String LOCAL_REGION = "Cannot add, delete, or update the local region through ReplicaUpdates. "
            + "Use CreateTable, DeleteTable, or UpdateTable as required.";
    private static final String NOT_FOUND = "Replica specified in the Replica Update or Replica Delete action of the request was not found.";
    private static final String WRITE_CAPACITY = "Table write capacity should either be Pay-Per-Request or AutoScaled.";
    private static final List<String> UPDATE_SETTINGS = List.of("KMSMasterKeyId", "ProvisionedThroughputOverride",
            "OnDemandThroughputOverride", "GlobalSecondaryIndexes", "TableClassOverride");
    private static final String ONE_STRONG_REPLICA =
            "Deletion of only one table replica is not supported for global tables with MultiRegionConsistency set to STRONG.";
    // the Region sets a multi-Region strongly consistent table's replicas and witness must share
    private static final List<Set<String>> REGION_SETS = List.of(
            Set.of("us-east-1", "us-east-2", "us-west-2"),
            Set.of("eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1"),
            Set.of("ap-northeast-1", "ap-northeast-2", "ap-northeast-3"));

    private ReplicaUpdates() {}

    /** True when the request changes the table's replicas (and so nothing else). */
    static boolean concerns(Set<String> members) {
        return MEMBERS.stream().anyMatch(members::contains);
    }

    /** Request-level rules, before the table is looked up. */
    static void checkRequest(JsonNode request, Set<String> members) {
        // the service's texts here and below (observed in 2026)
        for (String member : members) {
            if (!MEMBERS.contains(member)) {
                boolean strong = members.contains("MultiRegionConsistency") || members.contains("GlobalTableWitnessUpdates");
                throw DynamoException.validation(INVALID + (strong ? "Requests that modify replicas or witnesses must not also modify other fields"
                        : "Replica modification must be the only operation in the request"), "send " + member + " in a request of its own");
            }
        }
        JsonNode updates = present(request, "ReplicaUpdates");
        if (updates != null) {
            if (updates.isEmpty()) throw DynamoException.validation(INVALID + "List of ReplicaUpdates is empty");
            for (JsonNode entry : updates) {
                int actions = 0;
                for (String action : List.of("Create", "Update", "Delete")) if (present(entry, action) != null) actions++;
                if (actions == 0) throw DynamoException.validation("There are no actions specified in the Replica Update Action of the request.");
                if (actions > 1) throw DynamoException.validation("Update table operation with more than one type of replica actions not allowed.");
            }
        }
        JsonNode witnesses = present(request, "GlobalTableWitnessUpdates");
        if (witnesses != null && witnesses.size() > 1) {
            throw DynamoException.validation(INVALID + "Only one witness can be specified for a global table");
        }
    }

    /** Applies the change. Caller holds the replicator's monitor and the table's write lock, and checked the table's status. */
    static JsonNode execute(RequestContext context, Table table, JsonNode request) {
        Replicator replicator = context.namespace().replicator();
        if (replicator == null || context.options().sharedDb()) {
            throw DynamoException.validation(INVALID + "Replicas cannot be created in this endpoint",
                    "with --sharedDb every region is one namespace, so a table cannot have a replica in another region");
        }
        long now = context.nowMillis();
        String local = context.namespace().region();
        ReplicaGroup group = table.replicas();
        if (group != null && ReplicaGroup.LEGACY.equals(group.version())) {
            throw DynamoException.validation("Replicas of a global table of version 2017.11.29 cannot be changed through UpdateTable; "
                    + "use UpdateGlobalTable");
        }
        JsonNode updates = present(request, "ReplicaUpdates");
        String consistency = text(request, "MultiRegionConsistency");
        JsonNode witnessUpdates = present(request, "GlobalTableWitnessUpdates");
        boolean strongGroup = group != null && ReplicaGroup.STRONG.equals(group.multiRegionConsistency());
        // one replica change at a time, except the making or the ending of a strongly consistent group, which is done at once
        if (updates.size() > 1 && !ReplicaGroup.STRONG.equals(consistency) && !strongGroup) {
            throw DynamoException.validation("Update table operation with more than one create or delete replica actions not allowed",
                    "send one ReplicaUpdates entry, wait for the table to be ACTIVE, then send the next");
        }
        List<JsonNode> creates = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (JsonNode entry : updates) {
            for (String action : List.of("Create", "Update", "Delete")) {
                JsonNode body = present(entry, action);
                if (body == null) continue;
                String region = text(body, "RegionName");
                if (region.equals(local)) throw DynamoException.validation(LOCAL_REGION);
                if (!RegionNames.isValid(region)) {
                    throw DynamoException.validation(INVALID + "Invalid region: " + region);
                }
                if (action.equals("Create")) creates.add(body);
                else if (group == null || group.replica(region, now) == null) throw DynamoException.validation(NOT_FOUND);
                if (action.equals("Delete")) {
                    deletes.add(region);
                    checkNotProtected(context, table.name(), region, now);
                }
            }
        }
        if (strongGroup) checkStrongGroupChange(group, consistency, creates, deletes, witnessUpdates, now);
        String witness = witnessUpdates == null || witnessUpdates.isEmpty() ? null : text(present(witnessUpdates.get(0), "Create"), "RegionName");
        if (!strongGroup && (consistency != null || witness != null)) checkStrong(table, group, local, consistency, creates, witness, now);

        TableDefinition current = table.definition();
        // a stream of any view type will do (the service keeps it, observed in 2026): the replicator reads the
        // changes themselves, which hold both images whatever the stream shows
        if (!creates.isEmpty()) checkCapacityForReplicas(table);
        long settleAt = context.settlesAt(now);
        if (group == null) {
            ReplicaGroup.Replica self = new ReplicaGroup.Replica(local, Lifecycle.ACTIVE, now, null, null, null, null, null, null);
            group = new ReplicaGroup(ReplicaGroup.CURRENT, context.nowEpochSeconds(), List.of(self),
                    consistency == null ? ReplicaGroup.EVENTUAL : consistency, witness);
        }
        TableDefinition next = current;
        if (!creates.isEmpty() && !current.streamEnabled()) {
            // replicas read the table's changes: the service turns its stream on with both images
            next = current.toBuilder().stream(true, "NEW_AND_OLD_IMAGES", StreamLabels.label(now)).build();
        }
        for (JsonNode create : creates) {
            group = create(context, table, next, group, create, settleAt);
        }
        for (JsonNode entry : updates) {
            JsonNode update = present(entry, "Update");
            if (update != null) group = update(context, table, group, update, settleAt);
            JsonNode delete = present(entry, "Delete");
            if (delete != null) group = delete(context, table, group, text(delete, "RegionName"), settleAt);
        }
        boolean streamTurnedOn = next != current;
        table.update(next, null, Table.UPDATING, settleAt, CHANGING_REPLICAS);
        if (streamTurnedOn) context.namespace().streams().enable(table, now);
        share(replicator, context.namespace(), table, group, now);
        return Json.object().set("TableDescription", TableDescriptions.asUpdated(table, next, Table.UPDATING, now, false));
    }

    /** A new replica: the same table in the region's namespace, CREATING, with the table's items. */
    private static ReplicaGroup create(RequestContext context, Table table, TableDefinition source, ReplicaGroup group,
                                       JsonNode create, long settleAt) {
        long now = context.nowMillis();
        String region = text(create, "RegionName");
        Namespace target = context.namespace().replicator().peer(context.namespace(), region);
        if (group.replica(region, now) != null || target.table(table.name(), now) != null) {
            throw DynamoException.validation("Failed to create a the new replica of table with name: '" + table.name()
                    + "' because one or more replicas already existed as tables.");
        }
        String keyId = text(create, "KMSMasterKeyId");
        if (keyId == null && TableGrammar.customerManagedKey(context.namespace(), source.sseDescription())) {
            // a table of a customer managed key names one for each region (observed in 2026, LAB 313)
            throw DynamoException.validation(INVALID + "KMSMasterKeyId must be specified for each replica.");
        }
        // a key id is read back as the key's ARN in the replica's region (observed in 2026, LAB 309)
        if (keyId != null && !keyId.startsWith("arn:") && !keyId.startsWith("alias/")) {
            keyId = "arn:aws:kms:" + region + ":" + Namespace.ACCOUNT_ID + ":key/" + keyId;
        }
        // an on-demand table's replica takes no capacity: the service accepts the override and goes on (observed in 2026, LAB 223/307)
        JsonNode throughput = source.payPerRequest() ? null : present(create, "ProvisionedThroughputOverride");
        JsonNode onDemand = present(create, "OnDemandThroughputOverride");
        Map<String, Long> indexOverrides = indexOverrides(source, present(create, "GlobalSecondaryIndexes"), true);
        String tableClass = text(create, "TableClassOverride");
        Long readOverride = throughput == null ? null : throughput.path("ReadCapacityUnits").asLong();
        Long maxRead = onDemand == null || !onDemand.hasNonNull("MaxReadRequestUnits") ? null : onDemand.get("MaxReadRequestUnits").asLong();
        ReplicaGroup.Replica replica = new ReplicaGroup.Replica(region, Lifecycle.CREATING, settleAt, readOverride, maxRead,
                tableClass, tableClass == null ? null : context.nowEpochSeconds(), indexOverrides, keyId);

        TableDefinition.Builder copy = source.withIdentity(TableIds.next(), target.arn(table.name())).toBuilder()
                .stream(true, source.streamViewType(), StreamLabels.label(now))
                .tags(List.of())
                .deletionProtectionEnabled(false);
        if (readOverride != null) {
            copy.throughput(Throughput.of(readOverride, source.throughput().writeCapacityUnits()));
        }
        if (tableClass != null) copy.tableClass(tableClass, context.nowEpochSeconds());
        Table made = new Table(copy.build(), context.store(), target.id(), Table.CREATING, settleAt);
        made.startWithControl(io.dynabox.engine.table.ControlState.NONE);
        target.streams().enable(made, now);
        if (target.addIfAbsent(made) != null) {
            throw DynamoException.validation("Failed to create a the new replica of table with name: '" + table.name()
                    + "' because one or more replicas already existed as tables.");
        }
        TableLocks.write(made, () -> {
            copyItems(table, made);
            if (table.timeToLive() != io.dynabox.engine.table.TimeToLive.NEVER_SET) made.updateTimeToLive(table.timeToLive());
            made.updateAutoScaling(table.autoScaling());
            return null;
        });
        return group.plus(replica, now);
    }

    /** The table's items into the new replica, with its indexes; not on the feed (the replica's stream starts empty). */
    private static void copyItems(Table from, Table to) {
        List<Mutation> batch = new ArrayList<>();
        Iterator<StoredItem> items = from.keyspace().range(null, false, null, false, false);
        while (items.hasNext()) {
            StoredItem item = items.next();
            batch.addAll(ItemWriter.plan(to, item.key(), null, null, item.item(), item.size()).mutations());
            if (batch.size() >= 1000) {
                to.store().apply(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) to.store().apply(batch);
    }

    private static ReplicaGroup update(RequestContext context, Table table, ReplicaGroup group, JsonNode update, long settleAt) {
        String region = text(update, "RegionName");
        // an index named without an override of its own is no action (observed in 2026, LAB 252)
        boolean indexesChange = namesIndexOverride(present(update, "GlobalSecondaryIndexes"));
        if (!indexesChange && UPDATE_SETTINGS.stream().noneMatch(m -> !m.equals("GlobalSecondaryIndexes") && present(update, m) != null)) {
            // the service's words (observed in 2026)
            throw DynamoException.validation("There are no actions specified in the Replica Update Action of the request.");
        }
        // a replica keeps the key it was made with: the service refuses any key in an update (observed in 2026, LAB 309/295)
        if (present(update, "KMSMasterKeyId") != null) throw DynamoException.validation(INVALID + "KMSMasterKeyId must be specified for each replica.");
        TableDefinition d = table.definition();
        JsonNode throughput = present(update, "ProvisionedThroughputOverride");
        if (throughput != null && d.payPerRequest()) {
            // the service's words (observed in 2026, LAB 223)
            throw DynamoException.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        JsonNode onDemand = present(update, "OnDemandThroughputOverride");
        if (onDemand != null && !d.payPerRequest()) {
            // the table-level words (observed in 2026, LAB 250)
            throw DynamoException.validation(INVALID + (onDemand.hasNonNull("MaxWriteRequestUnits") && !onDemand.hasNonNull("MaxReadRequestUnits")
                    ? "MaxWriteRequestUnits" : "MaxReadRequestUnits") + " for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED");
        }
        Map<String, Long> indexOverrides = indexOverrides(d, present(update, "GlobalSecondaryIndexes"), false);
        // an override equal to the table's (or the index's) own capacity is no override: the service drops it (observed in 2026, LAB 250/252)
        indexOverrides.entrySet().removeIf(e -> d.index(e.getKey()).throughput() != null
                && e.getValue() == d.index(e.getKey()).throughput().readCapacityUnits());
        Long readOverride = throughput == null ? null : throughput.path("ReadCapacityUnits").asLong();
        boolean readCleared = readOverride != null && !d.payPerRequest() && readOverride == d.throughput().readCapacityUnits();
        String tableClass = text(update, "TableClassOverride");
        double nowSeconds = context.nowEpochSeconds();
        ReplicaGroup changed = group.withReplica(region, r -> new ReplicaGroup.Replica(r.region(), Lifecycle.UPDATING, settleAt,
                readCleared ? null : readOverride != null ? readOverride : r.readCapacityOverride(),
                onDemand != null && onDemand.hasNonNull("MaxReadRequestUnits") ? Long.valueOf(onDemand.get("MaxReadRequestUnits").asLong())
                        : r.maxReadRequestUnits(),
                tableClass != null ? tableClass : r.tableClassOverride(),
                tableClass != null ? Double.valueOf(nowSeconds) : r.tableClassUpdatedAt(),
                indexesChange ? withIndexOverrides(r.indexReadOverrides(), present(update, "GlobalSecondaryIndexes"), indexOverrides)
                        : r.indexReadOverrides(), r.kmsMasterKeyId()));
        Namespace target = context.namespace().replicator().peer(context.namespace(), region);
        Table replica = target.table(table.name(), context.nowMillis());
        if (replica != null && tableClass != null) {
            TableLocks.write(replica, () -> {
                replica.amend(def -> def.toBuilder().tableClass(tableClass, nowSeconds).build());
                return null;
            });
        }
        return changed;
    }

    /** The replica goes: DELETING for the transient delay, its table dropped at once. */
    private static ReplicaGroup delete(RequestContext context, Table table, ReplicaGroup group, String region, long settleAt) {
        long now = context.nowMillis();
        Namespace target = context.namespace().replicator().peer(context.namespace(), region);
        Table replica = target.table(table.name(), now);
        if (replica != null) {
            TableLocks.write(replica, () -> {
                dropReplicaTable(target, replica, now, settleAt);
                return null;
            });
        }
        return group.withReplica(region, r -> r.withStatus(Lifecycle.DELETING, settleAt));
    }

    /**
     * DeleteTable of a replica: the other replicas see it DELETING, then gone, and go on
     * replicating among themselves (a last one left is a regional table again). Caller holds
     * the replicator's monitor and the table's write lock.
     */
    static void leave(RequestContext context, Table table) {
        ReplicaGroup group = table.replicas();
        Replicator replicator = context.namespace().replicator();
        if (group == null || replicator == null) return;
        long now = context.nowMillis();
        long settleAt = context.settlesAt(now);
        String local = context.namespace().region();
        ReplicaGroup without = group.withReplica(local, r -> r.withStatus(Lifecycle.DELETING, settleAt));
        replicator.untrack(table);
        table.updateReplicas(null);
        for (ReplicaGroup.Replica r : without.live(now)) {
            if (r.region().equals(local) || Lifecycle.DELETING.equals(r.statusAt(now))) continue;
            Namespace member = replicator.peer(context.namespace(), r.region());
            Table other = member.table(table.name(), now);
            if (other != null) {
                share(replicator, member, other, without, now);
                return;
            }
        }
    }

    /** A replica table leaves: no longer shipped from, DELETING until {@code settleAt}, its items dropped. Caller holds its write lock. */
    public static void dropReplicaTable(Namespace namespace, Table replica, long now, long settleAt) {
        namespace.replicator().untrack(replica);
        replica.updateReplicas(null);
        replica.markDeleting(settleAt);
        replica.store().dropTable(namespace.id(), replica.name());
        namespace.streams().disable(replica, now);
        if (replica.isGone(now)) namespace.remove(replica);
    }

    /**
     * Gives every live member the group (each its own copy, saved with its metadata) and makes
     * the replicator ship from each. A member left alone is a regional table again.
     */
    public static void share(Replicator replicator, Namespace namespace, Table table, ReplicaGroup group, long now) {
        boolean alone = group.live(now).stream().filter(r -> !Lifecycle.DELETING.equals(r.statusAt(now))).count() <= 1
                && group.live(now).size() <= 1;
        for (ReplicaGroup.Replica r : group.live(now)) {
            if (Lifecycle.DELETING.equals(r.statusAt(now))) continue;
            Namespace member = r.region().equals(namespace.region()) ? namespace : replicator.peer(namespace, r.region());
            Table t = member == namespace ? table : member.table(table.name(), now);
            if (t == null) continue;
            if (t == table) {
                t.updateReplicas(alone ? null : group);
            } else {
                TableLocks.write(t, () -> {
                    t.updateReplicas(group);
                    return null;
                });
            }
            if (alone) replicator.untrack(t);
            else replicator.track(member, t);
        }
    }

    /** Replica-specific read capacity of global indexes; every index named must be one of the table's. */
    /** The replica's index overrides after an update: each index it names takes its new override, or none (one equal to the index's own was left out of {@code given}). */
    private static Map<String, Long> withIndexOverrides(Map<String, Long> had, JsonNode named, Map<String, Long> given) {
        Map<String, Long> next = new HashMap<>(had);
        for (JsonNode index : each(named)) next.remove(text(index, "IndexName"));
        next.putAll(given);
        return next;
    }

    private static Iterable<JsonNode> each(JsonNode list) {
        return list == null ? List.of() : list;
    }

    private static boolean namesIndexOverride(JsonNode indexes) {
        for (JsonNode index : each(indexes)) {
            if (present(index, "ProvisionedThroughputOverride") != null || present(index, "OnDemandThroughputOverride") != null) return true;
        }
        return false;
    }

    /** The replica's read capacity of each named global index; a new replica's override of an index the table lacks is ignored, as the service ignores it (LAB 307). */
    private static Map<String, Long> indexOverrides(TableDefinition d, JsonNode indexes, boolean creating) {
        Map<String, Long> overrides = new HashMap<>();
        if (indexes == null) return overrides;
        for (JsonNode index : indexes) {
            String name = text(index, "IndexName");
            IndexDefinition found = d.index(name);
            if ((found == null || !found.global()) && creating) continue;
            if (found == null || !found.global()) {
                throw DynamoException.validation(INVALID + "Global secondary index " + name + " does not exist for table " + d.name());
            }
            JsonNode throughput = present(index, "ProvisionedThroughputOverride");
            if (throughput != null && throughput.hasNonNull("ReadCapacityUnits")) overrides.put(name, throughput.get("ReadCapacityUnits").asLong());
        }
        return overrides;
    }

    /** The service's refusal to delete a protected member of a global table (observed in 2026), by ReplicaUpdates or DeleteTable. */
    static DynamoException protectedReplica(String tableName, String region) {
        return DynamoException.validation("Cannot delete table " + tableName + " in region " + region
                + " because it has deletion protection enabled. Disable deletion protection first.");
    }

    /** A replica to be deleted through ReplicaUpdates must not be protected against deletion in its own region. */
    private static void checkNotProtected(RequestContext context, String tableName, String region, long now) {
        Table replica = context.namespace().replicator().peer(context.namespace(), region).table(tableName, now);
        if (replica != null && replica.definition().deletionProtectionEnabled()) throw protectedReplica(tableName, region);
    }

    /**
     * A strongly consistent group is made and ended whole (observed on the service in 2026): no
     * replica joins it, its consistency is not changed, and a deletion takes every other replica
     * and the witness at once.
     */
    private static void checkStrongGroupChange(ReplicaGroup group, String consistency, List<JsonNode> creates, List<String> deletes,
                                               JsonNode witnessUpdates, long now) {
        if (consistency != null) throw DynamoException.validation("MultiRegionConsistency parameter is unsupported on existing global table");
        if (!creates.isEmpty()) throw DynamoException.validation("Cannot add replicas to a global table with strong MultiRegionConsistency");
        List<String> witnessDeletes = new ArrayList<>();
        if (witnessUpdates != null) {
            for (JsonNode entry : witnessUpdates) {
                JsonNode delete = present(entry, "Delete");
                if (delete != null) witnessDeletes.add(text(delete, "RegionName"));
            }
        }
        List<String> strangers = witnessDeletes.stream().filter(r -> !r.equals(group.witnessRegion())).toList();
        if (!strangers.isEmpty()) {
            throw DynamoException.validation("Update global table operation failed because one or more witnesses were not part of the global "
                    + "table. Please retry the request without these witnesses: [" + String.join(", ", strangers) + "].");
        }
        if (deletes.isEmpty()) return;
        if (group.witnessRegion() != null && witnessDeletes.isEmpty()) {
            throw DynamoException.validation("Update table delete operation does not include all witnesses.");
        }
        long others = group.live(now).size() - 1;
        if (deletes.size() < others) throw DynamoException.validation(ONE_STRONG_REPLICA);
    }

    /** DeleteTable of a member of a strongly consistent group would leave it with too few: the service refuses it. */
    static void checkLeavingAllowed(Table table, long now) {
        ReplicaGroup group = table.replicas();
        if (group != null && ReplicaGroup.STRONG.equals(group.multiRegionConsistency()) && group.live(now).size() > 1) {
            throw DynamoException.validation(ONE_STRONG_REPLICA);
        }
    }

    /** Replicas take every write of the others: the table must be on demand, or provisioned with write auto scaling. */
    private static void checkCapacityForReplicas(Table table) {
        var write = table.autoScaling().write();
        if (!table.definition().payPerRequest() && (write == null || !write.active())) throw DynamoException.validation(WRITE_CAPACITY);
    }

    /** Multi-Region strong consistency: made at once from a regional table, three replicas (or two and a witness) in one Region set. */
    private static void checkStrong(Table table, ReplicaGroup group, String local, String consistency, List<JsonNode> creates,
                                    String witness, long now) {
        if (witness != null && !ReplicaGroup.STRONG.equals(consistency)) {
            throw DynamoException.validation("MultiRegionConsistency must be set as STRONG when GlobalTableWitnessUpdates parameter is present.");
        }
        if (!ReplicaGroup.STRONG.equals(consistency)) return;
        if (group != null) throw DynamoException.validation("MultiRegionConsistency parameter is unsupported on existing global table");
        int replicas = 1 + creates.size();
        if (!(replicas == 3 && witness == null) && !(replicas == 2 && witness != null)) {
            throw DynamoException.validation("Unsupported replica count for global tables with MultiRegionConsistency set to STRONG.",
                    "three replicas, or two replicas and a witness");
        }
        List<String> replicaRegions = new ArrayList<>();
        for (JsonNode create : creates) replicaRegions.add(text(create, "RegionName"));
        if (witness != null && witness.equals(local)) {
            throw DynamoException.validation("Cannot add a witness in the same region as an existing replica when creating a global table "
                    + "with MultiRegionConsistency set to STRONG.");
        }
        if (witness != null && replicaRegions.contains(witness)) throw DynamoException.validation("Cannot target multiple regions with the same action");
        Set<String> regionSet = REGION_SETS.stream().filter(s -> s.contains(local)).findFirst().orElse(Set.of());
        List<String> regions = new ArrayList<>(replicaRegions);
        if (witness != null) regions.add(witness);
        List<String> outside = regions.stream().filter(r -> !regionSet.contains(r)).toList();
        if (!outside.isEmpty() || regionSet.isEmpty()) {
            throw DynamoException.validation("Unsupported Region(s) specified for global tables with MultiRegionConsistency set to STRONG: "
                    + (outside.isEmpty() ? List.of(local) : outside) + ".",
                    regionSet.isEmpty() ? "no Region set of strongly consistent global tables includes " + local
                            : "the Region set of " + local + " is " + regionSet.stream().sorted().toList());
        }
        if (table.keyspace().itemCount() > 0) {
            throw DynamoException.validation(INVALID + "A multi-Region strongly consistent global table can only be created from an empty table");
        }
        if (table.timeToLive().enabled()) {
            throw new DynamoException(ErrorCode.VALIDATION, INVALID + "Time to Live is not supported for multi-Region strongly consistent global tables",
                    "the service does not offer Time to Live on such tables; disable it first");
        }
    }
}
