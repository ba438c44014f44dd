package io.dynabox.sdk.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.dynabox.engine.clock.EngineClock;
import io.dynabox.engine.simulation.FaultRule;
import io.dynabox.sdk.Dynabox;
import io.dynabox.sdk.DynaboxNamespace;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The extension, run on scenario classes through the JUnit launcher: each scenario asserts
 * what its tests see, and this test checks that every scenario test passed (or that a
 * misconfiguration failed with its message).
 */
class DynaboxExtensionTest {
    /** Scenario classes run only through {@link #run}; the build's own test run excludes this tag. */
    static final String SCENARIO = "dynabox-scenario";

    static TestExecutionSummary run(Class<?> scenario, Map<String, String> configuration) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(scenario))
                .configurationParameters(configuration)
                .build(), listener);
        return listener.getSummary();
    }

    static void assertAllPassed(TestExecutionSummary summary, long tests) {
        String failures = summary.getFailures().stream()
                .map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
                .collect(Collectors.joining("\n"));
        assertThat(failures).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(tests);
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    static Map<String, AttributeValue> order(String customer, int id) {
        return Map.of("customer", AttributeValue.fromS(customer), "orderId", AttributeValue.fromN(Integer.toString(id)));
    }

    @Test
    void perTestIsolationFromAnnotations() {
        assertAllPassed(run(PerTest.class, Map.of()), 6);
    }

    @Test
    void manualClockAndFaultsFromTheAnnotation() {
        assertAllPassed(run(ManualClock.class, Map.of()), 1);
    }

    @DynaboxTest(clock = "manual=2030-01-01T00:00:00Z", faults = "fixtures/faults.json")
    @DynaboxTable(name = "notes", hashKey = "id")
    @Tag(SCENARIO)
    static class ManualClock {
        @Test
        void timeStandsStillUntilTheTestMovesIt(EngineClock clock, Dynabox dynabox, DynamoDbClient client) {
            assertThat(clock.now()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
            dynabox.clock().advance(Duration.ofHours(2));
            assertThat(clock.now()).isEqualTo(Instant.parse("2030-01-01T02:00:00Z"));
            assertThat(dynabox.faults()).extracting(FaultRule::error).containsExactly("InternalServerError");
            assertThatThrownBy(() -> client.getItem(b -> b.tableName("notes").key(key("a")))).isInstanceOf(InternalServerErrorException.class);
        }
    }

    @DynaboxTest(tables = "fixtures/tables.json", items = "/fixtures/items.json")
    @DynaboxTable(name = "notes", hashKey = "id")
    @DynaboxTable(name = "events", hashKey = "stream", rangeKey = "seq", rangeKeyType = ScalarAttributeType.N,
            globalIndexes = @DynaboxIndex(name = "by-type", hashKey = "type"),
            localIndexes = @DynaboxIndex(name = "by-time", rangeKey = "time", rangeKeyType = ScalarAttributeType.N))
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @Tag(SCENARIO)
    static class PerTest {
        @DynaboxInject DynamoDbClient field;
        DynaboxNamespace beforeEachNamespace;
        static DynamoDbClient firstTestsClient;
        static String firstTestsAccessKey;

        @BeforeAll
        static void fixture(DynamoDbClient client) {
            client.putItem(b -> b.tableName("notes").item(Map.of("id", AttributeValue.fromS("fixture"))));
        }

        @BeforeEach
        void before(DynaboxNamespace namespace) {
            beforeEachNamespace = namespace;
        }

        @Test
        @Order(1)
        void seesTheFixtureAndWrites(DynamoDbClient client, DynaboxNamespace namespace) {
            assertThat(namespace).isSameAs(beforeEachNamespace);
            assertThat(field).isSameAs(client);
            assertThat(client.listTables().tableNames()).containsExactly("events", "notes", "orders");
            assertThat(client.describeTable(b -> b.tableName("events")).table().globalSecondaryIndexes()).hasSize(1);
            assertThat(client.getItem(b -> b.tableName("notes").key(key("fixture"))).hasItem()).isTrue();
            assertThat(client.getItem(b -> b.tableName("orders").key(order("ada", 1))).item())
                    .containsEntry("total", AttributeValue.fromN("12.5"));
            client.putItem(b -> b.tableName("notes").item(key("written by test 1")));
            client.deleteItem(b -> b.tableName("notes").key(key("fixture")));
            firstTestsClient = client;
            firstTestsAccessKey = namespace.accessKeyId();
        }

        @Test
        @Order(2)
        void startsAgainFromTheFixture(DynamoDbClient client, DynaboxNamespace namespace) {
            // the first test's client, built once, now works in this test's own fresh namespace
            assertThat(client).isSameAs(firstTestsClient);
            assertThat(namespace.accessKeyId()).isNotEqualTo(firstTestsAccessKey);
            assertThat(client.getItem(b -> b.tableName("notes").key(key("written by test 1"))).hasItem()).isFalse();
            assertThat(client.getItem(b -> b.tableName("notes").key(key("fixture"))).hasItem()).isTrue();
        }

        @Test
        @Order(3)
        void injectsEveryType(DynamoDbAsyncClient async, DynamoDbEnhancedClient enhanced, Region region,
                              AwsCredentialsProvider credentials, DynaboxNamespace namespace) {
            assertThat(async.listTables().join().tableNames()).hasSize(3);
            Note note = enhanced.table("notes", TableSchema.fromBean(Note.class)).getItem(Key.builder().partitionValue("fixture").build());
            assertThat(note.getId()).isEqualTo("fixture");
            assertThat(region).isEqualTo(Region.US_EAST_1);
            assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo(namespace.accessKeyId());
        }

        @ParameterizedTest
        @ValueSource(strings = {"first", "second", "third"})
        @Order(4)
        void eachInvocationIsolated(String name, DynamoDbClient client) {
            assertThat(client.getItem(b -> b.tableName("notes").key(key("param"))).hasItem()).isFalse();
            client.putItem(b -> b.tableName("notes").item(key("param")));
        }
    }

    @DynamoDbBean
    public static class Note {
        private String id;

        @DynamoDbPartitionKey
        public String getId() { return id; }
        public void setId(String id) { this.id = id; }
    }

    @Test
    void perClassSharesOneNamespace() {
        assertAllPassed(run(PerClass.class, Map.of()), 2);
    }

    @DynaboxTest(isolation = Isolation.PER_CLASS, region = "eu-west-3")
    @DynaboxTable(name = "notes", hashKey = "id")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @Tag(SCENARIO)
    static class PerClass {
        @DynaboxInject static DynamoDbClient shared;

        @Test
        @Order(1)
        void writes() {
            shared.putItem(b -> b.tableName("notes").item(key("kept")));
        }

        @Test
        @Order(2)
        void seesEarlierWrites(DynamoDbClient client, Region region) {
            assertThat(client).isSameAs(shared);
            assertThat(region).isEqualTo(Region.EU_WEST_3);
            assertThat(client.getItem(b -> b.tableName("notes").key(key("kept"))).hasItem()).isTrue();
        }
    }

    @Test
    void concurrentTestsNeverSeeEachOther() {
        Map<String, String> parallel = Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
        Concurrent.namespaces.clear();
        assertAllPassed(run(Concurrent.class, parallel), 12);
        assertThat(Concurrent.namespaces).hasSize(12);
    }

    @DynaboxTest
    @DynaboxTable(name = "counters", hashKey = "id")
    @Execution(ExecutionMode.CONCURRENT)
    @Tag(SCENARIO)
    static class Concurrent {
        static final Set<String> namespaces = ConcurrentHashMap.newKeySet();

        @RepeatedTest(12)
        void ownNamespace(DynamoDbClient client, DynaboxNamespace namespace) {
            namespaces.add(namespace.accessKeyId());
            for (int i = 0; i < 10; i++) {
                String value = Integer.toString(i);
                assertThat(client.getItem(b -> b.tableName("counters").key(key("c"))).item().get("v"))
                        .isEqualTo(i == 0 ? null : AttributeValue.fromN(Integer.toString(i - 1)));
                client.putItem(b -> b.tableName("counters").item(Map.of("id", AttributeValue.fromS("c"), "v", AttributeValue.fromN(value))));
            }
        }
    }

    @Test
    void registeredWithTheBuilder() {
        assertAllPassed(run(Registered.class, Map.of()), 1);
    }

    @Tag(SCENARIO)
    static class Registered {
        @RegisterExtension
        static DynaboxExtension dynabox = DynaboxExtension.builder()
                .table(CreateTableRequest.builder().tableName("built")
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                        .billingMode(BillingMode.PAY_PER_REQUEST).build())
                .tables("fixtures/tables.json")
                .setup(namespace -> namespace.dynamoDbClient().putItem(b -> b.tableName("built").item(key("from setup"))))
                .items("fixtures/items.json")
                .build();

        @Test
        void hasTablesAndItems(DynamoDbClient client) {
            assertThat(client.listTables().tableNames()).containsExactly("built", "orders");
            assertThat(client.getItem(b -> b.tableName("built").key(key("from setup"))).hasItem()).isTrue();
            assertThat(client.getItem(b -> b.tableName("orders").key(order("ada", 2))).hasItem()).isTrue();
        }
    }

    @Test
    void serverEndpointReachesTheTestsNamespace() {
        assertAllPassed(run(WithServer.class, Map.of()), 1);
    }

    @DynaboxTest
    @DynaboxTable(name = "notes", hashKey = "id")
    @Tag(SCENARIO)
    static class WithServer {
        @DynaboxInject URI endpoint;

        @Test
        void overHttp(URI parameter, DynaboxNamespace namespace) throws Exception {
            assertThat(parameter).isEqualTo(endpoint);
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Date", "20240101T000000Z")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + namespace.accessKeyId()
                            + "/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body()).isEqualTo("{\"TableNames\":[\"notes\"]}");
        }
    }

    @Test
    void misconfigurationsFailWithAReason() {
        assertThat(failureMessages(run(StaticFieldPerTest.class, Map.of())))
                .singleElement().asString().contains("@DynaboxInject static field client").contains("Isolation.PER_TEST");
        assertThat(failureMessages(run(BadTable.class, Map.of())))
                .singleElement().asString()
                .contains("Dynabox could not set up the tables of " + BadTable.class.getName())
                .contains("Invalid KeySchema: Some index key attribute have no definition");
        assertThat(failureMessages(run(MissingResource.class, Map.of())))
                .singleElement().asString().contains("no classpath resource /fixtures/missing.json");
    }

    static List<String> failureMessages(TestExecutionSummary summary) {
        return summary.getFailures().stream().map(f -> String.valueOf(f.getException().getMessage())).toList();
    }

    @DynaboxTest
    @Tag(SCENARIO)
    static class StaticFieldPerTest {
        @DynaboxInject static DynamoDbClient client;

        @Test
        void never() {
        }
    }

    @DynaboxTest
    @DynaboxTable(name = "broken", hashKey = "id", rangeKey = "id")
    @Tag(SCENARIO)
    static class BadTable {
        @Test
        void never() {
        }
    }

    @DynaboxTest(tables = "fixtures/missing.json")
    @Tag(SCENARIO)
    static class MissingResource {
        @Test
        void never() {
        }
    }
}
