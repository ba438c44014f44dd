package io.dynabox.engine.operation;

import java.util.Map;

/** The actions Dynabox answers, by name; any other name is an unknown operation, as in DynamoDB. */
public final class Operations {
    private Operations() {}

    public static Map<String, Operation> all() {
        return Map.of(
                "CreateTable", new CreateTable(),
                "DescribeTable", new DescribeTable(),
                "ListTables", new ListTables(),
                "DeleteTable", new DeleteTable(),
                "UpdateTable", new UpdateTable(),
                "PutItem", new PutItem(),
                "GetItem", new GetItem(),
                "DeleteItem", new DeleteItem(),
                "UpdateItem", new UpdateItem());
    }
}
