package io.dynabox.tests;

import static io.dynabox.tests.ReadTables.item;
import static io.dynabox.tests.ReadTables.n;
import static io.dynabox.tests.ReadTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** UpdateTable's GlobalSecondaryIndexUpdates: an index created on a table with items, read, deleted, created again. */
@ParameterizedClass
@EnumSource(Door.class)
class GlobalIndexLifecycleTest extends DoorTest {
    private static GlobalSecondaryIndexUpdate create(String name, String attribute) {
        return GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName(name)
                .keySchema(ReadTables.key(attribute + ":S", null)).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))).build();
    }

    private static GlobalSecondaryIndexUpdate delete(String name) {
        return GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName(name)).build();
    }

    private static AttributeDefinition defined(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static GlobalSecondaryIndexDescription index(TableDescription table, String name) {
        return table.globalSecondaryIndexes().stream().filter(i -> i.indexName().equals(name)).findFirst().orElseThrow();
    }

    private List<String> ids(String index, String value) {
        List<String> ids = new ArrayList<>();
        client.queryPaginator(b -> b.tableName("people").indexName(index).keyConditionExpression("#g = :v")
                .expressionAttributeNames(Map.of("#g", index.equals("by-city") ? "city" : "team"))
                .expressionAttributeValues(Map.of(":v", s(value)))).items().forEach(i -> ids.add(i.get("id").s()));
        return ids;
    }

    @Test
    void anIndexCreatedLaterHoldsTheItemsAlreadyThereAndFollowsNewWrites() {
        ReadTables.create(client, "people", "id:S", null, List.of("id:S"), List.of(), List.of());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 300; i++) items.add(item("id", "p" + i, "city", i % 3 == 0 ? "paris" : "rome"));
        items.add(item("id", "nowhere"));
        items.add(item("id", "numbered", "city", 7)); // a city of the wrong type is left out, as the service leaves it out
        ReadTables.putAll(client, "people", items);

        TableDescription answer = client.updateTable(b -> b.tableName("people").attributeDefinitions(defined("city"))
                .globalSecondaryIndexUpdates(create("by-city", "city"))).tableDescription();
        assertThat(answer.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(index(answer, "by-city").indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(index(answer, "by-city").backfilling()).isFalse(); // the service answers before the backfill starts

        TableDescription described = client.describeTable(b -> b.tableName("people")).table();
        GlobalSecondaryIndexDescription created = index(described, "by-city");
        assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(created.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(created.backfilling()).isNull();
        assertThat(created.itemCount()).isEqualTo(300L);
        assertThat(created.indexSizeBytes()).isPositive();
        assertThat(described.attributeDefinitions()).extracting(AttributeDefinition::attributeName).containsExactly("city", "id");

        assertThat(ids("by-city", "paris")).hasSize(100);
        client.putItem(b -> b.tableName("people").item(item("id", "new", "city", "paris")));
        client.putItem(b -> b.tableName("people").item(item("id", "p0", "city", "rome")));
        assertThat(ids("by-city", "paris")).hasSize(100).contains("new").doesNotContain("p0");
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("people").item(item("id", "x", "city", 1))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Type mismatch for Index Key city Expected: S Actual: N IndexName: by-city");

        TableDescription deleting = client.updateTable(b -> b.tableName("people").globalSecondaryIndexUpdates(delete("by-city"))).tableDescription();
        assertThat(index(deleting, "by-city").indexStatus()).isEqualTo(IndexStatus.DELETING);
        TableDescription after = client.describeTable(b -> b.tableName("people")).table();
        assertThat(after.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(after.attributeDefinitions()).extracting(AttributeDefinition::attributeName).containsExactly("id");
        assertThatThrownBy(() -> ids("by-city", "paris")).isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("The table does not have the specified index: by-city");

        // created again under the same name, it starts from the items as they are now
        client.deleteItem(b -> b.tableName("people").key(Map.of("id", s("new"))));
        client.updateTable(b -> b.tableName("people").attributeDefinitions(defined("city")).globalSecondaryIndexUpdates(create("by-city", "city")));
        assertThat(ids("by-city", "paris")).hasSize(99);
    }

    @Test
    void indexUpdatesAreCheckedInTheServicesWords() {
        ReadTables.create(client, "people", "id:S", "at:S", List.of("id:S", "at:S", "team:S", "city:S"),
                List.of(ReadTables.gsi("by-team", "team:S", null, ProjectionType.ALL)),
                List.of(ReadTables.lsi("by-city", "id:S", "city:S", ProjectionType.ALL)));
        assertThatThrownBy(() -> client.updateTable(b -> b.tableName("people").attributeDefinitions(defined("team"))
                .globalSecondaryIndexUpdates(create("by-team", "team"))))
                .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("Attempting to create an index which already exists");
        assertThatThrownBy(() -> client.updateTable(b -> b.tableName("people").globalSecondaryIndexUpdates(create("by-zone", "zone"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: AttributeDefinitions is not specified for index: by-zone");
        // the new index's key attributes are defined in the request, even those the table has already
        assertThatThrownBy(() -> client.updateTable(b -> b.tableName("people").attributeDefinitions(defined("zone"))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("by-zone-at")
                        .keySchema(k -> k.attributeName("zone").keyType(KeyType.HASH), k -> k.attributeName("at").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))).build())))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Invalid KeySchema: Some index key attribute have no definition");
        assertThatThrownBy(() -> client.updateTable(b -> b.tableName("people").globalSecondaryIndexUpdates(delete("by-city"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Cannot delete an index that is not a GlobalSecondaryIndex: by-city");
        assertThatThrownBy(() -> client.updateTable(b -> b.tableName("people").globalSecondaryIndexUpdates(delete("nope"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Index nope for table people");
        assertThatThrownBy(() -> client.updateTable(b -> b.tableName("people").attributeDefinitions(defined("zone"))
                .globalSecondaryIndexUpdates(create("by-zone", "zone"), delete("by-team"))))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
    }

    @Test
    void aProvisionedIndexChangesItsThroughput() {
        client.createTable(b -> b.tableName("people").keySchema(ReadTables.key("id:S", null))
                .attributeDefinitions(defined("id"), defined("team")).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))
                .globalSecondaryIndexes(g -> g.indexName("by-team").keySchema(ReadTables.key("team:S", null))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .provisionedThroughput(t -> t.readCapacityUnits(2L).writeCapacityUnits(2L))));
        GlobalSecondaryIndexUpdate update = GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName("by-team")
                .provisionedThroughput(t -> t.readCapacityUnits(7L).writeCapacityUnits(2L))).build();
        TableDescription answer = client.updateTable(b -> b.tableName("people").globalSecondaryIndexUpdates(update)).tableDescription();
        assertThat(index(answer, "by-team").indexStatus()).isEqualTo(IndexStatus.UPDATING);
        // the index's own change leaves the table ACTIVE (observed on the service in 2026)
        assertThat(answer.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(index(answer, "by-team").provisionedThroughput().readCapacityUnits()).isEqualTo(2L);
        GlobalSecondaryIndexDescription after = index(client.describeTable(b -> b.tableName("people")).table(), "by-team");
        assertThat(after.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(after.provisionedThroughput().readCapacityUnits()).isEqualTo(7L);
        assertThatThrownBy(() -> client.updateTable(b -> b.tableName("people").globalSecondaryIndexUpdates(update)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("The provisioned throughput for the index by-team will not change.");
        // the warm throughput is the highest capacity the index had: it stays when the capacity falls (observed in 2026)
        client.updateTable(b -> b.tableName("people").globalSecondaryIndexUpdates(u -> u.update(x -> x.indexName("by-team")
                .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)))));
        GlobalSecondaryIndexDescription lowered = index(client.describeTable(b -> b.tableName("people")).table(), "by-team");
        assertThat(lowered.provisionedThroughput().readCapacityUnits()).isEqualTo(1L);
        assertThat(lowered.warmThroughput().readUnitsPerSecond()).isEqualTo(7L);
        assertThat(lowered.warmThroughput().writeUnitsPerSecond()).isEqualTo(2L);
        assertThatThrownBy(() -> client.updateTable(b -> b.tableName("people").attributeDefinitions(defined("zone"))
                .globalSecondaryIndexUpdates(create("by-zone", "zone"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Both ReadCapacityUnits and WriteCapacityUnits must be specified for index: by-zone");
    }

    @Test
    void aKeyAttributeRedefinedWithAnotherTypeKeepsItsType() {
        ReadTables.create(client, "people", "id:S", null, List.of("id:S"), List.of(), List.of());
        client.updateTable(b -> b.tableName("people")
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.N).build(), defined("city"))
                .globalSecondaryIndexUpdates(create("by-city", "city")));
        assertThat(client.describeTable(b -> b.tableName("people")).table().attributeDefinitions())
                .containsExactlyInAnyOrder(defined("id"), defined("city"));
        client.putItem(b -> b.tableName("people").item(item("id", "a", "city", "paris")));
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("people").item(item("id", 1))))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("Type mismatch for key id expected: S actual: N");
    }

    @Test
    void whileAnIndexChangesTheTableIsActiveAndOtherChangesWait() {
        try (TableFixtures.SlowDynabox slow = new TableFixtures.SlowDynabox(door)) {
            DynamoDbClient c = slow.client;
            c.createTable(b -> b.tableName("people").keySchema(ReadTables.key("id:S", null)).attributeDefinitions(defined("id"), defined("team"))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .globalSecondaryIndexes(g -> g.indexName("by-team").keySchema(ReadTables.key("team:S", null))
                            .projection(p -> p.projectionType(ProjectionType.ALL))));
            slow.settle();
            GlobalSecondaryIndexUpdate limit = GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName("by-team")
                    .onDemandThroughput(o -> o.maxReadRequestUnits(100L))).build();
            TableDescription answer = c.updateTable(b -> b.tableName("people").globalSecondaryIndexUpdates(limit)).tableDescription();
            assertThat(answer.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(index(answer, "by-team").indexStatus()).isEqualTo(IndexStatus.UPDATING);
            TableDescription during = c.describeTable(b -> b.tableName("people")).table();
            assertThat(during.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(index(during, "by-team").indexStatus()).isEqualTo(IndexStatus.UPDATING);
            // the service's texts (observed in 2026)
            assertThatThrownBy(() -> c.updateTable(b -> b.tableName("people").globalSecondaryIndexUpdates(limit)))
                    .isInstanceOf(ResourceInUseException.class)
                    .hasMessageStartingWith("Attempt to change a resource which is still in use: Index is being updated. Table: people Index: by-team");
            assertThatThrownBy(() -> c.deleteTable(b -> b.tableName("people")))
                    .isInstanceOf(ResourceInUseException.class)
                    .hasMessageStartingWith("Attempt to change a resource which is still in use: "
                            + "Cannot delete table while indexes are being created, updated, or deleted.");
            slow.settle();
            assertThat(index(c.describeTable(b -> b.tableName("people")).table(), "by-team").indexStatus()).isEqualTo(IndexStatus.ACTIVE);
            c.deleteTable(b -> b.tableName("people"));
        }
    }

    @Test
    void aBackfillingIndexCannotBeReadUntilItSettles() {
        try (TableFixtures.SlowDynabox slow = new TableFixtures.SlowDynabox(door)) {
            DynamoDbClient c = slow.client;
            c.createTable(b -> b.tableName("people").keySchema(ReadTables.key("id:S", null)).attributeDefinitions(defined("id"))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            slow.settle();
            c.putItem(b -> b.tableName("people").item(item("id", "a", "city", "paris")));
            c.updateTable(b -> b.tableName("people").attributeDefinitions(defined("city")).globalSecondaryIndexUpdates(create("by-city", "city")));
            GlobalSecondaryIndexDescription during = index(c.describeTable(b -> b.tableName("people")).table(), "by-city");
            assertThat(during.indexStatus()).isEqualTo(IndexStatus.CREATING);
            assertThat(during.backfilling()).isTrue();
            assertThatThrownBy(() -> c.scan(b -> b.tableName("people").indexName("by-city")))
                    .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("Cannot read from backfilling global secondary index");
            // one index created or deleted at a time, and the table waits for it (the service's texts, observed in 2026)
            assertThatThrownBy(() -> c.updateTable(b -> b.tableName("people").attributeDefinitions(defined("team"))
                    .globalSecondaryIndexUpdates(create("by-team", "team"))))
                    .isInstanceOf(LimitExceededException.class)
                    .hasMessageStartingWith("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
            // the index itself, in its first phase: the service's words (observed in 2026)
            assertThatThrownBy(() -> c.updateTable(b -> b.tableName("people").globalSecondaryIndexUpdates(delete("by-city"))))
                    .isInstanceOf(ResourceInUseException.class)
                    .hasMessageStartingWith("Attempt to change a resource which is still in use: Index creation is in resource allocation phase. "
                            + "Retry deletion during backfilling phase or when the index is active. Table: people Index: by-city");
            assertThatThrownBy(() -> c.deleteTable(b -> b.tableName("people")))
                    .isInstanceOf(ResourceInUseException.class)
                    .hasMessageStartingWith("Attempt to change a resource which is still in use: "
                            + "Cannot delete table while indexes are being created, updated, or deleted.");
            slow.settle();
            assertThat(c.scan(b -> b.tableName("people").indexName("by-city")).items()).containsExactly(item("id", "a", "city", "paris"));
            assertThat(index(c.describeTable(b -> b.tableName("people")).table(), "by-city").indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        }
    }
}
