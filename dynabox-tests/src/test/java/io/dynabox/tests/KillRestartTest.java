package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DestinationStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.Replica;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Work a server had accepted but not finished survives SIGKILL with {@code --db-path}: a child
 * Dynabox server is killed while replicated writes wait for their replication delay (of a current and of a
 * legacy 2017.11.29 global table, whose writes get their replication attributes first), while
 * Kinesis records wait for an endpoint that refuses them, and while an import waits for its S3
 * read, then started again on the same directory; the writes reach the other replica, the
 * records reach Kinesis, and the import is resumed and completes. (A kill needs a
 * process of its own, so this test goes through the HTTP door only; the in-process door shares
 * the engine and its store.)
 */
class KillRestartTest {
    private static final String WEST = "us-west-2";
    private static final String EUROPE = "eu-west-1";

    @TempDir
    Path dir;

    private final List<ChildServer> children = new ArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (ChildServer child : children) child.kill();
    }

    @Test
    void replicatedWritesNotYetShippedReachTheOtherReplicaAfterAKill() throws Exception {
        ChildServer first = startChild("--replication-delay", "600000");
        URI endpoint = first.endpoint();
        try (DynamoDbClient east = client(endpoint, Region.US_EAST_1); DynamoDbClient west = client(endpoint, Region.of(WEST))) {
            east.createTable(b -> b.tableName("music").attributeDefinitions(s("pk")).keySchema(hash("pk")).billingMode(BillingMode.PAY_PER_REQUEST));
            east.updateTable(b -> b.tableName("music").replicaUpdates(ReplicationGroupUpdate.builder().create(c -> c.regionName(WEST)).build()));
            for (int i = 0; i < 20; i++) put(east, "song-" + i, "v1");
            put(east, "song-3", "v2");
            east.deleteItem(b -> b.tableName("music").key(key("song-4")));
            // the west replica's own write of an item, later than east's: it must win after the restart too
            Thread.sleep(5);
            put(west, "song-5", "west");
            assertThat(west.getItem(b -> b.tableName("music").key(key("song-0"))).hasItem()).as("still waiting for its delay").isFalse();
        }
        kill(first);

        ChildServer second = startChild("--replication-delay", "0");
        try (DynamoDbClient east = client(second.endpoint(), Region.US_EAST_1); DynamoDbClient west = client(second.endpoint(), Region.of(WEST))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!west.getItem(b -> b.tableName("music").key(key("song-19"))).hasItem() && System.nanoTime() < deadline) Thread.sleep(20);
            for (int i = 0; i < 20; i++) {
                String name = "song-" + i;
                var item = west.getItem(b -> b.tableName("music").key(key(name)).consistentRead(true)).item();
                String expected = i == 3 ? "v2" : i == 5 ? "west" : "v1";
                if (i == 4) assertThat(item).as(name).isEmpty();
                else assertThat(item.get("v").s()).as(name).isEqualTo(expected);
            }
            // and east took west's write of song-5 (it was pending too)
            while (!"west".equals(value(east, "song-5")) && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(value(east, "song-5")).isEqualTo("west");
        }
    }

    @Test
    void aLegacyReplicasWriteStampedButNotYetShippedReachesTheOtherReplicaAfterAKill() throws Exception {
        ChildServer first = startChild("--replication-delay", "600000");
        URI endpoint = first.endpoint();
        try (DynamoDbClient east = client(endpoint, Region.US_EAST_1); DynamoDbClient west = client(endpoint, Region.of(WEST))) {
            for (DynamoDbClient client : List.of(east, west)) {
                client.createTable(b -> b.tableName("music").attributeDefinitions(s("pk")).keySchema(hash("pk"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .streamSpecification(sp -> sp.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
            }
            east.createGlobalTable(b -> b.globalTableName("music").replicationGroup(Replica.builder().regionName("us-east-1").build(),
                    Replica.builder().regionName(WEST).build()));
            for (int i = 0; i < 5; i++) put(east, "song-" + i, "v1");
            // the legacy version writes its replication attributes into each item in its own region first, at once
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!stamped(east, "song-4") && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(stamped(east, "song-4")).isTrue();
            assertThat(west.getItem(b -> b.tableName("music").key(key("song-0"))).hasItem()).as("still waiting for its delay").isFalse();
        }
        kill(first);

        ChildServer second = startChild("--replication-delay", "0");
        try (DynamoDbClient east = client(second.endpoint(), Region.US_EAST_1); DynamoDbClient west = client(second.endpoint(), Region.of(WEST))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!west.getItem(b -> b.tableName("music").key(key("song-4"))).hasItem() && System.nanoTime() < deadline) Thread.sleep(20);
            for (int i = 0; i < 5; i++) {
                String name = "song-" + i;
                var inEast = east.getItem(b -> b.tableName("music").key(key(name)).consistentRead(true)).item();
                var inWest = west.getItem(b -> b.tableName("music").key(key(name)).consistentRead(true)).item();
                assertThat(inWest).as(name).isEqualTo(inEast).containsEntry("v", AttributeValue.fromS("v1"))
                        .containsEntry("aws:rep:updateregion", AttributeValue.fromS("us-east-1"));
            }
        }
    }

    private static boolean stamped(DynamoDbClient client, String name) {
        return client.getItem(b -> b.tableName("music").key(key(name)).consistentRead(true)).item().containsKey("aws:rep:updateregion");
    }

    @Test
    void aWriteReceivedBeforeAKillStillWinsOverAnOlderWriteShippedAgainAfterIt() throws Exception {
        ChildServer first = startChild("--replication-delay", "0");
        URI endpoint = first.endpoint();
        try (DynamoDbClient east = client(endpoint, Region.US_EAST_1); DynamoDbClient west = client(endpoint, Region.of(WEST));
             DynamoDbClient europe = client(endpoint, Region.of(EUROPE))) {
            east.createTable(b -> b.tableName("music").attributeDefinitions(s("pk")).keySchema(hash("pk")).billingMode(BillingMode.PAY_PER_REQUEST));
            for (String region : List.of(WEST, EUROPE)) {
                east.updateTable(b -> b.tableName("music").replicaUpdates(ReplicationGroupUpdate.builder().create(c -> c.regionName(region)).build()));
            }
            // europe's write waits for a long delay; east's later write of the item reaches west and europe at once
            admin(endpoint, "PUT", "/dynabox/replication", "{\"delayMillis\":600000}");
            put(europe, "song", "europe");
            Thread.sleep(5);
            admin(endpoint, "PUT", "/dynabox/replication", "{\"delayMillis\":0}");
            put(east, "song", "east");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!("east".equals(value(west, "song")) && "east".equals(value(europe, "song"))) && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(value(west, "song")).isEqualTo("east");
            assertThat(value(europe, "song")).isEqualTo("east");
            Thread.sleep(500); // east's write counts as applied everywhere: it is not shipped again after the kill
        }
        kill(first);

        ChildServer second = startChild("--replication-delay", "0");
        endpoint = second.endpoint();
        try (DynamoDbClient east = client(endpoint, Region.US_EAST_1); DynamoDbClient west = client(endpoint, Region.of(WEST));
             DynamoDbClient europe = client(endpoint, Region.of(EUROPE))) {
            europe.listTables(); // europe's namespace loads: its pending write is shipped again, older than east's
            assertThat(admin(endpoint, "POST", "/dynabox/replication/wait?timeoutMillis=20000", "")).contains("\"caughtUp\":true");
            // west had received east's write before the kill: it still knows it is the later one
            assertThat(value(west, "song")).isEqualTo("east");
            assertThat(value(east, "song")).isEqualTo("east");
            assertThat(value(europe, "song")).isEqualTo("east");
        }
    }

    private static String admin(URI endpoint, String method, String path, String body) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(endpoint.resolve(path)).method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    @Test
    void kinesisRecordsNotYetTakenReachTheEndpointAfterAKill() throws Exception {
        try (FakeKinesis kinesis = new FakeKinesis()) {
            kinesis.create("orders");
            ChildServer first = startChild("--kinesis-endpoint", kinesis.endpoint().toString());
            try (DynamoDbClient client = client(first.endpoint(), Region.US_EAST_1)) {
                client.createTable(b -> b.tableName("orders").attributeDefinitions(s("pk")).keySchema(hash("pk"))
                        .billingMode(BillingMode.PAY_PER_REQUEST));
                assertThat(client.enableKinesisStreamingDestination(b -> b.tableName("orders")
                        .streamArn("arn:aws:kinesis:us-east-1:000000000000:stream/orders")).destinationStatus())
                        .isEqualTo(DestinationStatus.ENABLING);
                kinesis.failCalls(Integer.MAX_VALUE); // the endpoint refuses every PutRecords from now on
                for (int i = 0; i < 12; i++) put(client, "order-" + i, "v1");
                client.deleteItem(b -> b.tableName("orders").key(key("order-0")));
                Thread.sleep(200);
                assertThat(kinesis.received()).isEmpty();
            }
            kill(first);
            kinesis.failCalls(0);

            ChildServer second = startChild("--kinesis-endpoint", kinesis.endpoint().toString());
            try (DynamoDbClient client = client(second.endpoint(), Region.US_EAST_1)) {
                client.listTables(); // loads the namespace at once (the Time to Live sweeper would within its first pass)
                List<FakeKinesis.Received> received = kinesis.await(13);
                assertThat(received).hasSize(13);
                assertThat(received).extracting(r -> r.data().get("eventName").textValue()).containsOnly("INSERT", "REMOVE")
                        .filteredOn("REMOVE"::equals).hasSize(1);
                assertThat(received).extracting(r -> r.data().path("dynamodb").path("Keys").path("pk").path("S").textValue())
                        .containsOnlyOnce("order-11", "order-1");
                put(client, "order-99", "after");
                assertThat(kinesis.await(14)).hasSize(14);
            }
        }
    }

    @Test
    void kinesisRecordsKeptOverTwoKillsAreNotReplacedByTheWritesBetween() throws Exception {
        // a table without a DynamoDB stream: nothing else carries its change numbers over a restart
        try (FakeKinesis kinesis = new FakeKinesis()) {
            kinesis.create("orders");
            ChildServer first = startChild("--kinesis-endpoint", kinesis.endpoint().toString());
            try (DynamoDbClient client = client(first.endpoint(), Region.US_EAST_1)) {
                client.createTable(b -> b.tableName("orders").attributeDefinitions(s("pk")).keySchema(hash("pk"))
                        .billingMode(BillingMode.PAY_PER_REQUEST));
                client.enableKinesisStreamingDestination(b -> b.tableName("orders").streamArn("arn:aws:kinesis:us-east-1:000000000000:stream/orders"));
                kinesis.failCalls(Integer.MAX_VALUE);
                for (int i = 0; i < 3; i++) put(client, "before-" + i, "v1");
                Thread.sleep(200);
            }
            kill(first);

            ChildServer second = startChild("--kinesis-endpoint", kinesis.endpoint().toString());
            try (DynamoDbClient client = client(second.endpoint(), Region.US_EAST_1)) {
                for (int i = 0; i < 2; i++) put(client, "between-" + i, "v1");
                Thread.sleep(200);
            }
            kill(second);
            kinesis.failCalls(0);

            ChildServer third = startChild("--kinesis-endpoint", kinesis.endpoint().toString());
            try (DynamoDbClient client = client(third.endpoint(), Region.US_EAST_1)) {
                client.listTables();
                assertThat(kinesis.await(5)).extracting(r -> r.data().path("dynamodb").path("Keys").path("pk").path("S").textValue())
                        .containsExactlyInAnyOrder("before-0", "before-1", "before-2", "between-0", "between-1");
            }
        }
    }

    @Test
    void anImportAtWorkWhenKilledIsResumedByTheNextStart() throws Exception {
        try (FakeS3 s3 = new FakeS3()) {
            s3.createBucket("lake");
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 300; i++) lines.append("{\"Item\":{\"pk\":{\"S\":\"k").append(i).append("\"}}}\n");
            s3.objects.get("lake").put("in/part-1.json", lines.toString().getBytes(StandardCharsets.UTF_8));
            s3.hold();
            ChildServer first = startChild("--s3-endpoint", s3.endpoint());
            String arn;
            try (DynamoDbClient client = client(first.endpoint(), Region.US_EAST_1)) {
                arn = client.importTable(b -> b.s3BucketSource(src -> src.s3Bucket("lake").s3KeyPrefix("in/"))
                        .inputFormat(InputFormat.DYNAMODB_JSON)
                        .tableCreationParameters(t -> t.tableName("imported").attributeDefinitions(s("pk")).keySchema(hash("pk"))
                                .billingMode(BillingMode.PAY_PER_REQUEST))).importTableDescription().importArn();
                assertThat(s3.getsWaiting.tryAcquire(30, TimeUnit.SECONDS)).as("the job reads its source").isTrue();
            }
            kill(first);
            s3.open();

            ChildServer second = startChild("--s3-endpoint", s3.endpoint());
            try (DynamoDbClient client = client(second.endpoint(), Region.US_EAST_1)) {
                ImportTableDescription done = TransferWaits.imported(client, arn);
                assertThat(done.importStatus()).isEqualTo(ImportStatus.COMPLETED);
                assertThat(done.importedItemCount()).isEqualTo(300);
                assertThat(client.describeTable(b -> b.tableName("imported")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
                assertThat(client.scan(b -> b.tableName("imported").select("COUNT")).count()).isEqualTo(300);
            }
        }
    }

    private static void put(DynamoDbClient client, String name, String value) {
        String table = client.listTables().tableNames().contains("music") ? "music" : "orders";
        client.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(name), "v", AttributeValue.fromS(value))));
    }

    private static String value(DynamoDbClient client, String name) {
        var item = client.getItem(b -> b.tableName("music").key(key(name)).consistentRead(true)).item();
        return item.containsKey("v") ? item.get("v").s() : null;
    }

    private static Map<String, AttributeValue> key(String name) {
        return Map.of("pk", AttributeValue.fromS(name));
    }

    private static void kill(ChildServer child) throws InterruptedException {
        assertThat(child.kill()).isTrue();
    }

    private ChildServer startChild(String... options) throws Exception {
        ChildServer child = ChildServer.start(dir, options);
        children.add(child);
        return child;
    }

    private static DynamoDbClient client(URI endpoint, Region region) {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(10)).build())
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("kill", "secret")))
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }
}
