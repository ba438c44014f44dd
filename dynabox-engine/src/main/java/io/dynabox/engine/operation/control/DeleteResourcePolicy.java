package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.ResourcePolicy;
import io.dynabox.engine.table.TableGrammar;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.wire.Json;

/**
 * DeleteResourcePolicy: removes the policy of a table or its stream, guarded by ExpectedRevisionId;
 * answers the removed revision, or nothing when there was no policy (the service's delete is idempotent).
 */
public final class DeleteResourcePolicy implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String expected = TableGrammar.text(request, "ExpectedRevisionId");
        PolicyTargets target = PolicyTargets.of(context, request.get("ResourceArn").textValue(), true);
        String revision = TableLocks.write(target.table(), () -> {
            ResourcePolicy current = target.current();
            target.checkExpected(expected);
            // deleting no policy succeeds with an empty answer, so that a clean-up can run twice
            if (current == null) return null;
            target.table().amendControl(c -> c.withResourcePolicy(target.slot(), null));
            return current.revisionId();
        });
        return revision == null ? Json.object() : Json.object().put("RevisionId", revision);
    }
}
