package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.store.Keyspace;
import io.dynabox.engine.store.SqliteStore;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.Table;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A child Dynabox server on a database directory takes a stream of writes (puts, deletes,
 * two-table transactions, all with a global index to maintain) from several clients and is
 * killed with SIGKILL at random moments, then restarted on the same directory, several
 * times. After each restart every acknowledged write is there (or a later write that was
 * in flight), no transaction is half-applied; at the end the index agrees with its table
 * and the counts with the rows.
 */
class CrashTest {
    private static final int THREADS = 4;
    private static final int SLOTS = 30;
    private static final int KILLS = 4;
    private static final int ABSENT = -1;

    @TempDir
    Path dir;

    /** Per key: the value of the last acknowledged write, and the values of writes sent since whose answer never came. */
    private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Set<Integer>> inFlight = new ConcurrentHashMap<>();
    private final int[] nextOp = new int[THREADS];

    @Test
    void acknowledgedWritesSurviveKillNine() throws Exception {
        Random random = new Random();
        for (int run = 0; run <= KILLS; run++) {
            ChildServer child = ChildServer.start(dir);
            try (DynamoDbClient client = client(child.endpoint())) {
                if (run == 0) createTables(client);
                else checkAcknowledged(client);
                if (run == KILLS) break;
                AtomicBoolean stop = new AtomicBoolean();
                List<CompletableFuture<Void>> writers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    URI endpoint = child.endpoint();
                    writers.add(CompletableFuture.runAsync(() -> write(thread, endpoint, stop)));
                }
                Thread.sleep(300 + random.nextInt(1200));
                child.kill(); // SIGKILL: no shutdown hook, no final commit
                stop.set(true);
                for (CompletableFuture<Void> writer : writers) writer.get(20, TimeUnit.SECONDS);
            } finally {
                child.kill();
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(THREADS * 3); // the stream did reach the server
        checkIndexAgreesWithTable();
    }

    private void write(int thread, URI endpoint, AtomicBoolean stop) {
        try (DynamoDbClient client = client(endpoint)) {
            for (int n = 0; n < 5_000 && !stop.get(); n++) {
                int i = nextOp[thread]++;
                int kind = i % 10;
                String key = "t" + thread + "-" + (i % SLOTS);
                if (kind <= 6) {
                    send(List.of("crash/" + key), i, () -> client.putItem(b -> b.tableName("crash").item(item(key, i))));
                } else if (kind == 7) {
                    send(List.of("crash/" + key), ABSENT, () -> client.deleteItem(b -> b.tableName("crash")
                            .key(Map.of("id", AttributeValue.fromS(key)))));
                } else {
                    String x = "t" + thread + "-x";
                    String ledger = "t" + thread;
                    send(List.of("crash/" + x, "ledger/" + ledger), i, () -> client.transactWriteItems(b -> b.transactItems(
                            w -> w.put(p -> p.tableName("crash").item(item(x, i))),
                            w -> w.put(p -> p.tableName("ledger").item(Map.of("id", AttributeValue.fromS(ledger),
                                    "v", AttributeValue.fromN("" + i)))))));
                }
            }
        } catch (RuntimeException killed) {
            // the server died under this client: the last write stays in flight
        }
    }

    private void send(List<String> keys, int value, Runnable request) {
        for (String key : keys) inFlight.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(value);
        request.run();
        for (String key : keys) {
            acknowledged.put(key, value);
            inFlight.get(key).clear();
        }
    }

    private void checkAcknowledged(DynamoDbClient client) {
        for (int thread = 0; thread < THREADS; thread++) {
            for (int slot = 0; slot < SLOTS; slot++) checkKey(client, "crash", "t" + thread + "-" + slot);
            int x = checkKey(client, "crash", "t" + thread + "-x");
            int ledger = checkKey(client, "ledger", "t" + thread);
            assertThat(x).as("both halves of thread " + thread + "'s last transaction").isEqualTo(ledger);
        }
    }

    private int checkKey(DynamoDbClient client, String table, String key) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS(key)))).item();
        int found = item == null || item.isEmpty() ? ABSENT : Integer.parseInt(item.get("v").n());
        Set<Integer> allowed = new HashSet<>(inFlight.getOrDefault(table + "/" + key, Set.of()));
        allowed.add(acknowledged.getOrDefault(table + "/" + key, ABSENT));
        assertThat(allowed).as(table + "/" + key + " after a crash").contains(found);
        acknowledged.put(table + "/" + key, found); // what was in flight is now settled, one way or the other
        inFlight.remove(table + "/" + key);
        return found;
    }

    /** Opens the directory left by the last kill in this JVM and compares the index with what the table implies. */
    private void checkIndexAgreesWithTable() {
        try (SqliteStore store = new SqliteStore(dir, false)) {
            Namespace namespace = Namespace.load("crash_us-east-1", "us-east-1", store);
            Table table = namespace.table("crash", Long.MAX_VALUE / 2);
            IndexDefinition index = table.definition().index("byG");
            Map<String, Object> expected = new TreeMap<>();
            long rows = 0;
            for (var it = table.keyspace().range(null, false, null, false, false); it.hasNext(); rows++) {
                StoredItem stored = it.next();
                byte[] indexKey = table.encodeIndexKey(index, stored.item());
                if (indexKey != null) expected.put(HexFormat.of().formatHex(indexKey), ItemWriter.project(table.definition(), index, stored.item()));
            }
            Keyspace indexKeyspace = table.indexKeyspace("byG");
            Map<String, Object> actual = new TreeMap<>();
            indexKeyspace.range(null, false, null, false, false)
                    .forEachRemaining(e -> actual.put(HexFormat.of().formatHex(e.key()), e.item()));
            assertThat(actual).isEqualTo(expected);
            assertThat(table.keyspace().itemCount()).isEqualTo(rows);
            assertThat(indexKeyspace.itemCount()).isEqualTo(expected.size());
            assertThat(rows).isGreaterThan(0);
        }
    }

    private static Map<String, AttributeValue> item(String key, int i) {
        return Map.of("id", AttributeValue.fromS(key), "v", AttributeValue.fromN("" + i), "g", AttributeValue.fromS("g" + i % 5),
                "pad", AttributeValue.fromS("x".repeat(i % 200)));
    }

    private static void createTables(DynamoDbClient client) {
        client.createTable(b -> b.tableName("crash")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.createTable(b -> b.tableName("ledger")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(10)).build())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("crash", "secret")))
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }
}
