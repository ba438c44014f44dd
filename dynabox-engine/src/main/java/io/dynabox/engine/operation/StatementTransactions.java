package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.WriteCost;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.expression.Condition;
import io.dynabox.engine.expression.DocumentPath;
import io.dynabox.engine.expression.Evaluator;
import io.dynabox.engine.partiql.Binder;
import io.dynabox.engine.partiql.Statement;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What ExecuteTransaction and BatchExecuteStatement share: a PartiQL write as an action of
 * TransactWriteItems' machinery ({@link WriteStatement}), and a SELECT that names exactly
 * one item ({@link PointRead}).
 */
final class StatementTransactions {
    static final String CONDITION_FAILED = "The conditional request failed";

    private StatementTransactions() {}

    /** A single-item SELECT: its table, key and projection (null for {@code *}). */
    record PointRead(Table table, Map<String, AttributeValue> key, byte[] storedKey, List<DocumentPath> projection) {

        /** The item as the answer shows it (projected as a ProjectionExpression would), or null when it is missing. */
        Map<String, AttributeValue> shown(Map<String, AttributeValue> item) {
            if (item == null) return null;
            return projection == null ? item : io.dynabox.engine.expression.Projector.project(item, projection);
        }
    }

    /**
     * The SELECT as a read of one item: no index, and a WHERE that is exactly one equality on
     * each key attribute; null when it is anything else (the caller words the refusal).
     */
    static PointRead pointRead(RequestContext context, Statement.Select select, Binder binder) {
        if (select.where() == null) return null;
        Condition where = binder.condition(select.where());
        Table table = StatementReads.table(context, select.table());
        KeySchema schema = table.definition().keySchema();
        List<Condition> parts = new ArrayList<>();
        StatementReads.conjuncts(where, parts);
        if (parts.size() != (schema.hasSort() ? 2 : 1)) return null;
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : schema.hasSort() ? List.of(schema.partitionName(), schema.sortName()) : List.of(schema.partitionName())) {
            for (Condition part : parts) {
                AttributeValue value = StatementReads.equality(part, name);
                if (value != null) key.put(name, value);
            }
        }
        if (key.size() != parts.size()) return null;
        if (!ItemKeys.matchesSchema(schema, key)) {
            String mismatched = key.get(schema.partitionName()).type() != schema.partitionType() ? schema.partitionName() : schema.sortName();
            throw StatementReads.keyType(mismatched);
        }
        ItemKeys.checkKey(table.definition(), key);
        List<DocumentPath> projection = select.projection() == null ? null
                : select.projection().stream().map(Statement.Projected::path).toList();
        if (projection != null) StatementWrites.checkPaths(projection);
        return new PointRead(table, key, table.encodeKey(key), projection);
    }

    /** A planned PartiQL write as one action of a write transaction. */
    record WriteStatement(StatementWrites.Plan plan, JsonNode spec) implements TransactWriteItems.WriteAction {
        @Override
        public String tableName() {
            return plan.table().name();
        }

        @Override
        public Map<String, AttributeValue> key(KeySchema schema) {
            return plan.key();
        }

        @Override
        public void checkAgainst(Table table) {
            ItemKeys.checkKeyValues(table.definition().keySchema(), plan.key());
        }

        @Override
        public boolean writesItem() {
            return plan.kind() != StatementWrites.Kind.CHECK;
        }

        @Override
        public Map<String, AttributeValue> attributes() {
            return plan.item() != null ? plan.item() : plan.key();
        }

        @Override
        public TransactWriteItems.Outcome evaluate(Table table, byte[] key, Map<String, AttributeValue> old) {
            try {
                StatementWrites.check(plan);
            } catch (DynamoException e) {
                return failed(TransactWriteItems.validationError(e.getMessage()));
            }
            switch (plan.kind()) {
                case INSERT -> {
                    if (old != null) return failed(TransactWriteItems.validationError(StatementWrites.DUPLICATE));
                    ItemWriter.PlannedWrite write = ItemWriter.plan(table, key, null, plan.item());
                    return new TransactWriteItems.Outcome(TransactWriteItems.none(), write, write.cost());
                }
                case DELETE -> {
                    if (old == null) return new TransactWriteItems.Outcome(TransactWriteItems.none(), null, new WriteCost(1, Map.of(), Map.of()));
                    if (!holds(old)) return failed(conditionFailed(old, CONDITION_FAILED));
                    ItemWriter.PlannedWrite write = ItemWriter.plan(table, key, old, null);
                    return new TransactWriteItems.Outcome(TransactWriteItems.none(), write, write.cost());
                }
                case CHECK -> {
                    // EXISTS words its failure with a full stop and never returns the item
                    if (old == null || !holds(old)) return failed(conditionFailed(null, CONDITION_FAILED + "."));
                    long units = CapacityUnits.writeUnits(ItemSize.of(old));
                    return new TransactWriteItems.Outcome(TransactWriteItems.none(), null, new WriteCost(units, Map.of(), Map.of()));
                }
                default -> {
                    if (old == null) return failed(conditionFailed(null, CONDITION_FAILED));
                    if (!holds(old)) return failed(conditionFailed(old, CONDITION_FAILED));
                    Map<String, AttributeValue> updated;
                    try {
                        updated = StatementWrites.updated(plan, old);
                    } catch (DynamoException e) {
                        return failed(TransactWriteItems.validationError(e.getMessage()));
                    }
                    ItemWriter.PlannedWrite write = ItemWriter.plan(table, key, old, updated);
                    return new TransactWriteItems.Outcome(TransactWriteItems.none(), write, write.cost());
                }
            }
        }

        private boolean holds(Map<String, AttributeValue> old) {
            return plan.condition() == null || Evaluator.test(plan.condition(), old);
        }

        private ObjectNode conditionFailed(Map<String, AttributeValue> old, String message) {
            ObjectNode reason = Json.object();
            reason.put("Code", "ConditionalCheckFailed");
            if (old != null && "ALL_OLD".equals(spec.path("ReturnValuesOnConditionCheckFailure").asText())) {
                reason.set("Item", AttributeValues.writeItem(old));
            }
            reason.put("Message", message);
            return reason;
        }

        private static TransactWriteItems.Outcome failed(ObjectNode reason) {
            return new TransactWriteItems.Outcome(reason, null, null);
        }
    }

    /** Reads several items under the read locks of all their tables at once: one snapshot. */
    static List<Map<String, AttributeValue>> readAll(List<PointRead> reads) {
        List<Table> tables = reads.stream().map(PointRead::table).toList();
        return io.dynabox.engine.table.TableLocks.readAll(tables, () -> {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (PointRead read : reads) {
                StoredItem stored = read.table().keyspace().find(read.storedKey());
                items.add(stored == null ? null : stored.item());
            }
            return items;
        });
    }
}
