package io.dynabox.sdk.streams;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Streams for tests, beyond what the service's API gives: a table's stream as a
 * list of records ({@link TableStream#records()}, {@link TableStream#recordsSince}), and
 * handlers fed batch by batch like a stream-triggered function ({@link TableStream#onRecords}).
 * Get it from {@code DynaboxNamespace.streams()}, or have the JUnit extension inject it.
 */
public final class DynaboxStreams {
    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;

    public DynaboxStreams(DynamoDbClient dynamo, DynamoDbStreamsClient streams) {
        this.dynamo = dynamo;
        this.streams = streams;
    }

    /** The table's latest stream (as DescribeTable names it); the table must have had one. */
    public TableStream of(String tableName) {
        String arn = dynamo.describeTable(b -> b.tableName(tableName)).table().latestStreamArn();
        if (arn == null) throw new IllegalStateException("table " + tableName + " has no stream: create or update it with a StreamSpecification");
        return new TableStream(streams, arn);
    }

    /** A stream by its ARN (an older stream of a table, still readable for 24 hours after it was disabled). */
    public TableStream byArn(String streamArn) {
        return new TableStream(streams, streamArn);
    }
}
