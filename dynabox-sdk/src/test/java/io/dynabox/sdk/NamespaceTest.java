package io.dynabox.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.simulation.FaultRule;
import io.dynabox.engine.table.NamespaceSnapshot;
import io.dynabox.engine.table.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Namespaces: isolation, reset, snapshot and restore, JSON fixtures. */
class NamespaceTest {
    static final Dynabox DYNABOX = Dynabox.inMemory();

    static final String TABLES = """
            [{"TableName": "orders",
              "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                       {"AttributeName": "sk", "AttributeType": "N"},
                                       {"AttributeName": "status", "AttributeType": "S"}],
              "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
              "GlobalSecondaryIndexes": [{"IndexName": "by-status",
                  "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}],
                  "Projection": {"ProjectionType": "KEYS_ONLY"}}],
              "BillingMode": "PAY_PER_REQUEST"},
             {"TableName": "users",
              "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
              "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
              "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}]
            """;

    static final String ITEMS = """
            {"RequestItems": {
              "orders": [{"PutRequest": {"Item": {"pk": {"S": "a"}, "sk": {"N": "1"}, "status": {"S": "open"}}}},
                         {"PutRequest": {"Item": {"pk": {"S": "a"}, "sk": {"N": "2"}}}}],
              "users": [{"PutRequest": {"Item": {"id": {"S": "u1"}, "name": {"S": "Ada"}}}}]}}
            """;

    @AfterAll
    static void close() {
        DYNABOX.close();
    }

    static Map<String, AttributeValue> order(int sk) {
        return Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN(Integer.toString(sk)));
    }

    @Test
    void namespacesAreIsolated() {
        try (DynaboxNamespace one = DYNABOX.newNamespace(); DynaboxNamespace two = DYNABOX.newNamespace()) {
            one.createTables(TABLES);
            assertThat(one.dynamoDbClient().listTables().tableNames()).containsExactly("orders", "users");
            assertThat(two.dynamoDbClient().listTables().tableNames()).isEmpty();
            assertThat(one.accessKeyId()).isNotEqualTo(two.accessKeyId());
        }
    }

    @Test
    void jsonFixturesAndReset() {
        DynaboxNamespace namespace = DYNABOX.newNamespace();
        assertThat(namespace.createTables(TABLES)).containsExactly("orders", "users");
        assertThat(namespace.putItems(ITEMS)).isEqualTo(3);
        DynamoDbClient client = namespace.dynamoDbClient();
        assertThat(client.getItem(b -> b.tableName("users").key(Map.of("id", AttributeValue.fromS("u1")))).item())
                .containsEntry("name", AttributeValue.fromS("Ada"));

        namespace.reset();
        assertThat(client.listTables().tableNames()).isEmpty();
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("users").key(Map.of("id", AttributeValue.fromS("u1")))))
                .isInstanceOf(ResourceNotFoundException.class);
        // a table of the same name starts empty
        namespace.createTables(TABLES);
        assertThat(client.getItem(b -> b.tableName("users").key(Map.of("id", AttributeValue.fromS("u1")))).hasItem()).isFalse();
        namespace.drop();
    }

    @Test
    void aRenewedNamespaceIsFreshAndKeepsTheClients() {
        DynaboxNamespace finished = DYNABOX.newNamespace(Region.EU_WEST_1);
        finished.createTables(TABLES);
        finished.putItems(ITEMS);
        DynamoDbClient client = finished.dynamoDbClient();
        DynamoDbAsyncClient async = finished.dynamoDbAsyncClient();
        AwsCredentialsProvider credentials = finished.credentialsProvider();

        DynaboxNamespace fresh = DYNABOX.renewNamespace(finished);
        assertThat(fresh.accessKeyId()).isNotEqualTo(finished.accessKeyId());
        assertThat(fresh.region()).isEqualTo(Region.EU_WEST_1);
        // the clients were built once: the same objects, now working in the fresh, empty namespace
        assertThat(fresh.dynamoDbClient()).isSameAs(client);
        assertThat(fresh.dynamoDbAsyncClient()).isSameAs(async);
        assertThat(fresh.credentialsProvider()).isSameAs(credentials);
        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo(fresh.accessKeyId());
        assertThat(client.listTables().tableNames()).isEmpty();
        fresh.createTables(TABLES);
        assertThat(async.listTables().join().tableNames()).containsExactly("orders", "users");
        assertThat(client.getItem(b -> b.tableName("users").key(Map.of("id", AttributeValue.fromS("u1")))).hasItem()).isFalse();

        // the finished namespace's data is gone; its object keeps its key and makes clients of its own
        assertThat(finished.credentialsProvider().resolveCredentials().accessKeyId()).isEqualTo(finished.accessKeyId());
        DynamoDbClient again = finished.dynamoDbClient();
        assertThat(again).isNotSameAs(client);
        assertThat(again.listTables().tableNames()).isEmpty();
        finished.drop();
        fresh.drop();
        assertThatThrownBy(() -> DYNABOX.renewNamespace(Dynabox.inMemory().newNamespace()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to another Dynabox");
    }

    @Test
    void badJsonTableFailsWithTheServiceMessage() {
        try (DynaboxNamespace namespace = DYNABOX.newNamespace()) {
            assertThatThrownBy(() -> namespace.createTables("""
                    {"TableName": "things", "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                     "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}"""))
                    .isInstanceOf(DynaboxRequestException.class)
                    .hasMessageContaining("ValidationException")
                    .hasMessageContaining("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
    }

    @Test
    void snapshotRestoresTablesItemsAndIndexes() {
        DynaboxNamespace source = DYNABOX.newNamespace();
        source.createTables(TABLES);
        source.putItems(ITEMS);
        NamespaceSnapshot snapshot = source.snapshot();
        assertThat(snapshot.tableNames()).containsExactly("orders", "users");
        assertThat(snapshot.itemCount()).isEqualTo(3);

        // later changes to the source do not reach the snapshot
        source.dynamoDbClient().deleteItem(b -> b.tableName("orders").key(order(1)));
        source.dynamoDbClient().putItem(b -> b.tableName("orders").item(order(3)));

        DynaboxNamespace copy = DYNABOX.newNamespace(Region.EU_CENTRAL_1);
        copy.restore(snapshot);
        DynamoDbClient client = copy.dynamoDbClient();
        assertThat(client.getItem(b -> b.tableName("orders").key(order(1))).item()).containsEntry("status", AttributeValue.fromS("open"));
        assertThat(client.getItem(b -> b.tableName("orders").key(order(3))).hasItem()).isFalse();

        TableDescription orders = client.describeTable(b -> b.tableName("orders")).table();
        TableDescription original = source.dynamoDbClient().describeTable(b -> b.tableName("orders")).table();
        assertThat(orders.tableStatusAsString()).isEqualTo("ACTIVE");
        assertThat(orders.itemCount()).isEqualTo(2);
        assertThat(orders.tableArn()).isEqualTo("arn:aws:dynamodb:eu-central-1:000000000000:table/orders");
        assertThat(orders.tableId()).isNotEqualTo(original.tableId());
        assertThat(orders.keySchema()).isEqualTo(original.keySchema());
        assertThat(orders.globalSecondaryIndexes()).hasSize(1);
        Table restored = DYNABOX.engine().namespace(copy.accessKeyId(), "eu-central-1").table("orders", DYNABOX.engine().nowMillis());
        assertThat(restored.indexKeyspace("by-status").itemCount()).isEqualTo(1);

        // writes to the copy stay in the copy, and restoring again starts over
        client.putItem(b -> b.tableName("orders").item(order(9)));
        copy.restore(snapshot);
        assertThat(client.getItem(b -> b.tableName("orders").key(order(9))).hasItem()).isFalse();
        assertThat(source.dynamoDbClient().getItem(b -> b.tableName("orders").key(order(9))).hasItem()).isFalse();
        source.drop();
        copy.drop();
    }

    @Test
    void snapshotsWorkOnTheSqliteStoreToo(@TempDir Path dir) {
        NamespaceSnapshot snapshot;
        String accessKey;
        try (Dynabox files = Dynabox.withOptions(DynaboxOptions.builder().dbPath(dir).build())) {
            DynaboxNamespace source = files.newNamespace();
            source.createTables(TABLES);
            source.putItems(ITEMS);
            snapshot = source.snapshot();
            DynaboxNamespace copy = files.namespace("restored", Region.US_EAST_1);
            copy.restore(snapshot);
            accessKey = copy.accessKeyId();
            copy.close();
        }
        // the restored tables and items are on disk: a new Dynabox on the same files sees them
        try (Dynabox reopened = Dynabox.withOptions(DynaboxOptions.builder().dbPath(dir).build())) {
            DynamoDbClient client = reopened.namespace(accessKey, Region.US_EAST_1).dynamoDbClient();
            assertThat(client.listTables().tableNames()).containsExactly("orders", "users");
            assertThat(client.getItem(b -> b.tableName("orders").key(order(2))).hasItem()).isTrue();
            client.close();
        }
    }

    @Test
    void aDroppedNamespaceLeavesNoFileNorCommitterThreadOnTheSqliteStore(@TempDir Path dir) throws IOException {
        try (Dynabox files = Dynabox.withOptions(DynaboxOptions.builder().dbPath(dir).build())) {
            DynaboxNamespace kept = files.newNamespace();
            kept.createTables(TABLES);
            kept.putItems(ITEMS);
            java.util.List<String> droppedFiles = new java.util.ArrayList<>();
            String accessKey = null;
            for (int i = 0; i < 5; i++) {
                DynaboxNamespace scratch = files.newNamespace();
                scratch.createTables(TABLES);
                scratch.putItems(ITEMS);
                accessKey = scratch.accessKeyId();
                droppedFiles.add(accessKey + "_us-east-1.db");
                scratch.drop();
            }
            assertThat(databaseFiles(dir)).containsExactly(kept.accessKeyId() + "_us-east-1.db");
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .as("committer threads of dropped namespaces")
                    .doesNotContainAnyElementsOf(droppedFiles.stream().map(f -> "dynabox-sqlite-commit " + f).toList())
                    .contains("dynabox-sqlite-commit " + kept.accessKeyId() + "_us-east-1.db");
            // the dropped namespace's credentials start again empty, in a new file
            DynamoDbClient again = files.namespace(accessKey, Region.US_EAST_1).dynamoDbClient();
            assertThat(again.listTables().tableNames()).isEmpty();
            again.close();
            assertThat(kept.dynamoDbClient().getItem(b -> b.tableName("orders").key(order(2))).hasItem()).isTrue();
        }
    }

    @Test
    void aDroppedNamespacesFaultRulesDoNotComeBackWithItsCredentials() {
        DynaboxNamespace first = DYNABOX.newNamespace();
        first.addFault(FaultRule.on("GetItem", "orders").answering("InternalServerError"));
        String accessKey = first.accessKeyId();
        first.drop();
        DynaboxNamespace again = DYNABOX.namespace(accessKey, Region.US_EAST_1);
        assertThat(again.faults()).isEmpty();
        again.drop();
    }

    private static java.util.List<String> databaseFiles(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".db")).sorted().toList();
        }
    }

    @Test
    void defaultNamespaceOfTheDynabox() {
        try (Dynabox dynabox = Dynabox.inMemory()) {
            dynabox.defaultNamespace().createTables(TABLES);
            NamespaceSnapshot snapshot = dynabox.snapshot();
            dynabox.reset();
            assertThat(dynabox.dynamoDbClient().listTables().tableNames()).isEmpty();
            dynabox.restore(snapshot);
            assertThat(dynabox.dynamoDbClient().listTables().tableNames()).containsExactly("orders", "users");
        }
    }
}
