package io.dynabox.engine.operation;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.stream.Stream;

/** Look-ups the DynamoDB Streams actions share, with the service's messages. */
final class StreamRequests {
    private StreamRequests() {}

    /** The stream an ARN names in the caller's namespace. */
    static Stream stream(RequestContext context, String arn) {
        Stream stream = context.namespace().streams().find(arn, context.nowMillis());
        if (stream == null) throw DynamoException.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
        return stream;
    }
}
