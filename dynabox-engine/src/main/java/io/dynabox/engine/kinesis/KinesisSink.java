package io.dynabox.engine.kinesis;

import java.util.List;

/**
 * Where a table's Kinesis streaming destination sends its records: a Kinesis-compatible
 * endpoint ({@code --kinesis-endpoint}), reached through the AWS SDK's Kinesis client.
 */
public interface KinesisSink extends AutoCloseable {

    /** What a stream looked like when asked. */
    enum StreamState { ACTIVE, CREATING, DELETING, MISSING }

    /** The stream's state, as the endpoint answers; throws when the endpoint cannot be asked. */
    StreamState describe(KinesisStreamArn stream);

    /**
     * Sends the records in one PutRecords call; answers the positions of those the endpoint
     * did not take (to send again), empty when it took all. Throws when the call failed as a whole.
     */
    List<Integer> put(KinesisStreamArn stream, List<KinesisRecord> records);

    @Override
    void close();
}
