package io.dynabox.engine.table;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A secondary index as declared: local indexes share the table's partition key and
 * throughput; global indexes have their own key and, for provisioned tables, throughput, and
 * may have their own on-demand maximums ({@code onDemandThroughput}, the request's
 * OnDemandThroughput object, null when none was given) and warm throughput
 * ({@code warmThroughput}, null: the default, from their capacity or the on-demand start).
 */
public record IndexDefinition(String name, boolean global, KeySchema keySchema, Projection projection,
                              Throughput throughput, String status, boolean backfilling,
                              JsonNode onDemandThroughput, TableDefinition.Warm warmThroughput) {

    public IndexDefinition {
        // a stored definition reads an absent value back as JSON null
        if (onDemandThroughput != null && onDemandThroughput.isNull()) onDemandThroughput = null;
    }

    public IndexDefinition withStatus(String newStatus, boolean newBackfilling) {
        return new IndexDefinition(name, global, keySchema, projection, throughput, newStatus, newBackfilling,
                onDemandThroughput, warmThroughput);
    }

    public IndexDefinition withThroughput(Throughput newThroughput) {
        return new IndexDefinition(name, global, keySchema, projection, newThroughput, status, backfilling,
                onDemandThroughput, warmThroughput);
    }

    public IndexDefinition withOnDemandThroughput(JsonNode newOnDemand) {
        return new IndexDefinition(name, global, keySchema, projection, throughput, status, backfilling, newOnDemand, warmThroughput);
    }

    public IndexDefinition withWarmThroughput(TableDefinition.Warm newWarm) {
        return new IndexDefinition(name, global, keySchema, projection, throughput, status, backfilling, onDemandThroughput, newWarm);
    }
}
