package io.dynabox.tests;

import static io.dynabox.tests.Tables.key;
import static io.dynabox.tests.Tables.n;
import static io.dynabox.tests.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import io.dynabox.engine.store.SqliteStore;
import io.dynabox.engine.store.Store;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.value.AttributeValue.S;
import io.dynabox.sdk.InProcessHttpClient;
import io.dynabox.server.DynaboxServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Many clients at once, through each door, for a bounded time. Each test counts what the
 * clients were told succeeded and checks the stored state against it, so a lost update, a
 * torn transaction or an index out of step with its table fails it. The engine is this
 * class's own, so the test can also look at the index keyspaces directly.
 */
@ParameterizedClass
@EnumSource(Door.class)
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final long RUN_MILLIS = 800;
    private static final String REGION = "us-east-1";

    private static final Store MEMORY = new MemoryStore();
    private static final Engine MEMORY_ENGINE = new Engine(DynaboxOptions.defaults(), MEMORY, System::currentTimeMillis);
    private static final DynaboxServer MEMORY_SERVER = DynaboxServer.start(MEMORY_ENGINE, 0);
    private static final Store SQLITE = new SqliteStore(TempDirs.create("dynabox-concurrency"), false);
    private static final DynaboxServer SQLITE_SERVER =
            DynaboxServer.start(new Engine(DynaboxOptions.defaults(), SQLITE, System::currentTimeMillis), 0);

    @Parameter
    Door door;

    String accessKey;
    DynamoDbClient client;

    @BeforeEach
    void open() {
        accessKey = "concurrency-" + UUID.randomUUID();
        client = client();
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** A client of this class's engine through the door under test; each thread gets its own. */
    DynamoDbClient client() {
        var builder = DynamoDbClient.builder()
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()));
        switch (door) {
            case HTTP -> builder.httpClient(UrlConnectionHttpClient.create()).endpointOverride(MEMORY_SERVER.endpoint());
            case HTTP_SQLITE -> builder.httpClient(UrlConnectionHttpClient.create()).endpointOverride(SQLITE_SERVER.endpoint());
            case IN_PROCESS -> builder.httpClient(new InProcessHttpClient(MEMORY_ENGINE)).endpointOverride(URI.create("http://dynabox.in-process"));
        }
        return builder.build();
    }

    /** The store behind the door under test. */
    Store store() {
        return door == Door.HTTP_SQLITE ? SQLITE : MEMORY;
    }

    @Test
    void countersIncrementedByManyClientsEndExactlyRight() throws Exception {
        Tables.hash(client, "counters");
        int keys = 3;
        AtomicLongArray acknowledged = new AtomicLongArray(keys);
        runConcurrently((thread, mine) -> {
            for (int i = 0; !timeIsUp(); i++) {
                int k = (thread + i) % keys;
                // ADD three ways: the legacy AttributeUpdates, an UpdateExpression, and inside a transaction
                switch (thread % 3) {
                    case 0 -> mine.updateItem(b -> b.tableName("counters").key(key("c" + k)).attributeUpdates(Map.of(
                            "n", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("1")).build())));
                    case 1 -> mine.updateItem(b -> b.tableName("counters").key(key("c" + k)).updateExpression("ADD n :one")
                            .expressionAttributeValues(Map.of(":one", n("1"))));
                    default -> mine.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().update(u -> u
                            .tableName("counters").key(key("c" + k)).updateExpression("ADD n :one")
                            .expressionAttributeValues(Map.of(":one", n("1")))).build()));
                }
                acknowledged.incrementAndGet(k);
            }
        });
        long total = 0;
        for (int k = 0; k < keys; k++) {
            int c = k;
            Map<String, AttributeValue> item = client.getItem(b -> b.tableName("counters").key(key("c" + c)).consistentRead(true)).item();
            assertThat(item.get("n").n()).isEqualTo(Long.toString(acknowledged.get(k)));
            total += acknowledged.get(k);
        }
        assertThat(total).isGreaterThan(THREADS);
    }

    @Test
    void transactionsAreNeverSeenHalfDoneAndIndexesAgreeWithTheirTables() throws Exception {
        Tables.withGlobalIndex(client, "left");
        Tables.withGlobalIndex(client, "right");
        int pairs = 4;
        AtomicLong reads = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();
        runConcurrently((thread, mine) -> {
            for (int i = 0; !timeIsUp(); i++) {
                String pk = "p" + (i % pairs);
                if (thread % 2 == 0) {
                    // a pair written together, with an index key that moves between owners
                    String version = thread + "-" + i;
                    String owner = "o" + (i % 3);
                    mine.transactWriteItems(b -> b.transactItems(
                            put("left", Map.of("pk", s(pk), "v", s(version), "owner", s(owner))),
                            put("right", Map.of("pk", s(pk), "v", s(version), "owner", s(owner)))));
                    writes.incrementAndGet();
                } else if (thread % 4 == 1) {
                    List<ItemResponse> pair = mine.transactGetItems(b -> b.transactItems(get("left", pk), get("right", pk))).responses();
                    AttributeValue left = pair.get(0).hasItem() ? pair.get(0).item().get("v") : null;
                    AttributeValue right = pair.get(1).hasItem() ? pair.get(1).item().get("v") : null;
                    if (left == null ? right != null : !left.equals(right)) torn.add(pk + ": " + left + " / " + right);
                    reads.incrementAndGet();
                } else {
                    // batches that add and remove index entries in both tables
                    String extra = "x" + thread + "-" + (i % 5);
                    Map<String, List<WriteRequest>> batch = i % 2 == 0
                            ? Map.of("left", List.of(batchPut(extra, "o" + (i % 3))), "right", List.of(batchPut(extra, "o" + (i % 2))))
                            : Map.of("left", List.of(batchDelete(extra)), "right", List.of(batchPut(extra, null)));
                    mine.batchWriteItem(b -> b.requestItems(batch));
                }
            }
        });
        assertThat(torn).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(writes.get()).isPositive();
        for (String table : List.of("left", "right")) {
            assertThat(indexEntries(table)).as("index byowner of " + table).isEqualTo(ownersInTable(table));
        }
    }

    @Test
    void moneyMovedByManyClientsIsNeverLostOrMadeAndEveryReadAddsUp() throws Exception {
        Tables.withGlobalIndex(client, "accounts");
        int accounts = 5;
        long start = 1000;
        for (int a = 0; a < accounts; a++) {
            int account = a;
            client.putItem(b -> b.tableName("accounts").item(Map.of("pk", s("a" + account), "balance", n(Long.toString(start)),
                    "version", n("0"), "owner", s("nobody"))));
        }
        AtomicLongArray expected = new AtomicLongArray(accounts);
        for (int a = 0; a < accounts; a++) expected.set(a, start);
        AtomicLong transfers = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong snapshots = new AtomicLong();
        ConcurrentLinkedQueue<String> wrongTotals = new ConcurrentLinkedQueue<>();
        runConcurrently((thread, mine) -> {
            Random random = new Random(thread);
            while (!timeIsUp()) {
                int from = random.nextInt(accounts);
                int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                long amount = 1 + random.nextInt(400);
                if (thread % 4 == 3) {
                    // a consistent read of every account must always add up to the total
                    List<TransactGetItem> all = new ArrayList<>();
                    for (int a = 0; a < accounts; a++) all.add(get("accounts", "a" + a));
                    long sum = 0;
                    for (ItemResponse response : mine.transactGetItems(b -> b.transactItems(all)).responses()) {
                        sum += Long.parseLong(response.item().get("balance").n());
                    }
                    if (sum != accounts * start) wrongTotals.add(Long.toString(sum));
                    snapshots.incrementAndGet();
                    continue;
                }
                boolean moved;
                try {
                    if (thread % 2 == 0) {
                        // conditions on the balances: the service refuses an overdraft
                        mine.transactWriteItems(b -> b.transactItems(
                                update("a" + from, "SET balance = balance - :a, version = version + :one, #o = :me", "balance >= :a", amount,
                                        thread, null),
                                update("a" + to, "SET balance = balance + :a, version = version + :one, #o = :me", "attribute_exists(balance)",
                                        amount, thread, null)));
                    } else {
                        // optimistic locking: read both, then write both if neither changed in between
                        List<ItemResponse> pair = mine.transactGetItems(b -> b.transactItems(get("accounts", "a" + from),
                                get("accounts", "a" + to))).responses();
                        if (Long.parseLong(pair.get(0).item().get("balance").n()) < amount) {
                            refused.incrementAndGet();
                            continue;
                        }
                        mine.transactWriteItems(b -> b.transactItems(
                                update("a" + from, "SET balance = balance - :a, version = version + :one, #o = :me", "version = :v", amount,
                                        thread, pair.get(0).item().get("version")),
                                update("a" + to, "SET balance = balance + :a, version = version + :one, #o = :me", "version = :v", amount,
                                        thread, pair.get(1).item().get("version"))));
                    }
                    moved = true;
                } catch (TransactionCanceledException e) {
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code).contains("ConditionalCheckFailed");
                    moved = false;
                }
                if (moved) {
                    expected.addAndGet(from, -amount);
                    expected.addAndGet(to, amount);
                    transfers.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
            }
        });
        assertThat(wrongTotals).isEmpty();
        assertThat(transfers.get()).isPositive();
        assertThat(snapshots.get()).isPositive();
        long total = 0;
        for (int a = 0; a < accounts; a++) {
            int account = a;
            long balance = Long.parseLong(client.getItem(b -> b.tableName("accounts").key(key("a" + account)).consistentRead(true))
                    .item().get("balance").n());
            assertThat(balance).as("balance of a" + a).isEqualTo(expected.get(a)).isNotNegative();
            total += balance;
        }
        assertThat(total).isEqualTo(accounts * start);
        assertThat(indexEntries("accounts")).isEqualTo(ownersInTable("accounts"));
    }

    /** An update of one account in the transfer, conditional, naming its writer as the account's owner (an index key). */
    static TransactWriteItem update(String pk, String expression, String condition, long amount, int thread, AttributeValue version) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":a", n(Long.toString(amount)));
        values.put(":me", s("thread" + thread));
        values.put(":one", n("1")); // every write moves the version, so an optimistic writer sees any change
        if (version != null) values.put(":v", version);
        return TransactWriteItem.builder().update(u -> u.tableName("accounts").key(key(pk)).updateExpression(expression)
                .conditionExpression(condition).expressionAttributeNames(Map.of("#o", "owner"))
                .expressionAttributeValues(values)).build();
    }

    static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
    }

    static TransactGetItem get(String table, String pk) {
        return TransactGetItem.builder().get(g -> g.tableName(table).key(key(pk))).build();
    }

    static WriteRequest batchPut(String pk, String owner) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk));
        if (owner != null) item.put("owner", s(owner));
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    static WriteRequest batchDelete(String pk) {
        return WriteRequest.builder().deleteRequest(d -> d.key(key(pk))).build();
    }

    /** pk to owner, for every item of the table that has an owner: what the index must hold. */
    private Map<String, String> ownersInTable(String table) {
        Map<String, String> owners = new HashMap<>();
        for (var item : stored(table, null)) {
            if (item.containsKey("owner")) owners.put(text(item.get("pk")), text(item.get("owner")));
        }
        return owners;
    }

    /** pk to owner, for every entry of the table's index. */
    private Map<String, String> indexEntries(String table) {
        Map<String, String> entries = new HashMap<>();
        for (var entry : stored(table, "byowner")) {
            String pk = text(entry.get("pk"));
            String previous = entries.put(pk, text(entry.get("owner")));
            assertThat(previous).as("second index entry for " + pk).isNull();
        }
        return entries;
    }

    /** The items stored in a table's keyspace, or an index's, as the engine holds them. */
    private List<Map<String, ?>> stored(String table, String index) {
        List<Map<String, ?>> items = new ArrayList<>();
        Iterator<StoredItem> all = store().keyspace(accessKey + "_" + REGION, table, index).range(null, true, null, true, false);
        all.forEachRemaining(stored -> items.add(stored.item()));
        return items;
    }

    private static String text(Object value) {
        return ((S) value).value(); // the engine's string value
    }

    private volatile long deadline;

    private boolean timeIsUp() {
        return System.currentTimeMillis() >= deadline;
    }

    /**
     * Runs {@code body} on {@link #THREADS} threads, each with its own client, from the moment
     * all clients are ready until the time is up; any failure fails the test.
     */
    private void runConcurrently(BiConsumer<Integer, DynamoDbClient> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    try (DynamoDbClient mine = client()) {
                        mine.listTables(); // the first call through a client loads its classes
                        ready.countDown();
                        go.await();
                        body.accept(thread, mine);
                    }
                    return null;
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            deadline = System.currentTimeMillis() + RUN_MILLIS;
            go.countDown();
            for (Future<?> future : done) future.get(RUN_MILLIS + 10_000, TimeUnit.MILLISECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
