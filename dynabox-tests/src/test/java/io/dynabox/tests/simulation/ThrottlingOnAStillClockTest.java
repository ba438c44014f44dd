package io.dynabox.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.simulation.SimulationSettings;
import io.dynabox.sdk.Dynabox;
import io.dynabox.server.DynaboxServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * README's JUnit example: a manual clock that stands still, throttling on, and tables ACTIVE at
 * once (no transient delay). A new provisioned table serves its first second's capacity, where its
 * first write was refused as 'burst capacity is used up'.
 */
class ThrottlingOnAStillClockTest {
    @ParameterizedTest(name = "through HTTP: {0}")
    @ValueSource(booleans = {false, true})
    void aNewTableServesItsFirstSecondOfCapacityBeforeTheClockMoves(boolean http) {
        onAStillClock(http, (dynabox, client) -> {
            client.createTable(b -> b.tableName("fresh").keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
            client.putItem(b -> b.tableName("fresh").item(Map.of("id", AttributeValue.fromS("a"))));
            // one unit a second: the second write of the same second is refused
            assertThat(catchThrowableOfType(ProvisionedThroughputExceededException.class,
                    () -> client.putItem(b -> b.tableName("fresh").item(Map.of("id", AttributeValue.fromS("b")))))).isNotNull();
        });
    }

    /**
     * A client that writes exactly the table's capacity every second from its creation on is never refused (simulation audit
     * F4): refilling began a second after the creation, so the second second's five writes were all refused.
     */
    @ParameterizedTest(name = "through HTTP: {0}")
    @ValueSource(booleans = {false, true})
    void aTableWrittenAtItsCapacityEverySecondFromItsCreationIsNeverRefused(boolean http) {
        onAStillClock(http, (dynabox, client) -> {
            client.createTable(b -> b.tableName("steady").keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
            for (int second = 0; second < 4; second++) {
                for (int i = 0; i < 5; i++) {
                    String id = second + "-" + i;
                    client.putItem(b -> b.tableName("steady").item(Map.of("id", AttributeValue.fromS(id))));
                }
                dynabox.clock().advance(Duration.ofSeconds(1));
            }
            // and no more than that: a sixth write in one second takes what the idle seconds left, none here
            for (int i = 0; i < 5; i++) {
                String id = "last-" + i;
                client.putItem(b -> b.tableName("steady").item(Map.of("id", AttributeValue.fromS(id))));
            }
            assertThat(catchThrowableOfType(ProvisionedThroughputExceededException.class,
                    () -> client.putItem(b -> b.tableName("steady").item(Map.of("id", AttributeValue.fromS("sixth")))))).isNotNull();
        });
    }

    /** Runs {@code test} on a throttling Dynabox whose clock stands at 2030 until the test moves it, through HTTP or in-process. */
    private static void onAStillClock(boolean http, BiConsumer<Dynabox, DynamoDbClient> test) {
        DynaboxOptions options = DynaboxOptions.builder().manualClock(Instant.parse("2030-01-01T00:00:00Z"))
                .simulation(SimulationSettings.OFF.withThrottling(true)).build();
        try (Dynabox dynabox = Dynabox.withOptions(options);
             DynaboxServer server = http ? dynabox.startServer(0) : null;
             DynamoDbClient client = client(dynabox, server)) {
            test.accept(dynabox, client);
        }
    }

    private static DynamoDbClient client(Dynabox dynabox, DynaboxServer server) {
        if (server == null) {
            return dynabox.dynamoDbClientBuilder().overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
        }
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(URI.create(server.endpoint().toString()))
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("still", "secret")))
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
    }
}
