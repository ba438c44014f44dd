package io.dynabox.engine.simulation;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The errors a fault rule can answer with, each with the service's type, status and message. */
public enum InjectedError {
    InternalServerError(ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error"),
    ServiceUnavailable(ErrorCode.SERVICE_UNAVAILABLE, "Service unavailable"),
    /** The simulated account quota's text, the one users quote from the service ("limit", not the API documentation's "quota"). */
    RequestLimitExceeded(ErrorCode.REQUEST_LIMIT_EXCEEDED, Throttle.ACCOUNT_LIMIT_MESSAGE),
    /** The control plane's text; an item action's (the data plane's) is the on-demand table's, {@link Throttle#ON_DEMAND_MESSAGE}. */
    ThrottlingException(ErrorCode.THROTTLING, "Rate of requests exceeds the allowed throughput."),
    ProvisionedThroughputExceededException(ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED, Throttle.PROVISIONED_TABLE_MESSAGE),
    TransactionConflictException(ErrorCode.TRANSACTION_CONFLICT, "Transaction is ongoing for the item"),
    LimitExceededException(ErrorCode.LIMIT_EXCEEDED, "Too many operations for a given subscriber"),
    ItemCollectionSizeLimitExceededException(ErrorCode.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED, "Item collection size limit exceeded");

    /** The actions that read and write items: a ThrottlingException there is the on-demand table's. */
    private static final Set<String> DATA_PLANE = Set.of("GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem",
            "BatchWriteItem", "TransactGetItems", "TransactWriteItems", "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction");

    private final ErrorCode code;
    private final String message;

    InjectedError(ErrorCode code, String message) {
        this.code = code;
        this.message = message;
    }

    /** @throws IllegalArgumentException naming the errors there are */
    public static InjectedError named(String name) {
        for (InjectedError error : values()) {
            if (error.name().equals(name)) return error;
        }
        List<String> known = Arrays.stream(values()).map(Enum::name).toList();
        throw new IllegalArgumentException("unknown error '" + name + "'; a fault rule answers one of " + known);
    }

    /** The error answering {@code action}, as fault rule {@code ruleId} injects it. */
    public DynamoException exception(String ruleId, String action) {
        String text = this == ThrottlingException && DATA_PLANE.contains(action) ? Throttle.ON_DEMAND_MESSAGE : message;
        return new DynamoException(code, text, "injected by fault rule " + ruleId);
    }
}
