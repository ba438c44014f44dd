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
 * ListImports: the namespace's imports newest first (into the table given as TableArn, else
 * all), PageSize at a time (10 without it), each summarised; NextToken goes on after the last
 * one listed. The order and the page are the service's (observed in 2026); the token is
 * {@link TransferArns#nextToken}'s.
 */
public final class ListImports implements Operation {
    static final int DEFAULT_PAGE = 10;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String tableArn = text(request, "TableArn");
        JsonNode size = present(request, "PageSize");
        int limit = size == null ? DEFAULT_PAGE : size.intValue();
        String after = TransferArns.afterToken(text(request, "NextToken"), "import");
        long now = context.nowMillis();
        List<Transfer> matching = context.namespace().transfers().all(Transfer.Kind.IMPORT).stream()
                .filter(i -> tableArn == null || i.tableArn().equals(tableArn))
                .filter(i -> after == null || TransferArns.listingKey(i.arn()).compareTo(TransferArns.listingKey(after)) < 0)
                .sorted(Comparator.comparing((Transfer t) -> TransferArns.listingKey(t.arn())).reversed())
                .toList();
        ObjectNode answer = Json.object();
        ArrayNode summaries = answer.putArray("ImportSummaryList");
        for (Transfer found : matching.subList(0, Math.min(limit, matching.size()))) {
            ObjectNode description = found.description(now);
            ObjectNode summary = Json.object();
            for (String member : List.of("ImportArn", "ImportStatus", "TableArn", "S3BucketSource", "CloudWatchLogGroupArn",
                    "InputFormat", "StartTime", "EndTime")) {
                if (description.has(member)) summary.set(member, description.get(member));
            }
            summaries.add(summary);
        }
        if (matching.size() > limit) answer.put("NextToken", TransferArns.nextToken(matching.get(limit - 1).arn()));
        return answer;
    }

}
