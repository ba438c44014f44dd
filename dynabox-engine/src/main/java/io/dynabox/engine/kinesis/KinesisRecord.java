package io.dynabox.engine.kinesis;

/** One record as PutRecords sends it: its partition key and its data, the change as JSON. */
public record KinesisRecord(String partitionKey, byte[] data) {
}
