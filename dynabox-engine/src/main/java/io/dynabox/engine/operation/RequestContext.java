package io.dynabox.engine.operation;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.store.Store;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.Table;

/** What an action needs besides its request: the caller's namespace, the store, the time, the options. */
public record RequestContext(Namespace namespace, Store store, DynaboxOptions options, long nowMillis, String requestId) {

    public double nowEpochSeconds() {
        return nowMillis / 1000.0;
    }

    /** A table name from a request member that may hold the name or the table's ARN. */
    public String tableName(String nameOrArn) {
        int slash = nameOrArn.indexOf(":table/");
        if (!nameOrArn.startsWith("arn:") || slash < 0) return nameOrArn;
        String rest = nameOrArn.substring(slash + ":table/".length());
        int end = rest.indexOf('/');
        return end < 0 ? rest : rest.substring(0, end);
    }

    /** The table a control-plane action names; missing gives the service's message with the name. */
    public Table describedTable(String nameOrArn) {
        String name = tableName(nameOrArn);
        Table table = namespace.table(name, nowMillis);
        if (table == null) throw DynamoException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        return table;
    }

    /** The table an item operation works on: it must exist and be ACTIVE or UPDATING. */
    public Table usableTable(String nameOrArn) {
        Table table = namespace.table(tableName(nameOrArn), nowMillis);
        if (table == null) throw DynamoException.resourceNotFound("Requested resource not found");
        String status = table.status(nowMillis);
        if (Table.CREATING.equals(status) || Table.DELETING.equals(status)) {
            throw DynamoException.resourceNotFound("Requested resource not found");
        }
        return table;
    }
}
