package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.all;
import static io.dynabox.tests.TableFixtures.capacity;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.s;
import static io.dynabox.tests.TableFixtures.simpleTable;
import static io.dynabox.tests.TableFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Status over time with --delay-transient-statuses: CREATING, UPDATING and DELETING last
 * the delay, and the SDK's waiters see the table through them.
 */
@ParameterizedClass
@EnumSource(Door.class)
class TableWaitersTest {
    @Parameter
    Door door;

    @Test
    void waitersFollowTheTableThroughItsStatuses() {
        try (DynamoDbClient client = TableFixtures.delayedClient(door)) {
            DynamoDbWaiter waiter = TableFixtures.quickWaiter(client);
            client.createTable(table(simpleTable("tab1"), b -> b.attributeDefinitions(s("a"), s("g"))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(hash("g")).projection(all())
                            .provisionedThroughput(capacity(1, 1)).build())));
            var creating = client.describeTable(b -> b.tableName("tab1")).table();
            assertThat(creating.tableStatus()).isEqualTo(TableStatus.CREATING);
            assertThat(creating.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);

            WaiterResponse<DescribeTableResponse> exists = waiter.waitUntilTableExists(b -> b.tableName("tab1"));
            assertThat(exists.attemptsExecuted()).isGreaterThan(1);
            var active = exists.matched().response().orElseThrow().table();
            assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(active.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);

            client.updateTable(b -> b.tableName("tab1").provisionedThroughput(capacity(2, 2)));
            assertThat(client.describeTable(b -> b.tableName("tab1")).table().tableStatus()).isEqualTo(TableStatus.UPDATING);
            assertThat(waiter.waitUntilTableExists(b -> b.tableName("tab1")).matched().response().orElseThrow().table()
                    .provisionedThroughput().readCapacityUnits()).isEqualTo(2L);

            client.deleteTable(b -> b.tableName("tab1"));
            assertThat(client.describeTable(b -> b.tableName("tab1")).table().tableStatus()).isEqualTo(TableStatus.DELETING);
            WaiterResponse<DescribeTableResponse> gone = waiter.waitUntilTableNotExists(b -> b.tableName("tab1"));
            assertThat(gone.attemptsExecuted()).isGreaterThan(1);
            assertThat(gone.matched().exception()).isPresent();
            assertThat(client.listTables().tableNames()).isEmpty();
        }
    }
}
