package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.ContributorInsights;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableGrammar;
import io.dynabox.engine.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ListContributorInsights: the tables and global indexes whose insights are on or in
 * transition (with their status and mode), of one table or of all, in table then index order, a page
 * of MaxResults (100 when not given) at a time with NextToken.
 */
public final class ListContributorInsights implements Operation {
    private static final int DEFAULT_PAGE = 100;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        long now = context.nowMillis();
        String table = TableGrammar.text(request, "TableName");
        List<Table> tables = new ArrayList<>();
        if (table != null) {
            tables.add(InsightsTargets.of(context, Json.object().put("TableName", table)).table());
        } else {
            for (Table t : context.namespace().tables(now)) if (!Table.DELETING.equals(t.status(now))) tables.add(t);
        }
        List<ObjectNode> summaries = new ArrayList<>();
        for (Table t : tables) {
            for (Map.Entry<String, ContributorInsights> e : new TreeMap<>(t.control().contributorInsights()).entrySet()) {
                // the service lists insights being turned off, not those that are off
                if (ContributorInsights.DISABLED.equals(e.getValue().statusAt(now))) continue;
                ObjectNode summary = Json.object();
                summary.put("ContributorInsightsMode", e.getValue().mode());
                summary.put("ContributorInsightsStatus", e.getValue().statusAt(now));
                if (!e.getKey().isEmpty()) summary.put("IndexName", e.getKey());
                summary.put("TableName", t.name());
                summaries.add(summary);
            }
        }
        JsonNode max = TableGrammar.present(request, "MaxResults");
        int page = max == null ? DEFAULT_PAGE : max.intValue();
        String token = TableGrammar.text(request, "NextToken");
        int start = 0;
        if (token != null) {
            try {
                start = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw DynamoException.validation("Invalid NextToken: " + token);
            }
        }
        ObjectNode answer = Json.object();
        ArrayNode list = answer.putArray("ContributorInsightsSummaries");
        int end = Math.min(summaries.size(), start + page);
        for (int i = Math.max(0, start); i < end; i++) list.add(summaries.get(i));
        if (end < summaries.size()) answer.put("NextToken", Integer.toString(end));
        return answer;
    }
}
