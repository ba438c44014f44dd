package io.dynabox.engine.error;

/**
 * The errors Dynabox answers with: the service's {@code __type} (namespace and name), the
 * HTTP status, and whether the service spells the message member {@code message} or
 * {@code Message} for it.
 */
public enum ErrorCode {
    VALIDATION("com.amazon.coral.validate#ValidationException", 400, "message"),
    SERIALIZATION("com.amazon.coral.service#SerializationException", 400, "Message"),
    UNKNOWN_OPERATION("com.amazon.coral.service#UnknownOperationException", 400, "message"),
    MISSING_AUTHENTICATION_TOKEN("com.amazon.coral.service#MissingAuthenticationTokenException", 400, "message"),
    INCOMPLETE_SIGNATURE("com.amazon.coral.service#IncompleteSignatureException", 400, "message"),
    INVALID_SIGNATURE("com.amazon.coral.service#InvalidSignatureException", 400, "message"),
    UNRECOGNIZED_CLIENT("com.amazon.coral.service#UnrecognizedClientException", 400, "message"),
    ACCESS_DENIED("com.amazon.coral.service#AccessDeniedException", 400, "Message"),
    REQUEST_TOO_LARGE("com.amazon.coral.service#RequestEntityTooLargeException", 413, "message"),
    RESOURCE_NOT_FOUND("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", 400, "message"),
    RESOURCE_IN_USE("com.amazonaws.dynamodb.v20120810#ResourceInUseException", 400, "message"),
    LIMIT_EXCEEDED("com.amazonaws.dynamodb.v20120810#LimitExceededException", 400, "message"),
    CONDITIONAL_CHECK_FAILED("com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", 400, "message"),
    TRANSACTION_CANCELED("com.amazonaws.dynamodb.v20120810#TransactionCanceledException", 400, "Message"),
    TRANSACTION_CONFLICT("com.amazonaws.dynamodb.v20120810#TransactionConflictException", 400, "message"),
    TRANSACTION_IN_PROGRESS("com.amazonaws.dynamodb.v20120810#TransactionInProgressException", 400, "Message"),
    IDEMPOTENT_PARAMETER_MISMATCH("com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException", 400, "Message"),
    ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED("com.amazonaws.dynamodb.v20120810#ItemCollectionSizeLimitExceededException", 400, "message"),
    PROVISIONED_THROUGHPUT_EXCEEDED("com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", 400, "message"),
    THROTTLING("com.amazon.coral.availability#ThrottlingException", 400, "message"),
    SERVICE_UNAVAILABLE("com.amazon.coral.availability#ServiceUnavailableException", 503, "message"),
    REQUEST_LIMIT_EXCEEDED("com.amazonaws.dynamodb.v20120810#RequestLimitExceeded", 400, "message"),
    DUPLICATE_ITEM("com.amazonaws.dynamodb.v20120810#DuplicateItemException", 400, "message"),
    BACKUP_NOT_FOUND("com.amazonaws.dynamodb.v20120810#BackupNotFoundException", 400, "message"),
    BACKUP_IN_USE("com.amazonaws.dynamodb.v20120810#BackupInUseException", 400, "message"),
    TABLE_NOT_FOUND("com.amazonaws.dynamodb.v20120810#TableNotFoundException", 400, "message"),
    TABLE_ALREADY_EXISTS("com.amazonaws.dynamodb.v20120810#TableAlreadyExistsException", 400, "message"),
    TABLE_IN_USE("com.amazonaws.dynamodb.v20120810#TableInUseException", 400, "message"),
    GLOBAL_TABLE_ALREADY_EXISTS("com.amazonaws.dynamodb.v20120810#GlobalTableAlreadyExistsException", 400, "message"),
    GLOBAL_TABLE_NOT_FOUND("com.amazonaws.dynamodb.v20120810#GlobalTableNotFoundException", 400, "message"),
    REPLICA_ALREADY_EXISTS("com.amazonaws.dynamodb.v20120810#ReplicaAlreadyExistsException", 400, "message"),
    REPLICA_NOT_FOUND("com.amazonaws.dynamodb.v20120810#ReplicaNotFoundException", 400, "message"),
    INDEX_NOT_FOUND("com.amazonaws.dynamodb.v20120810#IndexNotFoundException", 400, "message"),
    CONTINUOUS_BACKUPS_UNAVAILABLE("com.amazonaws.dynamodb.v20120810#ContinuousBackupsUnavailableException", 400, "message"),
    POINT_IN_TIME_RECOVERY_UNAVAILABLE("com.amazonaws.dynamodb.v20120810#PointInTimeRecoveryUnavailableException", 400, "message"),
    INVALID_RESTORE_TIME("com.amazonaws.dynamodb.v20120810#InvalidRestoreTimeException", 400, "message"),
    INVALID_EXPORT_TIME("com.amazonaws.dynamodb.v20120810#InvalidExportTimeException", 400, "message"),
    EXPORT_CONFLICT("com.amazonaws.dynamodb.v20120810#ExportConflictException", 400, "message"),
    EXPORT_NOT_FOUND("com.amazonaws.dynamodb.v20120810#ExportNotFoundException", 400, "message"),
    IMPORT_CONFLICT("com.amazonaws.dynamodb.v20120810#ImportConflictException", 400, "message"),
    IMPORT_NOT_FOUND("com.amazonaws.dynamodb.v20120810#ImportNotFoundException", 400, "message"),
    POLICY_NOT_FOUND("com.amazonaws.dynamodb.v20120810#PolicyNotFoundException", 400, "message"),
    EXPIRED_ITERATOR("com.amazonaws.dynamodb.v20120810#ExpiredIteratorException", 400, "message"),
    TRIMMED_DATA_ACCESS("com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException", 400, "message"),
    INTERNAL_SERVER_ERROR("com.amazonaws.dynamodb.v20120810#InternalServerError", 500, "message");

    public final String wireType;
    public final int status;
    public final String messageMember;

    /** The type without its namespace, as SDKs name the exception: {@code ConditionalCheckFailedException}. */
    public String shortType() {
        return wireType.substring(wireType.indexOf('#') + 1);
    }

    ErrorCode(String wireType, int status, String messageMember) {
        this.wireType = wireType;
        this.status = status;
        this.messageMember = messageMember;
    }
}
