package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.ResourcePolicy;
import io.dynabox.engine.wire.Json;

/** GetResourcePolicy: the policy document of a table or its stream, in the service's canonical form, with its revision id. */
public final class GetResourcePolicy implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        PolicyTargets target = PolicyTargets.of(context, request.get("ResourceArn").textValue(), false);
        ResourcePolicy policy = target.current();
        if (policy == null) throw new DynamoException(ErrorCode.POLICY_NOT_FOUND, PolicyTargets.NOT_FOUND + target.arn());
        return Json.object().put("Policy", PolicyDocuments.asRead(policy.document())).put("RevisionId", policy.revisionId());
    }
}
