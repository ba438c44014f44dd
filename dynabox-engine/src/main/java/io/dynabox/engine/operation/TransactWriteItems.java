package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.capacity.ItemCollectionMetrics;
import io.dynabox.engine.capacity.WriteCost;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.expression.Condition;
import io.dynabox.engine.expression.Evaluator;
import io.dynabox.engine.expression.ExpressionAttributes;
import io.dynabox.engine.expression.Expressions;
import io.dynabox.engine.expression.UpdateExpression;
import io.dynabox.engine.expression.Updater;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems: up to 100 puts, updates, deletes and condition checks over several
 * tables, all or nothing. Every action is evaluated against the items as they are before
 * the transaction; if any fails, nothing is written and the answer is a
 * TransactionCanceledException whose CancellationReasons say, in request order, what
 * happened to each action. Writes are charged twice (prepare and commit).
 *
 * <p>Concurrency: the transaction holds the write lock of every table it touches (see
 * {@link TableLocks}), so it is serializable with every other write and no reader sees
 * part of it. An overlapping transaction waits for the one in flight; Dynabox never
 * answers TransactionConflictException.
 */
public final class TransactWriteItems implements Operation {
    static final long MAX_PAYLOAD_BYTES = 4L * 1024 * 1024;
    static final String NOT_MATCHING_SCHEMA = "The provided key element does not match the schema";

    private final ClientRequestTokens tokens = new ClientRequestTokens();

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        List<Action> actions = new ArrayList<>();
        long payload = 0;
        for (JsonNode entry : request.get("TransactItems")) {
            Action action = Action.read(entry);
            actions.add(action);
            payload += ItemSize.of(action.attributes);
        }
        if (payload > MAX_PAYLOAD_BYTES) {
            throw DynamoException.validation("Transaction payload size cannot exceed 4MB. Payload Size: " + payload);
        }
        return transact(context, request, actions, tokens);
    }

    /**
     * Runs a write transaction of actions however they were asked for (TransactItems here,
     * PartiQL statements in {@link ExecuteTransaction}): the tables looked up, the checks that
     * fail the whole request, one item at most once, the ClientRequestToken, then all or nothing.
     */
    static JsonNode transact(RequestContext context, JsonNode request, List<? extends WriteAction> actions, ClientRequestTokens tokens) {
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.of(request);
        boolean metricsWanted = ItemCollectionMetrics.wanted(request);

        List<Table> tables = new ArrayList<>();
        for (WriteAction action : actions) tables.add(context.usableTable(action.tableName()));
        for (int i = 0; i < actions.size(); i++) actions.get(i).checkAgainst(tables.get(i));
        List<byte[]> keys = distinctKeys(actions, tables);

        String token = request.hasNonNull("ClientRequestToken") ? request.get("ClientRequestToken").textValue() : null;
        if (token == null) return run(context, actions, tables, keys, detail, metricsWanted);
        String namespace = context.namespace().id();
        if (tokens.claim(namespace, token, request, context.nowMillis()) == ClientRequestTokens.Claim.REPLAY) {
            return replay(context, actions, tables, keys, detail);
        }
        try {
            JsonNode answer = run(context, actions, tables, keys, detail, metricsWanted);
            tokens.succeeded(namespace, token, context.nowMillis());
            // a commit that fails after this answers 500 and undoes the writes: the SDK's retry with the token must run them again
            context.store().onCommitFailure(() -> tokens.failed(namespace, token));
            return answer;
        } catch (RuntimeException e) {
            tokens.failed(namespace, token);
            throw e;
        }
    }

    /** One action of a write transaction: what {@link #transact} needs of it. */
    interface WriteAction {
        String tableName();

        /** The key of the item it touches (for a put, the key attributes of its item). */
        Map<String, AttributeValue> key(KeySchema schema);

        /** Checks that need the table and fail the whole request. */
        void checkAgainst(Table table);

        /** This action against {@code old}, the item before the transaction. Caller holds the table's write lock. */
        Outcome evaluate(Table table, byte[] key, Map<String, AttributeValue> old);

        /** Whether it writes its item (not a condition check), for ItemCollectionMetrics. */
        boolean writesItem();

        /** Its item or key, for ItemCollectionMetrics. */
        Map<String, AttributeValue> attributes();
    }

    /** The stored key of each action (null when the key does not match the schema); one item at most once. */
    private static List<byte[]> distinctKeys(List<? extends WriteAction> actions, List<Table> tables) {
        List<byte[]> keys = new ArrayList<>();
        Set<Target> seen = new HashSet<>();
        for (int i = 0; i < actions.size(); i++) {
            Table table = tables.get(i);
            KeySchema schema = table.definition().keySchema();
            Map<String, AttributeValue> key = actions.get(i).key(schema);
            byte[] stored = ItemKeys.matchesSchema(schema, key) ? table.encodeKey(key) : null;
            if (stored != null && !seen.add(new Target(table, ByteBuffer.wrap(stored)))) {
                throw DynamoException.validation("Transaction request cannot include multiple operations on one item",
                        "two actions name the same item of table " + table.name());
            }
            keys.add(stored);
        }
        return keys;
    }

    private static JsonNode run(RequestContext context, List<? extends WriteAction> actions, List<Table> tables, List<byte[]> keys,
                                ConsumedCapacity.Detail detail, boolean metricsWanted) {
        cancelOnThrottle(context, tables, keys, true);
        cancelOnConflict(context, tables, keys);
        return TableLocks.writeAll(tables, () -> {
            List<ObjectNode> reasons = new ArrayList<>();
            List<ItemWriter.PlannedWrite> planned = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>();
            boolean cancelled = false;
            for (int i = 0; i < actions.size(); i++) {
                WriteAction action = actions.get(i);
                Table table = tables.get(i);
                Map<String, AttributeValue> old = keys.get(i) == null ? null : table.keyspace().get(keys.get(i));
                Outcome outcome = action.evaluate(table, keys.get(i), old);
                reasons.add(outcome.reason);
                outcomes.add(outcome);
                if (outcome.reason.get("Code").textValue().equals("None")) {
                    if (outcome.write != null) {
                        ObjectNode throttled = throttledOnIndex(context, table, outcome.write, keys.get(i));
                        if (throttled != null) {
                            reasons.set(i, throttled);
                            cancelled = true;
                            continue;
                        }
                        planned.add(outcome.write);
                    }
                } else {
                    cancelled = true;
                }
            }
            if (cancelled) throw cancellation(reasons);
            ItemWriter.applyAll(context.store(), planned);
            Set<Table> charged = new LinkedHashSet<>();
            for (int i = 0; i < actions.size(); i++) {
                charged.add(tables.get(i));
                ItemWriter.PlannedWrite write = outcomes.get(i).write;
                long writtenBytes = write != null && write.newSize() > 0 ? write.newSize() : -1;
                context.ledger().write(tables.get(i), outcomes.get(i).cost.times(CapacityUnits.TRANSACTIONAL_FACTOR), partitionOf(keys.get(i)), writtenBytes,
                        keys.get(i));
            }

            ObjectNode answer = Json.object();
            if (detail != ConsumedCapacity.Detail.NONE) {
                ArrayNode capacity = answer.putArray("ConsumedCapacity");
                for (Table table : charged) capacity.add(ConsumedCapacity.transactional(detail, context.ledger(), table.name(), true));
            }
            if (metricsWanted) {
                ObjectNode metrics = answer.putObject("ItemCollectionMetrics");
                for (int i = 0; i < actions.size(); i++) {
                    Table table = tables.get(i);
                    if (actions.get(i).writesItem() && ItemCollectionMetrics.applies(table)) {
                        metrics.withArray(table.name()).add(ItemCollectionMetrics.of(table, actions.get(i).attributes()));
                    }
                }
            }
            return answer;
        });
    }

    /**
     * The answer to a repeated request within the token's ten minutes: nothing is written
     * again, and the capacity reported is that of reading each item transactionally, as the
     * service reports it.
     */
    private static JsonNode replay(RequestContext context, List<? extends WriteAction> actions, List<Table> tables, List<byte[]> keys,
                                   ConsumedCapacity.Detail detail) {
        Set<Table> charged = new LinkedHashSet<>();
        TableLocks.readAll(tables, () -> {
            for (int i = 0; i < actions.size(); i++) {
                Map<String, AttributeValue> item = keys.get(i) == null ? null : tables.get(i).keyspace().get(keys.get(i));
                double cost = CapacityUnits.TRANSACTIONAL_FACTOR * CapacityUnits.readUnits(item == null ? 0 : ItemSize.of(item), true);
                charged.add(tables.get(i));
                context.ledger().readItem(tables.get(i), cost, partitionOf(keys.get(i)), keys.get(i));
            }
            return null;
        });
        ObjectNode answer = Json.object();
        if (detail == ConsumedCapacity.Detail.NONE) return answer;
        ArrayNode capacity = answer.putArray("ConsumedCapacity");
        for (Table table : charged) capacity.add(ConsumedCapacity.transactional(detail, context.ledger(), table.name(), false));
        return answer;
    }

    private static Long partitionOf(byte[] storedKey) {
        return storedKey == null ? null : KeyCodec.hashOf(storedKey);
    }

    /**
     * With the simulation's throttling on: a transaction an item of which finds its table, partition or index out of
     * capacity is cancelled, as the service cancels it, with reason {@code ProvisionedThroughputExceeded} (a provisioned
     * table or index) or {@code ThrottlingError} (an on-demand one) and the throttling error's message for each such item.
     */
    static void cancelOnThrottle(RequestContext context, List<Table> tables, List<byte[]> keys, boolean write) {
        if (context.throttle() == null) return;
        List<ObjectNode> reasons = new ArrayList<>();
        boolean throttled = false;
        for (int i = 0; i < keys.size(); i++) {
            ObjectNode reason = none();
            if (keys.get(i) != null) {
                try {
                    // a transaction would have read or written each item twice (prepare and commit): at least two units
                    if (write) context.admitWrite(tables.get(i), partitionOf(keys.get(i)), keys.get(i), CapacityUnits.TRANSACTIONAL_FACTOR);
                    else context.admitRead(tables.get(i), null, partitionOf(keys.get(i)), keys.get(i), CapacityUnits.TRANSACTIONAL_FACTOR);
                } catch (DynamoException e) {
                    reason = Json.object();
                    reason.put("Code", e.code() == ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED ? "ProvisionedThroughputExceeded" : "ThrottlingError");
                    reason.put("Message", e.getMessage());
                    throttled = true;
                }
            }
            reasons.add(reason);
        }
        if (throttled) throw cancellation(reasons);
    }

    /**
     * With the simulation's throttling on: the cancellation reason of a planned write whose entry in a global index falls on
     * a partition of the index out of capacity (its index keys are known only now), or null when it may go ahead.
     */
    private static ObjectNode throttledOnIndex(RequestContext context, Table table, ItemWriter.PlannedWrite write, byte[] key) {
        if (context.throttle() == null) return null;
        try {
            context.admitIndexWrites(table, write.cost(), key, write.cost().tableUnits() * CapacityUnits.TRANSACTIONAL_FACTOR);
            return null;
        } catch (DynamoException e) {
            ObjectNode reason = Json.object();
            reason.put("Code", e.code() == ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED ? "ProvisionedThroughputExceeded" : "ThrottlingError");
            reason.put("Message", e.getMessage());
            return reason;
        }
    }

    /** With the simulation's conflicts on: cancelled with reason TransactionConflict for each item another transaction holds. */
    static void cancelOnConflict(RequestContext context, List<Table> tables, List<byte[]> keys) {
        List<Integer> conflicting = context.claimForTransaction(tables, keys);
        if (conflicting.isEmpty()) return;
        List<ObjectNode> reasons = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!conflicting.contains(i)) {
                reasons.add(none());
                continue;
            }
            ObjectNode reason = Json.object();
            reason.put("Code", "TransactionConflict");
            reason.put("Message", "Transaction is ongoing for the item");
            reasons.add(reason);
        }
        throw cancellation(reasons);
    }

    /** TransactionCanceledException: the codes in the message and the reasons in the body, in request order. */
    static DynamoException cancellation(List<ObjectNode> reasons) {
        List<String> codes = new ArrayList<>();
        ArrayNode list = Json.array();
        for (ObjectNode reason : reasons) {
            codes.add(reason.get("Code").textValue());
            list.add(reason);
        }
        ObjectNode extra = Json.object();
        extra.set("CancellationReasons", list);
        return new DynamoException(ErrorCode.TRANSACTION_CANCELED,
                "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes, null, extra);
    }

    static ObjectNode none() {
        ObjectNode reason = Json.object();
        reason.put("Code", "None");
        return reason;
    }

    static ObjectNode validationError(String message) {
        ObjectNode reason = Json.object();
        reason.put("Code", "ValidationError");
        reason.put("Message", message);
        return reason;
    }

    enum Kind { CONDITION_CHECK, PUT, DELETE, UPDATE }

    /** What one action did, or why it cancels the transaction; {@code write} is null when nothing is written. */
    record Outcome(ObjectNode reason, ItemWriter.PlannedWrite write, WriteCost cost) {
        static Outcome failed(ObjectNode reason) {
            return new Outcome(reason, null, null);
        }
    }

    /**
     * One element of TransactItems: its kind, its table, its item (Put) or key (the others),
     * and its condition and update, parsed and bound to the element's own placeholders.
     */
    private record Action(Kind kind, JsonNode spec, String tableName, Map<String, AttributeValue> attributes,
                          Condition condition, UpdateExpression update) implements WriteAction {

        static Action read(JsonNode entry) {
            List<Kind> kinds = new ArrayList<>();
            if (ItemRequests.has(entry, "ConditionCheck")) kinds.add(Kind.CONDITION_CHECK);
            if (ItemRequests.has(entry, "Put")) kinds.add(Kind.PUT);
            if (ItemRequests.has(entry, "Delete")) kinds.add(Kind.DELETE);
            if (ItemRequests.has(entry, "Update")) kinds.add(Kind.UPDATE);
            if (kinds.isEmpty()) {
                throw DynamoException.validation("Invalid Request: TransactWriteRequest should contain Delete or Put or Update request");
            }
            if (kinds.size() > 1) throw DynamoException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
            Kind kind = kinds.get(0);
            JsonNode spec = entry.get(switch (kind) {
                case CONDITION_CHECK -> "ConditionCheck";
                case PUT -> "Put";
                case DELETE -> "Delete";
                case UPDATE -> "Update";
            });
            Map<String, AttributeValue> attributes = AttributeValues.readItem(spec.get(kind == Kind.PUT ? "Item" : "Key"));
            if (kind == Kind.PUT && ItemSize.of(attributes) > ItemSize.MAX_ITEM_BYTES) {
                throw DynamoException.validation("Item size has exceeded the maximum allowed size",
                        "the item is " + ItemSize.of(attributes) + " bytes; the limit is " + ItemSize.MAX_ITEM_BYTES);
            }
            ItemRequests.checkParameterStyle(spec, List.of(), kind == Kind.UPDATE ? List.of("UpdateExpression", "ConditionExpression")
                    : List.of("ConditionExpression"), kind == Kind.UPDATE ? ": UpdateExpression and ConditionExpression are null"
                    : ": ConditionExpression is null");
            ExpressionAttributes placeholders = ExpressionAttributes.of(spec);
            UpdateExpression update = kind == Kind.UPDATE ? Expressions.update(spec.get("UpdateExpression").textValue(), placeholders) : null;
            Condition condition = Conditions.of(spec, placeholders);
            placeholders.checkAllUsed();
            return new Action(kind, spec, spec.get("TableName").textValue(), attributes, condition, update);
        }

        @Override
        public boolean writesItem() {
            return kind != Kind.CONDITION_CHECK;
        }

        @Override
        public Map<String, AttributeValue> key(KeySchema schema) {
            return kind == Kind.PUT ? ItemKeys.keyOf(schema, attributes) : attributes;
        }

        /** Checks that need the table and fail the whole request: an update may not change a key attribute. */
        @Override
        public void checkAgainst(Table table) {
            ItemKeys.checkKeyValues(table.definition().keySchema(), attributes);
            if (kind == Kind.PUT) ItemKeys.checkIndexKeysNotEmpty(table.definition(), attributes, false);
            if (update != null) UpdateItem.checkExpressionAgainstSchema(table.definition(), update);
        }

        /** This action against {@code old}, the item as it is before the transaction. Caller holds the table's write lock. */
        @Override
        public Outcome evaluate(Table table, byte[] key, Map<String, AttributeValue> old) {
            TableDefinition definition = table.definition();
            if (kind == Kind.PUT) {
                try {
                    ItemKeys.checkItem(definition, attributes);
                } catch (DynamoException e) {
                    return Outcome.failed(validationError(e.getMessage()));
                }
            } else if (key == null) {
                return Outcome.failed(validationError(NOT_MATCHING_SCHEMA));
            }
            if (condition != null && !Evaluator.test(condition, old)) return Outcome.failed(conditionFailed(old));
            switch (kind) {
                case PUT -> {
                    ItemWriter.PlannedWrite write = ItemWriter.plan(table, key, old, attributes);
                    return new Outcome(none(), write, write.cost());
                }
                case DELETE -> {
                    if (old == null) return new Outcome(none(), null, new WriteCost(1, Map.of(), Map.of()));
                    ItemWriter.PlannedWrite write = ItemWriter.plan(table, key, old, null);
                    return new Outcome(none(), write, write.cost());
                }
                case CONDITION_CHECK -> {
                    // a check writes nothing but is charged as a write of the item it reads
                    long units = CapacityUnits.writeUnits(old == null ? 0 : ItemSize.of(old));
                    return new Outcome(none(), null, new WriteCost(units, Map.of(), Map.of()));
                }
                default -> {
                    Map<String, AttributeValue> updated;
                    try {
                        updated = Updater.apply(update, new LinkedHashMap<>(old == null ? attributes : old));
                    } catch (DynamoException e) {
                        return Outcome.failed(validationError(e.getMessage()));
                    }
                    // an index key emptied refuses the whole request (nothing is written yet); another problem cancels
                    ItemKeys.checkIndexKeysNotEmpty(definition, updated, true);
                    try {
                        ItemKeys.checkIndexKeys(definition, updated);
                    } catch (DynamoException e) {
                        return Outcome.failed(validationError(e.getMessage()));
                    }
                    if (ItemSize.of(updated) > ItemSize.MAX_ITEM_BYTES) {
                        return Outcome.failed(validationError("Item size to update has exceeded the maximum allowed size"));
                    }
                    ItemWriter.PlannedWrite write = ItemWriter.plan(table, key, old, updated);
                    return new Outcome(none(), write, write.cost());
                }
            }
        }

        private ObjectNode conditionFailed(Map<String, AttributeValue> old) {
            ObjectNode reason = Json.object();
            reason.put("Code", "ConditionalCheckFailed");
            if (old != null && "ALL_OLD".equals(spec.path("ReturnValuesOnConditionCheckFailure").asText())) {
                reason.set("Item", AttributeValues.writeItem(old));
            }
            reason.put("Message", "The conditional request failed");
            return reason;
        }
    }

    private record Target(Table table, ByteBuffer key) {
    }
}
