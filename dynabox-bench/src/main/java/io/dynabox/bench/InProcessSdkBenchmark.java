package io.dynabox.bench;

import io.dynabox.engine.table.NamespaceSnapshot;
import io.dynabox.sdk.Dynabox;
import io.dynabox.sdk.DynaboxNamespace;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * The in-process door through the real AWS SDK: PutItem and GetItem from a
 * {@code DynamoDbClient} built by Dynabox (marshalling, retries, checksums and all; the SigV4
 * headers without computing a signature), the same PutItem from a client of the user's own
 * builder (the SDK's defaults, real signing and endpoint rules), and what a test pays for
 * its own namespace: five tables by snapshot restore (what the JUnit extension does), by five
 * CreateTable calls, and a reset. SampleTime reports the median (p0.50) the targets name.
 *
 * <p>{@code ceilingPutItem} and {@code ceilingGetItem} are the in-process ceiling: the same calls through the same
 * client configuration over {@link CannedHttpClient}, which answers with Dynabox's recorded answer and does nothing
 * else. Dynabox's own share of a call is its p50 minus the ceiling's p50, in the same run. The SDK's pipeline takes
 * long to settle (with one short warm-up iteration, figures are 5-10 times higher), hence ten warm-up iterations of 3 s.
 *
 * <pre>
 * ./mvnw -q -o package -pl dynabox-bench -am -DskipTests
 * java -jar dynabox-bench/target/benchmarks.jar 'InProcessSdkBenchmark.(ceilingGetItem|ceilingPutItem|getItem|putItem)$' -f 1 -wi 10 -w 3s -i 5 -r 3s
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class InProcessSdkBenchmark {

    static String table(String name) {
        return "{\"TableName\": \"" + name + "\", \"BillingMode\": \"PAY_PER_REQUEST\","
                + " \"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"S\"},"
                + " {\"AttributeName\": \"sk\", \"AttributeType\": \"N\"}],"
                + " \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"sk\", \"KeyType\": \"RANGE\"}]}";
    }

    static final String FIVE_TABLES = "[" + table("users") + "," + table("orders") + "," + table("items") + ","
            + table("events") + "," + table("sessions") + "]";

    /** One namespace with a table, and a client in it. */
    @State(Scope.Benchmark)
    public static class Items {
        Dynabox dynabox;
        DynamoDbClient client;
        DynamoDbClient ownBuilderClient;
        /** The same client's pipeline over {@link CannedHttpClient}: what the SDK costs alone. */
        DynamoDbClient ceilingClient;
        PutItemRequest put;
        GetItemRequest get;

        @Setup
        public void open() {
            dynabox = Dynabox.inMemory();
            dynabox.defaultNamespace().createTables(table("bench"));
            client = dynabox.dynamoDbClient();
            ownBuilderClient = DynamoDbClient.builder()
                    .httpClient(dynabox.httpClient())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(dynabox.credentialsProvider())
                    .build();
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("customer#42"), "sk", AttributeValue.fromN("7"));
            put = PutItemRequest.builder().tableName("bench").item(Map.of(
                    "pk", AttributeValue.fromS("customer#42"), "sk", AttributeValue.fromN("7"),
                    "name", AttributeValue.fromS("Ada Lovelace"), "total", AttributeValue.fromN("123.45"),
                    "tags", AttributeValue.fromSs(java.util.List.of("a", "b")))).build();
            get = GetItemRequest.builder().tableName("bench").key(key).build();
            client.putItem(put);
            CannedHttpClient canned = new CannedHttpClient();
            try (DynamoDbClient recorder = dynabox.defaultNamespace().dynamoDbClientBuilder()
                    .httpClient(canned.recording(dynabox.httpClient())).build()) {
                recorder.putItem(put);
                recorder.getItem(get);
            }
            ceilingClient = dynabox.defaultNamespace().dynamoDbClientBuilder().httpClient(canned).build();
            if (!ceilingClient.getItem(get).item().equals(client.getItem(get).item())) throw new IllegalStateException("canned answer differs");
        }

        @TearDown
        public void close() {
            ownBuilderClient.close();
            ceilingClient.close();
            dynabox.close();
        }
    }

    @Benchmark
    public PutItemResponse putItem(Items state) {
        return state.client.putItem(state.put);
    }

    /** The same PutItem, into the same namespace, from a client of the user's own builder. */
    @Benchmark
    public PutItemResponse putItemOwnBuilder(Items state) {
        return state.ownBuilderClient.putItem(state.put);
    }

    @Benchmark
    public GetItemResponse getItem(Items state) {
        return state.client.getItem(state.get);
    }

    /** The in-process ceiling: {@link #putItem}'s SDK pipeline with an HTTP client that answers at once. */
    @Benchmark
    public PutItemResponse ceilingPutItem(Items state) {
        return state.ceilingClient.putItem(state.put);
    }

    /** The in-process ceiling of {@link #getItem}: the same answer, unmarshalled by the same pipeline, from no work. */
    @Benchmark
    public GetItemResponse ceilingGetItem(Items state) {
        return state.ceilingClient.getItem(state.get);
    }

    @Benchmark
    public GetItemResponse putThenGet(Items state) {
        state.client.putItem(state.put);
        return state.client.getItem(state.get);
    }

    /** A snapshot of five empty tables, as the extension takes once per test class. */
    @State(Scope.Benchmark)
    public static class Namespaces {
        Dynabox dynabox;
        NamespaceSnapshot fiveTables;

        @Setup
        public void open() {
            dynabox = Dynabox.inMemory();
            DynaboxNamespace template = dynabox.newNamespace();
            template.createTables(FIVE_TABLES);
            fiveTables = template.snapshot();
        }

        @TearDown
        public void close() {
            dynabox.close();
        }
    }

    /** A fresh namespace restored with five tables, then dropped: one test's setup and teardown. */
    @Benchmark
    public DynaboxNamespace namespaceWithFiveTablesFromSnapshot(Namespaces state) {
        DynaboxNamespace namespace = state.dynabox.newNamespace();
        namespace.restore(state.fiveTables);
        namespace.drop();
        return namespace;
    }

    /** The same namespace made by five CreateTable requests through the engine. */
    @Benchmark
    public DynaboxNamespace namespaceWithFiveTablesByCreateTable(Namespaces state) {
        DynaboxNamespace namespace = state.dynabox.newNamespace();
        namespace.createTables(FIVE_TABLES);
        namespace.drop();
        return namespace;
    }

    /** Restore five tables, then reset the namespace to empty. */
    @Benchmark
    public DynaboxNamespace restoreThenReset(Namespaces state) {
        DynaboxNamespace namespace = state.dynabox.newNamespace();
        namespace.restore(state.fiveTables);
        namespace.reset();
        return namespace;
    }
}
