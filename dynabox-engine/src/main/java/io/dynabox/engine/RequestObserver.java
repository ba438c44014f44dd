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

    /** Both observers, this one first. */
    default RequestObserver andThen(RequestObserver next) {
        return (namespaceId, action, tableName, errorType, nanos) -> {
            answered(namespaceId, action, tableName, errorType, nanos);
            next.answered(namespaceId, action, tableName, errorType, nanos);
        };
    }
}
