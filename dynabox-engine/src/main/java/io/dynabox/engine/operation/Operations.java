package io.dynabox.engine.operation;

import java.util.Map;

/** The actions Dynabox answers, by name; any other name is an unknown operation, as in DynamoDB. */
public final class Operations {
    private Operations() {}

    public static Map<String, Operation> all() {
        return Map.ofEntries(
                Map.entry("CreateTable", new CreateTable()),
                Map.entry("DescribeTable", new DescribeTable()),
                Map.entry("ListTables", new ListTables()),
                Map.entry("DeleteTable", new DeleteTable()),
                Map.entry("UpdateTable", new UpdateTable()),
                Map.entry("PutItem", new PutItem()),
                Map.entry("GetItem", new GetItem()),
                Map.entry("DeleteItem", new DeleteItem()),
                Map.entry("UpdateItem", new UpdateItem()),
                Map.entry("BatchGetItem", new BatchGetItem()),
                Map.entry("BatchWriteItem", new BatchWriteItem()),
                Map.entry("TransactGetItems", new TransactGetItems()),
                Map.entry("TransactWriteItems", new TransactWriteItems()),
                Map.entry("Query", new Query()),
                Map.entry("Scan", new Scan()));
    }
}
