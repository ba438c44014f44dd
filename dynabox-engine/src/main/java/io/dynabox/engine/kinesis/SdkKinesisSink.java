package io.dynabox.engine.kinesis;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * The AWS SDK's Kinesis client on a Kinesis-compatible endpoint: one client per region (the
 * stream's), fixed credentials (a local endpoint takes any), the SDK's own wire format (CBOR
 * for PutRecords, as against the service), no retries of its own: {@link KinesisDelivery}
 * retries. Streams are named by name, which every Kinesis emulator understands.
 */
final class SdkKinesisSink implements KinesisSink {
    private final URI endpoint;
    private final Map<String, KinesisClient> clients = new ConcurrentHashMap<>();

    SdkKinesisSink(URI endpoint) {
        this.endpoint = endpoint;
    }

    private KinesisClient client(String region) {
        return clients.computeIfAbsent(region, r -> KinesisClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(r))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dynabox", "dynabox")))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(10)).build())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build());
    }

    @Override
    public StreamState describe(KinesisStreamArn stream) {
        try {
            StreamStatus status = client(stream.region())
                    .describeStreamSummary(b -> b.streamName(stream.name())).streamDescriptionSummary().streamStatus();
            if (status == StreamStatus.CREATING) return StreamState.CREATING;
            if (status == StreamStatus.DELETING) return StreamState.DELETING;
            return StreamState.ACTIVE; // ACTIVE, or UPDATING, which takes records
        } catch (ResourceNotFoundException e) {
            return StreamState.MISSING;
        }
    }

    @Override
    public List<Integer> put(KinesisStreamArn stream, List<KinesisRecord> records) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>(records.size());
        for (KinesisRecord r : records) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey(r.partitionKey()).data(SdkBytes.fromByteArrayUnsafe(r.data())).build());
        }
        PutRecordsResponse response = client(stream.region()).putRecords(b -> b.streamName(stream.name()).records(entries));
        List<Integer> failed = new ArrayList<>();
        if (response.failedRecordCount() == null || response.failedRecordCount() == 0) return failed;
        List<PutRecordsResultEntry> results = response.records();
        for (int i = 0; i < results.size(); i++) if (results.get(i).errorCode() != null) failed.add(i);
        return failed;
    }

    @Override
    public void close() {
        clients.values().forEach(KinesisClient::close);
    }
}
