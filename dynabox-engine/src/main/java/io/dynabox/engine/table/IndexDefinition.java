package io.dynabox.engine.table;

/**
 * A secondary index as declared: local indexes share the table's partition key and
 * throughput; global indexes have their own key and, for provisioned tables, throughput.
 */
public record IndexDefinition(String name, boolean global, KeySchema keySchema, Projection projection,
                              Throughput throughput, String status, boolean backfilling) {

    public IndexDefinition withStatus(String newStatus, boolean newBackfilling) {
        return new IndexDefinition(name, global, keySchema, projection, throughput, newStatus, newBackfilling);
    }

    public IndexDefinition withThroughput(Throughput newThroughput) {
        return new IndexDefinition(name, global, keySchema, projection, newThroughput, status, backfilling);
    }
}
