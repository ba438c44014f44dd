package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.error.ServiceTexts;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Projection;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableGrammar;
import io.dynabox.engine.table.TableLimits;
import io.dynabox.engine.table.Throughput;
import io.dynabox.engine.value.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable's GlobalSecondaryIndexUpdates: Create (the index is filled from the table's
 * items at once, under the table's write lock, and shows CREATING with Backfilling until the
 * change settles), Delete (its entries go at once; it shows DELETING until the change
 * settles) and Update (provisioned throughput; the index shows UPDATING). The checks are the
 * service's, in its words.
 */
final class GlobalIndexUpdates {
    private static final String INVALID = TableGrammar.INVALID;

    private GlobalIndexUpdates() {}

    /**
     * Applies the entries to {@code next} (and fills or empties index keyspaces); returns the
     * global indexes as descriptions show them while the change is in flight, or null when
     * nothing changed. Update entries that only carried index throughput for a switch to
     * PROVISIONED were applied already ({@code billingSwitched}). Caller holds the write lock.
     */
    static List<IndexDefinition> apply(RequestContext context, Table table, TableDefinition current, JsonNode request,
                                       List<JsonNode> entries, boolean billingSwitched, TableDefinition.Builder next) {
        int onlineChanges = 0;
        for (JsonNode entry : entries) if (entry.hasNonNull("Create") || entry.hasNonNull("Delete")) onlineChanges++;
        if (onlineChanges > 1) {
            throw new DynamoException(ErrorCode.LIMIT_EXCEEDED,
                    "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
        }
        List<IndexDefinition> indexes = new ArrayList<>(current.globalIndexes());
        Map<String, IndexDefinition> shown = new LinkedHashMap<>();
        for (IndexDefinition index : indexes) shown.put(index.name(), index);
        Map<String, AttributeValue.Type> definitions = new LinkedHashMap<>(current.attributeDefinitions());
        boolean changed = false;
        for (JsonNode entry : entries) {
            if (entry.hasNonNull("Create")) {
                IndexDefinition created = create(current, entry.get("Create"), request, definitions);
                TableLimits.checkCapacityQuota(created.throughput(), created.name(), context.namespace().region());
                indexes.add(created);
                shown.put(created.name(), created.withStatus(Table.CREATING, true));
                ItemWriter.backfill(table, created);
                changed = true;
            } else if (entry.hasNonNull("Delete")) {
                IndexDefinition deleted = existing(current, table, entry.get("Delete").get("IndexName").textValue(), "delete");
                indexes.remove(deleted);
                shown.put(deleted.name(), deleted.withStatus(Table.DELETING, false));
                table.dropIndexKeyspace(deleted.name());
                changed = true;
            } else if (!billingSwitched) {
                JsonNode update = entry.get("Update");
                IndexDefinition index = existing(current, table, update.get("IndexName").textValue(), "update");
                JsonNode onDemand = TableGrammar.present(update, "OnDemandThroughput");
                JsonNode warm = TableGrammar.present(update, "WarmThroughput");
                JsonNode throughputGiven = TableGrammar.present(update, "ProvisionedThroughput");
                if (current.payPerRequest() && throughputGiven == null && warm == null && (onDemand == null || onDemand.isEmpty())) {
                    // an update that changes nothing the mode allows (observed in 2026, LAB 456)
                    throw DynamoException.validation(INVALID + "The only Updates for index: " + index.name()
                            + " when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput");
                }
                TableLimits.checkOnDemandQuota(onDemand, index.name(), context.namespace().region());
                TableLimits.checkIndexWarmQuota(warm, index.name(), context.namespace().region());
                if (onDemand != null || warm != null) {
                    // the index's own limits and warm throughput are kept and described from now on
                    IndexDefinition updated = index;
                    if (onDemand != null) {
                        updated = updated.withOnDemandThroughput(TableGrammar.updatedIndexOnDemand(
                                index.onDemandThroughput(), onDemand, index.name(), current.payPerRequest()));
                    }
                    if (warm != null) {
                        updated = updated.withWarmThroughput(TableGrammar.raisedIndexWarmThroughput(
                                TableGrammar.indexWarmThroughput(index, current.payPerRequest()), warm, index.name()));
                    }
                    indexes.set(indexes.indexOf(index), updated);
                    shown.put(index.name(), updated.withStatus(Table.UPDATING, false));
                    index = updated;
                    changed = true;
                }
                JsonNode throughputNode = update.get("ProvisionedThroughput");
                if (throughputNode == null || throughputNode.isNull()) continue;
                if (current.payPerRequest()) {
                    throw DynamoException.validation(INVALID + "The only Updates for index: " + index.name()
                            + " when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput");
                }
                Throughput requested = TableGrammar.throughput(throughputNode);
                Throughput old = index.throughput();
                if (old.sameValues(requested.readCapacityUnits(), requested.writeCapacityUnits())) {
                    throw DynamoException.validation("The provisioned throughput for the index " + index.name()
                            + " will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for index "
                            + index.name() + ": " + old.readCapacityUnits() + ". Requested ReadCapacityUnits: " + requested.readCapacityUnits()
                            + ". Current WriteCapacityUnits provisioned for index " + index.name() + ": " + old.writeCapacityUnits()
                            + ". Requested WriteCapacityUnits: " + requested.writeCapacityUnits()
                            + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
                }
                TableLimits.checkCapacityQuota(requested, index.name(), context.namespace().region());
                UpdateTable.checkDecreaseBudget(old, requested.readCapacityUnits(), requested.writeCapacityUnits(), context.nowEpochSeconds());
                Throughput updated = old.changedTo(requested.readCapacityUnits(), requested.writeCapacityUnits(), context.nowEpochSeconds());
                // the warm throughput is the highest capacity the index had: it stays when the capacity falls (observed in 2026, LAB 134)
                TableDefinition.Warm highest = TableGrammar.indexWarmThroughput(index, false)
                        .atLeast(updated.readCapacityUnits(), updated.writeCapacityUnits());
                indexes.set(indexes.indexOf(index), index.withThroughput(updated).withWarmThroughput(highest));
                // until the change completes the service shows the old values, with the index UPDATING
                shown.put(index.name(), index.withStatus(Table.UPDATING, false));
                changed = true;
            }
        }
        if (!changed) return null;
        next.globalIndexes(indexes).attributeDefinitions(usedDefinitions(definitions, current, indexes));
        return new ArrayList<>(shown.values());
    }

    private static IndexDefinition create(TableDefinition current, JsonNode create, JsonNode request,
                                          Map<String, AttributeValue.Type> definitions) {
        String name = create.get("IndexName").textValue();
        if (current.index(name) != null) throw DynamoException.validation("Attempting to create an index which already exists");
        // the new index's key attributes must be in the request's definitions, even when the table has them
        // already; one the table has keeps its type whatever the request says (both as the service does)
        Set<String> given = new HashSet<>();
        JsonNode givenNode = request.get("AttributeDefinitions");
        if (givenNode != null && !givenNode.isNull()) {
            for (JsonNode d : givenNode) {
                String attribute = d.get("AttributeName").textValue();
                given.add(attribute);
                definitions.putIfAbsent(attribute, AttributeValue.Type.valueOf(d.get("AttributeType").textValue()));
            }
        }
        for (JsonNode element : create.get("KeySchema")) {
            if (given.contains(element.get("AttributeName").textValue())) continue;
            // no definitions at all, or definitions without this one (a capture of the service's answer to a stored key left out)
            throw DynamoException.validation(given.isEmpty() ? INVALID + "AttributeDefinitions is not specified for index: " + name
                    : ServiceTexts.KEY_SCHEMA_UNDEFINED_COUNT);
        }
        KeySchema key = TableGrammar.globalIndexKeySchema(create.get("KeySchema"), definitions);
        Projection projection = TableGrammar.projection(create.get("Projection"));
        JsonNode throughputNode = create.get("ProvisionedThroughput");
        boolean hasThroughput = throughputNode != null && !throughputNode.isNull();
        if (current.payPerRequest() && hasThroughput) {
            throw DynamoException.validation(INVALID + "ProvisionedThroughput should not be specified for index: " + name
                    + " when BillingMode is PAY_PER_REQUEST");
        }
        if (!current.payPerRequest() && !hasThroughput) {
            throw DynamoException.validation(INVALID + "Both ReadCapacityUnits and WriteCapacityUnits must be specified for index: " + name);
        }
        if (current.globalIndexes().size() >= TableLimits.MAX_GLOBAL_INDEXES) {
            throw new DynamoException(ErrorCode.LIMIT_EXCEEDED,
                    "Subscriber limit exceeded: Number of global secondary indexes exceeds per-table limit of " + TableLimits.MAX_GLOBAL_INDEXES);
        }
        Throughput throughput = hasThroughput ? TableGrammar.throughput(throughputNode) : null;
        return new IndexDefinition(name, true, key, projection, throughput, Table.ACTIVE, false,
                TableGrammar.indexOnDemand(TableGrammar.present(create, "OnDemandThroughput"), name, current.payPerRequest()),
                TableGrammar.indexWarmThroughput(TableGrammar.present(create, "WarmThroughput"), name, current.payPerRequest(), throughput));
    }

    private static IndexDefinition existing(TableDefinition current, Table table, String name, String action) {
        IndexDefinition index = current.index(name);
        if (index == null) {
            throw DynamoException.resourceNotFound("Requested resource not found: Index " + name + " for table " + table.name());
        }
        if (!index.global()) throw DynamoException.validation("Cannot " + action + " an index that is not a GlobalSecondaryIndex: " + name);
        return index;
    }

    /** The definitions some key still uses: a deleted index's attributes are pruned, as in the service. */
    private static Map<String, AttributeValue.Type> usedDefinitions(Map<String, AttributeValue.Type> definitions, TableDefinition current,
                                                                    List<IndexDefinition> globals) {
        Set<String> used = new LinkedHashSet<>();
        addKey(used, current.keySchema());
        for (IndexDefinition index : current.localIndexes()) addKey(used, index.keySchema());
        for (IndexDefinition index : globals) addKey(used, index.keySchema());
        Map<String, AttributeValue.Type> kept = new LinkedHashMap<>();
        definitions.forEach((name, type) -> {
            if (used.contains(name)) kept.put(name, type);
        });
        return kept;
    }

    private static void addKey(Set<String> used, KeySchema key) {
        for (KeySchema.Element element : key.elements()) used.add(element.name());
    }
}
