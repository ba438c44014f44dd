package io.dynabox.tests;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import io.dynabox.engine.store.SqliteStore;
import io.dynabox.engine.store.Store;
import io.dynabox.engine.wire.Json;
import io.dynabox.sdk.InProcessHttpClient;
import io.dynabox.server.DynaboxServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A Dynabox of its own behind one door, with a clock the test moves, and clients of one
 * access key in any region: global tables' replicas live in the namespaces of one access key.
 * Waiting for replication goes through the door's admin API: {@code POST /dynabox/replication/wait}
 * over HTTP, the engine's {@code Admin} in-process (what {@code Dynabox.awaitReplication} calls).
 */
final class GlobalBox implements AutoCloseable {
    static final long START = 1_800_000_000_000L;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Door door;
    private final UnaryOperator<DynaboxOptions.Builder> settings;
    final AtomicLong now = new AtomicLong(START);
    final Path dbPath;
    Engine engine;
    private DynaboxServer server;
    private final List<AutoCloseable> clients = new ArrayList<>();

    GlobalBox(Door door, UnaryOperator<DynaboxOptions.Builder> settings) {
        this.door = door;
        this.settings = settings;
        this.dbPath = door == Door.HTTP_SQLITE ? TempDirs.create("dynabox-global") : null;
        open();
    }

    private void open() {
        DynaboxOptions options = settings.apply(DynaboxOptions.builder().port(0).dbPath(dbPath)).build();
        Store store = dbPath != null ? new SqliteStore(dbPath, false) : new MemoryStore();
        engine = new Engine(options, store, now::get);
        server = door == Door.IN_PROCESS ? null : DynaboxServer.start(engine, 0);
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("global", "secret"));
    }

    private URI endpoint() {
        return server == null ? URI.create("http://dynabox.in-process") : server.endpoint();
    }

    /** A DynamoDB client in {@code region} (closed with the box). */
    DynamoDbClient client(String region) {
        var builder = DynamoDbClient.builder().region(Region.of(region)).credentialsProvider(credentials())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).endpointOverride(endpoint());
        DynamoDbClient client = server == null ? builder.httpClient(new InProcessHttpClient(engine)).build()
                : builder.httpClient(UrlConnectionHttpClient.create()).build();
        clients.add(client);
        return client;
    }

    /** A DynamoDB Streams client in {@code region}. */
    DynamoDbStreamsClient streams(String region) {
        var builder = DynamoDbStreamsClient.builder().region(Region.of(region)).credentialsProvider(credentials())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).endpointOverride(endpoint());
        DynamoDbStreamsClient client = server == null ? builder.httpClient(new InProcessHttpClient(engine)).build()
                : builder.httpClient(UrlConnectionHttpClient.create()).build();
        clients.add(client);
        return client;
    }

    void advance(Duration by) {
        now.addAndGet(by.toMillis());
    }

    /** Waits (at most 10 s) until every write made so far reached the other replicas; true when it did. */
    boolean awaitReplication() {
        if (server == null) return engine.admin().awaitReplication(Duration.ofSeconds(10));
        return admin("POST", "/dynabox/replication/wait?timeoutMillis=10000", null).path("caughtUp").asBoolean();
    }

    /** The replication state as the admin door shows it: delayMillis, pending, lagMillis, ... */
    com.fasterxml.jackson.databind.JsonNode replication() {
        if (server == null) {
            var r = engine.admin().replication();
            return Json.object().put("delayMillis", r.delay().toMillis()).put("pending", r.pending()).put("lagMillis", r.lagMillis());
        }
        return admin("GET", "/dynabox/replication", null);
    }

    /** Sets the replication delay through the door's admin API. */
    void replicationDelay(Duration delay) {
        if (server == null) engine.admin().replication().delay(delay);
        else admin("PUT", "/dynabox/replication", "{\"delayMillis\":" + delay.toMillis() + "}");
    }

    /** Every record of the table's latest stream in {@code region}, shard after shard. */
    List<software.amazon.awssdk.services.dynamodb.model.Record> streamRecords(String region, String table) {
        DynamoDbStreamsClient streams = streams(region);
        String arn = client(region).describeTable(b -> b.tableName(table)).table().latestStreamArn();
        List<software.amazon.awssdk.services.dynamodb.model.Record> records = new ArrayList<>();
        for (var shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(software.amazon.awssdk.services.dynamodb.model.ShardIteratorType.TRIM_HORIZON)).shardIterator();
            for (String next = iterator; next != null; ) {
                String at = next;
                var page = streams.getRecords(b -> b.shardIterator(at));
                records.addAll(page.records());
                next = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return records;
    }

    /** The planning report of the table {@code music} in {@code region}, through the door's admin API. */
    com.fasterxml.jackson.databind.JsonNode report(String region) {
        if (server == null) {
            return io.dynabox.engine.accounting.PlanningReport.json(engine,
                    new io.dynabox.engine.accounting.PlanningReport.Settings(engine.namespaceId("global", region), "music", null, 1, null));
        }
        return admin("GET", "/dynabox/report.json?accessKey=global&region=" + region + "&table=music", null);
    }

    private com.fasterxml.jackson.databind.JsonNode admin(String method, String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(server.endpoint().resolve(path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
            return Json.parse(HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops this engine and opens its files in a new one (the clock goes on); clients made before are closed. */
    void restart() {
        close();
        open();
    }

    @Override
    public void close() {
        for (AutoCloseable c : clients) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        clients.clear();
        if (server != null) server.close();
        engine.close();
    }
}
