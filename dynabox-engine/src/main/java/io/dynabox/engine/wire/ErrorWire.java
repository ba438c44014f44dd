package io.dynabox.engine.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;

/** The one place that turns an error into the service's wire shape: {@code __type} and the message member. */
public final class ErrorWire {
    /** Marks where the service's text ends and Dynabox's explanation begins. */
    public static final String EXPLANATION_PREFIX = " [Dynabox: ";

    private ErrorWire() {}

    public static byte[] body(DynamoException error, boolean strictMessages) {
        ObjectNode body = Json.object();
        body.put("__type", error.code().wireType);
        String message = error.getMessage();
        boolean explained = !strictMessages && error.explanation() != null;
        if (message != null) {
            if (explained) message = message + EXPLANATION_PREFIX + error.explanation() + "]";
            body.put(error.code().messageMember, message);
        } else if (explained) {
            // the service sends some errors (bad JSON, unknown operation) with no message at all; Dynabox's note stands alone
            body.put(error.code().messageMember, EXPLANATION_PREFIX.substring(1) + error.explanation() + "]");
        }
        if (error.extraMembers() != null) body.setAll(error.extraMembers());
        return Json.write(body);
    }
}
