package io.dynabox.engine.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The replicator's count of pending writes while its thread ships them: each write counted once. */
class PendingReplicationTest {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=pending/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";

    @Test
    void aWriteBeingShippedIsCountedOnce() throws Exception {
        AtomicLong now = new AtomicLong(1_800_000_000_000L);
        DynaboxOptions options = DynaboxOptions.builder().delayTransientStatuses(Duration.ZERO).replicationDelay(Duration.ofHours(1)).build();
        try (Engine engine = new Engine(options, new MemoryStore(), now::get)) {
            call(engine, "CreateTable", "{\"TableName\":\"music\",\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}]}");
            call(engine, "UpdateTable", "{\"TableName\":\"music\",\"ReplicaUpdates\":[{\"Create\":{\"RegionName\":\"eu-west-1\"}}]}");
            Replicator replicator = engine.replicator();
            CyclicBarrier start = new CyclicBarrier(2);
            AtomicBoolean draining = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            // ships the writes left unshipped (what the replication thread does) while the test thread counts
            Thread shipper = new Thread(() -> {
                try {
                    while (true) {
                        start.await();
                        if (stop.get()) return;
                        replicator.lagMillis();
                        draining.set(false);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            shipper.start();
            int mostCounted = 0;
            int writes;
            for (writes = 1; writes <= 3_000; writes++) {
                call(engine, "PutItem", "{\"TableName\":\"music\",\"Item\":{\"id\":{\"S\":\"k" + writes + "\"}}}");
                draining.set(true);
                start.await();
                // none is applied (the delay is an hour): every count while it ships is exactly the writes made
                while (draining.get()) mostCounted = Math.max(mostCounted, replicator.pending() - writes);
                assertThat(mostCounted).as("pending writes counted beyond the %d made", writes).isLessThanOrEqualTo(0);
            }
            stop.set(true);
            start.await();
            shipper.join();
            assertThat(replicator.pending()).isEqualTo(writes - 1);
        }
    }

    private static void call(Engine engine, String action, String body) {
        DynamoResponse answer = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, "20260101T000000Z",
                body.getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.status()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    }
}
