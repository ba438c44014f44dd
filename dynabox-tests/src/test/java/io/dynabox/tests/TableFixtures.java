package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.sdk.Dynabox;
import io.dynabox.server.DynaboxServer;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/** Building blocks for the table control-plane tests: key elements, definitions, request shapes, error checks. */
final class TableFixtures {
    static final String INVALID = "One or more parameter values were invalid: ";
    static final Duration DELAY = Duration.ofMillis(250);

    private TableFixtures() {}

    static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }

    static AttributeDefinition s(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    static AttributeDefinition n(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.N).build();
    }

    static ProvisionedThroughput capacity(long read, long write) {
        return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
    }

    static Projection all() {
        return Projection.builder().projectionType(ProjectionType.ALL).build();
    }

    static Projection include(String... names) {
        return Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(names).build();
    }

    /** A valid provisioned table with hash key "a" (S), 1/1 capacity, which a case then alters. */
    static Consumer<CreateTableRequest.Builder> simpleTable(String name) {
        return b -> b.tableName(name).attributeDefinitions(s("a")).keySchema(hash("a")).provisionedThroughput(capacity(1, 1));
    }

    /** A base request with a case's changes applied after it. */
    static Consumer<CreateTableRequest.Builder> table(Consumer<CreateTableRequest.Builder> base, Consumer<CreateTableRequest.Builder> change) {
        return base.andThen(change);
    }

    /** A valid on-demand table with hash key "a" (S) and range key "b" (S). */
    static Consumer<CreateTableRequest.Builder> onDemandTable(String name) {
        return b -> b.tableName(name).attributeDefinitions(s("a"), s("b")).keySchema(hash("a"), range("b"))
                .billingMode(BillingMode.PAY_PER_REQUEST);
    }

    /** The call fails with the given error code and a message starting with the service's text. */
    static void assertError(ThrowingCallable call, String errorCode, String message) {
        DynamoDbException e = catchThrowableOfType(DynamoDbException.class, call);
        assertThat(e).as("expected %s: %s", errorCode, message).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).as(e.getMessage()).isEqualTo(errorCode);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith(message);
    }

    static void assertValidation(ThrowingCallable call, String message) {
        assertError(call, "ValidationException", message);
    }

    /** A waiter that polls every 20 ms instead of the SDK's 20 s. */
    static DynamoDbWaiter quickWaiter(DynamoDbClient client) {
        return DynamoDbWaiter.builder().client(client)
                .overrideConfiguration(o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(20))).maxAttempts(200))
                .build();
    }

    /** A client in a fresh namespace of a Dynabox whose tables stay CREATING, UPDATING and DELETING for {@link #DELAY}. */
    static DynamoDbClient delayedClient(Door door) {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("delayed-" + UUID.randomUUID(), "secret"));
        DynamoDbClient client = door == Door.IN_PROCESS
                ? Delayed.DYNABOX.dynamoDbClientBuilder().credentialsProvider(credentials)
                        .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build()
                : DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                        .endpointOverride((door == Door.HTTP ? Delayed.SERVER : Delayed.SQLITE_SERVER).endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials)
                        .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
        // a first call loads the classes of the path, so the timed steps of a test stay well inside the delay
        client.listTables();
        return client;
    }

    private static final class Delayed {
        static final Dynabox DYNABOX = Dynabox.withOptions(DynaboxOptions.builder().delayTransientStatuses(DELAY).build());
        static final DynaboxServer SERVER = DYNABOX.startServer(0);
        static final DynaboxServer SQLITE_SERVER = DynaboxServer.start(DynaboxOptions.builder().port(0).delayTransientStatuses(DELAY)
                .dbPath(TempDirs.create("dynabox-delayed-sqlite")).build());
    }
}
