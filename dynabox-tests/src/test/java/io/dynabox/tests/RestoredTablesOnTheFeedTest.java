package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.accounting.PlanningReport;
import io.dynabox.engine.simulation.SimulationSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * A restored table is a new table filled without writes (RestoreTableFromBackup,
 * RestoreTableToPointInTime): what every reader of the change feed makes of it, as the
 * service: no stream records for the restored items; point-in-time recovery, once turned on,
 * starts from them; accounting bills their storage but counts no writes; eventually
 * consistent reads never see a state from before the restore.
 */
@ParameterizedClass
@EnumSource(Door.class)
class RestoredTablesOnTheFeedTest {
    @Parameter
    Door door;

    StreamsBox box;

    @BeforeEach
    void open() {
        box = new StreamsBox(door);
        box.client.createTable(b -> b.tableName("source").attributeDefinitions(s("id")).keySchema(hash("id"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(sp -> sp.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        for (int i = 0; i < 5; i++) put("source", "item" + i, "v" + i);
    }

    @AfterEach
    void close() {
        box.close();
    }

    private void put(String table, String id, String value) {
        box.client.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS(id), "v", AttributeValue.fromS(value))));
    }

    private List<String> ids(String table) {
        return box.client.scan(b -> b.tableName(table)).items().stream().map(i -> i.get("id").s() + "=" + i.get("v").s()).sorted().toList();
    }

    private void restoreFromBackup(String target) {
        String backup = box.client.createBackup(b -> b.tableName("source").backupName("b" + target)).backupDetails().backupArn();
        BackupWaits.available(box.client, backup); // a file store writes it in the background
        box.client.restoreTableFromBackup(b -> b.backupArn(backup).targetTableName(target));
    }

    private List<Record> streamRecords(String table) {
        String arn = box.client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        String shard = box.streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String iterator = box.streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        return box.streams.getRecords(b -> b.shardIterator(iterator)).records();
    }

    @Test
    void aStreamOnARestoredTableShowsOnlyLaterWrites() {
        restoreFromBackup("copy");
        assertThat(box.client.describeTable(b -> b.tableName("copy")).table().streamSpecification()).isNull(); // not carried over
        box.client.updateTable(b -> b.tableName("copy")
                .streamSpecification(sp -> sp.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        put("copy", "new", "later");
        assertThat(streamRecords("copy")).extracting(r -> r.dynamodb().keys().get("id").s()).containsExactly("new");
        assertThat(ids("copy")).hasSize(6);
    }

    @Test
    void pointInTimeRecoveryOfARestoredTableStartsFromTheRestoredItems() {
        restoreFromBackup("copy");
        box.client.updateContinuousBackups(b -> b.tableName("copy").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        box.advance(Duration.ofMinutes(1));
        Instant before = Instant.ofEpochMilli(box.now.get());
        box.advance(Duration.ofMinutes(1));
        put("copy", "item0", "changed");
        box.client.deleteItem(b -> b.tableName("copy").key(Map.of("id", AttributeValue.fromS("item1"))));
        box.advance(Duration.ofMinutes(10));
        box.client.restoreTableToPointInTime(b -> b.sourceTableName("copy").targetTableName("copyThen").restoreDateTime(before));
        assertThat(ids("copyThen")).containsExactly("item0=v0", "item1=v1", "item2=v2", "item3=v3", "item4=v4");
        assertThat(ids("copy")).containsExactly("item0=changed", "item2=v2", "item3=v3", "item4=v4");
    }

    @Test
    void accountingBillsTheRestoredItemsButCountsNoWrites() {
        restoreFromBackup("copy");
        String namespace = box.engine.namespaceId("streams", "us-east-1");
        JsonNode report = PlanningReport.json(box.engine, new PlanningReport.Settings(namespace, "copy", null, 1, null));
        JsonNode table = report.get("tables").get(0);
        assertThat(table.get("itemSizes").get("stored").get("items").asLong()).isEqualTo(5);
        assertThat(table.get("billedStorageBytes").asLong()).isGreaterThan(5 * PlanningReport.ITEM_OVERHEAD_BYTES);
        assertThat(table.get("itemSizes").get("written").get("items").asLong()).isZero();
    }

    @Test
    void eventuallyConsistentReadsOfARestoredTableSeeNothingOlder() {
        String namespace = box.engine.namespaceId("streams", "us-east-1");
        box.engine.simulation().settings(namespace, SimulationSettings.OFF.withConsistencyLagMillis(60_000));
        restoreFromBackup("copy");
        for (int i = 0; i < 20; i++) {
            var item = box.client.getItem(b -> b.tableName("copy").key(Map.of("id", AttributeValue.fromS("item3")))).item();
            assertThat(item).containsEntry("v", AttributeValue.fromS("v3"));
        }
        assertThat(box.client.scan(b -> b.tableName("copy")).count()).isEqualTo(5);
    }
}
