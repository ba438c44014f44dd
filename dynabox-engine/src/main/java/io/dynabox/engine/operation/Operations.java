package io.dynabox.engine.operation;

import io.dynabox.engine.operation.control.CreateBackup;
import io.dynabox.engine.operation.control.DeleteBackup;
import io.dynabox.engine.operation.control.DeleteResourcePolicy;
import io.dynabox.engine.operation.control.DescribeBackup;
import io.dynabox.engine.operation.control.DescribeContinuousBackups;
import io.dynabox.engine.operation.control.DescribeContributorInsights;
import io.dynabox.engine.operation.control.DescribeEndpoints;
import io.dynabox.engine.operation.control.DescribeKinesisStreamingDestination;
import io.dynabox.engine.operation.control.DisableKinesisStreamingDestination;
import io.dynabox.engine.operation.control.EnableKinesisStreamingDestination;
import io.dynabox.engine.operation.control.DescribeLimits;
import io.dynabox.engine.operation.control.GetResourcePolicy;
import io.dynabox.engine.operation.control.ListBackups;
import io.dynabox.engine.operation.control.ListContributorInsights;
import io.dynabox.engine.operation.control.DescribeTimeToLive;
import io.dynabox.engine.operation.control.ListTagsOfResource;
import io.dynabox.engine.operation.control.PutResourcePolicy;
import io.dynabox.engine.operation.control.RestoreTableFromBackup;
import io.dynabox.engine.operation.control.RestoreTableToPointInTime;
import io.dynabox.engine.operation.control.TagResource;
import io.dynabox.engine.operation.control.UntagResource;
import io.dynabox.engine.operation.control.UpdateContinuousBackups;
import io.dynabox.engine.operation.control.UpdateContributorInsights;
import io.dynabox.engine.operation.control.UpdateKinesisStreamingDestination;
import io.dynabox.engine.operation.control.UpdateTimeToLive;
import io.dynabox.engine.operation.global.CreateGlobalTable;
import io.dynabox.engine.operation.global.DescribeGlobalTable;
import io.dynabox.engine.operation.global.DescribeGlobalTableSettings;
import io.dynabox.engine.operation.global.DescribeTableReplicaAutoScaling;
import io.dynabox.engine.operation.global.ListGlobalTables;
import io.dynabox.engine.operation.global.UpdateGlobalTable;
import io.dynabox.engine.operation.global.UpdateGlobalTableSettings;
import io.dynabox.engine.operation.global.UpdateTableReplicaAutoScaling;
import io.dynabox.engine.operation.transfer.DescribeExport;
import io.dynabox.engine.operation.transfer.DescribeImport;
import io.dynabox.engine.operation.transfer.ExportTableToPointInTime;
import io.dynabox.engine.operation.transfer.ImportTable;
import io.dynabox.engine.operation.transfer.ListExports;
import io.dynabox.engine.operation.transfer.ListImports;
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
                Map.entry("Scan", new Scan()),
                // the control plane (operation.control)
                Map.entry("TagResource", new TagResource()),
                Map.entry("UntagResource", new UntagResource()),
                Map.entry("ListTagsOfResource", new ListTagsOfResource()),
                Map.entry("DescribeLimits", new DescribeLimits()),
                Map.entry("DescribeEndpoints", new DescribeEndpoints()),
                Map.entry("CreateBackup", new CreateBackup()),
                Map.entry("DescribeBackup", new DescribeBackup()),
                Map.entry("ListBackups", new ListBackups()),
                Map.entry("DeleteBackup", new DeleteBackup()),
                Map.entry("RestoreTableFromBackup", new RestoreTableFromBackup()),
                Map.entry("UpdateContinuousBackups", new UpdateContinuousBackups()),
                Map.entry("DescribeContinuousBackups", new DescribeContinuousBackups()),
                Map.entry("RestoreTableToPointInTime", new RestoreTableToPointInTime()),
                Map.entry("PutResourcePolicy", new PutResourcePolicy()),
                Map.entry("GetResourcePolicy", new GetResourcePolicy()),
                Map.entry("DeleteResourcePolicy", new DeleteResourcePolicy()),
                Map.entry("UpdateContributorInsights", new UpdateContributorInsights()),
                Map.entry("DescribeContributorInsights", new DescribeContributorInsights()),
                Map.entry("ListContributorInsights", new ListContributorInsights()),
                Map.entry("UpdateTimeToLive", new UpdateTimeToLive()),
                Map.entry("DescribeTimeToLive", new DescribeTimeToLive()),
                Map.entry("EnableKinesisStreamingDestination", new EnableKinesisStreamingDestination()),
                Map.entry("DisableKinesisStreamingDestination", new DisableKinesisStreamingDestination()),
                Map.entry("DescribeKinesisStreamingDestination", new DescribeKinesisStreamingDestination()),
                Map.entry("UpdateKinesisStreamingDestination", new UpdateKinesisStreamingDestination()),
                // global tables (operation.global)
                Map.entry("CreateGlobalTable", new CreateGlobalTable()),
                Map.entry("UpdateGlobalTable", new UpdateGlobalTable()),
                Map.entry("DescribeGlobalTable", new DescribeGlobalTable()),
                Map.entry("ListGlobalTables", new ListGlobalTables()),
                Map.entry("DescribeGlobalTableSettings", new DescribeGlobalTableSettings()),
                Map.entry("UpdateGlobalTableSettings", new UpdateGlobalTableSettings()),
                Map.entry("UpdateTableReplicaAutoScaling", new UpdateTableReplicaAutoScaling()),
                Map.entry("DescribeTableReplicaAutoScaling", new DescribeTableReplicaAutoScaling()),
                // exports to and imports from S3 (operation.transfer)
                Map.entry("ExportTableToPointInTime", new ExportTableToPointInTime()),
                Map.entry("DescribeExport", new DescribeExport()),
                Map.entry("ListExports", new ListExports()),
                Map.entry("ImportTable", new ImportTable()),
                Map.entry("DescribeImport", new DescribeImport()),
                Map.entry("ListImports", new ListImports()),
                // PartiQL
                Map.entry("ExecuteStatement", new ExecuteStatement()),
                Map.entry("BatchExecuteStatement", new BatchExecuteStatement()),
                Map.entry("ExecuteTransaction", new ExecuteTransaction()));
    }

    /** The DynamoDB Streams actions (target prefix {@code DynamoDBStreams_20120810.}), served on the same port. */
    public static Map<String, Operation> streams() {
        return Map.of(
                "ListStreams", new ListStreams(),
                "DescribeStream", new DescribeStream(),
                "GetShardIterator", new GetShardIterator(),
                "GetRecords", new GetRecords());
    }
}
