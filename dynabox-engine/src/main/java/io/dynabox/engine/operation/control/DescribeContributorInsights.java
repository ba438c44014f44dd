package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;

/** DescribeContributorInsights: the status, mode, rules and last change of a table's or global index's insights. */
public final class DescribeContributorInsights implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        return InsightsTargets.of(context, request).describe(context.nowMillis());
    }
}
