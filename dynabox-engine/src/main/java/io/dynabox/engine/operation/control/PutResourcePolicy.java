package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.ResourcePolicy;
import io.dynabox.engine.table.TableGrammar;
import io.dynabox.engine.table.TableLimits;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.wire.Json;
import java.nio.charset.StandardCharsets;

/**
 * PutResourcePolicy: attaches a policy document (JSON, at most 20 KB, with a Statement) to a
 * table or its stream. The same document again changes nothing and keeps its revision; a new
 * one gets a new revision id. ExpectedRevisionId guards against lost updates. Dynabox keeps
 * and returns policies; it does not enforce them (there is no IAM in Dynabox).
 */
public final class PutResourcePolicy implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String document = request.get("Policy").textValue();
        String expected = TableGrammar.text(request, "ExpectedRevisionId");
        PolicyTargets target = PolicyTargets.of(context, request.get("ResourceArn").textValue());
        checkDocument(document);
        String revision = TableLocks.write(target.table(), () -> {
            target.checkExpected(expected);
            ResourcePolicy current = target.current();
            // a document that reads the same as the one in place is no change (observed on the service in 2026)
            String canonical = PolicyDocuments.canonical(document);
            if (current != null && PolicyDocuments.canonical(current.document()).equals(canonical)) return current.revisionId();
            long id = context.nowMillis();
            if (current != null) id = Math.max(id, Long.parseLong(current.revisionId()) + 1);
            ResourcePolicy next = new ResourcePolicy(canonical, Long.toString(id));
            target.table().amendControl(c -> c.withResourcePolicy(target.slot(), next));
            return next.revisionId();
        });
        return Json.object().put("RevisionId", revision);
    }

    /** The service's texts (observed on the service in 2026); a document without any Statement member is Dynabox's own wording. */
    public static void checkDocument(String document) {
        if (document.getBytes(StandardCharsets.UTF_8).length > TableLimits.MAX_RESOURCE_POLICY_BYTES) {
            throw DynamoException.validation(TableGrammar.INVALID + "Maximum policy size of " + TableLimits.MAX_RESOURCE_POLICY_BYTES + " bytes exceeded");
        }
        JsonNode parsed;
        try {
            if (document.isBlank()) throw new IllegalArgumentException("an empty document");
            parsed = Json.MAPPER.readTree(document);
        } catch (Exception e) {
            throw DynamoException.validation(TableGrammar.INVALID + "Invalid policy document: This policy contains invalid Json",
                    e.getMessage().lines().findFirst().orElse(""));
        }
        if (parsed == null || !parsed.isObject() || !parsed.has("Statement")) {
            throw DynamoException.validation(TableGrammar.INVALID + "Invalid policy document: the policy has no Statement",
                    "the service's exact wording is not recorded; a policy is a JSON object with a Statement");
        }
        JsonNode statement = parsed.get("Statement");
        if (statement.isNull() || (statement.isContainerNode() && statement.isEmpty())) {
            throw DynamoException.validation(TableGrammar.INVALID + "Invalid policy document: Could not parse the policy: Statement is empty!");
        }
    }
}
