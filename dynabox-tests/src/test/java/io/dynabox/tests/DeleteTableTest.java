package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.assertError;
import static io.dynabox.tests.TableFixtures.capacity;
import static io.dynabox.tests.TableFixtures.onDemandTable;
import static io.dynabox.tests.TableFixtures.simpleTable;
import static io.dynabox.tests.TableFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** DeleteTable: the trimmed answer, the state and protection checks, and the table vanishing. */
@ParameterizedClass
@EnumSource(Door.class)
class DeleteTableTest extends DoorTest {
    private static final String IN_USE = "Attempt to change a resource which is still in use: ";

    @Test
    void answersATrimmedDescriptionAndTheTableIsGone() {
        TableDescription created = client.createTable(table(simpleTable("tab1"), b -> b.tableClass(TableClass.STANDARD)
                .streamSpecification(x -> x.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))).tableDescription();
        client.putItem(b -> b.tableName("tab1").item(Map.of("a", AttributeValue.fromS("x"))));
        TableDescription deleted = client.deleteTable(b -> b.tableName("tab1")).tableDescription();
        assertThat(deleted.tableStatus()).isEqualTo(TableStatus.DELETING);
        assertThat(deleted.tableName()).isEqualTo("tab1");
        assertThat(deleted.tableId()).isEqualTo(created.tableId());
        assertThat(deleted.tableArn()).isEqualTo(created.tableArn());
        assertThat(deleted.deletionProtectionEnabled()).isFalse();
        assertThat(deleted.provisionedThroughput().readCapacityUnits()).isEqualTo(1L);
        assertThat(deleted.itemCount()).isNotNull();
        assertThat(deleted.tableSizeBytes()).isNotNull();
        assertThat(deleted.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD);
        // not in the trimmed answer
        assertThat(deleted.hasKeySchema()).isFalse();
        assertThat(deleted.hasAttributeDefinitions()).isFalse();
        assertThat(deleted.creationDateTime()).isNull();
        assertThat(deleted.streamSpecification()).isNull();
        assertThat(deleted.latestStreamArn()).isNull();

        assertError(() -> client.describeTable(b -> b.tableName("tab1")), "ResourceNotFoundException",
                "Requested resource not found: Table: tab1 not found");
        assertError(() -> client.deleteTable(b -> b.tableName("tab1")), "ResourceNotFoundException",
                "Requested resource not found: Table: tab1 not found");
        assertThat(client.listTables().tableNames()).isEmpty();
        // the name is free again, and the new table is empty
        client.createTable(simpleTable("tab1"));
        assertThat(client.getItem(b -> b.tableName("tab1").key(Map.of("a", AttributeValue.fromS("x")))).hasItem()).isFalse();
    }

    @Test
    void onDemandTableKeepsItsBillingSummary() {
        client.createTable(onDemandTable("tab1"));
        TableDescription deleted = client.deleteTable(b -> b.tableName("tab1")).tableDescription();
        assertThat(deleted.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(deleted.provisionedThroughput().readCapacityUnits()).isZero();
    }

    @Test
    void missingTableIsNotFound() {
        assertError(() -> client.deleteTable(b -> b.tableName("nope")), "ResourceNotFoundException",
                "Requested resource not found: Table: nope not found");
    }

    @Test
    void protectedTableIsNotDeleted() {
        client.createTable(table(simpleTable("tab1"), b -> b.deletionProtectionEnabled(true)));
        TableFixtures.assertValidation(() -> client.deleteTable(b -> b.tableName("tab1")),
                "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
        assertThat(client.describeTable(b -> b.tableName("tab1")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
    }

    @Test
    void changingTablesAreInUse() {
        try (TableFixtures.SlowDynabox slow = new TableFixtures.SlowDynabox(door)) {
            DynamoDbClient delayed = slow.client;
            delayed.createTable(simpleTable("tab1"));
            delayed.createTable(simpleTable("tab2"));
            delayed.createTable(simpleTable("tab3"));
            assertError(() -> delayed.deleteTable(b -> b.tableName("tab1")), "ResourceInUseException", IN_USE + "Table is being created: tab1");
            slow.settle();

            delayed.updateTable(b -> b.tableName("tab1").provisionedThroughput(capacity(2, 2)));
            delayed.updateTable(b -> b.tableName("tab2").streamSpecification(x -> x.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
            delayed.deleteTable(b -> b.tableName("tab3"));
            assertError(() -> delayed.deleteTable(b -> b.tableName("tab1")), "ResourceInUseException",
                    IN_USE + "Table: tab1 is in the process of being updated.");
            assertError(() -> delayed.deleteTable(b -> b.tableName("tab2")), "ResourceInUseException",
                    IN_USE + "Cannot delete table while stream is being enabled/disabled.");
            assertError(() -> delayed.deleteTable(b -> b.tableName("tab3")), "ResourceInUseException", IN_USE + "Table is being deleted: tab3");
            assertError(() -> delayed.updateTable(b -> b.tableName("tab3").deletionProtectionEnabled(true)), "ResourceInUseException",
                    IN_USE + "Table is being deleted: tab3");
            // a deleting table is still described and listed until it vanishes
            assertThat(delayed.describeTable(b -> b.tableName("tab3")).table().tableStatus()).isEqualTo(TableStatus.DELETING);
            assertThat(delayed.listTables().tableNames()).containsExactly("tab1", "tab2", "tab3");
            slow.settle();
            assertThat(delayed.listTables().tableNames()).containsExactly("tab1", "tab2");
        }
    }
}
