package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.partiql.Binder;
import io.dynabox.engine.partiql.PartiqlError;
import io.dynabox.engine.partiql.Statement;
import io.dynabox.engine.partiql.Statements;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchExecuteStatement: up to 25 PartiQL statements, all single-item SELECTs or all writes,
 * each answered on its own: its table and item, or its error code and message. Each write
 * runs as ExecuteStatement would run it; the batch is not a transaction.
 */
public final class BatchExecuteStatement implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        List<JsonNode> specs = new ArrayList<>();
        List<Statement> statements = new ArrayList<>();
        // a statement that does not parse is answered on its own with the parse error's text
        List<DynamoException> unparsed = new ArrayList<>();
        boolean reads = false;
        boolean writes = false;
        for (JsonNode spec : request.get("Statements")) {
            specs.add(spec);
            Statement statement = null;
            DynamoException error = null;
            try {
                statement = Statements.parse(spec.get("Statement").textValue());
            } catch (DynamoException e) {
                error = e;
            }
            statements.add(statement);
            unparsed.add(error);
            if (statement instanceof Statement.Select) reads = true;
            else if (statement != null && !(statement instanceof Statement.Exists)) writes = true;
        }
        if (reads && writes) throw DynamoException.validation("Read and write requests together in the same batch is not supported.");

        // each statement planned on its own: a refusal is its answer, not the batch's
        List<Object> planned = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            planned.add(statements.get(i) == null ? errorResponse("ValidationError", unparsed.get(i).getMessage())
                    : plan(context, statements.get(i), specs.get(i)));
        }
        Set<Target> seen = new HashSet<>();
        for (Object plan : planned) {
            Target target = plan instanceof StatementWrites.Plan p ? new Target(p.table(), ByteBuffer.wrap(p.storedKey() == null ? new byte[0] : p.storedKey()))
                    : plan instanceof StatementTransactions.PointRead r ? new Target(r.table(), ByteBuffer.wrap(r.storedKey())) : null;
            if (target != null && target.key().remaining() > 0 && !seen.add(target)) {
                throw DynamoException.validation("Provided list of item keys contains duplicates");
            }
        }

        ObjectNode answer = Json.object();
        ArrayNode responses = answer.putArray("Responses");
        Set<String> tables = new LinkedHashSet<>();
        for (int i = 0; i < planned.size(); i++) {
            Object plan = planned.get(i);
            if (plan instanceof ObjectNode error) {
                responses.add(error);
                continue;
            }
            Table table = plan instanceof StatementWrites.Plan p ? p.table() : ((StatementTransactions.PointRead) plan).table();
            tables.add(table.name());
            ObjectNode response = Json.object();
            response.put("TableName", table.name());
            try {
                Map<String, AttributeValue> item = plan instanceof StatementWrites.Plan write ? write(context, write, specs.get(i))
                        : read(context, (StatementTransactions.PointRead) plan, specs.get(i).path("ConsistentRead").asBoolean(false));
                if (item != null) response.set("Item", AttributeValues.writeItem(item));
            } catch (DynamoException e) {
                response.set("Error", error(e));
            }
            responses.add(response);
        }
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.of(request);
        if (detail != ConsumedCapacity.Detail.NONE) {
            ArrayNode capacity = answer.putArray("ConsumedCapacity");
            for (String table : tables) capacity.add(ConsumedCapacity.of(detail, context.ledger(), table));
        }
        return answer;
    }

    /** A statement's plan (a write's Plan or a PointRead), or its error response when it cannot run. */
    private static Object plan(RequestContext context, Statement statement, JsonNode spec) {
        if (statement instanceof Statement.Exists) return errorResponse("ValidationError", "EXISTS can only be used in ExecuteTransaction write requests.");
        try {
            Binder binder = Binder.of(statement, ExecuteStatement.parameters(spec.get("Parameters")));
            if (statement instanceof Statement.Select select) {
                StatementTransactions.PointRead read = select.index() == null ? StatementTransactions.pointRead(context, select, binder) : null;
                return read != null ? read : errorResponse("ValidationError", "Only single item select is supported");
            }
            return StatementWrites.plan(context, statement, binder);
        } catch (PartiqlError e) {
            return errorResponse("ValidationError", e.getMessage());
        } catch (DynamoException e) {
            ObjectNode response = Json.object();
            response.set("Error", error(e));
            return response;
        }
    }

    private static Map<String, AttributeValue> write(RequestContext context, StatementWrites.Plan plan, JsonNode spec) {
        ObjectNode answer = StatementWrites.run(context, plan, spec, ConsumedCapacity.Detail.NONE);
        JsonNode items = answer.get("Items");
        return items.isEmpty() ? null : AttributeValues.readItem(items.get(0));
    }

    private static Map<String, AttributeValue> read(RequestContext context, StatementTransactions.PointRead read, boolean consistent) {
        Table table = read.table();
        Long partition = KeyCodec.hashOf(read.storedKey());
        context.admitRead(table, null, partition, read.storedKey(), CapacityUnits.readUnits(0, consistent));
        StoredItem latest = TableLocks.read(table, () -> table.keyspace().find(read.storedKey()));
        StoredItem stored = consistent ? latest : context.eventuallyConsistent(table, read.storedKey(), latest);
        context.ledger().readItem(table, CapacityUnits.readUnits(stored == null ? 0 : stored.size(), consistent), partition, read.storedKey());
        return stored == null ? null : read.shown(stored.item());
    }

    private static ObjectNode errorResponse(String code, String message) {
        ObjectNode response = Json.object();
        ObjectNode error = response.putObject("Error");
        error.put("Code", code);
        error.put("Message", message);
        return response;
    }

    /** A statement's error as the batch answers it: the service's code for the exception, its message, the item when asked for. */
    private static ObjectNode error(DynamoException e) {
        ObjectNode error = Json.object();
        error.put("Code", switch (e.code()) {
            case CONDITIONAL_CHECK_FAILED -> "ConditionalCheckFailed";
            case DUPLICATE_ITEM -> "DuplicateItem";
            case ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED -> "ItemCollectionSizeLimitExceeded";
            case PROVISIONED_THROUGHPUT_EXCEEDED -> "ProvisionedThroughputExceeded";
            case THROTTLING -> "ThrottlingError";
            case REQUEST_LIMIT_EXCEEDED -> "RequestLimitExceeded";
            case RESOURCE_NOT_FOUND -> "ResourceNotFound";
            case TRANSACTION_CONFLICT -> "TransactionConflict";
            case ACCESS_DENIED -> "AccessDenied";
            case INTERNAL_SERVER_ERROR -> "InternalServerError";
            default -> "ValidationError";
        });
        error.put("Message", e.getMessage());
        if (e.extraMembers() != null && e.extraMembers().has("Item")) error.set("Item", e.extraMembers().get("Item"));
        return error;
    }

    private record Target(Table table, ByteBuffer key) {
    }
}
