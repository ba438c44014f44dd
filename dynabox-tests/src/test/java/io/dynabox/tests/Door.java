package io.dynabox.tests;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.sdk.Dynabox;
import io.dynabox.server.DynaboxServer;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The ways into Dynabox that every behaviour test runs through: the HTTP server on a
 * free loopback port (in memory, and on SQLite files in a temporary directory), and the
 * in-process SDK client. Each client gets its own access key, so each test class works in
 * a namespace of its own.
 */
public enum Door {
    HTTP {
        @Override
        public DynamoDbClientBuilder builder(String accessKey, Region region) {
            return DynamoDbClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .endpointOverride(Shared.SERVER.endpoint())
                    .region(region)
                    .credentialsProvider(credentials(accessKey))
                    .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()));
        }
    },
    /** The HTTP server on SQLite files in a temporary directory: the same behaviour from the file store. */
    HTTP_SQLITE {
        @Override
        public DynamoDbClientBuilder builder(String accessKey, Region region) {
            return DynamoDbClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .endpointOverride(Shared.SQLITE_SERVER.endpoint())
                    .region(region)
                    .credentialsProvider(credentials(accessKey))
                    .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()));
        }
    },
    IN_PROCESS {
        @Override
        public DynamoDbClientBuilder builder(String accessKey, Region region) {
            return Shared.IN_PROCESS.dynamoDbClientBuilder()
                    .region(region)
                    .credentialsProvider(credentials(accessKey))
                    .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()));
        }
    };

    /** A client builder for this door, to which a test may add its own configuration (interceptors, ...). */
    public abstract DynamoDbClientBuilder builder(String accessKey, Region region);

    public DynamoDbClient client(String accessKey, Region region) {
        return builder(accessKey, region).build();
    }

    public DynamoDbClient client(String accessKey) {
        return client(accessKey, Region.US_EAST_1);
    }

    /** A client in a fresh namespace of its own. */
    public DynamoDbClient isolatedClient() {
        return client("test-" + UUID.randomUUID());
    }

    private static StaticCredentialsProvider credentials(String accessKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret"));
    }

    /** One server and one in-process engine for the whole test run; they stop with the JVM. */
    private static final class Shared {
        static final DynaboxServer SERVER = DynaboxServer.start(DynaboxOptions.builder().port(0).build());
        static final Dynabox IN_PROCESS = Dynabox.inMemory();
        static final DynaboxServer SQLITE_SERVER = DynaboxServer.start(DynaboxOptions.builder().port(0).dbPath(TempDirs.create("dynabox-sqlite")).build());
    }
}
