package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import io.dynabox.engine.store.SqliteStore;
import io.dynabox.engine.store.Store;
import io.dynabox.sdk.InProcessHttpClient;
import io.dynabox.server.DynaboxServer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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
    static final Duration DELAY = Duration.ofSeconds(60);

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

    /**
     * A Dynabox of its own, behind the given door, whose tables stay CREATING, UPDATING and
     * DELETING for {@link #DELAY} of its clock. The clock follows real time, and a test moves
     * it on with {@link #settle()}, so no check depends on how fast the machine is.
     */
    static final class SlowDynabox implements AutoCloseable {
        private final AtomicLong offset = new AtomicLong();
        private final Engine engine;
        private final DynaboxServer server;
        final DynamoDbClient client;

        SlowDynabox(Door door) {
            DynaboxOptions.Builder options = DynaboxOptions.builder().port(0).delayTransientStatuses(DELAY);
            Store store = door == Door.HTTP_SQLITE ? new SqliteStore(TempDirs.create("dynabox-slow"), false) : new MemoryStore();
            engine = new Engine(options.build(), store, () -> System.currentTimeMillis() + offset.get());
            server = door == Door.IN_PROCESS ? null : DynaboxServer.start(engine, 0);
            var builder = DynamoDbClient.builder().region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("slow", "secret")))
                    .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()));
            client = server == null
                    ? builder.httpClient(new InProcessHttpClient(engine)).endpointOverride(URI.create("http://dynabox.in-process")).build()
                    : builder.httpClient(UrlConnectionHttpClient.create()).endpointOverride(server.endpoint()).build();
        }

        /** Moves the clock past the delay: every table in flight is ACTIVE (or gone) on the next call. */
        void settle() {
            offset.addAndGet(DELAY.toMillis());
        }

        @Override
        public void close() {
            client.close();
            if (server != null) server.close();
            engine.close();
        }
    }
}
