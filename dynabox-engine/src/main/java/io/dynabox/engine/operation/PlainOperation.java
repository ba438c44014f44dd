package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.wire.PlainRequests;

/**
 * An action whose requests of the plain shape (see {@link io.dynabox.engine.wire.PlainRequests})
 * are read straight from their bytes, without a JSON tree and without walking the service
 * model's shapes over one: the engine reads the body into {@link #newPlainRequest} first, and
 * takes the tree path ({@link Operation#execute}) for every request it refuses, so answers and
 * errors are the tree path's, only sooner.
 */
public interface PlainOperation {
    /** An empty request for {@link PlainRequests#read} to fill. */
    PlainRequest newPlainRequest();

    /** A request read by {@link PlainRequests#read}: valid by the service model's shapes. */
    interface PlainRequest extends PlainRequests.MemberReader {
        String tableName();

        /** What {@link Operation#execute} does with the same request. */
        JsonNode execute(RequestContext context);
    }
}
