package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableStatus;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Replica;
import software.amazon.awssdk.services.dynamodb.model.ReplicaSettingsDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaUpdate;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Global tables version 2017.11.29 through every door: CreateGlobalTable over existing tables
 * with its preconditions and errors, UpdateGlobalTable, Describe/List, the settings actions,
 * replication through the same mechanism as the current version; and replica auto scaling.
 */
@ParameterizedClass
@EnumSource(Door.class)
class LegacyGlobalTablesTest {
    private static final String EAST = "us-east-1";
    private static final String WEST = "eu-west-1";
    private static final String SOUTH = "ap-south-1";
    private static final Duration TRANSIENT = Duration.ofSeconds(2);

    @Parameter
    Door door;

    GlobalBox box;
    DynamoDbClient east;
    DynamoDbClient west;
    DynamoDbClient south;

    @BeforeEach
    void open() {
        box = new GlobalBox(door, b -> b.delayTransientStatuses(TRANSIENT));
        east = box.client(EAST);
        west = box.client(WEST);
        south = box.client(SOUTH);
        for (DynamoDbClient client : new DynamoDbClient[] {east, west, south}) makeTable(client, "music", true);
        box.advance(TRANSIENT);
    }

    private static void makeTable(DynamoDbClient client, String name, boolean stream) {
        client.createTable(b -> b.tableName(name).attributeDefinitions(s("id")).keySchema(hash("id"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(sp -> {
                    if (stream) sp.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
                    else sp.streamEnabled(false);
                }));
    }

    @AfterEach
    void close() {
        box.close();
    }

    private static Replica region(String name) {
        return Replica.builder().regionName(name).build();
    }

    private static void assertError(ThrowingCallable call, String code, String message) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith(message);
    }

    @Test
    void aGlobalTableIsCreatedDescribedListedAndReplicates() {
        GlobalTableDescription created = east.createGlobalTable(b -> b.globalTableName("music")
                .replicationGroup(region(EAST), region(WEST))).globalTableDescription();
        assertThat(created.globalTableStatus()).isEqualTo(GlobalTableStatus.CREATING);
        assertThat(created.globalTableArn()).isEqualTo("arn:aws:dynamodb::000000000000:global-table/music");
        assertThat(created.replicationGroup()).extracting(r -> r.regionName()).containsExactly(EAST, WEST);
        box.advance(TRANSIENT);
        // described from any region, even one not in the group
        GlobalTableDescription described = south.describeGlobalTable(b -> b.globalTableName("music")).globalTableDescription();
        assertThat(described.globalTableStatus()).isEqualTo(GlobalTableStatus.ACTIVE);
        assertThat(west.describeTable(b -> b.tableName("music")).table().globalTableVersion()).isEqualTo("2017.11.29");
        var listed = east.listGlobalTables(b -> b.regionName(WEST)).globalTables();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).globalTableName()).isEqualTo("music");
        assertThat(listed.get(0).replicationGroup()).extracting(Replica::regionName).containsExactly(EAST, WEST);
        assertThat(south.listGlobalTables(b -> b.limit(10)).globalTables()).isEmpty();

        east.putItem(b -> b.tableName("music").item(Map.of("id", AttributeValue.fromS("a"))));
        west.putItem(b -> b.tableName("music").item(Map.of("id", AttributeValue.fromS("b"))));
        assertThat(box.awaitReplication()).isTrue();
        assertThat(east.scan(b -> b.tableName("music")).count()).isEqualTo(2);
        assertThat(west.scan(b -> b.tableName("music")).count()).isEqualTo(2);
        assertThat(south.scan(b -> b.tableName("music")).count()).isZero();
    }

    @Test
    void replicatedItemsCarryTheLegacyReplicationAttributes() {
        east.createGlobalTable(b -> b.globalTableName("music").replicationGroup(region(EAST), region(WEST)));
        box.advance(TRANSIENT);
        box.advance(Duration.ofMillis(123));
        long madeAt = box.now.get();
        east.putItem(b -> b.tableName("music").item(Map.of("id", AttributeValue.fromS("a"), "v", AttributeValue.fromS("1"))));
        assertThat(box.awaitReplication()).isTrue();
        // the source region writes them into the item after the application's write, and ships the item with them
        for (DynamoDbClient client : List.of(east, west)) {
            Map<String, AttributeValue> item = client.getItem(b -> b.tableName("music").key(Map.of("id", AttributeValue.fromS("a")))
                    .consistentRead(true)).item();
            assertThat(item).containsEntry("v", AttributeValue.fromS("1"))
                    .containsEntry("aws:rep:deleting", AttributeValue.fromBool(false))
                    .containsEntry("aws:rep:updateregion", AttributeValue.fromS(EAST))
                    .containsEntry("aws:rep:updatetime", AttributeValue.fromN(madeAt / 1000 + "." + madeAt % 1000));
        }
        // the source's stream shows the application's write, then the write that added them
        List<Record> records = box.streamRecords(EAST, "music");
        assertThat(records).extracting(r -> r.eventNameAsString()).containsExactly("INSERT", "MODIFY");
        assertThat(records.get(0).dynamodb().newImage()).doesNotContainKey("aws:rep:updateregion");
        assertThat(records.get(1).dynamodb().newImage()).containsKey("aws:rep:updateregion");

        // a replicated delete marks the replica's item as being deleted, then deletes it
        west.deleteItem(b -> b.tableName("music").key(Map.of("id", AttributeValue.fromS("a"))));
        assertThat(box.awaitReplication()).isTrue();
        assertThat(east.getItem(b -> b.tableName("music").key(Map.of("id", AttributeValue.fromS("a"))).consistentRead(true)).hasItem()).isFalse();
        List<Record> after = box.streamRecords(EAST, "music");
        assertThat(after).extracting(r -> r.eventNameAsString()).containsExactly("INSERT", "MODIFY", "MODIFY", "REMOVE");
        assertThat(after.get(2).dynamodb().newImage()).containsEntry("aws:rep:deleting", AttributeValue.fromBool(true));
    }

    @Test
    void createGlobalTableChecksItsPreconditions() {
        assertError(() -> east.createGlobalTable(b -> b.globalTableName("nowhere").replicationGroup(region(EAST))),
                "TableNotFoundException", "Table: nowhere not found in region us-east-1");
        makeTable(east, "plain", false);
        makeTable(west, "plain", true);
        box.advance(TRANSIENT);
        assertError(() -> east.createGlobalTable(b -> b.globalTableName("plain").replicationGroup(region(EAST), region(WEST))),
                "ValidationException", "One or more parameter values were invalid: Table: plain in region: us-east-1 must have DynamoDB Streams enabled");
        west.putItem(b -> b.tableName("music").item(Map.of("id", AttributeValue.fromS("x"))));
        assertError(() -> east.createGlobalTable(b -> b.globalTableName("music").replicationGroup(region(EAST), region(WEST))),
                "ValidationException", "One or more parameter values were invalid: Table: music in region: eu-west-1 must be empty");
        assertError(() -> east.createGlobalTable(b -> b.globalTableName("music").replicationGroup(region(EAST), region(EAST))),
                "ValidationException", "One or more parameter values were invalid: Duplicate region in ReplicationGroup: us-east-1");
        east.createGlobalTable(b -> b.globalTableName("music").replicationGroup(region(EAST), region(SOUTH)));
        assertError(() -> south.createGlobalTable(b -> b.globalTableName("music").replicationGroup(region(SOUTH))),
                "GlobalTableAlreadyExistsException", "Global table with this name already exists");
        assertError(() -> east.describeGlobalTable(b -> b.globalTableName("plain")),
                "GlobalTableNotFoundException", "Global table not found: Global table with name: 'plain' does not exist.");
    }

    @Test
    void replicasAreAddedAndRemoved() {
        east.createGlobalTable(b -> b.globalTableName("music").replicationGroup(region(EAST)));
        box.advance(TRANSIENT);
        GlobalTableDescription grown = east.updateGlobalTable(b -> b.globalTableName("music")
                .replicaUpdates(ReplicaUpdate.builder().create(c -> c.regionName(WEST)).build())).globalTableDescription();
        assertThat(grown.globalTableStatus()).isEqualTo(GlobalTableStatus.UPDATING);
        assertThat(grown.replicationGroup()).extracting(r -> r.regionName()).containsExactly(EAST, WEST);
        assertError(() -> east.updateGlobalTable(b -> b.globalTableName("music")
                .replicaUpdates(ReplicaUpdate.builder().create(c -> c.regionName(WEST)).build())),
                "ReplicaAlreadyExistsException", "Replica already exists in region: eu-west-1");
        assertError(() -> east.updateGlobalTable(b -> b.globalTableName("music")
                .replicaUpdates(ReplicaUpdate.builder().delete(c -> c.regionName(SOUTH)).build())),
                "ReplicaNotFoundException", "Replica not found in region: ap-south-1");
        assertError(() -> east.updateGlobalTable(b -> b.globalTableName("none")
                .replicaUpdates(ReplicaUpdate.builder().delete(c -> c.regionName(SOUTH)).build())),
                "GlobalTableNotFoundException", "Global table not found: Global table with name: 'none' does not exist.");
        box.advance(TRANSIENT);
        west.putItem(b -> b.tableName("music").item(Map.of("id", AttributeValue.fromS("w"))));
        assertThat(box.awaitReplication()).isTrue();
        assertThat(east.scan(b -> b.tableName("music")).count()).isEqualTo(1);

        east.updateGlobalTable(b -> b.globalTableName("music").replicaUpdates(ReplicaUpdate.builder().delete(c -> c.regionName(WEST)).build()));
        box.advance(TRANSIENT);
        assertThat(east.describeGlobalTable(b -> b.globalTableName("music")).globalTableDescription().replicationGroup())
                .extracting(r -> r.regionName()).containsExactly(EAST);
        // the removed replica stays, as a table of its own that no longer replicates
        west.putItem(b -> b.tableName("music").item(Map.of("id", AttributeValue.fromS("alone"))));
        assertThat(box.awaitReplication()).isTrue();
        assertThat(west.describeTable(b -> b.tableName("music")).table().globalTableVersion()).isNull();
        assertThat(east.scan(b -> b.tableName("music")).count()).isEqualTo(1);
    }

    @Test
    void settingsAreDescribedAndUpdated() {
        east.createGlobalTable(b -> b.globalTableName("music").replicationGroup(region(EAST), region(WEST)));
        box.advance(TRANSIENT);
        var settings = east.describeGlobalTableSettings(b -> b.globalTableName("music"));
        assertThat(settings.globalTableName()).isEqualTo("music");
        assertThat(settings.replicaSettings()).extracting(ReplicaSettingsDescription::regionName).containsExactly(EAST, WEST);
        assertThat(settings.replicaSettings().get(0).replicaBillingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");

        var updated = east.updateGlobalTableSettings(b -> b.globalTableName("music").globalTableBillingMode(BillingMode.PROVISIONED)
                .globalTableProvisionedWriteCapacityUnits(7L)
                .replicaSettingsUpdate(r -> r.regionName(WEST).replicaProvisionedReadCapacityUnits(3L)));
        assertThat(updated.replicaSettings()).extracting(ReplicaSettingsDescription::replicaProvisionedWriteCapacityUnits).containsExactly(7L, 7L);
        assertThat(updated.replicaSettings()).extracting(ReplicaSettingsDescription::replicaProvisionedReadCapacityUnits).containsExactly(7L, 3L);
        assertThat(west.describeTable(b -> b.tableName("music")).table().provisionedThroughput().readCapacityUnits()).isEqualTo(3L);
        assertError(() -> east.updateGlobalTableSettings(b -> b.globalTableName("music")
                        .replicaSettingsUpdate(r -> r.regionName(SOUTH).replicaProvisionedReadCapacityUnits(3L))),
                "ReplicaNotFoundException", "Replica not found in region: ap-south-1");
        assertError(() -> east.updateGlobalTableSettings(b -> b.globalTableName("music")
                        .globalTableGlobalSecondaryIndexSettingsUpdate(i -> i.indexName("nope").provisionedWriteCapacityUnits(3L))),
                "IndexNotFoundException", "Requested resource not found: Index: nope not found");
    }

    private ReplicaDescription westReplica() {
        return east.describeTable(b -> b.tableName("orders")).table().replicas().stream().filter(r -> r.regionName().equals(WEST)).findFirst().orElseThrow();
    }

    @Test
    void replicaAutoScalingIsKeptAndDescribed() {
        east.createTable(b -> b.tableName("orders").attributeDefinitions(s("id")).keySchema(hash("id"))
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
        box.advance(TRANSIENT);
        // a table of one region is no global table to the service (observed in 2026)
        assertError(() -> east.describeTableReplicaAutoScaling(b -> b.tableName("orders")), "ResourceNotFoundException",
                "Global table with name: 'orders' does not exist.");
        assertError(() -> east.describeTableReplicaAutoScaling(b -> b.tableName("nope")), "ResourceNotFoundException",
                "Global table with name: 'nope' does not exist.");
        // Application Auto Scaling's rules and the service's texts (observed in 2026): an update replaces the settings whole
        assertError(() -> east.updateTableReplicaAutoScaling(b -> b.tableName("orders")
                        .provisionedWriteCapacityAutoScalingUpdate(u -> u.minimumUnits(10L).maximumUnits(5L))),
                "ValidationException", "Failed to update settings for global table with name: \u2018orders\u2019: "
                        + "Parameters 'ScalingPolicyUpdate' are required unless auto scaling is being disabled.");
        assertError(() -> east.updateTableReplicaAutoScaling(b -> b.tableName("orders").provisionedWriteCapacityAutoScalingUpdate(u -> u
                        .minimumUnits(10L).maximumUnits(5L).scalingPolicyUpdate(p -> p.targetTrackingScalingPolicyConfiguration(t -> t.targetValue(70.0))))),
                "ValidationException", "Maximum capacity cannot be less than minimum capacity");
        assertError(() -> east.updateTableReplicaAutoScaling(b -> b.tableName("orders").provisionedWriteCapacityAutoScalingUpdate(u -> u
                        .minimumUnits(5L).maximumUnits(50L).scalingPolicyUpdate(p -> p.targetTrackingScalingPolicyConfiguration(t -> t.targetValue(95.0))))),
                "ValidationException", "For predefined metric type DynamoDBWriteCapacityUtilization, target value must be between '10.0' and '90.0', but was '95.0'.");
        assertError(() -> east.updateTableReplicaAutoScaling(b -> b.tableName("orders")
                        .provisionedWriteCapacityAutoScalingUpdate(u -> u.autoScalingDisabled(true).minimumUnits(1L).maximumUnits(5L))),
                "ValidationException", "Failed to update settings for global table with name \u2018orders\u2019: "
                        + "Parameters 'MaximumUnits', 'MinimumUnits' must be left blank when disabling auto scaling.");
        var updated = east.updateTableReplicaAutoScaling(b -> b.tableName("orders").provisionedWriteCapacityAutoScalingUpdate(u -> u
                .minimumUnits(5L).maximumUnits(50L).scalingPolicyUpdate(p -> p.targetTrackingScalingPolicyConfiguration(t -> t.targetValue(70.0)))))
                .tableAutoScalingDescription();
        var write = updated.replicas().get(0).replicaProvisionedWriteCapacityAutoScalingSettings();
        assertThat(write.autoScalingDisabled()).as("a dimension in force has no AutoScalingDisabled member").isNull();
        // a dimension never set reads as disabled
        assertThat(updated.replicas().get(0).replicaProvisionedReadCapacityAutoScalingSettings().autoScalingDisabled()).isTrue();
        assertThat(write.minimumUnits()).isEqualTo(5L);
        assertThat(write.maximumUnits()).isEqualTo(50L);
        assertThat(write.scalingPolicies().get(0).policyName()).isEqualTo("DynamoDBWriteCapacityUtilization:table/orders");
        assertThat(write.scalingPolicies().get(0).targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(70.0);
        // with write auto scaling a provisioned table takes a replica, which keeps the settings
        east.updateTable(b -> b.tableName("orders").replicaUpdates(u -> u.create(c -> c.regionName(WEST))));
        box.advance(TRANSIENT);
        var inWest = west.describeTableReplicaAutoScaling(b -> b.tableName("orders")).tableAutoScalingDescription();
        // in region order, as the service lists them
        assertThat(inWest.replicas()).extracting(r -> r.regionName()).containsExactly(WEST, EAST);
        assertThat(inWest.replicas().get(0).replicaProvisionedWriteCapacityAutoScalingSettings().maximumUnits()).isEqualTo(50L);
        // a read override equal to the table's capacity is none, on-demand limits are no provisioned table's (observed in 2026)
        east.updateTable(b -> b.tableName("orders").replicaUpdates(u -> u.update(x -> x.regionName(WEST).provisionedThroughputOverride(p -> p.readCapacityUnits(7L)))));
        box.advance(TRANSIENT);
        assertThat(westReplica().provisionedThroughputOverride().readCapacityUnits()).isEqualTo(7L);
        east.updateTable(b -> b.tableName("orders").replicaUpdates(u -> u.update(x -> x.regionName(WEST).provisionedThroughputOverride(p -> p.readCapacityUnits(5L)))));
        box.advance(TRANSIENT);
        assertThat(westReplica().provisionedThroughputOverride()).isNull();
        assertError(() -> east.updateTable(b -> b.tableName("orders").replicaUpdates(u -> u.update(x -> x.regionName(WEST)
                        .onDemandThroughputOverride(o -> o.maxReadRequestUnits(100L))))), "ValidationException",
                "One or more parameter values were invalid: MaxReadRequestUnits for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED");
        assertError(() -> east.updateTable(b -> b.tableName("orders").replicaUpdates(u -> u.update(x -> x.regionName(WEST)
                        .globalSecondaryIndexes(g -> g.indexName("any"))))), "ValidationException",
                "There are no actions specified in the Replica Update Action of the request.");
        // turned off, a dimension keeps nothing; turned on again, it is in force (both as the service answers, observed in 2026)
        east.updateTableReplicaAutoScaling(b -> b.tableName("orders").provisionedWriteCapacityAutoScalingUpdate(u -> u.autoScalingDisabled(true)));
        var off = east.describeTableReplicaAutoScaling(b -> b.tableName("orders")).tableAutoScalingDescription()
                .replicas().get(0).replicaProvisionedWriteCapacityAutoScalingSettings();
        assertThat(off.autoScalingDisabled()).isTrue();
        assertThat(off.scalingPolicies()).isEmpty();
        assertThat(off.minimumUnits()).isNull();
        var on = east.updateTableReplicaAutoScaling(b -> b.tableName("orders").provisionedWriteCapacityAutoScalingUpdate(u -> u
                .minimumUnits(2L).maximumUnits(20L).scalingPolicyUpdate(p -> p.targetTrackingScalingPolicyConfiguration(t -> t.targetValue(15.0)))))
                .tableAutoScalingDescription().replicas().get(0).replicaProvisionedWriteCapacityAutoScalingSettings();
        assertThat(on.autoScalingDisabled()).isNull();
        assertThat(on.minimumUnits()).isEqualTo(2L);
        // on demand, the settings kept from before read as disabled, with what they were (observed in 2026)
        east.updateTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST));
        box.advance(TRANSIENT);
        var kept = east.describeTableReplicaAutoScaling(b -> b.tableName("orders")).tableAutoScalingDescription()
                .replicas().get(0).replicaProvisionedWriteCapacityAutoScalingSettings();
        assertThat(kept.autoScalingDisabled()).isTrue();
        assertThat(kept.minimumUnits()).isEqualTo(2L);
        // its last replica gone, the table is no global table again (observed in 2026)
        east.updateTable(b -> b.tableName("orders").replicaUpdates(u -> u.delete(d -> d.regionName(WEST))));
        box.advance(TRANSIENT);
        assertError(() -> east.describeTableReplicaAutoScaling(b -> b.tableName("orders")), "ResourceNotFoundException",
                "Global table with name: 'orders' does not exist.");
        assertError(() -> east.updateTableReplicaAutoScaling(b -> b.tableName("music")
                        .provisionedWriteCapacityAutoScalingUpdate(u -> u.minimumUnits(1L).maximumUnits(5L))),
                "ValidationException", "One or more parameter values were invalid: Auto scaling cannot be configured for a table in PAY_PER_REQUEST billing mode");
        // turning it off where it cannot be on is answered; a missing table is no global table (both as the service, observed in 2026)
        assertThat(east.updateTableReplicaAutoScaling(b -> b.tableName("music")
                .provisionedWriteCapacityAutoScalingUpdate(u -> u.autoScalingDisabled(true))).tableAutoScalingDescription().tableName()).isEqualTo("music");
        assertError(() -> east.updateTableReplicaAutoScaling(b -> b.tableName("nope")
                        .provisionedWriteCapacityAutoScalingUpdate(u -> u.autoScalingDisabled(true))),
                "ResourceNotFoundException", "Global table with name: 'nope' does not exist.");
    }
}
