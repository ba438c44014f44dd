package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One DynamoDB action. The request has passed the service model's shape validation; the
 * action makes its own checks, in the service's order, and returns the response body or
 * throws a {@link io.dynabox.engine.error.DynamoException}.
 */
public interface Operation {
    JsonNode execute(RequestContext context, JsonNode request);
}
