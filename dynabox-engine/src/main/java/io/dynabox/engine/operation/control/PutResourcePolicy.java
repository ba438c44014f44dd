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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
        PolicyTargets target = PolicyTargets.of(context, request.get("ResourceArn").textValue(), true);
        checkDocument(document, !target.slot().isEmpty());
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
    public static void checkDocument(String document, boolean forStream) {
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
        if (parsed == null || parsed.isNull()) {
            throw DynamoException.validation(TableGrammar.INVALID + "Invalid policy document: This text appears not to be a policy");
        }
        if (!parsed.isObject()) throw DynamoException.validation(TableGrammar.INVALID + "Invalid policy document: This policy contains invalid Json");
        if (!parsed.has("Statement")) {
            throw DynamoException.validation(TableGrammar.INVALID + "Invalid policy document: the policy has no Statement",
                    "the service answers with a syntax error at a position of its parser; a policy is a JSON object with a Statement");
        }
        JsonNode statement = parsed.get("Statement");
        if (statement.isNull() || (statement.isContainerNode() && statement.isEmpty())) {
            throw DynamoException.validation(TableGrammar.INVALID + "Invalid policy document: Could not parse the policy: Statement is empty!");
        }
        checkStatements(statement.isArray() ? statement : Json.MAPPER.createArrayNode().add(statement), forStream);
    }

    /**
     * The statements' rules the service applies, in its words (observed in 2026, LAB 356/211/457; the stream-action text
     * also in aws-cdk's pull requests): each has an Effect and a Resource, Sids are unique, a table's policy names no
     * stream action, and an Allow to everyone without a condition is refused.
     */
    private static void checkStatements(JsonNode statements, boolean forStream) {
        Set<String> sids = new HashSet<>();
        List<String> streamActions = new ArrayList<>();
        for (JsonNode statement : statements) {
            if (!statement.has("Effect")) throw DynamoException.validation(TableGrammar.INVALID + "Invalid policy document: Missing required field Effect");
            if (!statement.has("Resource") && !statement.has("NotResource")) {
                throw DynamoException.validation(TableGrammar.INVALID + "Invalid policy document: Missing required field Resource");
            }
            if (statement.hasNonNull("Sid") && !sids.add(statement.get("Sid").asText())) {
                throw DynamoException.validation(TableGrammar.INVALID + "Invalid policy document: The Statement Ids in the policy are not unique");
            }
            for (JsonNode action : each(statement.get("Action"))) {
                if (!forStream && STREAM_ACTIONS.contains(action.asText().toLowerCase(Locale.ROOT))) streamActions.add('"' + action.asText() + '"');
            }
            if ("Allow".equals(statement.path("Effect").asText()) && !statement.has("Condition") && everyone(statement.get("Principal"))) {
                throw DynamoException.validation("Resource-based policy grants unbounded access in one or more elements. "
                        + "Please revise the policy to ensure least-privilege form of access");
            }
        }
        if (!streamActions.isEmpty()) {
            throw DynamoException.validation(TableGrammar.INVALID + "Invalid policy document: The following action names are invalid: "
                    + String.join(", ", streamActions));
        }
    }

    private static final Set<String> STREAM_ACTIONS = Set.of(
            "dynamodb:describestream", "dynamodb:getrecords", "dynamodb:getsharditerator");

    private static Iterable<JsonNode> each(JsonNode node) {
        if (node == null) return List.of();
        return node.isArray() ? node : List.of(node);
    }

    /** A principal of everyone: "*" or {"AWS": "*"}. */
    private static boolean everyone(JsonNode principal) {
        if (principal == null) return false;
        if (principal.isTextual()) return principal.asText().equals("*");
        for (JsonNode aws : each(principal.get("AWS"))) if (aws.asText().equals("*")) return true;
        return false;
    }
}
