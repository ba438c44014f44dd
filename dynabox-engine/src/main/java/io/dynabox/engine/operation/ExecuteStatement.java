package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.partiql.Binder;
import io.dynabox.engine.partiql.PartiqlError;
import io.dynabox.engine.partiql.Statement;
import io.dynabox.engine.partiql.Statements;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.AttributeValues;
import java.util.ArrayList;
import java.util.List;

/**
 * ExecuteStatement: one PartiQL statement. A SELECT reads like a Query or a Scan
 * ({@link StatementReads}); INSERT, UPDATE and DELETE write one item like the item actions
 * ({@link StatementWrites}).
 */
public final class ExecuteStatement implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        Statement statement = Statements.parse(request.get("Statement").textValue());
        List<AttributeValue> parameters = parameters(request.get("Parameters"));
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.of(request);
        try {
            Binder binder = Binder.of(statement, parameters);
            if (statement instanceof Statement.Select select) {
                Integer limit = request.hasNonNull("Limit") ? request.get("Limit").intValue() : null;
                String nextToken = request.hasNonNull("NextToken") ? request.get("NextToken").textValue() : null;
                return StatementReads.select(context, select, binder, request.path("ConsistentRead").asBoolean(false), limit, nextToken, detail);
            }
            if (statement instanceof Statement.Exists) {
                throw DynamoException.validation("EXISTS can only be used in ExecuteTransaction write requests.");
            }
            return StatementWrites.run(context, StatementWrites.plan(context, statement, binder), request, detail);
        } catch (PartiqlError e) {
            throw Statements.validation(e);
        }
    }

    /** A request's Parameters, each checked as any attribute value. */
    static List<AttributeValue> parameters(JsonNode node) {
        List<AttributeValue> parameters = new ArrayList<>();
        if (node != null && !node.isNull()) for (JsonNode value : node) parameters.add(AttributeValues.read(value));
        return parameters;
    }
}
