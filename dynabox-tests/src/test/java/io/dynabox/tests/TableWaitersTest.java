package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.all;
import static io.dynabox.tests.TableFixtures.capacity;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.s;
import static io.dynabox.tests.TableFixtures.simpleTable;
import static io.dynabox.tests.TableFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.sdk.Dynabox;
import io.dynabox.server.DynaboxServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Status over time with --delay-transient-statuses: CREATING, UPDATING and DELETING last
 * the delay, and the SDK's waiters keep polling through them and return once they end.
 */
@ParameterizedClass
@EnumSource(Door.class)
class TableWaitersTest {
    @Parameter
    Door door;

    /** Starts the waiter, checks it is still waiting, ends the transient status, and returns what the waiter saw. */
    private static WaiterResponse<DescribeTableResponse> waitThrough(TableFixtures.SlowDynabox slow,
                                                                     Supplier<WaiterResponse<DescribeTableResponse>> waiting) throws Exception {
        CompletableFuture<WaiterResponse<DescribeTableResponse>> waiter = CompletableFuture.supplyAsync(waiting);
        Thread.sleep(100);
        assertThat(waiter).isNotDone();
        slow.settle();
        return waiter.get(10, TimeUnit.SECONDS);
    }

    /** A Dynabox on the real clock with a short delay, as a user configures it (SQLite is covered by the test above). */
    private static final class RealClock {
        static final Dynabox DYNABOX = Dynabox.withOptions(DynaboxOptions.builder().delayTransientStatuses(Duration.ofMillis(200)).build());
        static final DynaboxServer SERVER = DYNABOX.startServer(0);
    }

    @Test
    void waitersReturnOnTheRealClock() {
        var builder = door == Door.IN_PROCESS ? RealClock.DYNABOX.dynamoDbClientBuilder()
                : DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(RealClock.SERVER.endpoint())
                        .region(Region.US_EAST_1);
        try (DynamoDbClient client = builder.credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("real-clock-" + door, "secret"))).build()) {
            DynamoDbWaiter waiter = TableFixtures.quickWaiter(client);
            assertThat(client.createTable(simpleTable("tab1")).tableDescription().tableStatus()).isEqualTo(TableStatus.CREATING);
            assertThat(waiter.waitUntilTableExists(b -> b.tableName("tab1")).matched().response().orElseThrow().table().tableStatus())
                    .isEqualTo(TableStatus.ACTIVE);
            client.deleteTable(b -> b.tableName("tab1"));
            assertThat(waiter.waitUntilTableNotExists(b -> b.tableName("tab1")).matched().exception()).isPresent();
        }
    }

    @Test
    void waitersFollowTheTableThroughItsStatuses() throws Exception {
        try (TableFixtures.SlowDynabox slow = new TableFixtures.SlowDynabox(door)) {
            DynamoDbClient client = slow.client;
            DynamoDbWaiter waiter = TableFixtures.quickWaiter(client);
            client.createTable(table(simpleTable("tab1"), b -> b.attributeDefinitions(s("a"), s("g"))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(hash("g")).projection(all())
                            .provisionedThroughput(capacity(1, 1)).build())));
            TableDescription creating = client.describeTable(b -> b.tableName("tab1")).table();
            assertThat(creating.tableStatus()).isEqualTo(TableStatus.CREATING);
            assertThat(creating.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);

            TableDescription active = waitThrough(slow, () -> waiter.waitUntilTableExists(b -> b.tableName("tab1")))
                    .matched().response().orElseThrow().table();
            assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(active.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);

            client.updateTable(b -> b.tableName("tab1").provisionedThroughput(capacity(2, 2)));
            assertThat(client.describeTable(b -> b.tableName("tab1")).table().tableStatus()).isEqualTo(TableStatus.UPDATING);
            TableDescription updated = waitThrough(slow, () -> waiter.waitUntilTableExists(b -> b.tableName("tab1")))
                    .matched().response().orElseThrow().table();
            assertThat(updated.provisionedThroughput().readCapacityUnits()).isEqualTo(2L);

            client.deleteTable(b -> b.tableName("tab1"));
            assertThat(client.describeTable(b -> b.tableName("tab1")).table().tableStatus()).isEqualTo(TableStatus.DELETING);
            assertThat(client.listTables().tableNames()).containsExactly("tab1");
            WaiterResponse<DescribeTableResponse> gone = waitThrough(slow, () -> waiter.waitUntilTableNotExists(b -> b.tableName("tab1")));
            assertThat(gone.matched().exception()).isPresent();
            assertThat(client.listTables().tableNames()).isEmpty();
        }
    }
}
