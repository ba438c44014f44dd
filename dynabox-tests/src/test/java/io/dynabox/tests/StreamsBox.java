package io.dynabox.tests;

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
 * A Dynabox of its own behind one door, with a clock the test moves ({@link #advance}), and
 * both clients of a namespace: DynamoDB and DynamoDB Streams. With {@link Door#HTTP_SQLITE}
 * its files live in {@link #dbPath}, and {@link #restart} opens them again in a new engine.
 */
final class StreamsBox implements AutoCloseable {
    static final long START = 1_800_000_000_000L;

    private final Door door;
    private final UnaryOperator<DynaboxOptions.Builder> settings;
    final AtomicLong now = new AtomicLong(START);
    final Path dbPath;
    Engine engine;
    private DynaboxServer server;
    DynamoDbClient client;
    DynamoDbStreamsClient streams;

    StreamsBox(Door door, UnaryOperator<DynaboxOptions.Builder> settings) {
        this.door = door;
        this.settings = settings;
        this.dbPath = door == Door.HTTP_SQLITE ? TempDirs.create("dynabox-streams") : null;
        open();
    }

    StreamsBox(Door door) {
        this(door, b -> b);
    }

    private void open() {
        DynaboxOptions options = settings.apply(DynaboxOptions.builder().port(0).dbPath(dbPath)).build();
        Store store = dbPath != null ? new SqliteStore(dbPath, false) : new MemoryStore();
        engine = new Engine(options, store, now::get);
        server = door == Door.IN_PROCESS ? null : DynaboxServer.start(engine, 0);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("streams", "secret"));
        var dynamo = DynamoDbClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials)
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()));
        var stream = DynamoDbStreamsClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials)
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()));
        if (server == null) {
            URI endpoint = URI.create("http://dynabox.in-process");
            client = dynamo.httpClient(new InProcessHttpClient(engine)).endpointOverride(endpoint).build();
            streams = stream.httpClient(new InProcessHttpClient(engine)).endpointOverride(endpoint).build();
        } else {
            client = dynamo.httpClient(UrlConnectionHttpClient.create()).endpointOverride(server.endpoint()).build();
            streams = stream.httpClient(UrlConnectionHttpClient.create()).endpointOverride(server.endpoint()).build();
        }
    }

    /** The HTTP server's address, or null behind the in-process door. */
    URI endpoint() {
        return server == null ? null : server.endpoint();
    }

    void advance(Duration by) {
        now.addAndGet(by.toMillis());
    }

    /** Stops this engine and opens its files in a new one (the clock goes on). */
    void restart() {
        close();
        open();
    }

    @Override
    public void close() {
        client.close();
        streams.close();
        if (server != null) server.close();
        engine.close();
    }
}
