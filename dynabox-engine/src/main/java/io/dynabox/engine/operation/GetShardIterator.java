package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.stream.Stream;
import io.dynabox.engine.wire.Json;
import java.math.BigInteger;

/**
 * GetShardIterator (DynamoDB Streams): a position in a shard, at its oldest record
 * (TRIM_HORIZON), after its newest (LATEST), at or after a sequence number; valid for 15
 * minutes.
 */
public final class GetShardIterator implements Operation {
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final BigInteger LARGEST = BigInteger.valueOf(Long.MAX_VALUE);

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String type = request.get("ShardIteratorType").textValue();
        String sequenceText = request.hasNonNull("SequenceNumber") ? request.get("SequenceNumber").textValue() : null;
        boolean needsSequence = type.equals("AT_SEQUENCE_NUMBER") || type.equals("AFTER_SEQUENCE_NUMBER");
        if (!needsSequence && sequenceText != null) throw DynamoException.validation(INVALID + "SequenceNumber should not be passed for this iterator type");
        Long sequence = needsSequence ? sequence(sequenceText) : null;
        String arn = request.get("StreamArn").textValue();
        Stream stream = context.namespace().streams().find(arn, context.nowMillis());
        if (stream == null) throw DynamoException.resourceNotFound("Stream does not exist");
        String iterator = stream.iterator(request.get("ShardId").textValue(), type, sequence, context.nowMillis()).encode();
        return Json.object().put("ShardIterator", iterator);
    }

    /** A sequence number is a decimal string; ours fit a long, and a larger one is past every record. */
    private static long sequence(String text) {
        if (text == null || text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw DynamoException.validation(INVALID + "Invalid SequenceNumber");
        }
        BigInteger value = new BigInteger(text);
        return value.compareTo(LARGEST) > 0 ? Long.MAX_VALUE - 1 : value.longValue();
    }
}
