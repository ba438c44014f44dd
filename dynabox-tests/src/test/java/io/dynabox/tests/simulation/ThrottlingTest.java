package io.dynabox.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynabox.engine.simulation.SimulationSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Throttling as the service does it, switched on for the test's namespace alone; the manual clock stands
 * still, so capacity refills only when the test moves time.
 */
@ParameterizedClass
@EnumSource(SimulatedDoor.class)
class ThrottlingTest {
    @Parameter
    SimulatedDoor door;

    private String accessKey;
    private DynamoDbClient client;
    private SimulatedDoor.Control admin;

    @BeforeEach
    void open() {
        accessKey = SimulatedDoor.freshAccessKey();
        client = door.client(accessKey);
        admin = door.control(accessKey);
        admin.simulation(SimulationSettings.OFF.withThrottling(true));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static Map<String, AttributeValue> item(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    private static Map<String, AttributeValue> item(String id, int kilobytes) {
        return Map.of("id", AttributeValue.fromS(id), "pad", AttributeValue.fromS("x".repeat(kilobytes * 1024 - 10)));
    }

    @Test
    void aProvisionedTableServesItsCapacityASecondThenThrottles() {
        Tables.provisioned(client, admin, "slow", 1, 1);
        // one second has passed since creation: the first second's unit and the one saved since
        client.putItem(b -> b.tableName("slow").item(item("a")));
        client.putItem(b -> b.tableName("slow").item(item("a2")));

        ProvisionedThroughputExceededException e = catchThrowableOfType(ProvisionedThroughputExceededException.class,
                () -> client.putItem(b -> b.tableName("slow").item(item("b"))));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("The level of configured provisioned throughput for the table was exceeded. "
                + "Consider increasing your provisioning level with the UpdateTable API.");
        assertThat(e.throttlingReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.reason()).isEqualTo("TableWriteProvisionedThroughputExceeded");
            assertThat(reason.resource()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/slow");
        });
        assertThat(client.getItem(b -> b.tableName("slow").key(item("b")).consistentRead(true)).hasItem()).isFalse(); // nothing was written
        assertThat(admin.events("throttle")).contains(new SimulatedDoor.Event(e.requestId(), "PutItem"));

        admin.advance(Duration.ofSeconds(1));
        client.putItem(b -> b.tableName("slow").item(item("b")));
    }

    @Test
    void reads() {
        Tables.provisioned(client, admin, "reads", 1, 5);
        client.putItem(b -> b.tableName("reads").item(item("a")));
        // an eventually consistent read of a small item costs half a unit: four of them fit in the two units saved
        for (int i = 0; i < 4; i++) client.getItem(b -> b.tableName("reads").key(item("a")));

        ProvisionedThroughputExceededException e = catchThrowableOfType(ProvisionedThroughputExceededException.class,
                () -> client.getItem(b -> b.tableName("reads").key(item("a"))));

        assertThat(e.throttlingReasons()).singleElement().satisfies(reason -> assertThat(reason.reason()).isEqualTo("TableReadProvisionedThroughputExceeded"));
    }

    @Test
    void burstCapacityKeepsUpTo300SecondsOfUnusedCapacity() {
        Tables.provisioned(client, admin, "bursty", 1, 1);
        admin.advance(Duration.ofHours(1)); // far more than 300 seconds unused: 300 units saved, no more

        int written = 0;
        while (written < 1000) {
            int n = written;
            try {
                client.putItem(b -> b.tableName("bursty").item(item("i" + n)));
            } catch (ProvisionedThroughputExceededException e) {
                break;
            }
            written++;
        }

        assertThat(written).isEqualTo(300);
    }

    @Test
    void aHotPartitionThrottlesBeforeTheTableDoes() {
        Tables.onDemand(client, admin, "hotkeys");
        // an on-demand table serves thousands of units a second, but one partition at most 1,000 write units
        for (int i = 0; i < 3; i++) client.putItem(b -> b.tableName("hotkeys").item(item("hot", 350)));

        // an on-demand table's refusals are ThrottlingException, with the service's on-demand text
        ThrottlingException e = catchThrowableOfType(ThrottlingException.class,
                () -> client.putItem(b -> b.tableName("hotkeys").item(item("hot", 350))));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Throughput exceeds the current capacity of your table or index. DynamoDB is "
                + "automatically scaling your table or index so please try again shortly. If exceptions persist, check if you have a hot key: "
                + "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html");
        assertThat(e.throttlingReasons()).singleElement().satisfies(reason -> assertThat(reason.reason()).isEqualTo("TableWriteKeyRangeThroughputExceeded"));
        client.putItem(b -> b.tableName("hotkeys").item(item("cold", 350))); // another key, another partition
    }

    @Test
    void aTransactionWithoutCapacityIsCancelledWithProvisionedThroughputExceeded() {
        Tables.onDemand(client, admin, "free");
        Tables.provisioned(client, admin, "ledger", 1, 1);
        client.putItem(b -> b.tableName("ledger").item(item("a")));
        client.putItem(b -> b.tableName("ledger").item(item("a2")));

        TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
                () -> client.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().put(p -> p.tableName("free").item(item("x"))).build(),
                        TransactWriteItem.builder().put(p -> p.tableName("ledger").item(item("b"))).build())));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer cancellation reasons for specific reasons "
                + "[None, ProvisionedThroughputExceeded]");
        assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ProvisionedThroughputExceeded");
        assertThat(e.cancellationReasons().get(1).message()).isEqualTo("The level of configured provisioned throughput for the table was exceeded. "
                + "Consider increasing your provisioning level with the UpdateTable API.");
        assertThat(client.getItem(b -> b.tableName("free").key(item("x")).consistentRead(true)).hasItem()).isFalse(); // nothing was written
        assertThat(admin.eventRequestIds("throttle")).contains(e.requestId());

        // reads: TransactGetItems too, once the read capacity is used up (a transactional read of a small item costs 2 units)
        client.transactGetItems(b -> b.transactItems(TransactGetItem.builder().get(g -> g.tableName("ledger").key(item("a"))).build()));
        TransactionCanceledException read = catchThrowableOfType(TransactionCanceledException.class,
                () -> client.transactGetItems(b -> b.transactItems(TransactGetItem.builder().get(g -> g.tableName("ledger").key(item("a"))).build())));
        assertThat(read.cancellationReasons()).extracting(CancellationReason::code).containsExactly("ProvisionedThroughputExceeded");

        admin.advance(Duration.ofSeconds(2));
        client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(p -> p.tableName("ledger").item(item("b"))).build()));
    }

    @Test
    void anOnDemandTransactionIsCancelledWithThrottlingError() {
        client.createTable(b -> b.tableName("cappedtx")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .onDemandThroughput(o -> o.maxWriteRequestUnits(2L).maxReadRequestUnits(100L)));
        admin.advance(Duration.ofSeconds(1));
        client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(p -> p.tableName("cappedtx").item(item("a"))).build()));

        TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
                () -> client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(p -> p.tableName("cappedtx").item(item("b"))).build())));

        assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("ThrottlingError");
        assertThat(e.cancellationReasons().get(0).message()).startsWith("Throughput exceeds the maximum OnDemandThroughput configured on table or index");
    }

    @Test
    void anOnDemandTableStopsAtThePerTableAccountQuota() {
        // warm for 100,000 write units a second (so a hundred partitions share them), but the account allows a table 40,000
        client.createTable(b -> b.tableName("busy")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .warmThroughput(w -> w.writeUnitsPerSecond(100_000L).readUnitsPerSecond(12_000L)));
        admin.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 1000; i++) { // 40 write units each, in the same second: 40,000
            int n = i;
            client.putItem(b -> b.tableName("busy").item(item("k" + n, 40)));
        }

        RequestLimitExceededException e = catchThrowableOfType(RequestLimitExceededException.class,
                () -> client.putItem(b -> b.tableName("busy").item(item("one more"))));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Throughput exceeds the current throughput limit for your account.");
        assertThat(e.throttlingReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.reason()).isEqualTo("TableWriteAccountLimitExceeded");
            assertThat(reason.resource()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/busy");
        });
        client.getItem(b -> b.tableName("busy").key(item("k1"))); // reads have a quota of their own
        admin.advance(Duration.ofSeconds(1));
        client.putItem(b -> b.tableName("busy").item(item("one more")));
    }

    @Test
    void maxOnDemandThroughputThrottlesWithThrottlingException() {
        client.createTable(b -> b.tableName("capped")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .onDemandThroughput(o -> o.maxWriteRequestUnits(2L).maxReadRequestUnits(100L)));
        admin.advance(Duration.ofSeconds(1));
        client.putItem(b -> b.tableName("capped").item(item("a")));
        client.putItem(b -> b.tableName("capped").item(item("b")));

        ThrottlingException e = catchThrowableOfType(ThrottlingException.class, () -> client.putItem(b -> b.tableName("capped").item(item("c"))));

        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Throughput exceeds the maximum OnDemandThroughput configured on table or index");
        assertThat(e.throttlingReasons()).singleElement().satisfies(reason -> assertThat(reason.reason()).isEqualTo("TableWriteMaxOnDemandThroughputExceeded"));
    }

    /**
     * Simulation audit F2: an on-demand table serves double its previous peak from the next second on, and its partitions
     * grow with it, where well-spread writes stopped at the eight partitions of its creation (8,000 write units a second,
     * refused as a hot key) and the doubling came a second late.
     */
    @Test
    void anOnDemandTableServesDoubleItsPreviousPeakOfWellSpreadWritesEachSecond() {
        Tables.onDemand(client, admin, "growing");
        int[] perSecond = {4_000, 8_000, 16_000};
        for (int second = 0; second < perSecond.length; second++) {
            int unprocessed = 0;
            for (int first = 0; first < perSecond[second]; first += 25) {
                List<WriteRequest> puts = new ArrayList<>();
                for (int i = first; i < first + 25; i++) {
                    puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("s" + second + "-" + i)).build()).build());
                }
                BatchWriteItemResponse answer = client.batchWriteItem(b -> b.requestItems(Map.of("growing", puts)));
                unprocessed += answer.unprocessedItems().getOrDefault("growing", List.of()).size();
            }
            assertThat(unprocessed).as("second %d: %d writes of one unit", second, perSecond[second]).isZero();
            admin.advance(Duration.ofSeconds(1));
        }
        assertThat(admin.eventRequestIds("throttle")).isEmpty();
    }

    /** Simulation audit F3: a global index of an on-demand table stops at its own OnDemandThroughput maximums. */
    @Test
    void anOnDemandGlobalIndexStopsAtItsMaxOnDemandThroughput() {
        client.createTable(b -> b.tableName("gsicapped")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(g -> g.indexName("capped").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .onDemandThroughput(o -> o.maxReadRequestUnits(5L).maxWriteRequestUnits(5L))));
        admin.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 5; i++) {
            int n = i;
            client.putItem(b -> b.tableName("gsicapped").item(Map.of("id", AttributeValue.fromS("a" + n), "g", AttributeValue.fromS("x" + n))));
        }

        // the index's maximum throttles the table's writes (back pressure), with the index's reason
        ThrottlingException write = catchThrowableOfType(ThrottlingException.class, () -> client.putItem(b -> b.tableName("gsicapped")
                .item(Map.of("id", AttributeValue.fromS("b"), "g", AttributeValue.fromS("y")))));
        assertThat(write.awsErrorDetails().errorMessage()).startsWith("Throughput exceeds the maximum OnDemandThroughput configured on table or index");
        assertThat(write.throttlingReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.reason()).isEqualTo("IndexWriteMaxOnDemandThroughputExceeded");
            assertThat(reason.resource()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/gsicapped/index/capped");
        });

        // reads: a query of one small item costs half a unit, ten of them the five allowed
        for (int i = 0; i < 10; i++) {
            int n = i % 5;
            client.query(b -> b.tableName("gsicapped").indexName("capped").keyConditionExpression("g = :g")
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("x" + n))));
        }
        ThrottlingException read = catchThrowableOfType(ThrottlingException.class, () -> client.query(b -> b.tableName("gsicapped").indexName("capped")
                .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", AttributeValue.fromS("x0")))));
        assertThat(read.throttlingReasons()).singleElement().satisfies(reason -> assertThat(reason.reason()).isEqualTo("IndexReadMaxOnDemandThroughputExceeded"));
        client.getItem(b -> b.tableName("gsicapped").key(item("a0"))); // the table's own reads are not the index's

        admin.advance(Duration.ofSeconds(1));
        client.putItem(b -> b.tableName("gsicapped").item(Map.of("id", AttributeValue.fromS("b"), "g", AttributeValue.fromS("y"))));
    }

    /** Simulation audit F3: a global index has partitions of its own; one of them serves at most 3,000 read units a second (a hot index key). */
    @Test
    void aHotGlobalIndexKeyIsThrottledOnItsPartition() {
        client.createTable(b -> b.tableName("gsihot")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("status").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(g -> g.indexName("by-status").keySchema(k -> k.attributeName("status").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        admin.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) { // 300 KB each: a query of the three reads about 110 units
            int n = i;
            client.putItem(b -> b.tableName("gsihot").item(Map.of("id", AttributeValue.fromS("i" + n), "status", AttributeValue.fromS("active"),
                    "pad", AttributeValue.fromS("x".repeat(300 * 1024)))));
        }
        admin.advance(Duration.ofSeconds(1));

        int served = 0;
        ThrottlingException e = null;
        while (e == null && served < 100) {
            e = catchThrowableOfType(ThrottlingException.class, () -> client.query(b -> b.tableName("gsihot").indexName("by-status")
                    .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("active")))));
            if (e == null) served++;
        }

        // the index serves 12,000 read units a second at once, but its partition of 'active' 3,000
        assertThat(served).isBetween(20, 30);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Throughput exceeds the current capacity of your table or index.");
        assertThat(e.throttlingReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.reason()).isEqualTo("IndexReadKeyRangeThroughputExceeded");
            assertThat(reason.resource()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/gsihot/index/by-status");
        });
        client.query(b -> b.tableName("gsihot").indexName("by-status").keyConditionExpression("#s = :s") // another key, another partition
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", AttributeValue.fromS("closed"))));
    }

    /**
     * Simulation audit F3: writes whose global index key is one value fall on one partition of the index, which takes at most
     * 1,000 write units a second: the table's writes are refused (back pressure), whichever way they write.
     */
    @Test
    void writesOfAHotGlobalIndexKeyAreThrottledOnTheIndexPartition() {
        client.createTable(b -> b.tableName("gsihotw")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("status").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(g -> g.indexName("by-status").keySchema(k -> k.attributeName("status").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        admin.advance(Duration.ofSeconds(1));
        for (int first = 0; first < 1000; first += 25) {
            List<WriteRequest> puts = new ArrayList<>();
            for (int i = first; i < first + 25; i++) {
                puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("id", AttributeValue.fromS("i" + i),
                        "status", AttributeValue.fromS("active"))).build()).build());
            }
            assertThat(client.batchWriteItem(b -> b.requestItems(Map.of("gsihotw", puts))).unprocessedItems()).isEmpty();
        }

        ThrottlingException put = catchThrowableOfType(ThrottlingException.class, () -> client.putItem(b -> b.tableName("gsihotw")
                .item(Map.of("id", AttributeValue.fromS("one more"), "status", AttributeValue.fromS("active")))));
        assertThat(put.awsErrorDetails().errorMessage()).startsWith("Throughput exceeds the current capacity of your table or index.");
        assertThat(put.throttlingReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.reason()).isEqualTo("IndexWriteKeyRangeThroughputExceeded");
            assertThat(reason.resource()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/gsihotw/index/by-status");
        });
        assertThat(client.getItem(b -> b.tableName("gsihotw").key(item("one more")).consistentRead(true)).hasItem()).isFalse();

        // another index key value, another partition of the index; moved onto the hot one, refused
        client.putItem(b -> b.tableName("gsihotw").item(Map.of("id", AttributeValue.fromS("c"), "status", AttributeValue.fromS("closed"))));
        ThrottlingException update = catchThrowableOfType(ThrottlingException.class, () -> client.updateItem(b -> b.tableName("gsihotw")
                .key(item("c")).updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("active")))));
        assertThat(update.throttlingReasons()).singleElement().satisfies(reason -> assertThat(reason.reason()).isEqualTo("IndexWriteKeyRangeThroughputExceeded"));
        TransactionCanceledException transaction = catchThrowableOfType(TransactionCanceledException.class, () -> client.transactWriteItems(b -> b
                .transactItems(TransactWriteItem.builder().put(p -> p.tableName("gsihotw")
                        .item(Map.of("id", AttributeValue.fromS("t"), "status", AttributeValue.fromS("active")))).build())));
        assertThat(transaction.cancellationReasons()).extracting(CancellationReason::code).containsExactly("ThrottlingError");
        ThrottlingException batch = catchThrowableOfType(ThrottlingException.class, () -> client.batchWriteItem(b -> b.requestItems(Map.of("gsihotw",
                List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("id", AttributeValue.fromS("b"),
                        "status", AttributeValue.fromS("active"))).build()).build())))));
        assertThat(batch.throttlingReasons()).singleElement().satisfies(reason -> assertThat(reason.reason()).isEqualTo("IndexWriteKeyRangeThroughputExceeded"));

        admin.advance(Duration.ofSeconds(1));
        client.putItem(b -> b.tableName("gsihotw").item(Map.of("id", AttributeValue.fromS("one more"), "status", AttributeValue.fromS("active"))));
    }

    @Test
    void aThrottledGlobalIndexThrottlesItsTablesWrites() {
        client.createTable(b -> b.tableName("indexed")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                .provisionedThroughput(p -> p.readCapacityUnits(100L).writeCapacityUnits(100L))
                .globalSecondaryIndexes(g -> g.indexName("by-g").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))));
        admin.advance(Duration.ofSeconds(1));
        client.putItem(b -> b.tableName("indexed").item(Map.of("id", AttributeValue.fromS("a"), "g", AttributeValue.fromS("x"))));
        client.putItem(b -> b.tableName("indexed").item(Map.of("id", AttributeValue.fromS("a2"), "g", AttributeValue.fromS("x"))));

        ProvisionedThroughputExceededException e = catchThrowableOfType(ProvisionedThroughputExceededException.class,
                () -> client.putItem(b -> b.tableName("indexed").item(Map.of("id", AttributeValue.fromS("b"), "g", AttributeValue.fromS("y")))));

        assertThat(e.awsErrorDetails().errorMessage()).startsWith("The level of configured provisioned throughput for one or more global secondary indexes");
        assertThat(e.throttlingReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.reason()).isEqualTo("IndexWriteProvisionedThroughputExceeded");
            assertThat(reason.resource()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/indexed/index/by-g");
        });
    }

    @Test
    void batchWriteItemLeavesThrottledWritesUnprocessed() {
        Tables.provisioned(client, admin, "batched", 5, 2);
        List<WriteRequest> puts = new ArrayList<>();
        for (int i = 0; i < 6; i++) puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("b" + i)).build()).build());

        BatchWriteItemResponse answer = client.batchWriteItem(b -> b.requestItems(Map.of("batched", puts))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

        // four units saved (the first second's two and the two since): four writes go ahead, the other two come back to be sent again
        assertThat(answer.unprocessedItems().get("batched")).containsExactlyElementsOf(puts.subList(4, 6));
        assertThat(answer.consumedCapacity()).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(4.0));
        assertThat(client.scan(b -> b.tableName("batched").consistentRead(true)).count()).isEqualTo(4);

        // with no capacity left at all, the whole request is throttled
        ProvisionedThroughputExceededException e = catchThrowableOfType(ProvisionedThroughputExceededException.class,
                () -> client.batchWriteItem(b -> b.requestItems(Map.of("batched", puts.subList(4, 6)))));
        assertThat(e.throttlingReasons()).singleElement().satisfies(reason -> assertThat(reason.reason()).isEqualTo("TableWriteProvisionedThroughputExceeded"));
    }

    @Test
    void batchGetItemLeavesThrottledKeysUnprocessed() {
        Tables.provisioned(client, admin, "batchread", 1, 10);
        for (int i = 0; i < 6; i++) {
            int n = i;
            client.putItem(b -> b.tableName("batchread").item(item("k" + n)));
        }
        List<Map<String, AttributeValue>> keys = List.of(item("k0"), item("k1"), item("k2"), item("k3"), item("k4"), item("k5"));

        var answer = client.batchGetItem(b -> b.requestItems(Map.of("batchread", KeysAndAttributes.builder().keys(keys).build())));

        // two read units saved: four eventually consistent reads of small items
        assertThat(answer.responses().get("batchread")).hasSize(4);
        assertThat(answer.unprocessedKeys().get("batchread").keys()).hasSize(2);
    }

    @Test
    void theSdksOwnRetriesRecoverFromThrottling() {
        Tables.provisioned(client, admin, "retried", 1, 1);
        client.putItem(b -> b.tableName("retried").item(item("a")));
        client.putItem(b -> b.tableName("retried").item(item("a2")));
        // the SDK's default retries and backoff: the first attempt is throttled; before the retry, a second passes
        AtomicInteger attempts = new AtomicInteger();
        ExecutionInterceptor timePasses = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (attempts.incrementAndGet() == 2) admin.advance(Duration.ofSeconds(1));
            }
        };
        try (DynamoDbClient retrying = door.builder(accessKey).overrideConfiguration(c -> c.addExecutionInterceptor(timePasses)).build()) {
            retrying.putItem(b -> b.tableName("retried").item(item("b")));
        }

        assertThat(attempts).hasValue(2);
        assertThat(admin.eventRequestIds("throttle")).hasSize(1);
        assertThat(client.getItem(b -> b.tableName("retried").key(item("b")).consistentRead(true)).hasItem()).isTrue();
    }

    @Test
    void aTableCanBeLeftOutOfThrottling() {
        admin.simulation(SimulationSettings.OFF.withThrottling(true).withTable("free", new SimulationSettings.TableOverrides(false, null, null)));
        Tables.provisioned(client, admin, "free", 1, 1);

        for (int i = 0; i < 10; i++) {
            int n = i;
            client.putItem(b -> b.tableName("free").item(item("f" + n)));
        }

        assertThat(admin.eventRequestIds("throttle")).isEmpty();
    }
}
