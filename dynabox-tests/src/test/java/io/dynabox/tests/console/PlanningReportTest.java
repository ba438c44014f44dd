package io.dynabox.tests.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.simulation.SimulationSettings;
import io.dynabox.sdk.Dynabox;
import io.dynabox.sdk.DynaboxNamespace;
import io.dynabox.server.DynaboxServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The planning report's figures for a scripted workload: its consumed totals equal the sums
 * of what ReturnConsumedCapacity reported item by item, and its sizes follow the service's
 * size rules, through both doors (the workload runs over HTTP or in-process; time is the
 * engine's manual clock, so the seconds are exact).
 */
class PlanningReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

    private Dynabox dynabox;
    private DynaboxServer server;

    @AfterEach
    void stop() {
        if (dynabox != null) dynabox.close();
    }

    private DynamoDbClient client(String door, DynaboxNamespace namespace) {
        if (door.equals("IN_PROCESS")) return namespace.dynamoDbClient();
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(namespace.accessKeyId(), "x")))
                .build();
    }

    /** An item of exactly {@code size} bytes by the service's rules: pk (S, 1 char), sk (N, 1 digit), owner "ada", data. */
    private static Map<String, AttributeValue> item(String pk, int sk, int size) {
        // "pk"+1 = 3, "sk"+2 = 4 (a one-digit number is 2 bytes), "owner"+3 = 8, "data" = 4 + the string
        int data = size - 3 - 4 - 8 - 4;
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Integer.toString(sk)),
                "owner", AttributeValue.fromS("ada"), "data", AttributeValue.fromS("x".repeat(data)));
    }

    private static Map<String, AttributeValue> key(String pk, int sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Integer.toString(sk)));
    }

    private void advance(int seconds) {
        dynabox.engine().clock().advance(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP", "IN_PROCESS"})
    void consumedTotalsAreTheSumsOfReturnConsumedCapacityAndSizesFollowTheServiceRules(String door) {
        dynabox = Dynabox.withOptions(DynaboxOptions.builder().manualClock(START).build());
        server = dynabox.startServer();
        DynaboxNamespace namespace = dynabox.newNamespace();
        DynamoDbClient client = client(door, namespace);
        client.createTable(b -> b.tableName("orders")
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N),
                        a -> a.attributeName("owner").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(i -> i.indexName("byowner")
                        .keySchema(k -> k.attributeName("owner").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                .billingMode(BillingMode.PAY_PER_REQUEST));

        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        double writes = 0;
        double reads = 0;
        // second 0: three writes of 1,000, 1,000 and 2,500 bytes (1, 1 and 3 units, each plus 1 for the index entry)
        writes += client.putItem(b -> b.tableName("orders").item(item("a", 1, 1000)).returnConsumedCapacity(total)).consumedCapacity().capacityUnits();
        writes += client.putItem(b -> b.tableName("orders").item(item("a", 2, 1000)).returnConsumedCapacity(total)).consumedCapacity().capacityUnits();
        writes += client.putItem(b -> b.tableName("orders").item(item("b", 1, 2500)).returnConsumedCapacity(total)).consumedCapacity().capacityUnits();
        assertThat(writes).isEqualTo(8.0);

        // second 1: reads (eventual 0.5, consistent 1, a query of two items: 2,000 bytes, 0.5), and a batch of two writes
        advance(1);
        reads += client.getItem(b -> b.tableName("orders").key(key("a", 1)).returnConsumedCapacity(total)).consumedCapacity().capacityUnits();
        reads += client.getItem(b -> b.tableName("orders").key(key("a", 1)).consistentRead(true).returnConsumedCapacity(total))
                .consumedCapacity().capacityUnits();
        reads += client.query(b -> b.tableName("orders").keyConditionExpression("pk = :a")
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("a"))).returnConsumedCapacity(total)).consumedCapacity().capacityUnits();
        Map<String, List<WriteRequest>> batch = Map.of("orders", List.of(
                WriteRequest.builder().putRequest(p -> p.item(item("c", 1, 500))).build(),
                WriteRequest.builder().deleteRequest(d -> d.key(key("a", 2))).build()));
        for (ConsumedCapacity c : client.batchWriteItem(b -> b.requestItems(batch).returnConsumedCapacity(total)).consumedCapacity()) {
            writes += c.capacityUnits();
        }
        assertThat(reads).isEqualTo(2.0);
        assertThat(writes).isEqualTo(12.0);

        // second 3 (second 2 idle): a scan and an update
        advance(2);
        reads += client.scan(b -> b.tableName("orders").returnConsumedCapacity(total)).consumedCapacity().capacityUnits();
        writes += client.updateItem(b -> b.tableName("orders").key(key("c", 1)).updateExpression("SET n = :n")
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("7"))).returnConsumedCapacity(total)).consumedCapacity().capacityUnits();
        assertThat(reads).isEqualTo(2.5);
        assertThat(writes).isEqualTo(13.0);

        TableDescription described = client.describeTable(b -> b.tableName("orders")).table();
        JsonNode report = reportJson(namespace);
        JsonNode orders = table(report, "orders");

        assertThat(orders.path("namespace").asText()).isEqualTo(namespace.accessKeyId() + "_us-east-1");
        assertThat(orders.path("readCapacityUnits").asDouble()).isEqualTo(reads).isEqualTo(2.5);
        assertThat(orders.path("writeCapacityUnits").asDouble()).isEqualTo(writes).isEqualTo(13.0);
        assertThat(orders.path("itemCount").asLong()).isEqualTo(described.itemCount()).isEqualTo(3);
        // a (1) 1,000 + b 2,500 + c 500 + " n": 1 + 2 bytes
        assertThat(orders.path("tableSizeBytes").asLong()).isEqualTo(described.tableSizeBytes()).isEqualTo(4003);
        JsonNode index = orders.path("indexes").get(0);
        assertThat(index.path("indexName").asText()).isEqualTo("byowner");
        assertThat(index.path("itemCount").asLong()).isEqualTo(3);
        // an index entry holds the keys: pk 3 + sk 4 + owner 8 bytes = 15 each
        assertThat(index.path("indexSizeBytes").asLong()).isEqualTo(described.globalSecondaryIndexes().get(0).indexSizeBytes()).isEqualTo(45);
        assertThat(index.path("writeCapacityUnits").asDouble()).isEqualTo(5.0);   // one unit per index entry written: 3 puts, the batch's put and delete (the update changes no indexed attribute)
        // storage as billed: sizes plus 100 bytes an item, in the table and in the index
        assertThat(orders.path("billedStorageBytes").asLong()).isEqualTo(4003 + 300 + 45 + 300);

        // per second: writes 8 in second 0, 4 in second 1, none in second 2, 1 in second 3
        JsonNode write = orders.path("write");
        assertThat(write.path("total").asDouble()).isEqualTo(13.0);
        assertThat(write.path("peakPerSecond").asDouble()).isEqualTo(8.0);
        assertThat(write.path("peakAt").asText()).isEqualTo("2026-01-05T10:00:00Z");
        assertThat(write.path("seconds").asLong()).isEqualTo(4);
        assertThat(write.path("p50").asDouble()).isEqualTo(1.0);   // of 0, 1, 4, 8
        assertThat(write.path("averagePerSecond").asDouble()).isEqualTo(3.25);
        assertThat(orders.path("read").path("peakPerSecond").asDouble()).isEqualTo(2.0);
        assertThat(orders.path("byAction").path("PutItem").path("writeCapacityUnits").asDouble()).isEqualTo(8.0);
        assertThat(orders.path("byAction").path("PutItem").path("requests").asLong()).isEqualTo(3);
        assertThat(orders.path("byAction").path("BatchWriteItem").path("writeCapacityUnits").asDouble()).isEqualTo(4.0);
        assertThat(orders.path("byAction").path("GetItem").path("readCapacityUnits").asDouble()).isEqualTo(1.5);
        assertThat(orders.path("requests").asLong()).isEqualTo(9);

        // the table's own capacity (the global index has its own): its busiest second wrote 1 + 1 + 3 units
        JsonNode provisioned = orders.path("provisioned");
        assertThat(provisioned.path("withoutBurst").path("writeCapacityUnits").asLong()).isEqualTo(5);
        assertThat(provisioned.path("withoutBurst").path("readCapacityUnits").asLong()).isEqualTo(2);
        assertThat(index.path("provisioned").path("withoutBurst").path("writeCapacityUnits").asLong()).isEqualTo(3);

        // the hottest key: "a" (writes: two puts and the batch's delete; reads: the two gets and the query; a scan falls on no one key)
        JsonNode hot = orders.path("hotKeys").get(0);
        assertThat(hot.path("partitionKey").toString()).isEqualTo("{\"pk\":{\"S\":\"a\"}}");
        assertThat(hot.path("writeCapacityUnits").asDouble()).isEqualTo(3.0);
        assertThat(hot.path("readCapacityUnits").asDouble()).isEqualTo(2.0);

        JsonNode stored = orders.path("itemSizes").path("stored");
        assertThat(stored.path("items").asLong()).isEqualTo(3);
        assertThat(stored.path("largestBytes").asLong()).isEqualTo(2500);
        assertThat(bucket(stored, 1024)).isEqualTo(2);   // 1,000 and 503 bytes
        assertThat(bucket(stored, 4096)).isEqualTo(1);   // 2,500 bytes
        JsonNode written = orders.path("itemSizes").path("written");
        assertThat(written.path("items").asLong()).isEqualTo(5);   // four puts and the update
        assertThat(orders.path("warnings")).isEmpty();
    }

    @Test
    void costsScaleWithTheRunsShareOfADayAndThePricesFile() {
        dynabox = Dynabox.withOptions(DynaboxOptions.builder().manualClock(START).build());
        server = dynabox.startServer();
        DynaboxNamespace namespace = dynabox.newNamespace();
        DynamoDbClient client = namespace.dynamoDbClient();
        client.createTable(b -> b.tableName("things").keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        for (int i = 0; i < 10; i++) {
            String pk = "k" + i;
            client.putItem(b -> b.tableName("things").item(Map.of("pk", AttributeValue.fromS(pk))));
        }
        // 10 write units in one second; a run of 1/86,400 of a day gives 864,000 units a day, 26,280,000 a month
        JsonNode t = table(report("/dynabox/report.json?runsPerDay=86400&accessKey=" + namespace.accessKeyId()), "things");
        assertThat(t.path("monthlyCost").path("onDemandWrites").asDouble()).isEqualTo(Math.round(26_280_000 / 1e6 * 0.625 * 100) / 100.0);
        // provisioned: 10 WCU (the peak; a bucket that starts empty gives no burst in the first second) for 730 hours
        assertThat(t.path("provisioned").path("withBurst").path("writeCapacityUnits").asLong()).isEqualTo(10);
        assertThat(t.path("monthlyCost").path("provisioned").asDouble()).isEqualTo(Math.round((10 * 0.00065 + 1 * 0.00013) * 730 * 100) / 100.0);
        assertThat(report("/dynabox/report.json").path("prices").path("date").asText()).isEqualTo("2024-11-01");
        // traffic twice the run's: twice the peak
        JsonNode doubled = table(report("/dynabox/report.json?trafficMultiplier=2&accessKey=" + namespace.accessKeyId()), "things");
        assertThat(doubled.path("write").path("peakPerSecond").asDouble()).isEqualTo(20.0);
        assertThat(Http.get(server.endpoint(), "/dynabox/report.json?runsPerDay=-1").statusCode()).isEqualTo(400);
        // from Java: the same figures
        JsonNode fromJava = JSON.valueToTree(dynabox.planningReport());
        assertThat(table(fromJava, "things").path("writeCapacityUnits").asDouble()).isEqualTo(10.0);
        assertThat(dynabox.planningReportHtml()).contains("data-table=\"things\"");
    }

    @Test
    void aDroppedNamespaceIsReportedFromWhatItsTablesServedAndStaysDropped() {
        // what a test suite does: a namespace a test, dropped when the test ends; the report still counts its tables
        dynabox = Dynabox.withOptions(DynaboxOptions.builder().manualClock(START).build());
        DynaboxNamespace scratch = dynabox.newNamespace();
        DynamoDbClient client = scratch.dynamoDbClient();
        client.createTable(b -> b.tableName("things").keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.putItem(b -> b.tableName("things").item(Map.of("pk", AttributeValue.fromS("a"))));
        String id = dynabox.engine().namespaceId(scratch.accessKeyId(), scratch.region().id());
        scratch.drop();

        JsonNode report = JSON.valueToTree(dynabox.planningReport());
        JsonNode things = table(report, "things");
        assertThat(things.path("namespace").asText()).isEqualTo(id);
        assertThat(things.path("region").asText()).isEqualTo(scratch.region().id());
        assertThat(things.path("status").asText()).isEqualTo("DELETED");
        assertThat(things.path("writeCapacityUnits").asDouble()).isEqualTo(1.0);
        assertThat(dynabox.engine().namespaceIds()).doesNotContain(id);
    }

    @Test
    void warnsOfHotKeysAndLargeItems() {
        dynabox = Dynabox.withOptions(DynaboxOptions.builder().manualClock(START).build());
        server = dynabox.startServer();
        DynaboxNamespace namespace = dynabox.newNamespace();
        DynamoDbClient client = namespace.dynamoDbClient();
        client.createTable(b -> b.tableName("things").keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S), a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        // 3 writes of 300 KB under one key in one second: 900 units, past 80% of a partition's 1,000
        String big = "x".repeat(300 * 1024 - 20);
        for (int i = 0; i < 3; i++) {
            String sk = Integer.toString(i);
            client.putItem(b -> b.tableName("things").item(Map.of("pk", AttributeValue.fromS("hot"), "sk", AttributeValue.fromN(sk), "d", AttributeValue.fromS(big))));
        }
        client.putItem(b -> b.tableName("things").item(Map.of("pk", AttributeValue.fromS("large"), "sk", AttributeValue.fromN("1"),
                "d", AttributeValue.fromS("y".repeat(380 * 1024)))));
        JsonNode t = table(report("/dynabox/report.json"), "things");
        assertThat(t.path("warnings").findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).startsWith("partition key {\"pk\":{\"S\":\"hot\"}} took ").endsWith(" write units in one second; one partition serves at most 1,000 a second"))
                .anySatisfy(m -> assertThat(m).isEqualTo("1 items are over 350 KB; an item may be at most 400 KB"));
        String html = Http.get(server.endpoint(), "/dynabox/report").body();
        assertThat(html).contains("<title>Dynabox planning report</title>").contains("data-table=\"things\"").contains("one partition serves at most 1,000 a second");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP", "IN_PROCESS"})
    void failedConditionalWritesAreChargedAndThrottledUnitsCounted(String door) {
        dynabox = Dynabox.withOptions(DynaboxOptions.builder().manualClock(START).build());
        server = dynabox.startServer();
        DynaboxNamespace namespace = dynabox.newNamespace();
        namespace.simulation(SimulationSettings.OFF.withThrottling(true));
        DynamoDbClient client = client(door, namespace);
        client.createTable(b -> b.tableName("slow").keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .provisionedThroughput(p -> p.readCapacityUnits(10L).writeCapacityUnits(10L)));
        // a new table starts with a second's capacity: ten write units (the clock stands still)
        Map<String, AttributeValue> big = Map.of("pk", AttributeValue.fromS("a"), "d", AttributeValue.fromS("x".repeat(2500)));
        client.putItem(b -> b.tableName("slow").item(big)); // 3 units

        // a failed condition still consumes: the existing item's size (2,504 bytes: 3 units), or one unit with no item
        ConditionalCheckFailedException failed = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> client.putItem(b -> b.tableName("slow").item(big).conditionExpression("attribute_not_exists(pk)")));
        ConditionalCheckFailedException none = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> client.deleteItem(b -> b.tableName("slow").key(Map.of("pk", AttributeValue.fromS("z"))).conditionExpression("attribute_exists(pk)")));
        assertThat(failed).isNotNull();
        assertThat(none).isNotNull();
        // 7 of the 10 units are gone: a 3-unit write goes, then the next is refused
        client.putItem(b -> b.tableName("slow").item(Map.of("pk", AttributeValue.fromS("b"), "d", AttributeValue.fromS("x".repeat(2500)))));
        ProvisionedThroughputExceededException refused = catchThrowableOfType(ProvisionedThroughputExceededException.class,
                () -> client.putItem(b -> b.tableName("slow").item(Map.of("pk", AttributeValue.fromS("c"), "d", AttributeValue.fromS("x".repeat(1500))))));
        assertThat(refused).isNotNull();

        JsonNode slow = table(reportJson(namespace), "slow");
        assertThat(slow.path("writeCapacityUnits").asDouble()).isEqualTo(3 + 3 + 1 + 3);
        assertThat(slow.path("byAction").path("DeleteItem").path("writeCapacityUnits").asDouble()).isEqualTo(1.0);
        // the SDK retried the refused put (each attempt refused: the clock stands still); each attempt would have written 2 units
        long attempts = slow.path("throttledRequests").asLong();
        assertThat(attempts).isGreaterThanOrEqualTo(1);
        assertThat(slow.path("throttledWriteUnits").asDouble()).isEqualTo(2.0 * attempts);
        assertThat(slow.path("throttledReadUnits").asDouble()).isEqualTo(0.0);
        assertThat(Http.get(server.endpoint(), "/metrics").body())
                .contains("dynabox_throttled_capacity_units_total{action=\"PutItem\",index=\"\",table=\"slow\",unit=\"write\"} " + (2.0 * attempts))
                .contains("dynabox_consumed_capacity_units_total{action=\"DeleteItem\",index=\"\",table=\"slow\",unit=\"write\"} 1.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP", "IN_PROCESS"})
    void aBatchGetsUnprocessedKeysAreThrottledUnits(String door) {
        dynabox = Dynabox.withOptions(DynaboxOptions.builder().manualClock(START).build());
        server = dynabox.startServer();
        DynaboxNamespace namespace = dynabox.newNamespace();
        namespace.simulation(SimulationSettings.OFF.withThrottling(true));
        DynamoDbClient client = client(door, namespace);
        client.createTable(b -> b.tableName("thin").keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(10L)));
        // a new table starts with a second's capacity (the clock stands still): one read unit, two eventually consistent reads of a small item
        List<Map<String, AttributeValue>> keys = new java.util.ArrayList<>();
        for (String pk : List.of("a", "b", "c", "d")) {
            client.putItem(b -> b.tableName("thin").item(Map.of("pk", AttributeValue.fromS(pk))));
            keys.add(Map.of("pk", AttributeValue.fromS(pk)));
        }

        var answer = client.batchGetItem(b -> b.requestItems(Map.of("thin", software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                .keys(keys).build())));

        assertThat(answer.responses().get("thin")).hasSize(2);
        assertThat(answer.unprocessedKeys().get("thin").keys()).hasSize(2);
        JsonNode thin = table(reportJson(namespace), "thin");
        assertThat(thin.path("readCapacityUnits").asDouble()).isEqualTo(1.0);
        assertThat(thin.path("throttledReadUnits").asDouble()).isEqualTo(1.0); // two keys left, half a unit each at least
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP", "IN_PROCESS"})
    void costsUseTheNamespaceRegionsPrices(String door) {
        dynabox = Dynabox.withOptions(DynaboxOptions.builder().manualClock(START).build());
        server = dynabox.startServer();
        DynaboxNamespace namespace = dynabox.newNamespace(Region.EU_WEST_1);
        DynamoDbClient client = door.equals("IN_PROCESS") ? namespace.dynamoDbClient()
                : DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(server.endpoint())
                        .region(Region.EU_WEST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(namespace.accessKeyId(), "x")))
                        .build();
        client.createTable(b -> b.tableName("dublin").keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        advance(1);
        for (int i = 0; i < 4; i++) {
            int n = i;
            client.putItem(b -> b.tableName("dublin").item(Map.of("pk", AttributeValue.fromS("k" + n))));
        }
        advance(1);

        JsonNode report = report("/dynabox/report.json?runsPerDay=1000000&accessKey=" + namespace.accessKeyId() + "&region=eu-west-1");

        assertThat(report.path("prices").path("region").asText()).isEqualTo("eu-west-1");
        assertThat(report.path("prices").path("date").asText()).isEqualTo("2025-08-28");
        // 4 write units a run, a million runs a day, 365/12 days a month, at Ireland's $0.7068 a million write request units
        assertThat(table(report, "dublin").path("monthlyCost").path("onDemandWrites").asDouble())
                .isEqualTo(Math.round(4 * 1_000_000 * (365.0 / 12) / 1e6 * 0.7068 * 100) / 100.0).isEqualTo(85.99);
    }

    @Test
    void keepsWhatItCountedAcrossARestartWithDbPath() {
        java.nio.file.Path directory = temporaryDirectory();
        DynaboxOptions options = DynaboxOptions.builder().dbPath(directory).manualClock(START).build();
        String accessKey;
        try (Dynabox first = Dynabox.withOptions(options)) {
            DynaboxNamespace namespace = first.newNamespace();
            accessKey = namespace.accessKeyId();
            DynamoDbClient client = namespace.dynamoDbClient();
            client.createTable(b -> b.tableName("things").keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            client.putItem(b -> b.tableName("things").item(Map.of("pk", AttributeValue.fromS("a"))));
            client.getItem(b -> b.tableName("things").key(Map.of("pk", AttributeValue.fromS("a"))));
        }
        dynabox = Dynabox.withOptions(options);
        server = dynabox.startServer();
        JsonNode t = table(report("/dynabox/report.json"), "things");
        assertThat(t.path("namespace").asText()).isEqualTo(accessKey + "_us-east-1");
        assertThat(t.path("writeCapacityUnits").asDouble()).isEqualTo(1.0);
        assertThat(t.path("readCapacityUnits").asDouble()).isEqualTo(0.5);
        assertThat(t.path("itemCount").asLong()).isEqualTo(1);
    }

    private static java.nio.file.Path temporaryDirectory() {
        try {
            java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("dynabox-accounting");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode reportJson(DynaboxNamespace namespace) {
        return report("/dynabox/report.json?accessKey=" + namespace.accessKeyId());
    }

    private JsonNode report(String path) {
        HttpResponse<String> response = Http.get(server.endpoint(), path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode table(JsonNode report, String name) {
        Map<String, JsonNode> byName = new HashMap<>();
        report.path("tables").forEach(t -> byName.put(t.path("tableName").asText(), t));
        assertThat(byName).containsKey(name);
        return byName.get(name);
    }

    private static long bucket(JsonNode sizes, long upTo) {
        for (JsonNode b : sizes.path("buckets")) if (b.path("upToBytes").asLong() == upTo) return b.path("items").asLong();
        throw new AssertionError("no bucket up to " + upTo);
    }
}
