package io.dynabox.sdk.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.simulation.FaultRule;
import io.dynabox.sdk.Dynabox;
import io.dynabox.sdk.DynaboxNamespace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The in-process streams API for tests: a table's stream as a list, and handlers fed like stream-triggered functions. */
class DynaboxStreamsTest {
    Dynabox dynabox;
    DynaboxNamespace namespace;
    DynamoDbClient client;

    @BeforeEach
    void open() {
        // a manual clock, so shard roll-overs happen when the test says
        dynabox = Dynabox.withOptions(DynaboxOptions.builder().manualClock(Instant.parse("2027-01-01T00:00:00Z"))
                .streamShardRollover(Duration.ofHours(1)).build());
        namespace = dynabox.newNamespace();
        client = namespace.dynamoDbClient();
        client.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    @AfterEach
    void close() {
        dynabox.close();
    }

    private void put(String id) {
        client.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS(id))));
    }

    private static List<String> ids(List<Record> records) {
        return records.stream().map(r -> r.eventName() + " " + r.dynamodb().keys().get("id").s()).toList();
    }

    @Test
    void aTableStreamReadsAsAListAcrossShardsAndSinceAMark() {
        TableStream stream = namespace.streams().of("orders");
        put("a");
        put("b");
        TableStream.Position mark = stream.mark();
        dynabox.engine().clock().advance(Duration.ofMinutes(61));
        put("c");
        client.deleteItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("a"))));

        assertThat(ids(stream.records())).containsExactly("INSERT a", "INSERT b", "INSERT c", "REMOVE a");
        assertThat(ids(stream.recordsSince(mark))).containsExactly("INSERT c", "REMOVE a");
        assertThat(namespace.dynamoDbStreamsClient().describeStream(b -> b.streamArn(stream.streamArn())).streamDescription().shards()).hasSize(2);
    }

    @Test
    void aHandlerGetsEachNewBatchAndAFailedBatchAgain() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        put("before");
        try (StreamHandler handler = namespace.streams().of("orders").onRecords(batch -> {
            // the first delivery fails: the same batch must come again
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("the function failed");
            batch.forEach(r -> seen.add(r.eventName() + " " + r.dynamodb().keys().get("id").s()));
        }, 2, Duration.ofMillis(5))) {
            put("x");
            put("y");
            put("z");
            assertThat(handler.awaitIdle(Duration.ofSeconds(20))).isTrue();
            assertThat(seen).containsExactly("INSERT x", "INSERT y", "INSERT z");
            assertThat(handler.failures()).isEqualTo(1);
            assertThat(handler.lastFailure()).hasMessage("the function failed");
            assertThat(handler.delivered()).isEqualTo(3);
            assertThat(calls.get()).isEqualTo(3); // [x, y] failed, [x, y] again, then [z]
        }
    }

    @Test
    void aTableWithoutAStreamIsNamed() {
        client.createTable(b -> b.tableName("plain").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        assertThatThrownBy(() -> namespace.streams().of("plain")).isInstanceOf(IllegalStateException.class)
                .hasMessage("table plain has no stream: create or update it with a StreamSpecification");
    }

    @Test
    void awaitIdleWaitsForAPollBegunAfterTheWrite() throws Exception {
        // each GetRecords reads the stream at once and answers 300 ms later: a poll is nearly always in flight
        namespace.addFault(FaultRule.on("GetRecords", null).latency(300));
        List<Record> taken = new CopyOnWriteArrayList<>();
        try (StreamHandler handler = namespace.streams().of("orders").onRecords(taken::addAll, 100, Duration.ofMillis(1))) {
            Thread.sleep(100);
            put("a");
            // a poll begun before the put ends empty-handed after this call began: that is not idle
            assertThat(handler.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(ids(taken)).containsExactly("INSERT a");
        }
    }
}
