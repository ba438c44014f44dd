package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.wire.Json;

/**
 * DescribeEndpoints: the service's regional endpoint, cached for a day, as the service
 * answers. It names the real service's host, as the service would: clients that follow
 * endpoint discovery leave Dynabox (the AWS SDKs discover endpoints only when told to).
 */
public final class DescribeEndpoints implements Operation {
    static final long CACHE_PERIOD_MINUTES = 1440;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        ObjectNode answer = Json.object();
        answer.putArray("Endpoints").addObject()
                .put("Address", "dynamodb." + context.namespace().region() + ".amazonaws.com")
                .put("CachePeriodInMinutes", CACHE_PERIOD_MINUTES);
        return answer;
    }
}
