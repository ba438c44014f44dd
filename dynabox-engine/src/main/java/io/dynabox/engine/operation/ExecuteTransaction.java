package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.partiql.Binder;
import io.dynabox.engine.partiql.PartiqlError;
import io.dynabox.engine.partiql.Statement;
import io.dynabox.engine.partiql.Statements;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.ItemSize;
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
 * ExecuteTransaction: up to 100 PartiQL statements, all reads or all writes. Writes (INSERT,
 * UPDATE, DELETE, and EXISTS checks) run through TransactWriteItems' machinery: the same
 * locks, all-or-nothing evaluation, cancellation reasons, capacity and ClientRequestToken
 * rules. Reads are single-item SELECTs answered from one snapshot, like TransactGetItems.
 */
public final class ExecuteTransaction implements Operation {
    private static final String FAILED_IN = "Validation failed in TransactStatements[";
    private final ClientRequestTokens tokens = new ClientRequestTokens();

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        List<Statement> statements = new ArrayList<>();
        List<JsonNode> specs = new ArrayList<>();
        for (JsonNode spec : request.get("TransactStatements")) {
            statements.add(Statements.parse(spec.get("Statement").textValue()));
            specs.add(spec);
        }
        boolean reads = statements.stream().anyMatch(s -> s instanceof Statement.Select);
        boolean writes = statements.stream().anyMatch(s -> !(s instanceof Statement.Select));
        if (reads && writes) {
            throw DynamoException.validation("ExecuteTransaction API does not support both read and write operations in the same request.");
        }
        return reads ? read(context, request, statements, specs) : write(context, request, statements, specs);
    }

    private JsonNode write(RequestContext context, JsonNode request, List<Statement> statements, List<JsonNode> specs) {
        List<StatementTransactions.WriteStatement> actions = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            int at = i;
            StatementWrites.Plan plan = planned(i, () -> {
                if ((statement instanceof Statement.Update u && u.returning() != Statement.Returning.NONE)
                        || (statement instanceof Statement.Delete d && d.returning() != Statement.Returning.NONE)) {
                    throw DynamoException.validation("RETURNING clause is not supported in ExecuteTransaction.");
                }
                Binder binder = Binder.of(statement, ExecuteStatement.parameters(specs.get(at).get("Parameters")));
                StatementWrites.Plan p;
                try {
                    p = StatementWrites.plan(context, statement, binder);
                } catch (DynamoException e) {
                    if (statement instanceof Statement.Exists && e.code() == ErrorCode.VALIDATION) throw existsRefused();
                    throw e;
                }
                if (statement instanceof Statement.Exists && p.condition() == null) throw existsRefused();
                return p;
            });
            actions.add(new StatementTransactions.WriteStatement(plan, specs.get(i)));
        }
        ObjectNode answer = (ObjectNode) TransactWriteItems.transact(context, request, actions, tokens);
        answer.putArray("Responses");
        return answer;
    }

    private static DynamoException existsRefused() {
        return DynamoException.validation("EXISTS() must contain a single item read with additional condition");
    }

    private JsonNode read(RequestContext context, JsonNode request, List<Statement> statements, List<JsonNode> specs) {
        List<StatementTransactions.PointRead> reads = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement.Select select = (Statement.Select) statements.get(i);
            JsonNode spec = specs.get(i);
            reads.add(planned(i, () -> {
                Binder binder = Binder.of(select, ExecuteStatement.parameters(spec.get("Parameters")));
                if (select.index() != null) throw DynamoException.validation("Reads on indices are not supported within transactions.");
                StatementTransactions.PointRead read = StatementTransactions.pointRead(context, select, binder);
                if (read == null) {
                    throw DynamoException.validation("Select statements within ExecuteTransaction must specify the primary key in the where clause.");
                }
                return read;
            }));
        }
        Set<Target> seen = new HashSet<>();
        for (StatementTransactions.PointRead read : reads) {
            if (!seen.add(new Target(read.table(), ByteBuffer.wrap(read.storedKey())))) {
                throw DynamoException.validation("Transaction request cannot include multiple operations on one item",
                        "two statements read the same item of table " + read.table().name());
            }
        }
        List<Table> tables = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (StatementTransactions.PointRead read : reads) {
            tables.add(read.table());
            keys.add(read.storedKey());
        }
        TransactWriteItems.cancelOnThrottle(context, tables, keys, false);
        TransactWriteItems.cancelOnConflict(context, tables, keys);
        List<Map<String, AttributeValue>> items = StatementTransactions.readAll(reads);

        ObjectNode answer = Json.object();
        ArrayNode responses = answer.putArray("Responses");
        Set<Table> charged = new LinkedHashSet<>();
        for (int i = 0; i < reads.size(); i++) {
            StatementTransactions.PointRead read = reads.get(i);
            Map<String, AttributeValue> item = items.get(i);
            charged.add(read.table());
            context.ledger().readItem(read.table(), CapacityUnits.TRANSACTIONAL_FACTOR
                    * CapacityUnits.readUnits(item == null ? 0 : ItemSize.of(item), true), KeyCodec.hashOf(read.storedKey()), read.storedKey());
            ObjectNode response = responses.addObject();
            if (item != null) response.set("Item", AttributeValues.writeItem(read.shown(item)));
        }
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.of(request);
        if (detail != ConsumedCapacity.Detail.NONE) {
            ArrayNode capacity = answer.putArray("ConsumedCapacity");
            for (Table table : charged) capacity.add(ConsumedCapacity.transactional(detail, context.ledger(), table.name(), false));
        }
        return answer;
    }

    /**
     * Plans statement {@code i}: a refusal names the statement ({@code Validation failed in
     * TransactStatements[i]: ...}); a missing table is the transaction's own not-found.
     */
    private static <T> T planned(int i, java.util.function.Supplier<T> planning) {
        try {
            return planning.get();
        } catch (PartiqlError e) {
            throw DynamoException.validation(FAILED_IN + i + "]: " + e.getMessage(), e.explanation());
        } catch (DynamoException e) {
            if (e.code() == ErrorCode.RESOURCE_NOT_FOUND) throw DynamoException.resourceNotFound("Requested resource not found");
            if (e.code() != ErrorCode.VALIDATION) throw e;
            throw DynamoException.validation(FAILED_IN + i + "]: " + e.getMessage(), e.explanation());
        }
    }

    private record Target(Table table, ByteBuffer key) {
    }
}
