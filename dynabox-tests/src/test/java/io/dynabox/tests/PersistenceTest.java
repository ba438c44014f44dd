package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.server.DynaboxServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** What --db-path promises across a clean restart: tables (with their settings), items, counts, namespaces. */
class PersistenceTest {
    @TempDir
    Path dir;

    @Test
    void tablesAndItemsSurviveARestart() {
        TableDescription before;
        try (DynaboxServer server = start(); DynamoDbClient client = client(server, "alice")) {
            client.createTable(b -> b.tableName("orders")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH), k -> k.attributeName("n").keyType(KeyType.RANGE))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("n").attributeType(ScalarAttributeType.N),
                            a -> a.attributeName("owner").attributeType(ScalarAttributeType.S))
                    .globalSecondaryIndexes(g -> g.indexName("byOwner").keySchema(k -> k.attributeName("owner").keyType(KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.ALL)))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .tags(t -> t.key("team").value("blue")));
            for (int i = 0; i < 5; i++) {
                int n = i;
                client.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("" + n),
                        "owner", AttributeValue.fromS("o" + n % 2), "doc", AttributeValue.fromM(Map.of("x", AttributeValue.fromL(
                                java.util.List.of(AttributeValue.fromBs(java.util.List.of(software.amazon.awssdk.core.SdkBytes.fromUtf8String("b"))))))))));
            }
            client.deleteItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("4"))));
            client.updateTable(b -> b.tableName("orders").deletionProtectionEnabled(true));
            before = client.describeTable(b -> b.tableName("orders")).table();
        }
        try (DynaboxServer server = start(); DynamoDbClient alice = client(server, "alice"); DynamoDbClient bob = client(server, "bob")) {
            TableDescription after = alice.describeTable(b -> b.tableName("orders")).table();
            assertThat(after).isEqualTo(before);
            assertThat(after.itemCount()).isEqualTo(4L);
            assertThat(after.deletionProtectionEnabled()).isTrue();
            Map<String, AttributeValue> item = alice.getItem(b -> b.tableName("orders")
                    .key(Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("3")))).item();
            assertThat(item.get("owner").s()).isEqualTo("o1");
            assertThat(item.get("doc").m().get("x").l().get(0).bs().get(0).asUtf8String()).isEqualTo("b");
            assertThat(alice.getItem(b -> b.tableName("orders")
                    .key(Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("4")))).hasItem()).isFalse();
            assertThat(bob.listTables().tableNames()).isEmpty(); // another namespace, another file
        }
        assertThat(dir.resolve("alice_us-east-1.db")).exists();
        assertThat(dir.resolve("bob_us-east-1.db")).doesNotExist();
    }

    @Test
    void aDeletedTableStaysDeleted() {
        try (DynaboxServer server = start(); DynamoDbClient client = client(server, "carol")) {
            client.createTable(b -> b.tableName("gone")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            client.putItem(b -> b.tableName("gone").item(Map.of("id", AttributeValue.fromS("x"))));
            client.deleteTable(b -> b.tableName("gone"));
            client.createTable(b -> b.tableName("gone")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            assertThat(client.getItem(b -> b.tableName("gone").key(Map.of("id", AttributeValue.fromS("x")))).hasItem()).isFalse();
            client.deleteTable(b -> b.tableName("gone"));
        }
        try (DynaboxServer server = start(); DynamoDbClient client = client(server, "carol")) {
            assertThat(client.listTables().tableNames()).isEmpty();
        }
    }

    /** A write the disk will not take answers InternalServerError; reads go on, and writes resume once the file can be written. */
    @Test
    void aWriteThatCannotBeCommittedIsAnInternalServerErrorAndTheServerKeepsServing() throws Exception {
        try (DynaboxServer server = start(); DynamoDbClient client = client(server, "dave")) {
            client.createTable(b -> b.tableName("things")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            client.putItem(b -> b.tableName("things").item(Map.of("id", AttributeValue.fromS("a"), "v", AttributeValue.fromN("1"))));
            try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dave_us-east-1.db"));
                 java.sql.Statement s = other.createStatement()) {
                s.execute("BEGIN EXCLUSIVE"); // another program keeps the file's write lock past the busy timeout
                assertThatThrownBy(() -> client.putItem(b -> b.tableName("things")
                        .item(Map.of("id", AttributeValue.fromS("a"), "v", AttributeValue.fromN("2")))))
                        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(500);
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
                        });
                Map<String, AttributeValue> item = client.getItem(b -> b.tableName("things").key(Map.of("id", AttributeValue.fromS("a")))).item();
                assertThat(item.get("v").n()).isEqualTo("1"); // the failed write was withdrawn; reads are served
                s.execute("ROLLBACK");
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (true) {
                try {
                    client.putItem(b -> b.tableName("things").item(Map.of("id", AttributeValue.fromS("a"), "v", AttributeValue.fromN("3"))));
                    break;
                } catch (DynamoDbException e) {
                    if (e.statusCode() != 500 || System.currentTimeMillis() > deadline) throw e;
                    Thread.sleep(200); // the file refuses writes until its trial write succeeds
                }
            }
        }
        try (DynaboxServer server = start(); DynamoDbClient client = client(server, "dave")) {
            assertThat(client.getItem(b -> b.tableName("things").key(Map.of("id", AttributeValue.fromS("a")))).item().get("v").n()).isEqualTo("3");
        }
    }

    /**
     * A transaction whose commit fails answers 500 and changes nothing, so the SDK's retry with the
     * same ClientRequestToken must run it: it was answered as a replay, 200, and nothing was written.
     */
    @Test
    void aTransactionThatCannotBeCommittedRunsAgainWhenRetriedWithItsToken() throws Exception {
        try (DynaboxServer server = start(); DynamoDbClient client = client(server, "erin")) {
            createThings(client);
            java.util.function.Consumer<software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest.Builder> paid = b -> b
                    .clientRequestToken("order-1").transactItems(t -> t.put(p -> p.tableName("things")
                            .item(Map.of("id", AttributeValue.fromS("a"), "v", AttributeValue.fromS("paid")))));
            try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("erin_us-east-1.db"));
                 java.sql.Statement s = other.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                assertThatThrownBy(() -> client.transactWriteItems(paid))
                        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
                s.execute("ROLLBACK");
            }
            untilWritesAreTaken(() -> client.transactWriteItems(paid));
            assertThat(client.getItem(b -> b.tableName("things").key(Map.of("id", AttributeValue.fromS("a"))).consistentRead(true)).item())
                    .containsEntry("v", AttributeValue.fromS("paid"));
        }
    }

    /** A control-plane change the file cannot take answers 500 and is not in effect either, rather than until the next restart. */
    @Test
    void aTableChangeThatCannotBeCommittedLeavesTheTableAsItWas() throws Exception {
        try (DynaboxServer server = start(); DynamoDbClient client = client(server, "fran")) {
            createThings(client);
            String arn = client.describeTable(b -> b.tableName("things")).table().tableArn();
            try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("fran_us-east-1.db"));
                 java.sql.Statement s = other.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> changes = List.of(
                        () -> client.tagResource(b -> b.resourceArn(arn).tags(t -> t.key("k").value("v"))),
                        () -> client.updateTimeToLive(b -> b.tableName("things").timeToLiveSpecification(t -> t.attributeName("exp").enabled(true))),
                        () -> client.updateTable(b -> b.tableName("things").deletionProtectionEnabled(true)),
                        () -> client.updateTable(b -> b.tableName("things").streamSpecification(x -> x.streamEnabled(true)
                                .streamViewType(software.amazon.awssdk.services.dynamodb.model.StreamViewType.NEW_IMAGE))),
                        () -> client.updateContinuousBackups(b -> b.tableName("things").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true))),
                        () -> client.deleteTable(b -> b.tableName("things")));
                for (var change : changes) {
                    assertThatThrownBy(change).isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
                }
                s.execute("ROLLBACK");
            }
            var table = client.describeTable(b -> b.tableName("things")).table();
            assertThat(table.deletionProtectionEnabled()).isFalse();
            assertThat(table.streamSpecification()).isNull();
            assertThat(client.listTagsOfResource(b -> b.resourceArn(arn)).tags()).isEmpty();
            assertThat(client.describeTimeToLive(b -> b.tableName("things")).timeToLiveDescription().timeToLiveStatusAsString()).isEqualTo("DISABLED");
            assertThat(client.describeContinuousBackups(b -> b.tableName("things")).continuousBackupsDescription()
                    .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()).isEqualTo("DISABLED");
            untilWritesAreTaken(() -> client.tagResource(b -> b.resourceArn(arn).tags(t -> t.key("k").value("v"))));
            assertThat(client.listTagsOfResource(b -> b.resourceArn(arn)).tags()).hasSize(1);
        }
    }

    /** A database file deleted while the server runs takes no more writes (SQLite would write on to it, and the next start find nothing). */
    @Test
    void aDatabaseFileRemovedWhileRunningTakesNoMoreWrites() throws Exception {
        try (DynaboxServer server = start(); DynamoDbClient client = client(server, "gina")) {
            createThings(client);
            client.putItem(b -> b.tableName("things").item(Map.of("id", AttributeValue.fromS("a"))));
            java.nio.file.Files.delete(dir.resolve("gina_us-east-1.db"));
            assertThatThrownBy(() -> client.putItem(b -> b.tableName("things").item(Map.of("id", AttributeValue.fromS("b")))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorMessage()).contains("was removed while Dynabox ran");
                    });
            assertThat(client.getItem(b -> b.tableName("things").key(Map.of("id", AttributeValue.fromS("a")))).hasItem()).isTrue();
            assertThat(client.getItem(b -> b.tableName("things").key(Map.of("id", AttributeValue.fromS("b")))).hasItem()).isFalse();
        }
    }

    private static void createThings(DynamoDbClient client) {
        client.createTable(b -> b.tableName("things")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    /** Runs {@code write} until the file takes writes again (it refuses them until its trial write succeeds). */
    private static void untilWritesAreTaken(Runnable write) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                write.run();
                return;
            } catch (DynamoDbException e) {
                if (e.statusCode() != 500 || System.currentTimeMillis() > deadline) throw e;
                Thread.sleep(200);
            }
        }
    }

    private DynaboxServer start() {
        return DynaboxServer.start(DynaboxOptions.builder().port(0).dbPath(dir).build());
    }

    static DynamoDbClient client(DynaboxServer server, String accessKey) {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .overrideConfiguration(c -> c.retryPolicy(software.amazon.awssdk.core.retry.RetryPolicy.none()))
                .build();
    }
}
