package io.dynabox.engine.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.wire.Json;
import java.util.List;

/**
 * One export or import as DescribeExport / DescribeImport show it. The request that starts a
 * job keeps it IN_PROGRESS ({@code state} names that status) and hands the work to
 * {@link TransferJobs}, which replaces the job with its finished form: COMPLETED or FAILED,
 * with counts, sizes, manifest and end time. A finished job is still shown IN_PROGRESS, without
 * the members only a finished job has, until {@code settledAtMillis} (the request's time plus
 * {@code --delay-transient-statuses}, by the engine's clock), as the service shows a job in flight.
 *
 * @param kind            export or import
 * @param arn             the job's ARN (the table's ARN, {@code /export/} or {@code /import/}, an id)
 * @param clientToken     the request's ClientToken, or the one Dynabox made for it
 * @param tableArn        the exported table, or the table the import made
 * @param requestKey      the request without its ClientToken, to tell a retry from a conflicting request
 * @param startMillis     when the request came, by the engine's clock
 * @param settledAtMillis the earliest time the job shows its final status
 * @param state           the description: IN_PROGRESS while the job runs, its final form once done
 */
public record Transfer(Kind kind, String arn, String clientToken, String tableArn, String requestKey, long startMillis,
                       long settledAtMillis, ObjectNode state) {

    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    /** The two kinds of job, with the members their descriptions name status by and the ones only a finished job shows. */
    public enum Kind {
        EXPORT("export", "ExportStatus", List.of("EndTime", "ExportManifest", "ItemCount", "BilledSizeBytes", "FailureCode", "FailureMessage")),
        IMPORT("import", "ImportStatus", List.of("EndTime", "ImportedItemCount", "ProcessedItemCount", "ProcessedSizeBytes",
                "ErrorCount", "FailureCode", "FailureMessage"));

        final String word;
        final String statusMember;
        final List<String> finishedMembers;

        Kind(String word, String statusMember, List<String> finishedMembers) {
            this.word = word;
            this.statusMember = statusMember;
            this.finishedMembers = finishedMembers;
        }
    }

    /** Whether the job's work is still to be done (or being done). */
    public boolean running() {
        return IN_PROGRESS.equals(state.get(kind.statusMember).textValue());
    }

    /** The same job in a new state (its work done, or failed). */
    public Transfer withState(ObjectNode newState) {
        return new Transfer(kind, arn, clientToken, tableArn, requestKey, startMillis, settledAtMillis, newState);
    }

    /** The description at {@code nowMillis}: the final one once done and settled, else IN_PROGRESS. */
    public ObjectNode description(long nowMillis) {
        ObjectNode shown = state.deepCopy();
        if (!running() && nowMillis >= settledAtMillis) return shown;
        shown.put(kind.statusMember, IN_PROGRESS);
        shown.remove(kind.finishedMembers);
        return shown;
    }

    /** The description as the starting request answers it: always IN_PROGRESS, as the service answers. */
    public ObjectNode started() {
        return description(Long.MIN_VALUE);
    }

    public String status(long nowMillis) {
        return description(nowMillis).get(kind.statusMember).textValue();
    }

    /** The form a store keeps. */
    byte[] document() {
        ObjectNode node = Json.object()
                .put("kind", kind.name()).put("arn", arn).put("clientToken", clientToken).put("tableArn", tableArn)
                .put("requestKey", requestKey).put("startMillis", startMillis).put("settledAtMillis", settledAtMillis);
        // kept under the member name of earlier versions, so their files read as they are
        node.set("finished", state);
        return Json.write(node);
    }

    static Transfer read(byte[] document) {
        JsonNode node;
        try {
            node = Json.parse(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a kept export or import description is not JSON", e);
        }
        return new Transfer(Kind.valueOf(node.get("kind").textValue()), node.get("arn").textValue(),
                node.get("clientToken").textValue(), node.get("tableArn").textValue(), node.get("requestKey").textValue(),
                node.get("startMillis").longValue(), node.get("settledAtMillis").longValue(), (ObjectNode) node.get("finished"));
    }
}
