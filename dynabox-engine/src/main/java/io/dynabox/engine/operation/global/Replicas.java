package io.dynabox.engine.operation.global;

import static io.dynabox.engine.table.TableGrammar.INVALID;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import java.util.Map;
import java.util.TreeMap;

/** The preconditions of a table joining a legacy global table (CreateGlobalTable, UpdateGlobalTable's Create). */
final class Replicas {
    private Replicas() {}

    /** {@code table} (in {@code region}) may replicate with {@code model}: empty, streaming both images, alike. */
    static void checkJoinable(Table model, Table table, String region) {
        TableDefinition d = table.definition();
        TableDefinition m = model.definition();
        if (!d.streamEnabled() || !"NEW_AND_OLD_IMAGES".equals(d.streamViewType())) {
            throw DynamoException.validation(INVALID + "Table: " + d.name() + " in region: " + region
                    + " must have DynamoDB Streams enabled with StreamViewType NEW_AND_OLD_IMAGES");
        }
        if (table.keyspace().itemCount() > 0) {
            throw DynamoException.validation(INVALID + "Table: " + d.name() + " in region: " + region + " must be empty to become a replica");
        }
        if (!d.keySchema().equals(m.keySchema())) {
            throw DynamoException.validation(INVALID + "Table: " + d.name() + " in region: " + region
                    + " does not have the same key schema as the other replicas");
        }
        if (!indexKeys(d).equals(indexKeys(m))) {
            throw DynamoException.validation(INVALID + "Table: " + d.name() + " in region: " + region
                    + " does not have the same global secondary indexes as the other replicas");
        }
        if (d.payPerRequest() != m.payPerRequest()
                || !d.payPerRequest() && d.throughput().writeCapacityUnits() != m.throughput().writeCapacityUnits()) {
            throw DynamoException.validation(INVALID + "Table: " + d.name() + " in region: " + region
                    + " does not have the same billing mode and write capacity units as the other replicas");
        }
    }

    private static Map<String, Object> indexKeys(TableDefinition d) {
        Map<String, Object> keys = new TreeMap<>();
        for (IndexDefinition index : d.globalIndexes()) keys.put(index.name(), index.keySchema());
        return keys;
    }
}
