package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.all;
import static io.dynabox.tests.TableFixtures.assertError;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.n;
import static io.dynabox.tests.TableFixtures.range;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import io.dynabox.engine.store.SqliteStore;
import io.dynabox.engine.store.Store;
import io.dynabox.sdk.InProcessHttpClient;
import io.dynabox.server.DynaboxServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Point-in-time recovery on a Dynabox whose clock the test moves: restores are checked item
 * by item against the table as it was at the chosen moment, through every door, and the
 * history survives a restart of a file store.
 */
@ParameterizedClass
@EnumSource(Door.class)
class PointInTimeRecoveryTest {
    @Parameter
    Door door;

    private final AtomicLong offset = new AtomicLong();
    private Path dir;
    private Engine engine;
    private DynaboxServer server;
    private DynamoDbClient client;

    @BeforeEach
    void open() {
        dir = TempDirs.create("dynabox-pitr");
        start();
    }

    private void start() {
        Store store = door == Door.HTTP_SQLITE ? new SqliteStore(dir, false) : new MemoryStore();
        engine = new Engine(DynaboxOptions.builder().port(0).build(), store, () -> System.currentTimeMillis() + offset.get());
        server = door == Door.IN_PROCESS ? null : DynaboxServer.start(engine, 0);
        var builder = DynamoDbClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("pitr", "secret")))
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()));
        client = server == null
                ? builder.httpClient(new InProcessHttpClient(engine)).endpointOverride(URI.create("http://dynabox.in-process")).build()
                : builder.httpClient(UrlConnectionHttpClient.create()).endpointOverride(server.endpoint()).build();
    }

    @AfterEach
    void close() {
        client.close();
        if (server != null) server.close();
        engine.close();
    }

    private void advance(Duration by) {
        offset.addAndGet(by.toMillis());
    }

    private Instant now() {
        return Instant.ofEpochMilli(engine.nowMillis());
    }

    private void put(String pk, int sk, String value) {
        client.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN("" + sk),
                "g", AttributeValue.fromS("g" + sk % 3), "v", AttributeValue.fromS(value))));
    }

    private void delete(String pk, int sk) {
        client.deleteItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN("" + sk))));
    }

    private List<Map<String, AttributeValue>> items(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(client.scanPaginator(b -> b.tableName(table)).items().stream().toList());
        items.sort(Comparator.comparing((Map<String, AttributeValue> i) -> i.get("pk").s()).thenComparing(i -> Integer.parseInt(i.get("sk").n())));
        return items;
    }

    private void createOrders() {
        client.createTable(b -> b.tableName("orders").attributeDefinitions(s("pk"), n("sk"), s("g"))
                .keySchema(hash("pk"), range("sk")).billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(hash("g")).projection(all())));
    }

    private ContinuousBackupsDescription enable() {
        return client.updateContinuousBackups(b -> b.tableName("orders")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true))).continuousBackupsDescription();
    }

    @Test
    void restoresHoldExactlyTheItemsOfTheChosenMoment() {
        createOrders();
        for (int i = 0; i < 10; i++) put("before", i, "v0"); // before recovery is on: part of the table all along
        Instant enabledAt = now();
        ContinuousBackupsDescription enabled = enable();
        assertThat(enabled.continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
        assertThat(enabled.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        assertThat(enabled.pointInTimeRecoveryDescription().recoveryPeriodInDays()).isEqualTo(35);
        assertThat(enabled.pointInTimeRecoveryDescription().earliestRestorableDateTime()).isBetween(enabledAt, now());

        advance(Duration.ofSeconds(5));
        for (int i = 0; i < 20; i++) put("p" + i % 3, i, "first");
        delete("before", 0);
        List<Map<String, AttributeValue>> atFirst = items("orders");
        Instant first = now();

        advance(Duration.ofSeconds(3));
        for (int i = 0; i < 20; i += 2) put("p" + i % 3, i, "second");
        for (int i = 1; i < 20; i += 4) delete("p" + i % 3, i);
        put("before", 0, "back");
        put("new", 1, "second");
        List<Map<String, AttributeValue>> atSecond = items("orders");
        Instant second = now();

        advance(Duration.ofSeconds(3));
        for (int i = 0; i < 20; i++) delete("p" + i % 3, i);
        put("new", 2, "third");
        List<Map<String, AttributeValue>> atThird = items("orders");

        advance(Duration.ofMinutes(6)); // the latest restorable moment trails the present by five minutes
        ContinuousBackupsDescription described = client.describeContinuousBackups(b -> b.tableName("orders")).continuousBackupsDescription();
        Instant latest = described.pointInTimeRecoveryDescription().latestRestorableDateTime();
        assertThat(latest).isAfter(second).isBefore(now());
        assertThat(described.pointInTimeRecoveryDescription().earliestRestorableDateTime())
                .isEqualTo(enabled.pointInTimeRecoveryDescription().earliestRestorableDateTime());

        TableDescription restored = client.restoreTableToPointInTime(b -> b.sourceTableName("orders").targetTableName("atFirst")
                .restoreDateTime(first)).tableDescription();
        assertThat(restored.restoreSummary().sourceTableArn()).endsWith(":table/orders");
        assertThat(restored.restoreSummary().restoreDateTime()).isEqualTo(Instant.ofEpochMilli(first.toEpochMilli()));
        assertThat(restored.restoreSummary().sourceBackupArn()).isNull();
        assertThat(items("atFirst")).isEqualTo(atFirst);

        String arn = client.describeTable(b -> b.tableName("orders")).table().tableArn();
        client.restoreTableToPointInTime(b -> b.sourceTableArn(arn).targetTableName("atSecond").restoreDateTime(second));
        assertThat(items("atSecond")).isEqualTo(atSecond);
        assertThat(client.query(b -> b.tableName("atSecond").indexName("byG").keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("g0")))).items())
                .hasSameSizeAs(atSecond.stream().filter(i -> i.get("g").s().equals("g0")).toList());

        client.restoreTableToPointInTime(b -> b.sourceTableName("orders").targetTableName("latest").useLatestRestorableTime(true));
        assertThat(items("latest")).isEqualTo(atThird);

        client.restoreTableToPointInTime(b -> b.sourceTableName("orders").targetTableName("atStart").restoreDateTime(enabled.pointInTimeRecoveryDescription().earliestRestorableDateTime()));
        assertThat(items("atStart")).hasSize(10).allMatch(i -> i.get("v").s().equals("v0"));
        // restored tables do not inherit recovery
        assertThat(client.describeContinuousBackups(b -> b.tableName("atFirst")).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
    }

    @Test
    void errorsAreTheService() {
        createOrders();
        assertError(() -> client.describeContinuousBackups(b -> b.tableName("nope")), "TableNotFoundException", "Table not found: nope");
        assertError(() -> client.updateContinuousBackups(b -> b.tableName("nope")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true))), "TableNotFoundException", "Table not found: nope");
        assertThat(client.describeContinuousBackups(b -> b.tableName("orders")).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        assertError(() -> client.restoreTableToPointInTime(b -> b.sourceTableName("orders").targetTableName("copy")
                .useLatestRestorableTime(true)), "PointInTimeRecoveryUnavailableException", "Point in time recovery is not enabled for table 'orders'");
        assertError(() -> client.restoreTableToPointInTime(b -> b.sourceTableName("nope").targetTableName("copy")
                .useLatestRestorableTime(true)), "TableNotFoundException", "Table not found: nope");

        enable();
        Instant before = now().minusSeconds(60);
        assertError(() -> client.restoreTableToPointInTime(b -> b.sourceTableName("orders").targetTableName("copy")
                .restoreDateTime(before)), "InvalidRestoreTimeException",
                "RestoreDateTime '" + before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "' must be within EarliestRestorableDateTime '");
        Instant future = now().plusSeconds(60);
        assertError(() -> client.restoreTableToPointInTime(b -> b.sourceTableName("orders").targetTableName("copy")
                .restoreDateTime(future)), "InvalidRestoreTimeException",
                "RestoreDateTime '" + future.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "' must be within EarliestRestorableDateTime '");
        assertError(() -> client.restoreTableToPointInTime(b -> b.sourceTableName("orders").targetTableName("orders")
                .useLatestRestorableTime(true)), "TableAlreadyExistsException", "Table already exists: orders");
        // the service's texts, observed in 2026
        assertError(() -> client.restoreTableToPointInTime(b -> b.sourceTableName("orders").targetTableName("copy")),
                "ValidationException", "Invalid Request: Either one of RestoreDateTime or UseLatestRestorableTime must be specified, but not both");
        assertError(() -> client.restoreTableToPointInTime(b -> b.sourceTableName("orders").targetTableName("copy")
                        .useLatestRestorableTime(true).restoreDateTime(now())),
                "ValidationException", "Invalid Request: Both RestoreDateTime and UseLatestRestorableTime cannot be set for point-in-time restore request.");
        assertError(() -> client.restoreTableToPointInTime(b -> b.targetTableName("copy").useLatestRestorableTime(true)),
                "ValidationException", "The parameter 'TableName' is required but was not present in the request");
        assertError(() -> client.restoreTableToPointInTime(b -> b.sourceTableName("orders").sourceTableArn("arn:aws:dynamodb:us-east-1:000000000000:table/orders").targetTableName("copy")
                        .useLatestRestorableTime(true)),
                "ValidationException", "Must provide exactly one of: sourceTableArn, sourceTableName");
        assertError(() -> client.restoreTableToPointInTime(b -> b.sourceTableArn("orders").targetTableName("copy").useLatestRestorableTime(true)),
                "ValidationException", "One or more parameter values were invalid: sourceTableArn is not a valid ARN");
        assertThat(client.updateContinuousBackups(b -> b.tableName("orders")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(7)))
                .continuousBackupsDescription().pointInTimeRecoveryDescription().recoveryPeriodInDays()).isEqualTo(7);
        assertError(() -> client.updateContinuousBackups(b -> b.tableName("orders")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false).recoveryPeriodInDays(7))), "ValidationException",
                "Invalid Request: Cannot specify RecoveryPeriodInDays when disabling point-in-time recovery.");
        ContinuousBackupsDescription off = client.updateContinuousBackups(b -> b.tableName("orders")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false))).continuousBackupsDescription();
        assertThat(off.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        assertThat(off.pointInTimeRecoveryDescription().earliestRestorableDateTime()).isNull();
    }

    @Test
    void theRecoveryPeriodBoundsTheHistory() {
        createOrders();
        client.updateContinuousBackups(b -> b.tableName("orders")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(1)));
        put("a", 1, "old");
        advance(Duration.ofDays(2));
        put("a", 1, "new");
        ContinuousBackupsDescription described = client.describeContinuousBackups(b -> b.tableName("orders")).continuousBackupsDescription();
        assertThat(described.pointInTimeRecoveryDescription().earliestRestorableDateTime()).isAfter(now().minus(Duration.ofDays(1)).minusSeconds(1));
        assertThat(engine.namespace("pitr", "us-east-1").table("orders", engine.nowMillis()).recoveryLog().size()).isEqualTo(1);
    }

    @Test
    void theHistorySurvivesARestartOfAFileStore() {
        if (door != Door.HTTP_SQLITE) return; // the memory store keeps nothing across a restart
        createOrders();
        enable();
        advance(Duration.ofSeconds(2));
        put("a", 1, "one");
        Instant one = now();
        advance(Duration.ofSeconds(2));
        put("a", 1, "two");
        delete("a", 1);
        close();
        start();
        advance(Duration.ofMinutes(6));
        client.restoreTableToPointInTime(b -> b.sourceTableName("orders").targetTableName("atOne").restoreDateTime(one));
        assertThat(items("atOne")).extracting(i -> i.get("v").s()).containsExactly("one");
        assertThat(items("orders")).isEmpty();
    }
}
