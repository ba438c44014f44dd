package io.dynabox.engine.operation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.wire.Json;
import io.dynabox.engine.wire.PlainRequests;
import java.io.IOException;

/**
 * A request whose one member is a TableName by the name rules (DescribeTable's, DeleteTable's),
 * read straight from its bytes: the operation then runs on the one-member tree the tree path
 * would parse, without that path's parser and model validator, which a test suite's early
 * requests (its waiters' DescribeTables) run interpreted. An ARN, another member or any
 * problem takes the tree path.
 */
final class PlainTableName implements PlainOperation.PlainRequest {
    private final Operation operation;
    private String tableName;

    PlainTableName(Operation operation) {
        this.operation = operation;
    }

    @Override
    public String tableName() {
        return tableName;
    }

    @Override
    public void read(String name, JsonParser parser) throws IOException {
        if (!name.equals("TableName")) throw PlainRequests.NOT_PLAIN;
        tableName = PlainRequests.tableName(parser);
    }

    @Override
    public boolean complete() {
        return tableName != null;
    }

    @Override
    public JsonNode execute(RequestContext context) {
        return operation.execute(context, Json.object().put("TableName", tableName));
    }
}
