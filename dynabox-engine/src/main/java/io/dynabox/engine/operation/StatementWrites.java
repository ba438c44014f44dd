package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.capacity.WriteCost;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.expression.Condition;
import io.dynabox.engine.expression.DocumentPath;
import io.dynabox.engine.expression.Evaluator;
import io.dynabox.engine.expression.Operand;
import io.dynabox.engine.expression.Projector;
import io.dynabox.engine.expression.UpdateExpression;
import io.dynabox.engine.expression.Updater;
import io.dynabox.engine.partiql.Binder;
import io.dynabox.engine.partiql.Statement;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PartiQL's INSERT, UPDATE and DELETE, planned into what the item actions work with (a key,
 * an item, a condition, update actions) and written through the same path: the table's
 * write lock, {@link ItemWriter} (indexes, item collections, the change feed), the same
 * condition evaluator and updater, the same capacity units. An INSERT never replaces an
 * item (DuplicateItemException); an UPDATE needs the item to exist; a DELETE of a missing
 * item succeeds. The WHERE of an UPDATE or DELETE must pin every key attribute with one
 * equality; what else it says is the write's condition.
 */
final class StatementWrites {
    static final String DUPLICATE = "Duplicate primary key exists in table";
    private static final String NO_KEY_EQUALITY = "Where clause does not contain a mandatory equality on all key attributes";
    private static final String OVERLAP = "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: ";
    private static final String CONFLICT = "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: ";

    private StatementWrites() {}

    enum Kind { INSERT, UPDATE, DELETE, CHECK }

    /** One write as planned: {@code item} for an INSERT; {@code update} for an UPDATE; {@code condition} may be null. */
    record Plan(Kind kind, Table table, Map<String, AttributeValue> key, byte[] storedKey, Map<String, AttributeValue> item,
                Condition condition, UpdateExpression update, Statement.Returning returning) {
    }

    static Plan plan(RequestContext context, Statement statement, Binder binder) {
        if (statement instanceof Statement.Insert insert) {
            AttributeValue document = binder.value(insert.item());
            Map<String, AttributeValue> item = ((AttributeValue.M) document).values();
            long size = ItemSize.of(item);
            if (size > ItemSize.MAX_ITEM_BYTES) {
                throw DynamoException.validation("Item size has exceeded the maximum allowed size",
                        "the item is " + size + " bytes; the limit is " + ItemSize.MAX_ITEM_BYTES);
            }
            Table table = StatementReads.table(context, insert.table());
            Map<String, AttributeValue> key = ItemKeys.keyOf(table.definition().keySchema(), item);
            return new Plan(Kind.INSERT, table, key, ItemKeys.matchesSchema(table.definition().keySchema(), key) ? table.encodeKey(key) : null,
                    item, null, null, Statement.Returning.NONE);
        }
        Statement.Select check = statement instanceof Statement.Exists exists ? exists.select() : null;
        String tableName = statement.table();
        Condition where;
        List<UpdateExpression.Action> actions = new ArrayList<>();
        Statement.Returning returning = Statement.Returning.NONE;
        Kind kind;
        if (statement instanceof Statement.Update update) {
            kind = Kind.UPDATE;
            where = binder.condition(update.where());
            for (Statement.Assignment assignment : update.assignments()) actions.add(binder.action(assignment));
            checkPaths(actions.stream().map(UpdateExpression.Action::path).toList());
            returning = update.returning();
        } else if (statement instanceof Statement.Delete delete) {
            kind = Kind.DELETE;
            where = binder.condition(delete.where());
            returning = delete.returning();
        } else {
            kind = Kind.CHECK;
            if (check.index() != null) {
                throw DynamoException.validation("FROM clause may only contain a single table name in data manipulation statements");
            }
            if (check.where() == null) throw DynamoException.validation(NO_KEY_EQUALITY);
            where = binder.condition(check.where());
        }
        Table table = StatementReads.table(context, tableName);
        TableDefinition definition = table.definition();
        KeySchema schema = definition.keySchema();
        List<Condition> rest = new ArrayList<>();
        StatementReads.conjuncts(where, rest);
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        pin(rest, schema.partitionName(), schema.partitionType(), key);
        if (schema.hasSort()) pin(rest, schema.sortName(), schema.sortType(), key);
        ItemKeys.checkKey(definition, key);
        Condition condition = null;
        for (Condition part : rest) condition = condition == null ? part : new Condition.And(condition, part);
        UpdateExpression update = null;
        if (kind == Kind.UPDATE) {
            update = new UpdateExpression(actions, List.of());
            checkLiteralOperands(update);
        }
        return new Plan(kind, table, key, table.encodeKey(key), null, condition, update, returning);
    }

    /**
     * The checks of a planned write against its table's schema, which a transaction reports
     * as the statement's cancellation reason and a batch as its error: an INSERT's item holds
     * the key with the key's types; an UPDATE changes no key attribute.
     */
    static void check(Plan plan) {
        TableDefinition definition = plan.table().definition();
        if (plan.kind() == Kind.INSERT) {
            KeySchema schema = definition.keySchema();
            checkInsertKey(plan.item(), schema.partitionName(), schema.partitionType());
            if (schema.hasSort()) checkInsertKey(plan.item(), schema.sortName(), schema.sortType());
            ItemKeys.checkItem(definition, plan.item());
        } else if (plan.kind() == Kind.UPDATE) {
            UpdateItem.checkExpressionAgainstSchema(definition, plan.update());
        }
    }

    private static void checkInsertKey(Map<String, AttributeValue> item, String name, AttributeValue.Type type) {
        AttributeValue value = item.get(name);
        if (value == null) throw DynamoException.validation("Key attribute should be present in the item: Key " + name);
        if (value.type() != type) throw StatementReads.keyType(name);
    }

    /** Takes the one equality on a key attribute out of the WHERE's conditions into {@code key}. */
    private static void pin(List<Condition> conditions, String name, AttributeValue.Type type, Map<String, AttributeValue> key) {
        int found = -1;
        for (int i = 0; i < conditions.size(); i++) {
            if (StatementReads.equality(conditions.get(i), name) == null) continue;
            if (found >= 0) {
                throw DynamoException.validation("Multiple conditions on same key " + name + ". Only single item Update/Insert/Delete are supported");
            }
            found = i;
        }
        if (found < 0) throw DynamoException.validation(NO_KEY_EQUALITY, "the WHERE must hold " + name + " = a value, joined to the rest by AND");
        AttributeValue value = StatementReads.equality(conditions.remove(found), name);
        if (value.type() != type) throw StatementReads.keyType(name);
        key.put(name, value);
    }

    /**
     * Paths may not overlap or conflict (an UPDATE's SET and REMOVE paths, a SELECT's
     * projection), in the service's words: the later path first, then the last earlier one
     * it meets.
     */
    static void checkPaths(List<DocumentPath> paths) {
        List<DocumentPath> earlier = new ArrayList<>();
        for (DocumentPath path : paths) {
            DocumentPath overlapped = null;
            for (DocumentPath other : earlier) {
                int common = Math.min(other.size(), path.size());
                boolean differ = false;
                for (int i = 0; i < common && !differ; i++) {
                    DocumentPath.Element a = other.get(i);
                    DocumentPath.Element b = path.get(i);
                    if ((a instanceof DocumentPath.Index) != (b instanceof DocumentPath.Index)) {
                        throw DynamoException.validation(CONFLICT + path.bracketed() + ", path two: " + other.bracketed());
                    }
                    differ = !a.equals(b);
                }
                if (!differ) overlapped = other;
            }
            if (overlapped != null) throw DynamoException.validation(OVERLAP + path.bracketed() + ", path two: " + overlapped.bracketed());
            earlier.add(path);
        }
    }

    /** Runs one planned write on its own (ExecuteStatement, BatchExecuteStatement): the answer's Items and capacity. */
    static ObjectNode run(RequestContext context, Plan plan, JsonNode request, ConsumedCapacity.Detail detail) {
        check(plan);
        Table table = plan.table();
        Long partition = KeyCodec.hashOf(plan.storedKey());
        context.admitWrite(table, partition, plan.storedKey());
        context.checkNoTransaction(table, plan.storedKey());
        Result result = TableLocks.write(table, () -> {
            StoredItem stored = table.keyspace().find(plan.storedKey());
            switch (plan.kind()) {
                case INSERT -> {
                    if (stored != null) throw duplicate();
                    ItemWriter.PlannedWrite write = ItemWriter.plan(table, plan.storedKey(), null, plan.item());
                    context.admitIndexWrites(table, write.cost(), plan.storedKey(), write.cost().tableUnits());
                    ItemWriter.apply(table, write);
                    return new Result(null, write.cost(), write.newSize());
                }
                case DELETE -> {
                    // a missing item is not an error, whatever else the WHERE says
                    if (stored == null) return new Result(null, new WriteCost(1, Map.of(), Map.of()), -1);
                    Map<String, AttributeValue> old = stored.item();
                    Conditions.checkCharged(context, table, partition, plan.storedKey(), stored.size(), plan.condition(), old, request);
                    ItemWriter.PlannedWrite write = ItemWriter.plan(table, plan.storedKey(), stored, old, null, 0);
                    context.admitIndexWrites(table, write.cost(), plan.storedKey(), write.cost().tableUnits());
                    ItemWriter.apply(table, write);
                    return new Result(plan.returning() == Statement.Returning.ALL_OLD ? old : null, write.cost(), -1);
                }
                default -> {
                    Map<String, AttributeValue> old = stored == null ? null : stored.item();
                    if (old == null) {
                        throw new DynamoException(ErrorCode.CONDITIONAL_CHECK_FAILED, "The conditional request failed",
                                "UPDATE changes an existing item, and no item has this key");
                    }
                    Conditions.checkCharged(context, table, partition, plan.storedKey(), stored.size(), plan.condition(), old, request);
                    Map<String, AttributeValue> updated = updated(plan, old);
                    ItemWriter.PlannedWrite write = ItemWriter.plan(table, plan.storedKey(), old, updated);
                    context.admitIndexWrites(table, write.cost(), plan.storedKey(), write.cost().tableUnits());
                    ItemWriter.apply(table, write);
                    return new Result(returned(plan, old, updated), write.cost(), write.newSize());
                }
            }
        });
        ObjectNode answer = Json.object();
        var items = answer.putArray("Items");
        if (result.returned != null && !result.returned.isEmpty()) items.add(AttributeValues.writeItem(result.returned));
        context.ledger().write(table, result.cost, partition, result.writtenBytes, plan.storedKey());
        ConsumedCapacity.add(answer, detail, context.ledger(), table.name());
        return answer;
    }

    static DynamoException duplicate() {
        return new DynamoException(ErrorCode.DUPLICATE_ITEM, DUPLICATE, "INSERT never replaces an item; UPDATE changes one");
    }

    /** The item after an UPDATE's actions, checked as UpdateItem checks it. */
    static Map<String, AttributeValue> updated(Plan plan, Map<String, AttributeValue> old) {
        checkOperandTypes(plan.update(), old);
        Map<String, AttributeValue> updated = Updater.apply(plan.update(), new LinkedHashMap<>(old));
        ItemKeys.checkIndexKeysNotEmpty(plan.table().definition(), updated, true);
        ItemKeys.checkIndexKeys(plan.table().definition(), updated);
        if (ItemSize.of(updated) > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoException.validation("Item size to update has exceeded the maximum allowed size");
        }
        return updated;
    }

    /** PartiQL words a wrong operand of {@code +}, {@code -} or list_append its own way; the updater checks the rest. */
    private static void checkOperandTypes(UpdateExpression update, Map<String, AttributeValue> item) {
        for (UpdateExpression.Action action : update.actions()) {
            if (action.clause() == UpdateExpression.Clause.SET) checkOperand(action.value(), item);
            if (action.clause() == UpdateExpression.Clause.ADD || action.clause() == UpdateExpression.Clause.DELETE) {
                AttributeValue current = Evaluator.resolve(action.path(), item);
                AttributeValue operand = ((Operand.Value) action.value()).value();
                if (current != null && current.type() != operand.type()) {
                    throw incorrectType(action.clause() == UpdateExpression.Clause.ADD ? "SET_ADD" : "SET_DELETE", current.type());
                }
            }
        }
    }

    private static void checkOperand(Operand o, Map<String, AttributeValue> item) {
        if (o instanceof Operand.Arithmetic arithmetic) {
            for (Operand side : List.of(arithmetic.left(), arithmetic.right())) {
                checkOperand(side, item);
                AttributeValue v = simpleValue(side, item);
                if (v != null && v.type() != AttributeValue.Type.N) throw incorrectType(String.valueOf(arithmetic.operator()), v.type());
            }
        } else if (o instanceof Operand.Call call && call.function().equals("list_append")) {
            for (Operand arg : call.args()) {
                checkOperand(arg, item);
                AttributeValue v = simpleValue(arg, item);
                if (v != null && v.type() != AttributeValue.Type.L) throw incorrectType("list_append", v.type());
            }
        }
    }

    /** A literal of the wrong type in {@code +}, {@code -} or list_append is refused before any item is read. */
    private static void checkLiteralOperands(UpdateExpression update) {
        for (UpdateExpression.Action action : update.actions()) {
            if (action.clause() == UpdateExpression.Clause.SET) checkOperand(action.value(), Map.of());
        }
    }

    private static AttributeValue simpleValue(Operand o, Map<String, AttributeValue> item) {
        if (o instanceof Operand.Value v) return v.value();
        if (o instanceof Operand.Path p) return Evaluator.resolve(p.path(), item);
        return null;
    }

    private static DynamoException incorrectType(String operator, AttributeValue.Type type) {
        return DynamoException.validation("Incorrect operand type for operator or function; operator or function: " + operator
                + ", operand type: " + type);
    }

    /**
     * What RETURNING asks for: the whole item before or after, or the top-level attributes the
     * UPDATE changes (whole, even when it changes a part of one).
     */
    static Map<String, AttributeValue> returned(Plan plan, Map<String, AttributeValue> old, Map<String, AttributeValue> updated) {
        if (plan.returning() == Statement.Returning.NONE) return null;
        List<DocumentPath> paths = plan.update().actions().stream().map(a -> DocumentPath.of(a.path().attribute())).distinct().toList();
        return switch (plan.returning()) {
            case ALL_OLD -> old;
            case ALL_NEW -> updated;
            case MODIFIED_OLD -> Projector.project(old, paths);
            case MODIFIED_NEW -> Projector.project(updated, paths);
            default -> null;
        };
    }

    private record Result(Map<String, AttributeValue> returned, WriteCost cost, long writtenBytes) {
    }
}
