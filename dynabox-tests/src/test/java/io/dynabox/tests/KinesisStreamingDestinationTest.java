package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.assertError;
import static io.dynabox.tests.TableFixtures.assertValidation;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.range;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.ApproximateCreationDateTimePrecision;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.DestinationStatus;
import software.amazon.awssdk.services.dynamodb.model.DisableKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.EnableKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.KinesisDataStreamDestination;
import software.amazon.awssdk.services.dynamodb.model.UpdateKinesisStreamingDestinationResponse;

/**
 * Kinesis streaming destinations through both doors: Enable, Describe, Update, Disable with
 * the service's statuses, rules and texts, and the changes delivered in the service's record
 * format to a Kinesis endpoint (a fake one started here, which records what it receives).
 */
@ParameterizedClass
@EnumSource(Door.class)
class KinesisStreamingDestinationTest {
    private static final Duration DELAY = Duration.ofSeconds(2);
    private static final String ORDERS = "arn:aws:kinesis:us-east-1:000000000000:stream/orders-changes";
    private static final String AUDIT = "arn:aws:kinesis:us-east-1:000000000000:stream/audit";
    private static final String MISSING = "arn:aws:kinesis:us-east-1:000000000000:stream/nobody-made-it";
    private static final String NO_PERMISSION = "User does not have a permission to use kinesis stream";

    @Parameter
    Door door;

    FakeKinesis kinesis;
    StreamsBox box;

    @BeforeEach
    void open() {
        kinesis = new FakeKinesis();
        kinesis.create("orders-changes");
        kinesis.create("audit");
        box = new StreamsBox(door, b -> b.kinesisEndpoint(kinesis.endpoint()).delayTransientStatuses(DELAY)
                .ttlSweepDelay(Duration.ofHours(1)));
        box.client.createTable(b -> b.tableName("orders").attributeDefinitions(s("pk"), s("sk")).keySchema(hash("pk"), range("sk"))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        box.advance(DELAY);
    }

    @AfterEach
    void close() {
        box.close();
        kinesis.close();
    }

    private EnableKinesisStreamingDestinationResponse enable(String streamArn) {
        return box.client.enableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(streamArn));
    }

    private List<KinesisDataStreamDestination> destinations() {
        DescribeKinesisStreamingDestinationResponse described = box.client.describeKinesisStreamingDestination(b -> b.tableName("orders"));
        assertThat(described.tableName()).isEqualTo("orders");
        return described.kinesisDataStreamDestinations();
    }

    private DestinationStatus status(String streamArn) {
        return destinations().stream().filter(d -> d.streamArn().equals(streamArn)).findFirst().orElseThrow().destinationStatus();
    }

    private void put(String pk, String sk, String value) {
        box.client.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk),
                "v", AttributeValue.fromS(value))));
    }

    @Test
    void destinationGoesThroughTheServiceStatuses() {
        assertThat(destinations()).isEmpty();
        EnableKinesisStreamingDestinationResponse enabling = enable(ORDERS);
        assertThat(enabling.tableName()).isEqualTo("orders");
        assertThat(enabling.streamArn()).isEqualTo(ORDERS);
        assertThat(enabling.destinationStatus()).isEqualTo(DestinationStatus.ENABLING);
        assertThat(enabling.enableKinesisStreamingConfiguration()).isNotNull();
        assertThat(enabling.enableKinesisStreamingConfiguration().approximateCreationDateTimePrecision()).isNull();
        assertThat(status(ORDERS)).isEqualTo(DestinationStatus.ENABLING);
        // nothing but Describe while ENABLING
        assertValidation(() -> enable(AUDIT), "Table is not in a valid state to enable Kinesis Streaming Destination: "
                + "EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.");
        assertValidation(() -> box.client.disableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(ORDERS)),
                "Table is not in a valid state to enable Kinesis Streaming Destination: KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.");

        box.advance(DELAY);
        KinesisDataStreamDestination active = destinations().get(0);
        assertThat(active.destinationStatus()).isEqualTo(DestinationStatus.ACTIVE);
        assertThat(active.approximateCreationDateTimePrecision()).isNull(); // absent until set, as the service's
        assertThat(active.destinationStatusDescription()).isNull();
        // one destination in use per table
        assertValidation(() -> enable(ORDERS), "Table is not in a valid state to enable Kinesis Streaming Destination: "
                + "EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.");
        assertValidation(() -> enable(AUDIT), "Table is not in a valid state to enable Kinesis Streaming Destination: "
                + "EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.");

        // Update: the precision, once, and only while ACTIVE
        assertValidation(() -> box.client.updateKinesisStreamingDestination(b -> b.tableName("orders").streamArn(ORDERS)),
                "Streaming destination cannot be updated with given parameters: UpdateKinesisStreamingConfiguration cannot be null or contain only null values");
        assertValidation(() -> box.client.updateKinesisStreamingDestination(b -> b.tableName("orders").streamArn(ORDERS)
                        .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MILLISECOND))),
                "Invalid Request: Precision is already set to the desired value of MILLISECOND for tableId: ");
        UpdateKinesisStreamingDestinationResponse updating = box.client.updateKinesisStreamingDestination(b -> b.tableName("orders")
                .streamArn(ORDERS).updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND)));
        assertThat(updating.destinationStatus()).isEqualTo(DestinationStatus.UPDATING);
        assertThat(updating.updateKinesisStreamingConfiguration().approximateCreationDateTimePrecision())
                .isEqualTo(ApproximateCreationDateTimePrecision.MICROSECOND);
        KinesisDataStreamDestination updated = destinations().get(0);
        assertThat(updated.destinationStatus()).isEqualTo(DestinationStatus.UPDATING);
        assertThat(updated.approximateCreationDateTimePrecision()).isEqualTo(ApproximateCreationDateTimePrecision.MICROSECOND);
        assertValidation(() -> box.client.updateKinesisStreamingDestination(b -> b.tableName("orders").streamArn(ORDERS)
                        .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MILLISECOND))),
                "Table is not in a valid state to enable Kinesis Streaming Destination: Kinesis streaming is not in ACTIVE state. "
                        + "Updates are only allowed in ACTIVE state. TableName: orders, kdsArn: " + ORDERS);
        box.advance(DELAY);
        assertThat(status(ORDERS)).isEqualTo(DestinationStatus.ACTIVE);
        assertValidation(() -> box.client.updateKinesisStreamingDestination(b -> b.tableName("orders").streamArn(AUDIT)
                        .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MILLISECOND))),
                "Table is not in a valid state to enable Kinesis Streaming Destination: No streaming destination with streamArn: " + AUDIT
                        + " found for table with tableName: orders");

        // Disable: DISABLING, then DISABLED, still listed
        assertValidation(() -> box.client.disableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(ORDERS)
                        .enableKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MILLISECOND))),
                "Stream cannot be disabled using EnableKinesisStreamingConfiguration parameters");
        DisableKinesisStreamingDestinationResponse disabling = box.client.disableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(ORDERS));
        assertThat(disabling.destinationStatus()).isEqualTo(DestinationStatus.DISABLING);
        assertThat(disabling.streamArn()).isEqualTo(ORDERS);
        assertThat(status(ORDERS)).isEqualTo(DestinationStatus.DISABLING);
        assertValidation(() -> enable(AUDIT), "Table is not in a valid state to enable Kinesis Streaming Destination: "
                + "EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.");
        box.advance(DELAY);
        assertThat(status(ORDERS)).isEqualTo(DestinationStatus.DISABLED);
        assertValidation(() -> box.client.disableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(ORDERS)),
                "Table is not in a valid state to enable Kinesis Streaming Destination: KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.");
        assertValidation(() -> box.client.disableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(AUDIT)),
                "Table is not in a valid state to enable Kinesis Streaming Destination: KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.");

        // enabling it again reuses its entry and forgets the precision
        enable(ORDERS);
        box.advance(DELAY);
        assertThat(destinations()).singleElement().satisfies(d -> {
            assertThat(d.destinationStatus()).isEqualTo(DestinationStatus.ACTIVE);
            assertThat(d.approximateCreationDateTimePrecision()).isNull();
        });
    }

    @Test
    void aStreamThatCannotTakeRecordsFailsAfterEnabling() {
        assertThat(enable(MISSING).destinationStatus()).isEqualTo(DestinationStatus.ENABLING);
        assertThat(status(MISSING)).isEqualTo(DestinationStatus.ENABLING);
        box.advance(DELAY);
        KinesisDataStreamDestination failed = destinations().get(0);
        assertThat(failed.destinationStatus()).isEqualTo(DestinationStatus.ENABLE_FAILED);
        assertThat(failed.destinationStatusDescription()).isEqualTo(NO_PERMISSION);

        String otherRegion = "arn:aws:kinesis:eu-west-1:000000000000:stream/orders-changes";
        enable(otherRegion);
        box.advance(DELAY);
        String notAStream = "arn:aws:dynamodb:us-east-1:000000000000:table/orders";
        enable(notAStream);
        box.advance(DELAY);
        // failed entries pile up, newest first, and do not keep a good stream from being enabled
        enable(ORDERS);
        box.advance(DELAY);
        assertThat(destinations()).extracting(KinesisDataStreamDestination::streamArn).containsExactly(ORDERS, notAStream, otherRegion, MISSING);
        assertThat(destinations()).extracting(KinesisDataStreamDestination::destinationStatus).containsExactly(
                DestinationStatus.ACTIVE, DestinationStatus.ENABLE_FAILED, DestinationStatus.ENABLE_FAILED, DestinationStatus.ENABLE_FAILED);
        assertThat(destinations().get(2).destinationStatusDescription())
                .isEqualTo("The kinesis Arn used to enable kinesis replication belongs to a stream which is not in the current region");
        assertThat(destinations().get(1).destinationStatusDescription()).isEqualTo(NO_PERMISSION);
        assertValidation(() -> box.client.updateKinesisStreamingDestination(b -> b.tableName("orders").streamArn(MISSING)
                        .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND))),
                "Table is not in a valid state to enable Kinesis Streaming Destination: Kinesis streaming is not in ACTIVE state.");
    }

    @Test
    void badRequestsGetTheServiceErrors() {
        assertError(() -> box.client.enableKinesisStreamingDestination(b -> b.tableName("nope").streamArn(ORDERS)),
                "ResourceNotFoundException", "Requested resource not found: Table: nope not found");
        assertError(() -> box.client.describeKinesisStreamingDestination(b -> b.tableName("nope")),
                "ResourceNotFoundException", "Requested resource not found: Table: nope not found");
        assertValidation(() -> enable("arn:aws:kinesis:x"), "1 validation error detected: Value 'arn:aws:kinesis:x' at 'streamArn' "
                + "failed to satisfy constraint: Member must have length greater than or equal to 37");
        // the table by its ARN
        String tableArn = box.client.describeTable(b -> b.tableName("orders")).table().tableArn();
        assertThat(box.client.describeKinesisStreamingDestination(b -> b.tableName(tableArn)).tableName()).isEqualTo("orders");
        assertThat(destinations()).isEmpty();
    }

    @Test
    void changesArriveInTheServiceRecordFormat() {
        put("before", "1", "not sent: the destination is not enabled yet");
        enable(ORDERS);
        long enabledAt = box.now.get();
        put("a", "1", "first");
        box.advance(DELAY);
        put("a", "1", "second");
        box.client.deleteItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("1"))));
        put("b", "2", "other item");

        List<FakeKinesis.Received> received = kinesis.await(4);
        assertThat(received).hasSize(4).allSatisfy(r -> assertThat(r.streamName()).isEqualTo("orders-changes"));
        JsonNode insert = received.get(0).data();
        assertThat(fieldNames(insert)).containsExactly("awsRegion", "eventID", "eventName", "userIdentity", "recordFormat",
                "tableName", "dynamodb", "eventSource");
        assertThat(insert.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(insert.get("eventID").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(insert.get("eventName").asText()).isEqualTo("INSERT");
        assertThat(insert.get("userIdentity").isNull()).isTrue();
        assertThat(insert.get("recordFormat").asText()).isEqualTo("application/json");
        assertThat(insert.get("tableName").asText()).isEqualTo("orders");
        assertThat(insert.get("eventSource").asText()).isEqualTo("aws:dynamodb");
        JsonNode dynamodb = insert.get("dynamodb");
        assertThat(fieldNames(dynamodb)).containsExactly("ApproximateCreationDateTime", "Keys", "NewImage", "SizeBytes");
        assertThat(dynamodb.get("ApproximateCreationDateTime").asLong()).isEqualTo(enabledAt);
        assertThat(dynamodb.get("Keys").toString()).isEqualTo("{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"1\"}}");
        assertThat(dynamodb.get("NewImage").get("v").get("S").asText()).isEqualTo("first");
        // the keys (pk a, sk 1: 3 + 3 bytes, names included) and the new item (those and v first: 6 + 6 bytes)
        assertThat(dynamodb.get("SizeBytes").asLong()).isEqualTo(6 + 12);

        JsonNode modify = received.get(1).data();
        assertThat(modify.get("eventName").asText()).isEqualTo("MODIFY");
        assertThat(fieldNames(modify.get("dynamodb"))).containsExactly("ApproximateCreationDateTime", "Keys", "NewImage", "OldImage", "SizeBytes");
        assertThat(modify.get("dynamodb").get("OldImage").get("v").get("S").asText()).isEqualTo("first");
        assertThat(modify.get("dynamodb").get("NewImage").get("v").get("S").asText()).isEqualTo("second");
        assertThat(modify.get("dynamodb").get("ApproximateCreationDateTime").asLong()).isEqualTo(enabledAt + DELAY.toMillis());
        JsonNode remove = received.get(2).data();
        assertThat(remove.get("eventName").asText()).isEqualTo("REMOVE");
        assertThat(fieldNames(remove.get("dynamodb"))).containsExactly("ApproximateCreationDateTime", "Keys", "OldImage", "SizeBytes");
        // one item, one partition key (32 hexadecimal digits, as the service's); another item, another
        assertThat(received.get(0).partitionKey()).matches("[0-9A-F]{32}")
                .isEqualTo(received.get(1).partitionKey()).isEqualTo(received.get(2).partitionKey())
                .isNotEqualTo(received.get(3).partitionKey());
        assertThat(received.get(0).data().get("eventID").asText()).isNotEqualTo(received.get(1).data().get("eventID").asText());

        // microseconds once the precision says so
        box.client.updateKinesisStreamingDestination(b -> b.tableName("orders").streamArn(ORDERS)
                .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND)));
        put("c", "3", "micro");
        JsonNode micro = kinesis.await(5).get(4).data().get("dynamodb");
        assertThat(micro.get("ApproximateCreationDateTime").asLong()).isEqualTo(box.now.get() * 1000);
        assertThat(micro.get("ApproximateCreationDateTimePrecision").asText()).isEqualTo("MICROSECOND");

        // nothing after Disable, while DISABLING or DISABLED: records go out in commit order, so the
        // next to arrive is the first change after a new Enable (waiting for none to come would take a timeout)
        box.advance(DELAY);
        box.client.disableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(ORDERS));
        put("d", "4", "not sent: disabling");
        box.advance(DELAY);
        assertThat(status(ORDERS)).isEqualTo(DestinationStatus.DISABLED);
        put("e", "5", "not sent: disabled");
        enable(ORDERS);
        put("f", "6", "sent: enabled again");
        List<FakeKinesis.Received> all = kinesis.await(6);
        assertThat(all).hasSize(6);
        assertThat(all.get(5).data().get("dynamodb").get("NewImage").get("v").get("S").asText()).isEqualTo("sent: enabled again");
    }

    @Test
    void timeToLiveDeletionsCarryTheServiceIdentity() {
        box.client.updateTimeToLive(b -> b.tableName("orders").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        box.advance(DELAY);
        enable(ORDERS);
        box.client.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("x"), "sk", AttributeValue.fromS("1"),
                "expires", AttributeValue.fromN(Long.toString(box.now.get() / 1000 - 10)))));
        assertThat(box.engine.sweepExpiredItems()).isEqualTo(1);
        JsonNode removed = kinesis.await(2).get(1).data();
        assertThat(removed.get("eventName").asText()).isEqualTo("REMOVE");
        assertThat(removed.get("userIdentity").toString()).isEqualTo("{\"principalId\":\"dynamodb.amazonaws.com\",\"type\":\"Service\"}");
    }

    @Test
    void deliveryRetriesUntilTheEndpointTakesEveryRecord() {
        enable(ORDERS);
        kinesis.failCalls(3);
        kinesis.throttleRecords(2);
        for (int i = 0; i < 20; i++) put("item", "1", "version " + i);
        List<FakeKinesis.Received> received = kinesis.await(20);
        assertThat(received).hasSize(20);
        assertThat(received).extracting(r -> r.data().get("dynamodb").get("NewImage").get("v").get("S").asText())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "version " + i).toList());
        assertThat(kinesis.putCalls.get()).isGreaterThan(1);
    }

    @Test
    void theDestinationSurvivesARestart() {
        org.junit.jupiter.api.Assumptions.assumeTrue(door == Door.HTTP_SQLITE, "files only with --db-path");
        enable(ORDERS);
        box.advance(DELAY);
        box.restart();
        assertThat(destinations()).singleElement().satisfies(d -> {
            assertThat(d.streamArn()).isEqualTo(ORDERS);
            assertThat(d.destinationStatus()).isEqualTo(DestinationStatus.ACTIVE);
        });
        put("after", "restart", "still sent");
        assertThat(kinesis.await(1)).singleElement().satisfies(r -> assertThat(r.data().get("dynamodb").get("Keys").get("pk").get("S").asText())
                .isEqualTo("after"));
    }

    @Test
    void withoutAnEndpointNoStreamExists() {
        try (StreamsBox alone = new StreamsBox(door, b -> b.delayTransientStatuses(DELAY))) {
            alone.client.createTable(b -> b.tableName("orders").attributeDefinitions(s("pk")).keySchema(hash("pk"))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            alone.advance(DELAY);
            assertThat(alone.client.enableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(ORDERS)).destinationStatus())
                    .isEqualTo(DestinationStatus.ENABLING);
            alone.advance(DELAY);
            KinesisDataStreamDestination failed = alone.client.describeKinesisStreamingDestination(b -> b.tableName("orders"))
                    .kinesisDataStreamDestinations().get(0);
            assertThat(failed.destinationStatus()).isEqualTo(DestinationStatus.ENABLE_FAILED);
            assertThat(failed.destinationStatusDescription()).startsWith(NO_PERMISSION + " [Dynabox: ");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
