package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.ContributorInsights;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableGrammar;
import io.dynabox.engine.wire.Json;

/** The table (and global index) a contributor-insights action names, and how its insights are described. */
record InsightsTargets(Table table, String indexName) {

    static InsightsTargets of(RequestContext context, JsonNode request) {
        String name = context.tableName(request.get("TableName").textValue());
        Table table = context.namespace().table(name, context.nowMillis());
        // a table being deleted still answers for its insights (observed in 2026, LAB 097/455)
        if (table == null) throw DynamoException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        String index = TableGrammar.text(request, "IndexName");
        if (index != null) {
            IndexDefinition definition = table.definition().index(index);
            if (definition == null || !definition.global()) {
                throw DynamoException.resourceNotFound("Requested resource not found: Index: " + index + " not found for table: " + name);
            }
        }
        return new InsightsTargets(table, index);
    }

    String slot() {
        return indexName == null ? "" : indexName;
    }

    ContributorInsights current() {
        return table.control().contributorInsights().get(slot());
    }

    KeySchema keySchema() {
        return indexName == null ? table.definition().keySchema() : table.definition().index(indexName).keySchema();
    }

    /** DescribeContributorInsights' answer. */
    ObjectNode describe(long nowMillis) {
        ObjectNode node = Json.object();
        ContributorInsights insights = current();
        String status = insights == null ? ContributorInsights.DISABLED : insights.statusAt(nowMillis);
        if (insights != null) node.put("ContributorInsightsMode", insights.mode());
        if (insights != null && insights.enabled()) {
            ArrayNode rules = node.putArray("ContributorInsightsRuleList");
            insights.ruleNames(table.name(), indexName, keySchema().hasSort()).forEach(rules::add);
        }
        node.put("ContributorInsightsStatus", status);
        if (indexName != null) node.put("IndexName", indexName);
        if (insights != null) node.put("LastUpdateDateTime", insights.updatedAtMillis() / 1000.0);
        node.put("TableName", table.name());
        return node;
    }
}
