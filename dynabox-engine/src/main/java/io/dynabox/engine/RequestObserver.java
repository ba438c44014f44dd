package io.dynabox.engine;

/**
 * Told about every request the engine answered, whatever its door: what metrics count.
 * Called on the request's thread once its answer is ready, so it must be quick and never throw.
 */
@FunctionalInterface
public interface RequestObserver {

    /**
     * @param namespaceId the namespace the request ran in, or null when it failed before one was known
     * @param action     the action's name, or null when the target named no action Dynabox knows
     * @param tableName  the table the request's {@code TableName} names, or null (batches, transactions, ListTables)
     * @param errorType  the error's short type (e.g. {@code ConditionalCheckFailedException}), or null on success
     * @param nanos      time from the request's arrival at the engine to its answer (durable writes included)
     */
    void answered(String namespaceId, String action, String tableName, String errorType, long nanos);

    /**
     * Everything the engine knows about an answered request; the engine calls this one, and
     * observers that want more than the metrics' part (the request log) override it.
     */
    default void answered(Answered request) {
        answered(request.namespaceId(), request.action(), request.tableName(), request.errorType(), request.nanos());
    }

    /**
     * An answered request, as {@link #answered(String, String, String, String, long)} describes its parts, and:
     *
     * @param requestId       the answer's request id ({@code x-amzn-RequestId})
     * @param requestedAction the action the target named, built or not (so also for an UnknownOperationException),
     *                        or null when the target named none
     * @param status          the answer's HTTP status
     */
    record Answered(String requestId, String namespaceId, String requestedAction, String action, String tableName,
                    int status, String errorType, long nanos) {}

    /** Both observers, this one first. */
    default RequestObserver andThen(RequestObserver next) {
        RequestObserver first = this;
        return new RequestObserver() {
            @Override
            public void answered(String namespaceId, String action, String tableName, String errorType, long nanos) {
                first.answered(namespaceId, action, tableName, errorType, nanos);
                next.answered(namespaceId, action, tableName, errorType, nanos);
            }

            @Override
            public void answered(Answered request) {
                first.answered(request);
                next.answered(request);
            }
        };
    }
}
