package io.dynabox.engine.simulation;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import java.util.Arrays;
import java.util.List;

/** The errors a fault rule can answer with, each with the service's type, status and message. */
public enum InjectedError {
    InternalServerError(ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error"),
    ServiceUnavailable(ErrorCode.SERVICE_UNAVAILABLE, "Service unavailable"),
    RequestLimitExceeded(ErrorCode.REQUEST_LIMIT_EXCEEDED,
            "Throughput exceeds the current throughput quota for your account. Please contact AWS Support at https://aws.amazon.com/support request a quota increase"),
    ThrottlingException(ErrorCode.THROTTLING, "Rate of requests exceeds the allowed throughput."),
    ProvisionedThroughputExceededException(ErrorCode.PROVISIONED_THROUGHPUT_EXCEEDED, Throttle.PROVISIONED_TABLE_MESSAGE),
    TransactionConflictException(ErrorCode.TRANSACTION_CONFLICT, "Transaction is ongoing for the item"),
    LimitExceededException(ErrorCode.LIMIT_EXCEEDED, "Too many operations for a given subscriber"),
    ItemCollectionSizeLimitExceededException(ErrorCode.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED, "Item collection size limit exceeded");

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

    public DynamoException exception(String ruleId) {
        return new DynamoException(code, message, "injected by fault rule " + ruleId);
    }
}
