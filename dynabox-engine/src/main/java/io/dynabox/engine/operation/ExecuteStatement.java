package io.dynabox.engine.operation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.partiql.Binder;
import io.dynabox.engine.partiql.PartiqlError;
import io.dynabox.engine.partiql.Statement;
import io.dynabox.engine.partiql.Statements;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.PlainRequests;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * ExecuteStatement: one PartiQL statement. A SELECT reads like a Query or a Scan
 * ({@link StatementReads}); INSERT, UPDATE and DELETE write one item like the item actions
 * ({@link StatementWrites}). A request of the plain shape (the statement, its parameters,
 * ConsistentRead, ReturnConsumedCapacity) is read straight from its bytes, as GetItem's is.
 */
public final class ExecuteStatement implements Operation, PlainOperation {
    /** The model's PartiQLStatement lengths. */
    private static final int MIN_STATEMENT_LENGTH = 1;
    private static final int MAX_STATEMENT_LENGTH = 8192;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        Statement statement = Statements.parse(request.get("Statement").textValue()); // a statement's error comes before a parameter's
        Integer limit = request.hasNonNull("Limit") ? request.get("Limit").intValue() : null;
        String nextToken = request.hasNonNull("NextToken") ? request.get("NextToken").textValue() : null;
        return run(context, statement, parameters(request.get("Parameters")), request.path("ConsistentRead").asBoolean(false),
                limit, nextToken, ConsumedCapacity.Detail.of(request), request);
    }

    /** An ExecuteStatement of the plain shape, read member by member from its bytes. */
    static final class Plain implements PlainRequest {
        String statement;
        List<AttributeValue> parameters = List.of();
        boolean consistent;
        ConsumedCapacity.Detail detail = ConsumedCapacity.Detail.NONE;

        /** A statement names its table inside its text: the request has none to report. */
        @Override
        public String tableName() {
            return null;
        }

        @Override
        public void read(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "Statement" -> {
                    statement = PlainRequests.text(parser);
                    if (statement.length() < MIN_STATEMENT_LENGTH || statement.length() > MAX_STATEMENT_LENGTH) throw PlainRequests.NOT_PLAIN;
                }
                case "Parameters" -> parameters = PlainRequests.values(parser);
                case "ConsistentRead" -> consistent = PlainRequests.bool(parser);
                case "ReturnConsumedCapacity" -> detail = ConsumedCapacity.Detail.valueOf(PlainRequests.oneOf(parser, GetItem.DETAILS));
                default -> throw PlainRequests.NOT_PLAIN;
            }
        }

        @Override
        public boolean complete() {
            return statement != null;
        }

        @Override
        public JsonNode execute(RequestContext context) {
            // no ReturnValuesOnConditionCheckFailure in a plain request: the writes read it from a request without members
            return run(context, Statements.parse(statement), parameters, consistent, null, null, detail, MissingNode.getInstance());
        }
    }

    @Override
    public PlainRequest newPlainRequest() {
        return new Plain();
    }

    private static JsonNode run(RequestContext context, Statement statement, List<AttributeValue> parameters, boolean consistent,
                                Integer limit, String nextToken, ConsumedCapacity.Detail detail, JsonNode request) {
        try {
            Binder binder = Binder.of(statement, parameters);
            if (statement instanceof Statement.Select select) {
                return StatementReads.select(context, select, binder, consistent, limit, nextToken, detail);
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
