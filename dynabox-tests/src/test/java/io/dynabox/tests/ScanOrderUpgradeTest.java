package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.server.DynaboxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Files of schema version 3 and before began each key with another hash: opened by this Dynabox they are
 * upgraded in place (keys hashed again the service's way), and read, scanned and queried as before.
 */
class ScanOrderUpgradeTest {
    @TempDir
    Path dir;

    private String backupArn;

    private DynaboxServer start() {
        return DynaboxServer.start(DynaboxOptions.builder().port(0).dbPath(dir).build());
    }

    private static DynamoDbClient client(DynaboxServer server) {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(server.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("old", "x"))).build();
    }

    @Test
    void anOlderFileIsHashedAgainInPlace() throws Exception {
        try (DynaboxServer server = start(); DynamoDbClient client = client(server)) {
            client.createTable(b -> b.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("n").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("n").attributeType(ScalarAttributeType.N),
                            a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                    .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.ALL))));
            for (int i = 1; i <= 20; i++) {
                int n = i;
                client.putItem(b -> b.tableName("things").item(Map.of("n", AttributeValue.fromN("" + n), "g", AttributeValue.fromS("g" + n % 3))));
            }
            backupArn = client.createBackup(b -> b.tableName("things").backupName("before")).backupDetails().backupArn();
        }
        // make it a version 3 file: keys that begin with another hash (here: zeros, an order of no meaning)
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("old_us-east-1.db"));
             Statement s = c.createStatement()) {
            s.execute("UPDATE items SET key = zeroblob(8) || substr(key, 9)");
            s.execute("PRAGMA user_version = 3");
        }
        try (DynaboxServer server = start(); DynamoDbClient client = client(server)) {
            List<Integer> scanned = client.scanPaginator(b -> b.tableName("things").limit(6)).items().stream()
                    .map(item -> Integer.parseInt(item.get("n").n())).collect(Collectors.toList());
            List<Integer> expected = IntStream.rangeClosed(1, 20).boxed()
                    .sorted((a, b) -> Arrays.compareUnsigned(ScanOrderTest.digest(ScanOrderTest.smallIntegerBytes(a)),
                            ScanOrderTest.digest(ScanOrderTest.smallIntegerBytes(b)))).collect(Collectors.toList());
            assertThat(scanned).containsExactlyElementsOf(expected);
            assertThat(client.getItem(b -> b.tableName("things").key(Map.of("n", AttributeValue.fromN("7")))).item().get("g").s()).isEqualTo("g1");
            assertThat(client.query(b -> b.tableName("things").indexName("byG").keyConditionExpression("g = :g")
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("g0")))).count()).isEqualTo(6);
            client.putItem(b -> b.tableName("things").item(Map.of("n", AttributeValue.fromN("7"), "g", AttributeValue.fromS("new"))));
            assertThat(client.scan(b -> b.tableName("things")).count()).isEqualTo(20); // the new write replaced the upgraded key
            // a backup's keys are hashed again too: its restored table answers point reads
            client.restoreTableFromBackup(b -> b.backupArn(backupArn).targetTableName("restored"));
            client.waiter().waitUntilTableExists(b -> b.tableName("restored"));
            assertThat(client.getItem(b -> b.tableName("restored").key(Map.of("n", AttributeValue.fromN("7")))).item().get("g").s()).isEqualTo("g1");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("old_us-east-1.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(6); // and on to version 5 (recovery logs) and 6 (streams)
        }
    }
}
