package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.table.Backup;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableDescriptions;
import io.dynabox.engine.table.Throughput;
import io.dynabox.engine.wire.Json;

/** The shapes backups are described in: BackupDetails, BackupDescription and BackupSummary. */
final class BackupDescriptions {
    private BackupDescriptions() {}

    static ObjectNode details(Backup backup, String status) {
        ObjectNode node = Json.object()
                .put("BackupArn", backup.arn())
                .put("BackupCreationDateTime", backup.creationDateTime());
        if (backup.expiresAtMillis() > 0) node.put("BackupExpiryDateTime", backup.expiresAtMillis() / 1000.0);
        return node
                .put("BackupName", backup.name())
                .put("BackupSizeBytes", backup.sizeBytes())
                .put("BackupStatus", status)
                .put("BackupType", backup.type());
    }

    /** DescribeBackup's and DeleteBackup's answer: the details, the source table and its features. */
    static ObjectNode description(Backup backup, String status) {
        ObjectNode node = Json.object();
        node.set("BackupDetails", details(backup, status));
        node.set("SourceTableDetails", sourceTable(backup));
        // the service describes a deleted table's system backup with no features
        node.set("SourceTableFeatureDetails", Backup.SYSTEM.equals(backup.type()) ? Json.object() : features(backup.source()));
        return node;
    }

    static ObjectNode summary(Backup backup, String status) {
        TableDefinition source = backup.source();
        ObjectNode node = Json.object()
                .put("BackupArn", backup.arn())
                .put("BackupCreationDateTime", backup.creationDateTime());
        if (backup.expiresAtMillis() > 0) node.put("BackupExpiryDateTime", backup.expiresAtMillis() / 1000.0);
        return node
                .put("BackupName", backup.name())
                .put("BackupSizeBytes", backup.sizeBytes())
                .put("BackupStatus", status)
                .put("BackupType", backup.type())
                .put("TableArn", source.arn())
                .put("TableId", source.tableId())
                .put("TableName", source.name());
    }

    private static ObjectNode sourceTable(Backup backup) {
        TableDefinition d = backup.source();
        ObjectNode node = Json.object();
        node.put("BillingMode", d.billingMode());
        node.put("ItemCount", backup.itemCount());
        node.set("KeySchema", TableDescriptions.keySchema(d.keySchema()));
        if (d.onDemandThroughput() != null) node.set("OnDemandThroughput", d.onDemandThroughput());
        node.set("ProvisionedThroughput", capacity(d.payPerRequest() ? null : d.throughput()));
        node.put("TableArn", d.arn());
        node.put("TableCreationDateTime", d.creationDateTime());
        node.put("TableId", d.tableId());
        node.put("TableName", d.name());
        node.put("TableSizeBytes", backup.sizeBytes());
        return node;
    }

    private static ObjectNode features(TableDefinition d) {
        ObjectNode node = Json.object();
        if (!d.globalIndexes().isEmpty()) {
            ArrayNode indexes = node.putArray("GlobalSecondaryIndexes");
            for (IndexDefinition index : d.globalIndexes()) {
                indexes.add(index(index).set("ProvisionedThroughput", capacity(d.payPerRequest() ? null : index.throughput())));
            }
        }
        if (!d.localIndexes().isEmpty()) {
            ArrayNode indexes = node.putArray("LocalSecondaryIndexes");
            for (IndexDefinition index : d.localIndexes()) indexes.add(index(index));
        }
        if (d.sseDescription() != null) node.set("SSEDescription", d.sseDescription());
        if (d.streamEnabled()) {
            node.set("StreamDescription", Json.object().put("StreamEnabled", true).put("StreamViewType", d.streamViewType()));
        }
        return node;
    }

    private static ObjectNode index(IndexDefinition index) {
        ObjectNode node = Json.object();
        node.put("IndexName", index.name());
        node.set("KeySchema", TableDescriptions.keySchema(index.keySchema()));
        ObjectNode projection = node.putObject("Projection");
        if (index.projection().nonKeyAttributes() != null) {
            ArrayNode names = projection.putArray("NonKeyAttributes");
            index.projection().nonKeyAttributes().forEach(names::add);
        }
        projection.put("ProjectionType", index.projection().type());
        return node;
    }

    private static ObjectNode capacity(Throughput t) {
        return Json.object()
                .put("ReadCapacityUnits", t == null ? 0 : t.readCapacityUnits())
                .put("WriteCapacityUnits", t == null ? 0 : t.writeCapacityUnits());
    }
}
