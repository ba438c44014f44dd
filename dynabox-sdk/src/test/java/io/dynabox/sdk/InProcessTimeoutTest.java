package io.dynabox.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynabox.engine.simulation.FaultRule;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * An answer that waits (here a fault rule's latency) through the in-process door: the SDK's
 * timeouts fire on time and the async client returns its future at once, as over HTTP, where
 * before the door waited for the engine's answer whatever the timeout.
 */
class InProcessTimeoutTest {
    private static final long LATENCY_MILLIS = 3000;
    private static final GetItemRequest GET = GetItemRequest.builder().tableName("things")
            .key(Map.of("id", AttributeValue.fromS("a"))).build();

    private static Dynabox slowGets() {
        Dynabox dynabox = Dynabox.inMemory();
        dynabox.dynamoDbClient().createTable(InProcessClientsTest.table("things"));
        dynabox.addFault(FaultRule.on("GetItem", null).latency(LATENCY_MILLIS));
        return dynabox;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void apiCallTimeoutEndsTheWaitOnTime() {
        try (Dynabox dynabox = slowGets()) {
            DynamoDbClient client = dynabox.dynamoDbClientBuilder()
                    .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMillis(300))).build();
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.getItem(GET)).isInstanceOf(ApiCallTimeoutException.class);
            assertThat(millisSince(start)).isLessThan(LATENCY_MILLIS / 2);
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
            // the door is fine afterwards
            dynabox.clearFaults();
            assertThat(client.getItem(GET).hasItem()).isFalse();
            client.close();
        }
    }

    @Test
    void apiCallAttemptTimeoutEndsEachAttemptOnTime() {
        try (Dynabox dynabox = slowGets()) {
            DynamoDbClient client = dynabox.dynamoDbClientBuilder().overrideConfiguration(o -> o
                    .apiCallAttemptTimeout(Duration.ofMillis(300)).retryStrategy(r -> r.maxAttempts(2))).build();
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.getItem(GET)).isInstanceOf(ApiCallAttemptTimeoutException.class);
            assertThat(millisSince(start)).isLessThan(LATENCY_MILLIS / 2);
            client.close();
        }
    }

    @Test
    void asyncClientReturnsItsFutureAtOnceAndTimesOutOnTime() {
        try (Dynabox dynabox = slowGets()) {
            long start = System.nanoTime();
            CompletableFuture<GetItemResponse> answer = dynabox.dynamoDbAsyncClient().getItem(GET);
            assertThat(millisSince(start)).isLessThan(LATENCY_MILLIS / 2);
            assertThat(answer).isNotDone();
            assertThat(answer.join().hasItem()).isFalse();
            assertThat(millisSince(start)).isGreaterThanOrEqualTo(LATENCY_MILLIS);

            DynamoDbAsyncClient timed = dynabox.dynamoDbAsyncClientBuilder()
                    .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMillis(300))).build();
            long timedStart = System.nanoTime();
            assertThatThrownBy(() -> timed.getItem(GET).join()).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(ApiCallTimeoutException.class);
            assertThat(millisSince(timedStart)).isLessThan(LATENCY_MILLIS / 2);
            timed.close();
        }
    }
}
