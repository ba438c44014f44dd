package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An action whose requests of the plain shape (see {@link io.dynabox.engine.wire.PlainRequests})
 * are read straight from their bytes, without a JSON tree and without walking the service
 * model's shapes over one: the engine tries {@link #readPlain} first, and takes the tree path
 * ({@link Operation#execute}) for every request it refuses, so answers and errors are the
 * tree path's, only sooner.
 */
public interface PlainOperation {
    /** The request read from its body; throws {@code PlainRequests.NOT_PLAIN} for any other. */
    PlainRequest readPlain(byte[] body);

    /** What {@link Operation#execute} does with the same request. */
    JsonNode executePlain(RequestContext context, PlainRequest request);

    /** A request read by {@link #readPlain}: valid by the service model's shapes. */
    interface PlainRequest {
        String tableName();
    }
}
