package io.dynabox.tests;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import io.dynabox.engine.store.SqliteStore;
import io.dynabox.engine.store.Store;
import io.dynabox.sdk.InProcessHttpClient;
import io.dynabox.server.DynaboxServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
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
 * A Dynabox of its own behind a door, for export and import tests: its S3 directory in a
 * temporary folder (a bucket per subfolder), its clock following real time plus an offset the
 * test moves, and for HTTP_SQLITE its files in a folder that survives {@link #restart()}.
 */
final class TransferBox implements AutoCloseable {
    private final Door door;
    private final AtomicLong offset = new AtomicLong();
    final Path dbDir;
    final Path s3Dir;
    private final UnaryOperator<DynaboxOptions.Builder> settings;
    private Engine engine;
    private DynaboxServer server;
    DynamoDbClient client;

    TransferBox(Door door, UnaryOperator<DynaboxOptions.Builder> settings) {
        this.door = door;
        this.settings = settings;
        dbDir = TempDirs.create("dynabox-transfer-db");
        s3Dir = TempDirs.create("dynabox-transfer-s3");
        start();
    }

    TransferBox(Door door) {
        this(door, UnaryOperator.identity());
    }

    private void start() {
        Store store = door == Door.HTTP_SQLITE ? new SqliteStore(dbDir, false) : new MemoryStore();
        DynaboxOptions options = settings.apply(DynaboxOptions.builder().port(0).s3Dir(s3Dir)).build();
        engine = new Engine(options, store, () -> System.currentTimeMillis() + offset.get());
        server = door == Door.IN_PROCESS ? null : DynaboxServer.start(engine, 0);
        var builder = DynamoDbClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("transfer", "secret")))
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()));
        client = server == null
                ? builder.httpClient(new InProcessHttpClient(engine)).endpointOverride(URI.create("http://dynabox.in-process")).build()
                : builder.httpClient(UrlConnectionHttpClient.create()).endpointOverride(server.endpoint()).build();
    }

    /** A DynamoDB Streams client through the same door; the caller closes it. */
    DynamoDbStreamsClient streams() {
        var builder = DynamoDbStreamsClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("transfer", "secret")));
        return server == null
                ? builder.httpClient(new InProcessHttpClient(engine)).endpointOverride(URI.create("http://dynabox.in-process")).build()
                : builder.httpClient(UrlConnectionHttpClient.create()).endpointOverride(server.endpoint()).build();
    }

    /** Stops and starts again on the same files (the memory doors start empty). */
    void restart() {
        stop();
        start();
    }

    void advance(Duration by) {
        offset.addAndGet(by.toMillis());
    }

    long nowMillis() {
        return engine.nowMillis();
    }

    /** Makes a bucket: a folder of the S3 directory. */
    Path bucket(String name) {
        try {
            return Files.createDirectories(s3Dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        client.close();
        if (server != null) server.close();
        engine.close();
    }

    @Override
    public void close() {
        stop();
    }
}
