package io.dynabox.engine.operation.transfer;

import static io.dynabox.engine.table.TableGrammar.present;
import static io.dynabox.engine.table.TableGrammar.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.transfer.Transfer;
import io.dynabox.engine.transfer.TransferArns;
import io.dynabox.engine.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.List;

/**
 * ListImports: the namespace's imports newest first (into the table given as TableArn, else
 * all), PageSize at a time (10 without it), each summarised; NextToken goes on after the last
 * one listed. The order and the page are the service's (observed in 2026). The token is hex in
 * blocks of 16 digits, at least 112, as the model's pattern asks.
 */
public final class ListImports implements Operation {
    static final int DEFAULT_PAGE = 10;
    private static final int MIN_TOKEN_DIGITS = 112;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String tableArn = text(request, "TableArn");
        JsonNode size = present(request, "PageSize");
        int limit = size == null ? DEFAULT_PAGE : size.intValue();
        String after = after(text(request, "NextToken"));
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
        if (matching.size() > limit) answer.put("NextToken", token(matching.get(limit - 1).arn()));
        return answer;
    }

    private static String token(String lastArn) {
        StringBuilder hex = new StringBuilder(HexFormat.of().formatHex(lastArn.getBytes(StandardCharsets.UTF_8)));
        while (hex.length() % 16 != 0 || hex.length() < MIN_TOKEN_DIGITS) hex.append("00");
        return hex.toString();
    }

    private static String after(String token) {
        if (token == null) return null;
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(token);
        } catch (IllegalArgumentException e) {
            throw DynamoException.validation("Invalid NextToken", "a NextToken is what a ListImports answer gave");
        }
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) end--;
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
