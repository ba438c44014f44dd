package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.all;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.range;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynabox.engine.table.AccountQuotas;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;

/**
 * The account's table quotas, as the service answers them (LimitExceededException, "Subscriber limit exceeded: ..."):
 * tables per account and region, tables and indexes being created, updated or deleted at once, tables with secondary
 * indexes being created at once; set low here ({@code accountQuotas}, {@code --max-tables} ...) so that a test reaches
 * them, with tables that stay CREATING, UPDATING and DELETING for ten seconds of the test's clock.
 */
@ParameterizedClass
@EnumSource(Door.class)
class AccountQuotasTest {
    private static final Duration TRANSITION = Duration.ofSeconds(10);

    @Parameter
    Door door;

    StreamsBox box;

    private void open(AccountQuotas quotas) {
        box = new StreamsBox(door, b -> b.accountQuotas(quotas).delayTransientStatuses(TRANSITION));
    }

    @AfterEach
    void close() {
        box.close();
    }

    private void create(String name) {
        box.client.createTable(b -> b.tableName(name).attributeDefinitions(s("pk")).keySchema(hash("pk")).billingMode(BillingMode.PAY_PER_REQUEST));
    }

    private void createIndexed(String name) {
        box.client.createTable(b -> b.tableName(name).attributeDefinitions(s("pk"), s("g")).keySchema(hash("pk"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(hash("g")).projection(all())));
    }

    private static void assertLimit(Runnable request, String message) {
        assertThatThrownBy(request::run).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LimitExceededException");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith(message);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }

    @Test
    void tablesBeingCreatedAtOnceAndTablesPerAccount() {
        open(new AccountQuotas(3, 2, 2));
        create("alpha");
        create("bravo");
        // a and b are CREATING: a third table would be the third operation at once
        assertLimit(() -> create("charlie"), "Subscriber limit exceeded: Only 2 tables can be created, updated, or deleted simultaneously");
        box.advance(TRANSITION);
        create("charlie");
        box.advance(TRANSITION);
        assertLimit(() -> create("delta"), "Subscriber limit exceeded: There is a limit of 3 tables per subscriber");
        // an existing name is still "in use", whatever the quota
        assertThatThrownBy(() -> create("alpha")).hasMessageStartingWith("Table already exists: alpha");
        box.client.deleteTable(b -> b.tableName("charlie"));
        box.advance(TRANSITION); // c is gone
        create("delta");
        assertThat(box.client.listTables().tableNames()).containsExactly("alpha", "bravo", "delta");
    }

    @Test
    void updatesDeletesAndTimeToLiveCountAsTableOperations() {
        open(new AccountQuotas(10, 1, 1));
        create("steady");
        box.advance(TRANSITION);
        create("busy"); // CREATING: the one operation at once the quota allows
        String message = "Subscriber limit exceeded: Only 1 tables can be created, updated, or deleted simultaneously";
        assertLimit(() -> box.client.updateTable(b -> b.tableName("steady").billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))), message);
        assertLimit(() -> box.client.updateTimeToLive(b -> b.tableName("steady")
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true))), message);
        assertLimit(() -> box.client.deleteTable(b -> b.tableName("steady")), message);
        box.advance(TRANSITION);
        box.client.deleteTable(b -> b.tableName("steady"));
        // steady is DELETING now
        assertLimit(() -> create("next"), message);
    }

    @Test
    void tablesWithIndexesBeingCreatedAtOnce() {
        open(new AccountQuotas(10, 10, 1));
        createIndexed("first");
        assertLimit(() -> createIndexed("second"),
                "Subscriber limit exceeded: You have exceeded the maximum number of indexed tables that can be created simultaneously");
        assertLimit(() -> box.client.createTable(b -> b.tableName("local").attributeDefinitions(s("pk"), s("sk"), s("l"))
                        .keySchema(hash("pk"), range("sk")).billingMode(BillingMode.PAY_PER_REQUEST)
                        .localSecondaryIndexes(l -> l.indexName("byL").keySchema(hash("pk"), range("l")).projection(all()))),
                "Subscriber limit exceeded: You have exceeded the maximum number of indexed tables that can be created simultaneously");
        create("plain"); // a table without indexes is not such a creation
        box.advance(TRANSITION);
        createIndexed("second");
    }

    @Test
    void aRestoreIsANewTable() {
        open(new AccountQuotas(2, 10, 10));
        create("alpha");
        box.advance(TRANSITION);
        String backup = box.client.createBackup(b -> b.tableName("alpha").backupName("nightly")).backupDetails().backupArn();
        create("bravo");
        box.advance(TRANSITION);
        assertLimit(() -> box.client.restoreTableFromBackup(b -> b.backupArn(backup).targetTableName("copy")),
                "Subscriber limit exceeded: There is a limit of 2 tables per subscriber");
        assertThat(box.client.listTables().tableNames()).containsExactly("alpha", "bravo");
    }

    @Test
    void theServicesQuotasByDefault() {
        box = new StreamsBox(door);
        assertThat(box.engine.options().accountQuotas()).isEqualTo(new AccountQuotas(2500, 500, 250));
        for (int i = 0; i < 5; i++) create("table" + i);
        assertThat(box.client.listTables().tableNames()).hasSize(5);
    }
}
