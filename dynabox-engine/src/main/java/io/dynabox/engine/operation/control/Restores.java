package io.dynabox.engine.operation.control;

import static io.dynabox.engine.table.TableGrammar.INVALID;
import static io.dynabox.engine.table.TableGrammar.present;
import static io.dynabox.engine.table.TableGrammar.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.store.Mutation;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.ControlState;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Lifecycle;
import io.dynabox.engine.table.Projection;
import io.dynabox.engine.table.RestoreSummary;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableDescriptions;
import io.dynabox.engine.table.TableGrammar;
import io.dynabox.engine.table.TableIds;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.table.Throughput;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A restore, from a backup or from a point in time: a new table with the source's key
 * schema and indexes, changed by the request's overrides (billing mode, provisioned and
 * on-demand throughput, the global and local indexes kept, encryption), filled with the
 * given items, and CREATING with its RestoreSummary until the transient delay is over.
 * As in the service, tags, streams, point-in-time recovery and deletion protection are not
 * carried over. Index entries are built from the items.
 */
final class Restores {
    private static final int BATCH = 1000;

    private Restores() {}

    static JsonNode restore(RequestContext context, JsonNode request, TableDefinition source, List<StoredItem> items,
                            RestoreSummary summary) {
        String target = request.get("TargetTableName").textValue();
        TableDefinition definition = targetDefinition(context, request, source, target);
        long settleAt = context.settlesAt(context.nowMillis());
        Table table = new Table(definition, context.store(), context.namespace().id(),
                Lifecycle.starting(Table.CREATING, settleAt, Lifecycle.RESTORING));
        table.startWithControl(ControlState.NONE.withRestoreSummary(summary));
        synchronized (context.namespace()) { // as CreateTable: the quotas checked and the table added under one lock
            if (context.namespace().table(target, context.nowMillis()) == null) {
                context.options().accountQuotas().checkNewTable(context.namespace(), context.nowMillis(), definition.hasIndexes());
            }
            if (context.namespace().addIfAbsent(table) != null) {
                throw new DynamoException(ErrorCode.TABLE_ALREADY_EXISTS, "Table already exists: " + target);
            }
        }
        // the table is CREATING, so no item action reaches it while it fills
        TableLocks.write(table, () -> {
            fill(table, items);
            return null;
        });
        return Json.object().set("TableDescription", TableDescriptions.asRestoring(table, context.nowMillis()));
    }

    static void checkTargetFree(RequestContext context, String target) {
        Table existing = context.namespace().table(target, context.nowMillis());
        if (existing == null) return;
        RestoreSummary restoring = existing.restoreUnderWay(context.nowMillis());
        if (restoring != null) {
            // a name whose own restore runs, in the service's words (observed in 2026, LAB 219)
            throw new DynamoException(ErrorCode.TABLE_IN_USE, "Table: " + target + " is already being restored from "
                    + (restoring.sourceBackupArn() != null ? "backup: " + restoring.sourceBackupArn() : "point in time: " + restoring.sourceTableArn()));
        }
        throw new DynamoException(ErrorCode.TABLE_ALREADY_EXISTS, "Table already exists: " + target);
    }

    private static void fill(Table table, List<StoredItem> items) {
        List<Mutation> batch = new ArrayList<>(Math.min(BATCH, items.size()));
        for (StoredItem item : items) {
            batch.add(Mutation.put(table.keyspace(), item));
            if (batch.size() == BATCH) {
                table.store().apply(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) table.store().apply(batch);
        for (IndexDefinition index : table.definition().localIndexes()) ItemWriter.backfill(table, index);
        for (IndexDefinition index : table.definition().globalIndexes()) ItemWriter.backfill(table, index);
    }

    /** The restored table's definition: the source's, with the overrides applied and checked. */
    private static TableDefinition targetDefinition(RequestContext context, JsonNode request, TableDefinition source, String target) {
        String billingOverride = text(request, "BillingModeOverride");
        boolean payPerRequest = billingOverride == null ? source.payPerRequest() : TableDefinition.PAY_PER_REQUEST.equals(billingOverride);
        JsonNode throughputOverride = present(request, "ProvisionedThroughputOverride");
        JsonNode onDemandOverride = present(request, "OnDemandThroughputOverride");
        checkThroughputOverrides(billingOverride, payPerRequest, throughputOverride, onDemandOverride);
        Throughput throughput = null;
        if (!payPerRequest) {
            throughput = throughputOverride != null ? TableGrammar.throughput(throughputOverride)
                    : Throughput.of(source.throughput().readCapacityUnits(), source.throughput().writeCapacityUnits());
        }

        Map<String, AttributeValue.Type> definitions = source.attributeDefinitions();
        List<IndexDefinition> locals = indexes(present(request, "LocalSecondaryIndexOverride"), source.localIndexes(), definitions,
                false, payPerRequest, source);
        List<IndexDefinition> globals = indexes(present(request, "GlobalSecondaryIndexOverride"), source.globalIndexes(), definitions,
                true, payPerRequest, source);
        JsonNode sseOverride = present(request, "SSESpecificationOverride");
        JsonNode sse = sseOverride == null ? source.sseDescription() : TableGrammar.sseDescription(context.namespace(), sseOverride, context.options().sharedDb());
        JsonNode onDemand = !payPerRequest ? null
                : onDemandOverride != null && !onDemandOverride.isEmpty() ? onDemandOverride.deepCopy() : source.onDemandThroughput();
        double now = context.nowEpochSeconds();
        return new TableDefinition(target, TableIds.next(), context.namespace().arn(target), now, source.keySchema(),
                usedDefinitions(definitions, source.keySchema(), locals, globals),
                payPerRequest ? TableDefinition.PAY_PER_REQUEST : TableDefinition.PROVISIONED, payPerRequest ? now : null,
                // the table class is not restored, as the service restores none (observed in 2026): the default, STANDARD
                throughput, locals, globals, false, null, null, sse, List.of(), null, false, onDemand, null, null);
    }

    /**
     * The billing and capacity overrides, as the service checks a restore's (its "Invalid
     * Request" texts, observed in 2026), before the capacities themselves are checked.
     */
    private static void checkThroughputOverrides(String billingOverride, boolean payPerRequest, JsonNode throughputOverride, JsonNode onDemandOverride) {
        if (TableDefinition.PAY_PER_REQUEST.equals(billingOverride) && throughputOverride != null) {
            throw DynamoException.validation("Invalid Request: Cannot override ProvisionedThroughput if BillingMode is overridden to PAY_PER_REQUEST");
        }
        if (TableDefinition.PROVISIONED.equals(billingOverride) && throughputOverride == null) {
            throw DynamoException.validation("Invalid Request: Must override ProvisionedThroughput if BillingMode is overridden to PROVISIONED");
        }
        if (payPerRequest && throughputOverride != null) {
            throw DynamoException.validation("Invalid Request: Cannot override ProvisionedThroughput unless BillingMode is PROVISIONED");
        }
        if (onDemandOverride == null) return;
        for (String member : List.of("MaxReadRequestUnits", "MaxWriteRequestUnits")) {
            JsonNode value = onDemandOverride.get(member);
            if (value == null || value.isNull()) continue;
            if (!payPerRequest) {
                throw DynamoException.validation("Invalid Request: Cannot override " + member
                        + " for OnDemandThroughput unless BillingModeOverride is PAY_PER_REQUEST");
            }
            if (value.asLong() < 1) {
                throw DynamoException.validation("Invalid Request: Requested " + member + " for OnDemandThroughput is outside of valid range");
            }
        }
    }

    /**
     * The indexes the restored table keeps: the source's, or those an override lists (each one of
     * the source's, checked as CreateTable checks an index, against the source's attribute definitions).
     */
    private static List<IndexDefinition> indexes(JsonNode override, List<IndexDefinition> sourceIndexes,
                                                 Map<String, AttributeValue.Type> definitions, boolean global, boolean payPerRequest,
                                                 TableDefinition source) {
        List<IndexDefinition> kept = new ArrayList<>();
        if (override == null) {
            for (IndexDefinition index : sourceIndexes) {
                if (global && !payPerRequest && index.throughput() == null) {
                    throw DynamoException.validation("Invalid Request: Must specify provisioned throughput for index " + index.name());
                }
                kept.add(index.withThroughput(!global || payPerRequest ? null
                        : Throughput.of(index.throughput().readCapacityUnits(), index.throughput().writeCapacityUnits())).withStatus(Table.ACTIVE, false));
            }
            return kept;
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode entry : override) {
            String name = entry.get("IndexName").textValue();
            if (!names.add(name)) throw DynamoException.validation(INVALID + "Duplicate index name: " + name);
            KeySchema key = global ? TableGrammar.globalIndexKeySchema(entry.get("KeySchema"), definitions)
                    : TableGrammar.keySchema(entry.get("KeySchema"), definitions, false);
            if (!global && !key.partitionName().equals(source.keySchema().partitionName())) {
                throw DynamoException.validation(INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                        + name + ". index hash key: " + key.partitionName() + ", table hash key: " + source.keySchema().partitionName());
            }
            Projection projection = TableGrammar.projection(entry.get("Projection"));
            // an override names one of the source's indexes by its key and projection, and may rename it (observed in 2026, LAB 280)
            if (sourceIndexes.stream().noneMatch(index -> index.keySchema().equals(key) && sameProjection(index.projection(), projection))) {
                throw DynamoException.validation("Invalid Request: Index " + name
                        + " does not match a secondary index that existed in the source table and cannot be created during the restore operation");
            }
            Throughput throughput = null;
            JsonNode given = present(entry, "ProvisionedThroughput");
            if (global && payPerRequest && given != null) {
                throw DynamoException.validation(INVALID + "ProvisionedThroughput should not be specified for index: " + name
                        + " when BillingMode is PAY_PER_REQUEST");
            }
            if (global && !payPerRequest) {
                if (given == null) throw DynamoException.validation("Invalid Request: Must specify provisioned throughput for index " + name);
                throughput = TableGrammar.throughput(given);
            }
            kept.add(new IndexDefinition(name, global, key, projection, throughput, Table.ACTIVE, false, null, null));
        }
        return kept;
    }

    private static boolean sameProjection(Projection a, Projection b) {
        return a.type().equals(b.type()) && nonKey(a).equals(nonKey(b));
    }

    private static Set<String> nonKey(Projection projection) {
        return projection.nonKeyAttributes() == null ? Set.of() : Set.copyOf(projection.nonKeyAttributes());
    }

    /** The attribute definitions some key of the restored table uses. */
    private static Map<String, AttributeValue.Type> usedDefinitions(Map<String, AttributeValue.Type> definitions, KeySchema table,
                                                                    List<IndexDefinition> locals, List<IndexDefinition> globals) {
        Set<String> used = new LinkedHashSet<>();
        List<KeySchema> keys = new ArrayList<>();
        keys.add(table);
        locals.forEach(i -> keys.add(i.keySchema()));
        globals.forEach(i -> keys.add(i.keySchema()));
        for (KeySchema key : keys) {
            for (KeySchema.Element element : key.elements()) used.add(element.name());
        }
        Map<String, AttributeValue.Type> kept = new LinkedHashMap<>();
        definitions.forEach((name, type) -> {
            if (used.contains(name)) kept.put(name, type);
        });
        return kept;
    }
}
