package io.dynabox.engine.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.s3.Buckets;
import io.dynabox.engine.s3.NoSuchBucketException;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.RecoveryLog;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.wire.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an export: reads what it exports under the table's read lock (the items at the export
 * time, or the changes of the incremental period, from the recovery log), then writes the
 * objects with no lock held, and records the outcome in the export's finished description:
 * the manifest's key, the item count and billed size, or FAILED with S3's error code.
 */
public final class Exporter {
    private Exporter() {}

    /** An incremental export's period, {@code [from, to)}, and what each change shows. */
    public record Window(long fromMillis, long toMillis, String viewType) {
        public static final String NEW_AND_OLD_IMAGES = "NEW_AND_OLD_IMAGES";

        public ObjectNode describe() {
            return Json.object().put("ExportFromTime", fromMillis / 1000.0).put("ExportToTime", toMillis / 1000.0)
                    .put("ExportViewType", viewType);
        }
    }

    /**
     * Exports the table ({@code window} null: the items at {@code exportTimeMillis}) into the
     * bucket the description names, and completes {@code finished}.
     */
    public static void run(RequestContext context, Table table, Buckets buckets, ObjectNode finished, String exportId, Window window,
                           long exportTimeMillis, boolean ownerMatches) {
        String bucket = finished.get("S3Bucket").textValue();
        if (!ownerMatches) {
            fail(finished, "S3AccessDenied", "Access Denied");
            return;
        }
        List<ExportFiles.Line> lines;
        if (window == null) {
            List<StoredItem> items = TableLocks.read(table, () -> table.itemsAt(exportTimeMillis));
            lines = new ArrayList<>(items.size());
            for (StoredItem item : items) lines.add(new ExportFiles.FullItem(item));
        } else {
            KeySchema schema = table.definition().keySchema();
            boolean withOld = Window.NEW_AND_OLD_IMAGES.equals(window.viewType());
            List<RecoveryLog.KeyChange> changes = TableLocks.read(table,
                    () -> table.recoveryLog().changesBetween(table, window.fromMillis(), window.toMillis()));
            lines = new ArrayList<>(changes.size());
            for (RecoveryLog.KeyChange change : changes) lines.add(new ExportFiles.Changed(change, schema, withOld));
        }
        ObjectNode summary = Json.object();
        summary.put("version", "2020-06-30");
        summary.put("exportArn", finished.get("ExportArn").textValue());
        summary.put("startTime", iso(context.nowMillis()));
        summary.put("endTime", iso(context.nowMillis()));
        summary.put("tableArn", finished.get("TableArn").textValue());
        summary.put("tableId", finished.get("TableId").textValue());
        if (window == null) summary.put("exportTime", iso(exportTimeMillis));
        else {
            summary.put("exportFromTime", iso(window.fromMillis()));
            summary.put("exportToTime", iso(window.toMillis()));
            summary.put("exportViewType", window.viewType());
        }
        summary.put("exportType", window == null ? "FULL_EXPORT" : "INCREMENTAL_EXPORT");
        summary.put("s3Bucket", bucket);
        putOrNull(summary, "s3Prefix", finished, "S3Prefix");
        putOrNull(summary, "s3SseAlgorithm", finished, "S3SseAlgorithm");
        putOrNull(summary, "s3SseKmsKeyId", finished, "S3SseKmsKeyId");
        boolean ion = "ION".equals(finished.get("ExportFormat").textValue());
        String prefix = finished.has("S3Prefix") ? finished.get("S3Prefix").textValue() : null;
        try {
            if (!buckets.exists(bucket)) throw new NoSuchBucketException(bucket);
            Buckets target = buckets.encrypted(text(finished, "S3SseAlgorithm"), text(finished, "S3SseKmsKeyId"));
            ExportFiles.Written written = ExportFiles.write(target, bucket, prefix, exportId, ion, lines, summary);
            finished.put("ExportManifest", written.manifestSummaryKey());
            finished.put("ItemCount", written.itemCount());
            finished.put("BilledSizeBytes", written.billedSizeBytes());
        } catch (NoSuchBucketException e) {
            fail(finished, "S3NoSuchBucket", "The specified bucket does not exist");
        } catch (RuntimeException e) {
            System.getLogger(Exporter.class.getName()).log(System.Logger.Level.WARNING,
                    "export " + finished.get("ExportArn").textValue() + " could not write to s3://" + bucket, e);
            fail(finished, "S3Error", String.valueOf(e.getMessage()));
        }
    }

    private static String text(ObjectNode node, String member) {
        return node.has(member) ? node.get(member).textValue() : null;
    }

    private static void fail(ObjectNode finished, String code, String message) {
        finished.put("ExportStatus", Transfer.FAILED);
        finished.put("FailureCode", code);
        finished.put("FailureMessage", message);
    }

    private static void putOrNull(ObjectNode summary, String member, ObjectNode from, String fromMember) {
        if (from.has(fromMember)) summary.put(member, from.get(fromMember).textValue());
        else summary.putNull(member);
    }

    private static final java.time.format.DateTimeFormatter ISO_MILLIS =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** A time as the manifests write it: ISO 8601 in UTC, always with milliseconds. */
    static String iso(long millis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(millis));
    }
}
