package io.dynabox.engine.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.table.Namespace;
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
import java.util.function.LongSupplier;

/**
 * An export's work, on the job thread: reads what it exports under the table's read lock (the items at the export
 * time a page at a time, writes allowed between pages, or the changes of the incremental period, from the recovery
 * log), writes the objects as it goes with no lock held, and records the outcome in the export's description:
 * the manifest's key, the item count and billed size, or FAILED with S3's error code.
 */
public final class Exporter {
    /** Keys read per page of a full export: the table's read lock is held for one page at a time. */
    static final int PAGE_ITEMS = 1_000;

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
     * Exports what {@code state} describes (the table at its ExportTime, or the changes of its
     * IncrementalExportSpecification) into the bucket it names, and completes {@code state}.
     */
    static void run(LongSupplier clock, Namespace namespace, Buckets buckets, ObjectNode state, Runnable checkNotStopping) {
        String bucket = state.get("S3Bucket").textValue();
        String owner = text(state, "S3BucketOwner");
        if (owner != null && !owner.equals(Namespace.ACCOUNT_ID)) {
            fail(state, "S3AccessDenied", "Access Denied");
            return;
        }
        String arn = state.get("ExportArn").textValue();
        String exportId = arn.substring(arn.lastIndexOf('/') + 1);
        String tableArn = state.get("TableArn").textValue();
        String name = tableArn.substring(tableArn.indexOf(":table/") + ":table/".length());
        Table table = namespace.table(name, clock.getAsLong());
        if (table == null || !table.definition().tableId().equals(state.get("TableId").textValue())) {
            fail(state, "TableNotFoundException", "Table not found: " + name);
            return;
        }
        JsonNode spec = state.get("IncrementalExportSpecification");
        Window window = spec == null ? null : new Window(millis(spec.get("ExportFromTime")), millis(spec.get("ExportToTime")),
                spec.get("ExportViewType").textValue());
        long exportTimeMillis = spec == null ? millis(state.get("ExportTime")) : -1;
        ExportFiles.Pages pages = window == null ? fullPages(table, exportTimeMillis) : changedPages(table, window);
        checkNotStopping.run();
        ObjectNode summary = Json.object();
        summary.put("version", "2020-06-30");
        summary.put("exportArn", state.get("ExportArn").textValue());
        summary.put("startTime", iso(millis(state.get("StartTime"))));
        summary.put("endTime", iso(clock.getAsLong()));
        summary.put("tableArn", state.get("TableArn").textValue());
        summary.put("tableId", state.get("TableId").textValue());
        if (window == null) summary.put("exportTime", iso(exportTimeMillis));
        else {
            summary.put("exportFromTime", iso(window.fromMillis()));
            summary.put("exportToTime", iso(window.toMillis()));
            summary.put("exportViewType", window.viewType());
        }
        summary.put("exportType", window == null ? "FULL_EXPORT" : "INCREMENTAL_EXPORT");
        summary.put("s3Bucket", bucket);
        putOrNull(summary, "s3Prefix", state, "S3Prefix");
        putOrNull(summary, "s3SseAlgorithm", state, "S3SseAlgorithm");
        putOrNull(summary, "s3SseKmsKeyId", state, "S3SseKmsKeyId");
        boolean ion = "ION".equals(state.get("ExportFormat").textValue());
        String prefix = state.has("S3Prefix") ? state.get("S3Prefix").textValue() : null;
        try {
            if (!buckets.exists(bucket)) throw new NoSuchBucketException(bucket);
            Buckets target = buckets.encrypted(text(state, "S3SseAlgorithm"), text(state, "S3SseKmsKeyId"));
            ExportFiles.Written written = ExportFiles.write(target, bucket, prefix, exportId, ion, pages, summary, checkNotStopping);
            state.put("ExportManifest", written.manifestSummaryKey());
            state.put("ItemCount", written.itemCount());
            state.put("BilledSizeBytes", written.billedSizeBytes());
        } catch (TransferJobs.Stopped e) {
            throw e;
        } catch (NoSuchBucketException e) {
            fail(state, "S3NoSuchBucket", "The specified bucket does not exist");
        } catch (RuntimeException e) {
            System.getLogger(Exporter.class.getName()).log(System.Logger.Level.WARNING,
                    "export " + state.get("ExportArn").textValue() + " could not write to s3://" + bucket, e);
            fail(state, "S3Error", String.valueOf(e.getMessage()));
        }
    }

    /** The table's items at the export time, a page of {@link #PAGE_ITEMS} keys at a time, each page read under the table's read lock. */
    private static ExportFiles.Pages fullPages(Table table, long exportTimeMillis) {
        RecoveryLog.ItemsAt itemsAt = TableLocks.read(table, () -> table.pagesAt(exportTimeMillis));
        return () -> {
            List<StoredItem> items = TableLocks.read(table, () -> itemsAt.next(PAGE_ITEMS));
            if (items == null) return null;
            List<ExportFiles.Line> lines = new ArrayList<>(items.size());
            for (StoredItem item : items) lines.add(new ExportFiles.FullItem(item));
            return lines;
        };
    }

    /**
     * The changes of an incremental export's period, read at once under the table's read lock: they are at most the
     * recovery log's entries of the period, which the log holds in memory already.
     */
    private static ExportFiles.Pages changedPages(Table table, Window window) {
        KeySchema schema = table.definition().keySchema();
        boolean withOld = Window.NEW_AND_OLD_IMAGES.equals(window.viewType());
        List<RecoveryLog.KeyChange> changes = TableLocks.read(table,
                () -> table.recoveryLog().changesBetween(table, window.fromMillis(), window.toMillis()));
        List<ExportFiles.Line> lines = new ArrayList<>(changes.size());
        for (RecoveryLog.KeyChange change : changes) lines.add(new ExportFiles.Changed(change, schema, withOld));
        boolean[] given = {false};
        return () -> {
            if (given[0]) return null;
            given[0] = true;
            return lines;
        };
    }

    /** Epoch seconds with a fraction, as descriptions hold times, to milliseconds. */
    private static long millis(JsonNode seconds) {
        return Math.round(seconds.doubleValue() * 1000);
    }

    private static String text(ObjectNode node, String member) {
        return node.has(member) ? node.get(member).textValue() : null;
    }

    private static void fail(ObjectNode state, String code, String message) {
        state.put("ExportStatus", Transfer.FAILED);
        state.put("FailureCode", code);
        state.put("FailureMessage", message);
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
