package io.dynabox.engine.error;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answered to the client. {@code message} is the service's exact text;
 * {@code explanation}, when present, is Dynabox's own help, appended to the message
 * unless strict messages are asked for.
 */
public class DynamoException extends RuntimeException {
    private final ErrorCode code;
    private final String explanation;
    private final transient ObjectNode extraMembers;

    public DynamoException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public DynamoException(ErrorCode code, String message, String explanation) {
        this(code, message, explanation, null);
    }

    public DynamoException(ErrorCode code, String message, String explanation, ObjectNode extraMembers) {
        super(message, null, false, false);
        this.code = code;
        this.explanation = explanation;
        this.extraMembers = extraMembers;
    }

    public ErrorCode code() {
        return code;
    }

    public String explanation() {
        return explanation;
    }

    /** Members the service adds to this error's body, such as {@code Item} or {@code CancellationReasons}. */
    public ObjectNode extraMembers() {
        return extraMembers;
    }

    public static DynamoException validation(String message) {
        return new DynamoException(ErrorCode.VALIDATION, message);
    }

    public static DynamoException validation(String message, String explanation) {
        return new DynamoException(ErrorCode.VALIDATION, message, explanation);
    }

    public static DynamoException resourceNotFound(String message) {
        return new DynamoException(ErrorCode.RESOURCE_NOT_FOUND, message);
    }

    public static DynamoException resourceInUse(String message) {
        return new DynamoException(ErrorCode.RESOURCE_IN_USE, message);
    }

    public static DynamoException serialization(String message) {
        return new DynamoException(ErrorCode.SERIALIZATION, message);
    }
}
