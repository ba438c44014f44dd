package io.dynabox.engine.operation.transfer;

import static io.dynabox.engine.table.TableGrammar.present;
import static io.dynabox.engine.table.TableGrammar.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.transfer.Transfer;
import io.dynabox.engine.transfer.TransferArns;
import io.dynabox.engine.wire.Json;
import java.util.Comparator;
import java.util.List;

/**
 * ListExports: the namespace's exports newest first (of the table given as TableArn, else all,
 * those of deleted tables too), MaxResults at a time (10 without it), each with its ARN, status
 * and type; NextToken goes on after the last one listed. The order and the page are the
 * service's (observed in 2026); the token is {@link TransferArns#nextToken}'s.
 */
public final class ListExports implements Operation {
    static final int DEFAULT_PAGE = 10;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String tableArn = text(request, "TableArn");
        JsonNode max = present(request, "MaxResults");
        int limit = max == null ? DEFAULT_PAGE : max.intValue();
        String after = TransferArns.afterToken(text(request, "NextToken"), "export");
        long now = context.nowMillis();
        List<Transfer> matching = context.namespace().transfers().all(Transfer.Kind.EXPORT).stream()
                .filter(e -> tableArn == null || e.tableArn().equals(tableArn))
                .filter(e -> after == null || TransferArns.listingKey(e.arn()).compareTo(TransferArns.listingKey(after)) < 0)
                .sorted(Comparator.comparing((Transfer t) -> TransferArns.listingKey(t.arn())).reversed())
                .toList();
        ObjectNode answer = Json.object();
        ArrayNode summaries = answer.putArray("ExportSummaries");
        for (Transfer export : matching.subList(0, Math.min(limit, matching.size()))) {
            // a description names no type (as the service's); an incremental export has its specification
            String type = export.state().has("IncrementalExportSpecification") ? ExportTableToPointInTime.INCREMENTAL_EXPORT
                    : ExportTableToPointInTime.FULL_EXPORT;
            summaries.add(Json.object().put("ExportArn", export.arn()).put("ExportStatus", export.status(now)).put("ExportType", type));
        }
        if (matching.size() > limit) answer.put("NextToken", TransferArns.nextToken(matching.get(limit - 1).arn()));
        return answer;
    }

}
