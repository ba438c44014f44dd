package io.dynabox.engine.operation.control;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.ResourcePolicy;
import io.dynabox.engine.table.Table;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource a resource-policy action names: a table ({@code arn:aws:dynamodb:R:A:table/NAME})
 * or one of its streams ({@code .../stream/LABEL}), each with a policy slot of its own. Other
 * DynamoDB ARNs (indexes, backups) are refused as the service refuses them.
 */
record PolicyTargets(Table table, String slot, String arn) {
    private static final Pattern ARN = Pattern.compile("arn:aws:dynamodb:([^:]+):(\\d{12}):table/([a-zA-Z0-9_.-]{3,255})(/stream/([^/]+))?");
    static final String NOT_FOUND = "Resource-based policy not found for the provided ResourceArn: ";

    /** The table or stream {@code arn} names; one being deleted still shows its policy, and refuses a change ({@code forChange}). */
    static PolicyTargets of(RequestContext context, String arn, boolean forChange) {
        ResourceArns.checkDynamoDbResource(arn);
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) {
            throw DynamoException.validation("One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: " + arn);
        }
        String name = m.group(3);
        Namespace namespace = context.namespace();
        if (!m.group(2).equals(Namespace.ACCOUNT_ID)) {
            throw new DynamoException(ErrorCode.ACCESS_DENIED, "This action is only supported by accounts that match the resource owner’s account.",
                    "the ARN names account " + m.group(2) + ", and Dynabox's tables are account " + Namespace.ACCOUNT_ID + "'s");
        }
        if (!m.group(1).equals(namespace.region())) {
            throw new DynamoException(ErrorCode.VALIDATION, "One or more parameter values were invalid: Invalid resource Arn: " + arn,
                    context.otherRegion(m.group(1)));
        }
        Table table = namespace.table(name, context.nowMillis());
        if (table == null) throw DynamoException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        if (forChange && Table.DELETING.equals(table.status(context.nowMillis()))) {
            // the service's words while the table is being deleted (observed in 2026, LAB 236/122/374)
            throw DynamoException.resourceInUse("Attempt to change a resource which is still in use: Table is being deleted: " + name);
        }
        String label = m.group(5);
        if (label != null && !label.equals(table.definition().latestStreamLabel())) {
            // the service's words (observed in 2026, LAB 446)
            throw new DynamoException(ErrorCode.RESOURCE_NOT_FOUND, "Requested resource not found: Stream: " + label + " not found for Table: " + name,
                    "the table's stream is " + table.definition().latestStreamLabel());
        }
        return new PolicyTargets(table, label == null ? "" : label, arn);
    }

    ResourcePolicy current() {
        return table.control().resourcePolicies().get(slot);
    }

    /** ExpectedRevisionId against the policy in place, in the service's words ("NO_POLICY": none may be there). */
    void checkExpected(String expected) {
        if (expected == null) return;
        ResourcePolicy current = current();
        if ("NO_POLICY".equals(expected)) {
            if (current != null) {
                throw new DynamoException(ErrorCode.POLICY_NOT_FOUND, NOT_FOUND + "Requested policy update expecting none to be present for table "
                        + table.name() + ", but a policy exists with revision id " + current.revisionId() + ".");
            }
            return;
        }
        if (current == null) throw new DynamoException(ErrorCode.POLICY_NOT_FOUND, NOT_FOUND + arn);
        if (!current.revisionId().equals(expected)) {
            throw new DynamoException(ErrorCode.POLICY_NOT_FOUND, NOT_FOUND + "Requested update for policy with revision id " + expected
                    + ", but the policy associated to target table " + table.name() + " has revision id " + current.revisionId() + ".");
        }
    }
}
