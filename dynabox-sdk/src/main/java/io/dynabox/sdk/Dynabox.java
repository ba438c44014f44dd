package io.dynabox.sdk;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.server.DynaboxServer;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Dynabox in your JVM: {@code Dynabox.inMemory().dynamoDbClient()} is a real
 * {@link DynamoDbClient} whose requests are answered in-process, with no server.
 */
public final class Dynabox implements AutoCloseable {
    /** Any endpoint will do: requests never leave the JVM, but the SDK needs one to sign for. */
    static final URI IN_PROCESS_ENDPOINT = URI.create("http://dynabox.in-process");
    static final Region DEFAULT_REGION = Region.US_EAST_1;

    private final Engine engine;

    private Dynabox(Engine engine) {
        this.engine = engine;
    }

    public static Dynabox inMemory() {
        return new Dynabox(new Engine(DynaboxOptions.defaults()));
    }

    public static Dynabox withOptions(DynaboxOptions options) {
        return new Dynabox(new Engine(options));
    }

    public Engine engine() {
        return engine;
    }

    /** The in-process HTTP client, to plug into a client builder of your own. */
    public SdkHttpClient httpClient() {
        return new InProcessHttpClient(engine);
    }

    /** A client builder already wired to this Dynabox, with a default region and fake credentials; override as you like. */
    public DynamoDbClientBuilder dynamoDbClientBuilder() {
        return DynamoDbClient.builder()
                .httpClient(httpClient())
                .endpointOverride(IN_PROCESS_ENDPOINT)
                .region(DEFAULT_REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dynabox", "dynabox")));
    }

    public DynamoDbClient dynamoDbClient() {
        return dynamoDbClientBuilder().build();
    }

    /** Starts the HTTP door in front of this same engine, on a free port unless {@code port} is given. */
    public DynaboxServer startServer(int port) {
        return DynaboxServer.start(engine, port);
    }

    @Override
    public void close() {
        engine.close();
    }
}
