package io.dynabox.engine.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.value.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * What a table is, as created and updated: everything DescribeTable reports except the
 * status and the item statistics, which live in {@link Table}. Immutable: an update makes
 * a new definition.
 */
public record TableDefinition(
        String name,
        String tableId,
        String arn,
        double creationDateTime,
        KeySchema keySchema,
        Map<String, AttributeValue.Type> attributeDefinitions,
        String billingMode,
        Double lastUpdateToPayPerRequestDateTime,
        Throughput throughput,
        List<IndexDefinition> localIndexes,
        List<IndexDefinition> globalIndexes,
        boolean streamEnabled,
        String streamViewType,
        String latestStreamLabel,
        JsonNode sseDescription,
        List<Map.Entry<String, String>> tags,
        String tableClass,
        boolean deletionProtectionEnabled,
        JsonNode onDemandThroughput,
        Double tableClassUpdatedAt,
        Warm warmThroughput) {

    public static final String PROVISIONED = "PROVISIONED";
    public static final String PAY_PER_REQUEST = "PAY_PER_REQUEST";
    public static final String STANDARD = "STANDARD";

    /**
     * Warm throughput: the reads and writes a second the table can serve at once. On-demand
     * tables start at 12,000 and 4,000; provisioned ones at the highest capacity they ever had.
     * It never goes down.
     */
    public record Warm(long readUnitsPerSecond, long writeUnitsPerSecond) {
        public static final Warm ON_DEMAND_INITIAL = new Warm(12_000, 4_000);

        /** The larger of each member: warm throughput only grows. */
        public Warm atLeast(long read, long write) {
            return new Warm(Math.max(readUnitsPerSecond, read), Math.max(writeUnitsPerSecond, write));
        }
    }

    public TableDefinition {
        attributeDefinitions = Map.copyOf(attributeDefinitions);
        localIndexes = List.copyOf(localIndexes);
        globalIndexes = List.copyOf(globalIndexes);
        tags = List.copyOf(tags);
        // metadata stored before warm throughput was kept: the starting value of the table's mode
        if (warmThroughput == null) {
            warmThroughput = PAY_PER_REQUEST.equals(billingMode) || throughput == null ? Warm.ON_DEMAND_INITIAL
                    : new Warm(throughput.readCapacityUnits(), throughput.writeCapacityUnits());
        }
    }

    /** The table class in effect: an unset class is STANDARD. */
    public String effectiveTableClass() {
        return tableClass == null ? STANDARD : tableClass;
    }

    /** Whether the table has a secondary index (local or global). */
    public boolean hasIndexes() {
        return !globalIndexes().isEmpty() || !localIndexes().isEmpty();
    }

    public boolean payPerRequest() {
        return PAY_PER_REQUEST.equals(billingMode);
    }

    public IndexDefinition index(String indexName) {
        for (IndexDefinition index : localIndexes) if (index.name().equals(indexName)) return index;
        for (IndexDefinition index : globalIndexes) if (index.name().equals(indexName)) return index;
        return null;
    }

    /** The same table under another identity: a copy restored into another namespace gets its own id and ARN. */
    public TableDefinition withIdentity(String newTableId, String newArn) {
        return new TableDefinition(name, newTableId, newArn, creationDateTime, keySchema, attributeDefinitions, billingMode,
                lastUpdateToPayPerRequestDateTime, throughput, localIndexes, globalIndexes, streamEnabled, streamViewType,
                latestStreamLabel, sseDescription, tags, tableClass, deletionProtectionEnabled, onDemandThroughput,
                tableClassUpdatedAt, warmThroughput);
    }

    /** The builder for changed copies, so UpdateTable names only what it changes. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public static final class Builder {
        private String billingMode;
        private Double lastUpdateToPayPerRequestDateTime;
        private Throughput throughput;
        private List<IndexDefinition> globalIndexes;
        private boolean streamEnabled;
        private String streamViewType;
        private String latestStreamLabel;
        private JsonNode sseDescription;
        private List<Map.Entry<String, String>> tags;
        private String tableClass;
        private boolean deletionProtectionEnabled;
        private JsonNode onDemandThroughput;
        private Map<String, AttributeValue.Type> attributeDefinitions;
        private Double tableClassUpdatedAt;
        private Warm warmThroughput;
        private final TableDefinition base;

        private Builder(TableDefinition base) {
            this.base = base;
            billingMode = base.billingMode;
            lastUpdateToPayPerRequestDateTime = base.lastUpdateToPayPerRequestDateTime;
            throughput = base.throughput;
            globalIndexes = base.globalIndexes;
            streamEnabled = base.streamEnabled;
            streamViewType = base.streamViewType;
            latestStreamLabel = base.latestStreamLabel;
            sseDescription = base.sseDescription;
            tags = base.tags;
            tableClass = base.tableClass;
            deletionProtectionEnabled = base.deletionProtectionEnabled;
            onDemandThroughput = base.onDemandThroughput;
            attributeDefinitions = base.attributeDefinitions;
            tableClassUpdatedAt = base.tableClassUpdatedAt;
            warmThroughput = base.warmThroughput;
        }

        public Builder billingMode(String mode, Double payPerRequestSince) {
            billingMode = mode;
            lastUpdateToPayPerRequestDateTime = payPerRequestSince;
            return this;
        }

        public Builder throughput(Throughput value) { throughput = value; return this; }
        public Builder globalIndexes(List<IndexDefinition> value) { globalIndexes = value; return this; }
        public Builder attributeDefinitions(Map<String, AttributeValue.Type> value) { attributeDefinitions = value; return this; }
        public Builder stream(boolean enabled, String viewType, String label) {
            streamEnabled = enabled;
            streamViewType = viewType;
            latestStreamLabel = label;
            return this;
        }
        public Builder sseDescription(JsonNode value) { sseDescription = value; return this; }
        public Builder tags(List<Map.Entry<String, String>> value) { tags = value; return this; }
        public Builder tableClass(String value, Double updatedAt) {
            tableClass = value;
            tableClassUpdatedAt = updatedAt;
            return this;
        }
        public Builder warmThroughput(Warm value) { warmThroughput = value; return this; }
        public Builder deletionProtectionEnabled(boolean value) { deletionProtectionEnabled = value; return this; }
        public Builder onDemandThroughput(JsonNode value) { onDemandThroughput = value; return this; }

        public TableDefinition build() {
            return new TableDefinition(base.name, base.tableId, base.arn, base.creationDateTime, base.keySchema,
                    attributeDefinitions, billingMode, lastUpdateToPayPerRequestDateTime, throughput,
                    base.localIndexes, globalIndexes, streamEnabled, streamViewType, latestStreamLabel,
                    sseDescription, tags, tableClass, deletionProtectionEnabled, onDemandThroughput,
                    tableClassUpdatedAt, warmThroughput);
        }
    }
}
