package io.dynabox.engine.operation;

import static io.dynabox.engine.table.TableGrammar.INVALID;
import static io.dynabox.engine.table.TableGrammar.present;
import static io.dynabox.engine.table.TableGrammar.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.Lifecycle;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableDescriptions;
import io.dynabox.engine.table.TableGrammar;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.table.TableLimits;
import io.dynabox.engine.table.Throughput;
import io.dynabox.engine.wire.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable: one concern per request (throughput and billing mode, stream, encryption,
 * table class, deletion protection, on-demand or warm throughput, index changes), checked
 * in the service's order: request-level rules, then the table and its state, then the
 * change against the current values. Throughput, billing, stream and table-class changes
 * keep the table UPDATING for the configured delay; the others apply at once.
 */
public final class UpdateTable implements Operation {
    private static final String NOTHING_TO_UPDATE = "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
            + "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, "
            + "MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required";
    private static final String IN_USE = "Attempt to change a resource which is still in use: ";
    private static final List<String> EFFECTIVE_MEMBERS = List.of("ProvisionedThroughput", "BillingMode", "StreamSpecification",
            "GlobalSecondaryIndexUpdates", "SSESpecification", "ReplicaUpdates", "DeletionProtectionEnabled", "OnDemandThroughput",
            "WarmThroughput", "TableClass", "MultiRegionConsistency", "GlobalTableWitnessUpdates");
    private static final Set<String> STRONG_ONLY_MEMBERS = Set.of("MultiRegionConsistency", "GlobalTableWitnessUpdates");
    private static final int FREE_DECREASES_PER_DAY = 4;
    private static final long SECONDS_BETWEEN_LATER_DECREASES = 3600;
    private static final DateTimeFormatter LIMIT_TIME =
            DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

    // what a table is busy with while UPDATING (Table.changeInFlight)
    static final String CHANGING_THROUGHPUT = Lifecycle.CHANGING_THROUGHPUT;
    static final String CHANGING_STREAM = Lifecycle.CHANGING_STREAM;
    static final String CHANGING_TABLE_CLASS = Lifecycle.CHANGING_TABLE_CLASS;
    static final String CHANGING_INDEX = Lifecycle.CHANGING_INDEX;
    static final String CHANGING_INDEXES = Lifecycle.CHANGING_INDEXES;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        Set<String> members = effectiveMembers(request);
        // a consistency or a witness alone changes nothing; the service's list then leaves out the members the request has
        if (STRONG_ONLY_MEMBERS.containsAll(members)) {
            throw DynamoException.validation(members.contains("MultiRegionConsistency")
                    ? NOTHING_TO_UPDATE.replace("MultiRegionConsistency, ", "") : NOTHING_TO_UPDATE);
        }
        JsonNode gsiUpdates = present(request, "GlobalSecondaryIndexUpdates");
        if (gsiUpdates != null && gsiUpdates.isEmpty()) {
            throw DynamoException.validation(INVALID + "List of GlobalSecondaryIndexUpdates is empty");
        }
        List<JsonNode> indexUpdates = indexUpdateEntries(gsiUpdates);
        checkIndexWarmThroughputs(indexUpdates);
        JsonNode throughputNode = present(request, "ProvisionedThroughput");
        Throughput requested = throughputNode == null ? null : TableGrammar.throughput(throughputNode);
        boolean replicaChange = ReplicaUpdates.concerns(members);
        if (replicaChange) ReplicaUpdates.checkRequest(request, members);
        else checkSingleConcern(request, members, indexUpdates);

        Table table = context.describedTable(request.get("TableName").textValue());
        context.options().accountQuotas().checkOperation(context.namespace(), context.nowMillis());
        if (replicaChange && context.namespace().replicator() != null) {
            // group changes touch several regions' tables: one at a time, before any table lock
            synchronized (context.namespace().replicator()) {
                return update(context, request, members, requested, indexUpdates, table, true);
            }
        }
        JsonNode answer = update(context, request, members, requested, indexUpdates, table, false);
        ReplicaSettings.propagate(context, table, request, members);
        return answer;
    }

    /** An index's empty WarmThroughput, refused before anything else is looked at (observed in 2026, LAB 456/457). */
    private static void checkIndexWarmThroughputs(List<JsonNode> indexUpdates) {
        for (JsonNode entry : indexUpdates) {
            JsonNode warm = entry.hasNonNull("Update") ? present(entry.get("Update"), "WarmThroughput") : null;
            if (warm != null && !warm.hasNonNull("ReadUnitsPerSecond") && !warm.hasNonNull("WriteUnitsPerSecond")) {
                throw DynamoException.validation(INVALID + "WarmThroughput must have at least one of ReadUnitsPerSecond or WriteUnitsPerSecond "
                        + "specified for index: " + entry.get("Update").path("IndexName").asText());
            }
        }
    }

    private static JsonNode update(RequestContext context, JsonNode request, Set<String> members, Throughput requested,
                                   List<JsonNode> indexUpdates, Table table, boolean replicaChange) {
        return TableLocks.write(table, () -> {
            long now = context.nowMillis();
            String status = table.status(now);
            if (Table.CREATING.equals(status)) throw DynamoException.resourceInUse(IN_USE + "Table is being created: " + table.name());
            if (Table.DELETING.equals(status)) throw DynamoException.resourceInUse(IN_USE + "Table is being deleted: " + table.name());
            TableDefinition current = table.definition();
            if (table.replicas() != null && Table.UPDATING.equals(status)) {
                // a member of a global table answers without detail, whatever the change (observed on the service in 2026)
                throw DynamoException.resourceInUse("The resource which you are attempting to change is in use.");
            }
            if (replicaChange) {
                checkNotBusy(table, current, members, false, null, now);
                return ReplicaUpdates.execute(context, table, request);
            }
            if (members.contains("DeletionProtectionEnabled")) {
                // synchronous, and admitted even while the table is UPDATING
                boolean protect = request.get("DeletionProtectionEnabled").booleanValue();
                table.amend(d -> d.toBuilder().deletionProtectionEnabled(protect).build());
                return answer(table, table.shownDefinition(now), status, now, false);
            }
            boolean onlineIndexChange = indexUpdates.stream().anyMatch(entry -> entry.hasNonNull("Create") || entry.hasNonNull("Delete"));
            String deleted = indexUpdates.stream().filter(entry -> entry.hasNonNull("Delete"))
                    .map(entry -> entry.get("Delete").path("IndexName").asText()).findFirst().orElse(null);
            checkNotBusy(table, current, members, onlineIndexChange, deleted, now);
            if (members.contains("SSESpecification")) return updateEncryption(context, table, current, request);
            if (members.contains("TableClass")) return updateTableClass(context, table, current, text(request, "TableClass"));
            if (members.contains("WarmThroughput")) return updateWarmThroughput(context, table, current, request.get("WarmThroughput"));
            return updateCapacityStreamAndIndexes(context, table, current, request, requested, indexUpdates);
        });
    }

    // ---- request-level checks (no table needed) ----

    private static Set<String> effectiveMembers(JsonNode request) {
        Set<String> members = new HashSet<>();
        for (String member : EFFECTIVE_MEMBERS) {
            JsonNode value = present(request, member);
            if (value == null) continue;
            if (member.equals("GlobalSecondaryIndexUpdates") && value.isEmpty()) continue;
            members.add(member);
        }
        // an empty OnDemandThroughput or WarmThroughput beside another change is no change of its own: the service
        // answers as if it were not there (observed in 2026); alone, it is answered as tables.md §5.5 says
        if (members.size() > 1) {
            for (String member : List.of("OnDemandThroughput", "WarmThroughput")) {
                JsonNode value = present(request, member);
                if (value != null && value.isObject() && value.isEmpty()) members.remove(member);
            }
        }
        return members;
    }

    /** The shape of each index update entry: exactly one action, and one entry per index. */
    private static List<JsonNode> indexUpdateEntries(JsonNode gsiUpdates) {
        List<JsonNode> entries = new ArrayList<>();
        if (gsiUpdates == null) return entries;
        Set<String> indexes = new HashSet<>();
        for (JsonNode entry : gsiUpdates) {
            int actions = 0;
            String indexName = null;
            for (String action : List.of("Update", "Create", "Delete")) {
                JsonNode body = present(entry, action);
                if (body == null) continue;
                actions++;
                indexName = text(body, "IndexName");
            }
            if (actions == 0) {
                throw DynamoException.validation(INVALID + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
                        + "GlobalSecondaryIndexUpdate.Delete must not be null");
            }
            if (actions > 1) {
                throw DynamoException.validation(INVALID + "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object");
            }
            if (!indexes.add(indexName)) {
                throw DynamoException.validation(INVALID
                        + "Only one global secondary index update per index is allowed simultaneously. Index: " + indexName);
            }
            entries.add(entry);
        }
        return entries;
    }

    /** Some changes must come alone, and some pairs never go together (rejected before anything applies). */
    private static void checkSingleConcern(JsonNode request, Set<String> members, List<JsonNode> indexUpdates) {
        boolean alone = members.size() == 1;
        boolean createsOrDeletesIndex = indexUpdates.stream().anyMatch(e -> present(e, "Create") != null || present(e, "Delete") != null);
        if (members.contains("SSESpecification") && !alone) {
            throw DynamoException.validation(INVALID + "Server-Side Encryption modification must be the only operation in the request");
        }
        if (members.contains("TableClass") && !alone) {
            throw DynamoException.validation(INVALID + "TableClass modification must be the only operation in the request");
        }
        if (members.contains("DeletionProtectionEnabled") && !alone) {
            throw DynamoException.validation(INVALID + "DeletionProtection modification must be the only operation in the request");
        }
        if (members.contains("WarmThroughput") && !alone) {
            if (indexUpdates.stream().anyMatch(e -> present(e, "Create") != null)) {
                throw DynamoException.validation(INVALID + "Create global secondary index cannot be specified when updating WarmThroughput");
            }
            throw DynamoException.validation(INVALID + "WarmThroughput must be the only operation in the request");
        }
        if (members.contains("OnDemandThroughput") && !Set.of("OnDemandThroughput", "BillingMode").containsAll(members)) {
            throw DynamoException.validation(INVALID + "OnDemandThroughput can only be combined with BillingMode in an UpdateTable request");
        }
        boolean changesIops = members.contains("ProvisionedThroughput")
                || TableDefinition.PROVISIONED.equals(text(request, "BillingMode"));
        if (members.contains("StreamSpecification") && changesIops) {
            throw DynamoException.validation(INVALID + "You cannot modify stream status while updating table IOPS");
        }
        if (createsOrDeletesIndex && members.contains("ProvisionedThroughput")) {
            throw DynamoException.validation(INVALID + "You cannot create or delete index while updating table IOPS");
        }
        if (createsOrDeletesIndex && members.contains("StreamSpecification")) {
            throw DynamoException.validation(INVALID + "You cannot create or delete index while changing stream status");
        }
    }

    // ---- table state ----

    /** While a change is in flight only deletion protection is admitted; the message names what is busy. */
    private static void checkNotBusy(Table table, TableDefinition current, Set<String> members, boolean onlineIndexChange, String deleted,
                                     long now) {
        String change = table.changeInFlight(now);
        String name = table.name();
        if (CHANGING_INDEX.equals(change)) {
            List<String> updating = new ArrayList<>();
            for (IndexDefinition index : table.shownDefinition(now).globalIndexes()) {
                if (Table.UPDATING.equals(index.status())) updating.add(index.name());
            }
            throw DynamoException.resourceInUse(IN_USE + "Index is being updated. Table: " + name + " Index: " + String.join(", ", updating));
        }
        if (!Table.UPDATING.equals(table.status(now))) return;
        if (CHANGING_INDEXES.equals(change) && deleted != null) {
            for (IndexDefinition index : table.shownDefinition(now).globalIndexes()) {
                if (index.name().equals(deleted) && Table.CREATING.equals(index.status())) {
                    // the index itself, not another one: the service's words for its first phase (observed in 2026, LAB 149)
                    throw DynamoException.resourceInUse(IN_USE + "Index creation is in resource allocation phase. Retry deletion during "
                            + "backfilling phase or when the index is active. Table: " + name + " Index: " + deleted);
                }
            }
        }
        if (CHANGING_INDEXES.equals(change) && onlineIndexChange) {
            // another index created or deleted meanwhile: the service's quota, whatever the phase (observed in 2026)
            throw new DynamoException(ErrorCode.LIMIT_EXCEEDED,
                    "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
        }
        if (CHANGING_TABLE_CLASS.equals(change)) {
            String inProgress = " Table: " + name + " TableClassUpdateInProgress: " + current.effectiveTableClass();
            if (members.contains("TableClass")) {
                throw DynamoException.resourceInUse(IN_USE + "Can't update table class when a table class update is in progress." + inProgress);
            }
            if (members.contains("StreamSpecification")) {
                throw DynamoException.resourceInUse(IN_USE + "Can't change stream status when a table class update is in progress." + inProgress);
            }
        }
        if (CHANGING_STREAM.equals(change) && members.contains("TableClass")) {
            throw DynamoException.resourceInUse(IN_USE + "Can't update table class when stream status is being updated. Table: " + name);
        }
        if (ReplicaUpdates.CHANGING_REPLICAS.equals(change)) {
            throw DynamoException.resourceInUse(IN_USE + "Table: " + name + " is in the process of being updated.");
        }
        if (CHANGING_STREAM.equals(change) && members.contains("OnDemandThroughput")) {
            throw DynamoException.resourceInUse(IN_USE + "OnDemandThroughput cannot be updated while stream status update is in progress");
        }
        throw DynamoException.resourceInUse(IN_USE + "Table IOPS are currently being updated. Table: " + name);
    }

    // ---- the changes ----

    private static JsonNode updateEncryption(RequestContext context, Table table, TableDefinition current, JsonNode request) {
        JsonNode wanted = TableGrammar.sseDescription(context.namespace(), request.get("SSESpecification"), context.options().sharedDb());
        JsonNode have = current.sseDescription();
        if (wanted == null && have == null) throw DynamoException.validation(INVALID + "Table is already encrypted by default");
        // only the key's own ARN, sent again, changes nothing; any other spelling of it (none, an alias, a bare id)
        // re-encrypts the table on the service, and is accepted (observed in 2026)
        String given = TableGrammar.text(request.get("SSESpecification"), "KMSMasterKeyId");
        if (wanted != null && have != null && given != null && given.equals(have.get("KMSMasterKeyArn").textValue())) {
            throw DynamoException.validation(INVALID
                    + "Table is already encrypted with given KMSMasterKeyId. Use KMSMasterKeyId parameter if you want to change Master Key");
        }
        // the service re-encrypts in the background with the table ACTIVE; Dynabox applies at once
        long now = context.nowMillis();
        table.update(current.toBuilder().sseDescription(wanted).build(), Table.ACTIVE, now);
        return answer(table, table.definition(), Table.ACTIVE, now, false);
    }

    private static JsonNode updateTableClass(RequestContext context, Table table, TableDefinition current, String tableClass) {
        long now = context.nowMillis();
        // re-sending the class in effect is accepted and changes nothing
        if (tableClass.equals(current.effectiveTableClass())) return answer(table, current, Table.UPDATING, now, false);
        TableDefinition next = current.toBuilder().tableClass(tableClass, context.nowEpochSeconds()).build();
        table.update(next, current, Table.UPDATING, settleAt(context), CHANGING_TABLE_CLASS);
        return answer(table, current, Table.UPDATING, now, false);
    }

    private static JsonNode updateWarmThroughput(RequestContext context, Table table, TableDefinition current, JsonNode warm) {
        TableDefinition.Warm have = current.warmThroughput();
        String[] members = {"ReadUnitsPerSecond", "WriteUnitsPerSecond"};
        long[] haveValues = {have.readUnitsPerSecond(), have.writeUnitsPerSecond()};
        for (int i = 0; i < 2; i++) {
            JsonNode value = present(warm, members[i]);
            if (value != null && value.asLong() < haveValues[i]) {
                throw DynamoException.validation(INVALID + "Requested " + members[i]
                        + " for WarmThroughput for table is lower than current WarmThroughput, decreasing WarmThroughput is not supported");
            }
        }
        long now = context.nowMillis();
        TableDefinition next = current.toBuilder().warmThroughput(have.atLeast(
                warm.path("ReadUnitsPerSecond").asLong(0), warm.path("WriteUnitsPerSecond").asLong(0))).build();
        table.update(next, Table.ACTIVE, now);
        return answer(table, next, Table.ACTIVE, now, false);
    }

    /** Billing mode, provisioned and on-demand throughput, stream and index changes: the ones that may go together. */
    private static JsonNode updateCapacityStreamAndIndexes(RequestContext context, Table table, TableDefinition current,
                                                           JsonNode request, Throughput requested, List<JsonNode> indexUpdates) {
        long now = context.nowMillis();
        String billingMode = text(request, "BillingMode");
        JsonNode onDemand = present(request, "OnDemandThroughput");
        // an empty one beside the billing mode is no change of its own (see effectiveMembers)
        if (onDemand != null && onDemand.isObject() && onDemand.isEmpty() && present(request, "BillingMode") != null) onDemand = null;
        TableLimits.checkOnDemandQuota(onDemand, null, context.namespace().region());
        JsonNode stream = present(request, "StreamSpecification");
        TableDefinition.Builder next = current.toBuilder();
        TableDefinition shown = null;
        String change = null;
        boolean billingSwitched = false;

        if (current.payPerRequest()) {
            if (TableDefinition.PAY_PER_REQUEST.equals(billingMode) && requested != null) {
                throw DynamoException.validation(INVALID + "ProvisionedThroughput cannot be specified when BillingMode is PAY_PER_REQUEST");
            }
            if (billingMode == null && requested != null) {
                throw DynamoException.validation(INVALID
                        + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            if (TableDefinition.PROVISIONED.equals(billingMode)) {
                switchToProvisioned(context, current, requested, indexUpdates, next);
                billingSwitched = true;
                change = CHANGING_THROUGHPUT;
            } else if (onDemand != null) {
                // on-demand limits of an on-demand table change at once, the table staying ACTIVE
                ObjectNode echoed = mergeOnDemand(current.onDemandThroughput(), onDemand);
                TableDefinition merged = next.onDemandThroughput(withoutCleared(echoed)).build();
                table.update(merged, Table.ACTIVE, now);
                return answer(table, merged.toBuilder().onDemandThroughput(echoed).build(), Table.ACTIVE, now, false);
            }
        } else {
            if (TableDefinition.PAY_PER_REQUEST.equals(billingMode)) {
                if (requested != null) {
                    throw DynamoException.validation(INVALID + "ProvisionedThroughput cannot be specified when BillingMode is PAY_PER_REQUEST");
                }
                if (onDemand != null) TableGrammar.checkOnDemandRange(onDemand, false);
                next.billingMode(TableDefinition.PAY_PER_REQUEST, context.nowEpochSeconds())
                        .warmThroughput(current.warmThroughput().atLeast(TableDefinition.Warm.ON_DEMAND_INITIAL.readUnitsPerSecond(),
                                TableDefinition.Warm.ON_DEMAND_INITIAL.writeUnitsPerSecond()))
                        .onDemandThroughput(onDemand == null ? null : withoutCleared(onDemand.deepCopy()));
                billingSwitched = true;
                change = CHANGING_THROUGHPUT;
            } else {
                if (TableDefinition.PROVISIONED.equals(billingMode) && requested == null) {
                    throw DynamoException.validation(INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
                }
                if (onDemand != null) {
                    throw DynamoException.validation(INVALID + (onDemand.hasNonNull("MaxWriteRequestUnits") && !onDemand.hasNonNull("MaxReadRequestUnits")
                            ? "MaxWriteRequestUnits" : "MaxReadRequestUnits")
                            + " for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED");
                }
                if (requested != null) {
                    Throughput changed = changeThroughput(context, current.throughput(), requested);
                    next.throughput(changed).warmThroughput(current.warmThroughput()
                            .atLeast(requested.readCapacityUnits(), requested.writeCapacityUnits()));
                    // until the change completes the service shows the old values with the new timestamps
                    Throughput old = current.throughput();
                    shown = current.toBuilder().throughput(new Throughput(old.readCapacityUnits(), old.writeCapacityUnits(),
                            changed.lastIncreaseDateTime(), changed.lastDecreaseDateTime(), old.numberOfDecreasesToday())).build();
                    change = CHANGING_THROUGHPUT;
                }
            }
        }
        if (stream != null) {
            applyStream(context, current, stream, next);
            change = CHANGING_STREAM;
        }
        List<IndexDefinition> shownIndexes = indexUpdates.isEmpty() ? null
                : GlobalIndexUpdates.apply(context, table, current, request, indexUpdates, billingSwitched, next);
        if (shownIndexes != null && change == null && indexUpdates.stream().allMatch(entry -> entry.hasNonNull("Update"))) {
            // an index's own change: the index is UPDATING, the table stays ACTIVE (observed on the service in 2026)
            TableDefinition updated = next.build();
            TableDefinition shownWhileUpdating = updated.toBuilder().globalIndexes(shownIndexes).build();
            table.update(updated, shownWhileUpdating, Table.ACTIVE, settleAt(context), CHANGING_INDEX);
            return answer(table, shownWhileUpdating, Table.ACTIVE, now, false);
        }
        if (shownIndexes != null && change == null) change = CHANGING_INDEXES;
        if (change == null) {
            // a re-sent PAY_PER_REQUEST: the answer says UPDATING, but nothing changes
            return answer(table, current, Table.UPDATING, now, false);
        }
        TableDefinition updated = next.build();
        if (billingSwitched && updated.payPerRequest()) {
            // until the switch completes: the new mode, with the old warm throughput and on-demand date (observed in 2026, LAB 064/452)
            shown = updated.toBuilder().warmThroughput(current.warmThroughput())
                    .billingMode(TableDefinition.PAY_PER_REQUEST, current.lastUpdateToPayPerRequestDateTime()).build();
        }
        if (shownIndexes != null) shown = (shown == null ? updated : shown).toBuilder().globalIndexes(shownIndexes).build();
        table.update(updated, shown, Table.UPDATING, settleAt(context), change);
        // a deleted index's contributor insights go with it (observed in 2026, LAB 112): a new index of its name starts without
        List<String> orphaned = table.control().contributorInsights().keySet().stream()
                .filter(index -> !index.isEmpty() && updated.index(index) == null).toList();
        if (!orphaned.isEmpty()) table.amendControl(c -> c.withoutContributorInsights(orphaned));
        // after the table's change is saved: one the store refuses leaves the stream as it was
        if (stream != null && updated.streamEnabled()) context.namespace().streams().enable(table, now);
        if (stream != null && !updated.streamEnabled()) context.namespace().streams().disable(table, now);
        return answer(table, shown == null ? updated : shown, Table.UPDATING, now, billingSwitched);
    }

    /**
     * PAY_PER_REQUEST to PROVISIONED: every global index needs its throughput in an Update
     * entry of the same request; values apply as given.
     */
    private static void switchToProvisioned(RequestContext context, TableDefinition current, Throughput requested,
                                            List<JsonNode> indexUpdates, TableDefinition.Builder next) {
        if (requested == null) {
            throw DynamoException.validation(INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        }
        Map<String, Throughput> indexThroughput = new LinkedHashMap<>();
        for (JsonNode entry : indexUpdates) {
            JsonNode update = present(entry, "Update");
            JsonNode throughputNode = present(update, "ProvisionedThroughput");
            if (throughputNode == null) continue;
            String indexName = update.get("IndexName").textValue();
            if (current.index(indexName) == null || !current.index(indexName).global()) {
                throw DynamoException.resourceNotFound("Requested resource not found: Index " + indexName + " for table " + current.name());
            }
            indexThroughput.put(indexName, TableGrammar.throughput(throughputNode));
        }
        List<IndexDefinition> indexes = new ArrayList<>();
        for (IndexDefinition index : current.globalIndexes()) {
            Throughput given = indexThroughput.get(index.name());
            if (given == null) {
                throw DynamoException.validation(INVALID + "ProvisionedThroughput must be specified for index: " + index.name());
            }
            Throughput old = index.throughput();
            // the switch drops the index's on-demand limits with the table's (observed on the service in 2026)
            indexes.add(index.withThroughput(old == null ? given : old.withValues(given.readCapacityUnits(), given.writeCapacityUnits()))
                    .withOnDemandThroughput(null));
        }
        TableLimits.checkCapacityQuota(requested, null, context.namespace().region());
        for (Map.Entry<String, Throughput> given : indexThroughput.entrySet()) {
            TableLimits.checkCapacityQuota(given.getValue(), given.getKey(), context.namespace().region());
        }
        Throughput old = current.throughput();
        next.billingMode(TableDefinition.PROVISIONED, current.lastUpdateToPayPerRequestDateTime())
                .throughput(old == null ? requested : old.withValues(requested.readCapacityUnits(), requested.writeCapacityUnits()))
                .globalIndexes(indexes)
                .onDemandThroughput(null)
                .warmThroughput(current.warmThroughput().atLeast(requested.readCapacityUnits(), requested.writeCapacityUnits()));
    }

    /** A provisioned throughput change, refused when nothing changes or when too many decreases were made today. */
    private static Throughput changeThroughput(RequestContext context, Throughput old, Throughput requested) {
        long read = requested.readCapacityUnits();
        long write = requested.writeCapacityUnits();
        if (old.sameValues(read, write)) {
            throw DynamoException.validation("The provisioned throughput for the table will not change. The requested value equals the current value. "
                    + "Current ReadCapacityUnits provisioned for the table: " + old.readCapacityUnits()
                    + ". Requested ReadCapacityUnits: " + read
                    + ". Current WriteCapacityUnits provisioned for the table: " + old.writeCapacityUnits()
                    + ". Requested WriteCapacityUnits: " + write
                    + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
        }
        TableLimits.checkCapacityQuota(requested, null, context.namespace().region());
        double now = context.nowEpochSeconds();
        checkDecreaseBudget(old, read, write, now);
        return old.changedTo(read, write, now);
    }

    /**
     * After 4 decreases in a UTC day, one an hour: a table's and each global index's own (the
     * service answers an index's fifth in the table's words, observed in 2026, LAB 157).
     */
    static void checkDecreaseBudget(Throughput old, long read, long write, double now) {
        boolean decrease = read < old.readCapacityUnits() || write < old.writeCapacityUnits();
        long decreases = old.decreasesToday(now);
        if (decrease && decreases >= FREE_DECREASES_PER_DAY && now - old.lastDecreaseDateTime() < SECONDS_BETWEEN_LATER_DECREASES) {
            // an hour after the last, or the UTC midnight before that, when the day's count starts again (observed in 2026, LAB 184/185)
            double nextMidnight = (Math.floor(now / 86_400) + 1) * 86_400;
            double nextAllowed = Math.min(old.lastDecreaseDateTime() + SECONDS_BETWEEN_LATER_DECREASES, nextMidnight);
            throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "Subscriber limit exceeded: Provisioned throughput decreases are limited "
                    + "within a given UTC day. After the first 4 decreases, each subsequent decrease in the same UTC day can be performed "
                    + "at most once every 3600 seconds. Number of decreases today: " + decreases + ". Last decrease at "
                    + limitTime(old.lastDecreaseDateTime()) + " Coordinated Universal Time. Next decrease can be made at "
                    + limitTime(nextAllowed) + " Coordinated Universal Time.");
        }
    }

    private static String limitTime(double epochSeconds) {
        return LIMIT_TIME.format(Instant.ofEpochMilli((long) (epochSeconds * 1000)));
    }

    private static void applyStream(RequestContext context, TableDefinition current, JsonNode stream, TableDefinition.Builder next) {
        boolean enable = stream.path("StreamEnabled").asBoolean();
        String viewType = text(stream, "StreamViewType");
        if (enable && viewType == null) {
            throw DynamoException.validation(INVALID + "If stream is being enabled then UpdateViewType is required");
        }
        if (!enable && viewType != null) {
            throw DynamoException.validation(INVALID + "If stream is being disabled, then UpdateViewType must not be specified");
        }
        if (enable && current.streamEnabled()) {
            throw DynamoException.validation("Table already has an enabled stream: TableName: " + current.name());
        }
        if (!enable && !current.streamEnabled()) {
            throw DynamoException.validation("Table has no stream to disable: TableName: " + current.name());
        }
        if (!enable && ReplicaSettings.hasOtherReplicas(context, current.name())) {
            throw DynamoException.validation(INVALID + "Disabling Stream is not allowed for a Global Table replica.",
                    "the replicas read the table's changes; delete the replicas first");
        }
        // every enabling mints a new stream; disabling keeps the latest one's name
        next.stream(enable, enable ? viewType : null, enable ? StreamLabels.label(context.nowMillis()) : current.latestStreamLabel());
    }

    /** The on-demand limits after a request: members merge one by one; -1 is kept here, as the answer echoes it. */
    private static ObjectNode mergeOnDemand(JsonNode current, JsonNode requested) {
        if (requested.isEmpty()) {
            throw new DynamoException(ErrorCode.VALIDATION, INVALID + "OnDemandThroughput must not be empty",
                    "the service fails such a request with an internal error (HTTP 500); Dynabox answers it as invalid input");
        }
        TableGrammar.checkOnDemandRange(requested, true);
        ObjectNode merged = Json.object();
        for (String member : List.of("MaxReadRequestUnits", "MaxWriteRequestUnits")) {
            JsonNode value = present(requested, member);
            if (value == null) value = current == null ? null : present(current, member);
            if (value != null) merged.put(member, value.asLong());
        }
        return merged;
    }

    /** On-demand limits without the members cleared with -1; null once none is left. */
    private static ObjectNode withoutCleared(JsonNode onDemand) {
        ObjectNode kept = Json.object();
        onDemand.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull() && e.getValue().asLong() != -1) kept.put(e.getKey(), e.getValue().asLong());
        });
        return kept.isEmpty() ? null : kept;
    }

    private static long settleAt(RequestContext context) {
        return context.settlesAt(context.nowMillis());
    }

    private static JsonNode answer(Table table, TableDefinition shown, String status, long nowMillis, boolean billingSwitched) {
        return Json.object().set("TableDescription", TableDescriptions.asUpdated(table, shown, status, nowMillis, billingSwitched));
    }
}
