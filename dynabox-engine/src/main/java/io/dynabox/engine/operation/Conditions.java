package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;

/** Conditions on writes. */
final class Conditions {
    private Conditions() {}

    /** Until the expression language lands, a conditional write is refused rather than done unconditionally. */
    static void rejectUntilBuilt(JsonNode request) {
        for (String member : new String[] {"ConditionExpression", "Expected", "UpdateExpression"}) {
            if (ItemRequests.has(request, member)) {
                throw DynamoException.validation("Invalid " + member + ": not supported by Dynabox yet",
                        "conditions and update expressions come with the expression language");
            }
        }
    }
}
