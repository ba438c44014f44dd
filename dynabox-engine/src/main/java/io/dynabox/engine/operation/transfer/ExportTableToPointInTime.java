package io.dynabox.engine.operation.transfer;

import static io.dynabox.engine.table.TableGrammar.present;
import static io.dynabox.engine.table.TableGrammar.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.ContinuousBackups;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableGrammar;
import io.dynabox.engine.transfer.Exporter;
import io.dynabox.engine.transfer.Transfer;
import io.dynabox.engine.transfer.TransferArns;
import io.dynabox.engine.transfer.Transfers;
import io.dynabox.engine.wire.Json;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * ExportTableToPointInTime: the table as it was at ExportTime (a full export, from
 * point-in-time recovery, so the table must have it on), or what changed between ExportFromTime
 * and ExportToTime (an incremental export, from the same recovery log), written to the bucket in
 * the service's layout. The request answers IN_PROGRESS at once; the files are written off the
 * request thread ({@link io.dynabox.engine.transfer.TransferJobs}), and the export shows IN_PROGRESS
 * until they are and {@code --delay-transient-statuses} has passed. A bucket that
 * does not exist, or a bucket owner that is not the caller, is accepted and the export FAILS, as in
 * the service. A ClientToken makes the request idempotent for eight hours.
 */
public final class ExportTableToPointInTime implements Operation {
    public static final String FULL_EXPORT = "FULL_EXPORT";
    public static final String INCREMENTAL_EXPORT = "INCREMENTAL_EXPORT";
    /** The encryption S3 gives every new object unless asked for another (SSE-S3, since 2023). */
    public static final String S3_DEFAULT_ENCRYPTION = "AES256";
    private static final long MIN_INCREMENTAL_MILLIS = 15 * 60_000L;
    private static final long MAX_INCREMENTAL_MILLIS = 24 * 3_600_000L;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        long now = context.nowMillis();
        String tableArn = text(request, "TableArn");
        // the service's words (observed in 2026): a TableArn must be an ARN, where the other actions take a name too
        if (!tableArn.startsWith("arn:")) throw DynamoException.validation(TableGrammar.INVALID + "tableArn is not a valid ARN");
        if (tableArn.matches("arn:[^:]*:dynamodb:[^:]*:[^:]*:table/[^/]+/.*")) throw DynamoException.validation("Invalid Request: Table ARN is invalid.");
        checkExportType(text(request, "ExportType"), present(request, "IncrementalExportSpecification"));
        checkEncryption(text(request, "S3SseAlgorithm"), text(request, "S3SseKmsKeyId"));
        String name = context.tableName(tableArn);
        Table table = context.namespace().table(name, now);
        if (table == null || Table.DELETING.equals(table.status(now)) || !tableArn.equals(table.definition().arn()) && tableArn.startsWith("arn:")) {
            throw new DynamoException(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + tableArn);
        }
        Transfers transfers = context.namespace().transfers();
        String token = text(request, "ClientToken");
        String requestKey = Transfers.requestKey(request);
        if (token != null) {
            Transfer earlier = transfers.byClientToken(Transfer.Kind.EXPORT, token, now);
            if (earlier != null) {
                if (!earlier.requestKey().equals(requestKey)) {
                    throw new DynamoException(ErrorCode.EXPORT_CONFLICT, "Export conflict: Duplicate request detected with conflicting parameters",
                            "the ClientToken " + token + " named the export " + earlier.arn() + " with other parameters in the last 8 hours");
                }
                return Json.object().set("ExportDescription", earlier.description(now));
            }
        }
        ContinuousBackups recovery = table.control().continuousBackups();
        if (recovery == null || !recovery.enabled()) {
            throw new DynamoException(ErrorCode.POINT_IN_TIME_RECOVERY_UNAVAILABLE,
                    "Point in time recovery is not enabled for table '" + name + "'");
        }
        String type = text(request, "ExportType");
        boolean incremental = INCREMENTAL_EXPORT.equals(type);
        long earliest = recovery.earliestRestorableMillis(now);
        Exporter.Window window = incremental ? incrementalWindow(request, earliest, now) : null;
        long exportTime = incremental ? -1 : exportTime(request, earliest, now);

        String format = text(request, "ExportFormat");
        String bucket = text(request, "S3Bucket");
        String owner = text(request, "S3BucketOwner");
        String prefix = text(request, "S3Prefix");
        String id = TransferArns.newId(now);
        String arn = table.definition().arn() + "/export/" + id;
        ObjectNode description = Json.object();
        description.put("ExportArn", arn);
        description.put("ExportStatus", Transfer.IN_PROGRESS);
        description.put("StartTime", now / 1000.0);
        description.put("TableArn", table.definition().arn());
        description.put("TableId", table.definition().tableId());
        if (!incremental) description.put("ExportTime", exportTime / 1000.0);
        description.put("ClientToken", token != null ? token : TransferArns.newClientToken());
        description.put("S3Bucket", bucket);
        if (owner != null) description.put("S3BucketOwner", owner);
        if (prefix != null) description.put("S3Prefix", prefix);
        // the service fills in S3's own default encryption and never names the export type (observed in 2026, LAB EXPORT-017)
        String algorithm = text(request, "S3SseAlgorithm");
        description.put("S3SseAlgorithm", algorithm == null ? S3_DEFAULT_ENCRYPTION : algorithm);
        if (text(request, "S3SseKmsKeyId") != null) description.put("S3SseKmsKeyId", text(request, "S3SseKmsKeyId"));
        description.put("ExportFormat", format == null ? "DYNAMODB_JSON" : format);
        if (incremental) description.set("IncrementalExportSpecification", window.describe());

        long settledAt = context.settlesAt(now);
        Transfer export = new Transfer(Transfer.Kind.EXPORT, arn, description.get("ClientToken").textValue(), table.definition().arn(),
                requestKey, now, settledAt, description);
        transfers.add(export);
        transfers.jobs().start(context.namespace(), export);
        return Json.object().set("ExportDescription", export.started());
    }

    private static long exportTime(JsonNode request, long earliest, long now) {
        JsonNode given = present(request, "ExportTime");
        // the export's start, to the millisecond, as the service answers (observed in 2026, LAB EXPORT-017)
        if (given == null) return Math.max(earliest, now);
        long at = millis(given);
        if (at < earliest || at > now) {
            throw new DynamoException(ErrorCode.INVALID_EXPORT_TIME, "Export Time is invalid",
                    "the point in time recovery window is " + Instant.ofEpochMilli(earliest) + " to now ("
                            + Instant.ofEpochMilli(now) + "); the request asked for " + Instant.ofEpochMilli(at));
        }
        return at;
    }

    /** The export type and the incremental specification go together, in the service's words (observed in 2026). */
    private static void checkExportType(String type, JsonNode incremental) {
        if (incremental == null) return;
        if (type == null) {
            throw DynamoException.validation("Invalid Request: Export Type expected to be Incremental Export when incremental export specification is provided");
        }
        if (FULL_EXPORT.equals(type)) {
            throw DynamoException.validation("Invalid Request: When Export Type is Full Export , Incremental Export Specification should not be provided");
        }
    }

    /** A KMS key goes with KMS encryption only, in the service's words (observed in 2026). */
    private static void checkEncryption(String algorithm, String kmsKeyId) {
        if (kmsKeyId != null && !"KMS".equals(algorithm)) {
            throw DynamoException.validation("Invalid Request: KMS Key Id is not supported for this encryption type");
        }
    }

    private static Exporter.Window incrementalWindow(JsonNode request, long earliest, long now) {
        JsonNode spec = present(request, "IncrementalExportSpecification");
        if (spec == null) {
            throw DynamoException.validation("Invalid Request: Incremental Export Specification expected when export type is set as Incremental Export");
        }
        JsonNode fromNode = present(spec, "ExportFromTime");
        if (fromNode == null) {
            throw DynamoException.validation("Invalid Request: ExportFromTime must be provided in IncrementalExportSpecification");
        }
        if (present(request, "ExportTime") != null) {
            throw DynamoException.validation("ExportTime can not be used with INCREMENTAL_EXPORT",
                    "the service's exact wording is not recorded; an incremental export's period is IncrementalExportSpecification's");
        }
        long from = millis(fromNode);
        JsonNode toNode = present(spec, "ExportToTime");
        long to = toNode == null ? now : millis(toNode);
        String view = text(spec, "ExportViewType");
        // in the service's order and words (observed in 2026): the start, then the end, then the length
        if (from < earliest || from > to) {
            throw new DynamoException(ErrorCode.INVALID_EXPORT_TIME, "Incremental export period from time cannot be less than the table creation time : "
                    + Instant.ofEpochMilli(from).truncatedTo(ChronoUnit.SECONDS), "point in time recovery reaches back to " + Instant.ofEpochMilli(earliest));
        }
        if (to > now) {
            throw new DynamoException(ErrorCode.INVALID_EXPORT_TIME, "Incremental export period to time cannot be greater than the current time : "
                    + Instant.ofEpochMilli(to).truncatedTo(ChronoUnit.SECONDS));
        }
        if (to - from < MIN_INCREMENTAL_MILLIS) {
            throw new DynamoException(ErrorCode.INVALID_EXPORT_TIME,
                    "Difference between export period from time and export period to time is less than 15 minutes",
                    "the period asked for is " + Instant.ofEpochMilli(from) + " to " + Instant.ofEpochMilli(to));
        }
        if (to - from > MAX_INCREMENTAL_MILLIS) {
            throw new DynamoException(ErrorCode.INVALID_EXPORT_TIME,
                    "Difference between export period start time and end time should not be greater than 24 hours",
                    "the service's exact wording past its first words is not recorded; the period asked for is "
                            + Instant.ofEpochMilli(from) + " to " + Instant.ofEpochMilli(to));
        }
        return new Exporter.Window(from, to, view == null ? Exporter.Window.NEW_AND_OLD_IMAGES : view);
    }

    /** Epoch seconds (with a fraction) as the SDKs send a timestamp, to milliseconds. */
    private static long millis(JsonNode seconds) {
        return seconds.decimalValue().movePointRight(3).setScale(0, RoundingMode.FLOOR).longValue();
    }
}
