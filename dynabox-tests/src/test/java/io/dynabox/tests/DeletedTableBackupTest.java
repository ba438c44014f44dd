package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.assertError;
import static io.dynabox.tests.TableFixtures.assertValidation;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

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
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeBackupResponse;

/**
 * Deleting a table with point-in-time recovery on leaves a SYSTEM backup, as the service
 * does: {@code NAME$DeletedTableBackup}, the items of the moment of deletion, restorable,
 * not deletable, gone after 35 days. A table without recovery leaves none.
 */
@ParameterizedClass
@EnumSource(Door.class)
class DeletedTableBackupTest {
    @Parameter
    Door door;

    StreamsBox box;

    @BeforeEach
    void open() {
        box = new StreamsBox(door);
        for (String name : List.of("kept", "plain")) {
            box.client.createTable(b -> b.tableName(name).attributeDefinitions(s("id")).keySchema(hash("id"))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            for (int i = 0; i < 3; i++) {
                int n = i;
                box.client.putItem(b -> b.tableName(name).item(Map.of("id", AttributeValue.fromS("i" + n), "v", AttributeValue.fromN("" + n))));
            }
        }
        box.client.updateContinuousBackups(b -> b.tableName("kept").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
    }

    @AfterEach
    void close() {
        box.close();
    }

    private List<BackupSummary> systemBackups() {
        return box.client.listBackups(b -> b.backupType(BackupTypeFilter.SYSTEM)).backupSummaries();
    }

    @Test
    void aDeletedTableWithRecoveryLeavesASystemBackupFor35Days() {
        box.client.putItem(b -> b.tableName("kept").item(Map.of("id", AttributeValue.fromS("last"), "v", AttributeValue.fromN("9"))));
        box.client.deleteTable(b -> b.tableName("kept"));
        box.client.deleteTable(b -> b.tableName("plain"));

        assertThat(box.client.listBackups(b -> {}).backupSummaries()).isEmpty(); // USER when not given
        BackupSummary summary = systemBackups().get(0);
        assertThat(systemBackups()).hasSize(1);
        assertThat(summary.backupName()).isEqualTo("kept$DeletedTableBackup");
        assertThat(summary.backupTypeAsString()).isEqualTo("SYSTEM");
        assertThat(summary.tableName()).isEqualTo("kept");
        Instant deleted = Instant.ofEpochMilli(box.now.get());
        assertThat(summary.backupExpiryDateTime()).isEqualTo(deleted.plus(Duration.ofDays(35)));
        assertThat(box.client.listBackups(b -> b.backupType(BackupTypeFilter.ALL)).backupSummaries()).hasSize(1);

        DescribeBackupResponse described = box.client.describeBackup(b -> b.backupArn(summary.backupArn()));
        assertThat(described.backupDescription().backupDetails().backupStatusAsString()).isEqualTo("AVAILABLE");
        assertThat(described.backupDescription().sourceTableDetails().itemCount()).isEqualTo(4);
        assertThat(described.backupDescription().sourceTableFeatureDetails().hasGlobalSecondaryIndexes()).isFalse();
        assertValidation(() -> box.client.deleteBackup(b -> b.backupArn(summary.backupArn())),
                "Invalid Request: User is not allowed to delete the system backup with arn " + summary.backupArn() + ". It will automatically expire on ");

        box.client.restoreTableFromBackup(b -> b.backupArn(summary.backupArn()).targetTableName("kept"));
        assertThat(box.client.scan(b -> b.tableName("kept")).items()).extracting(i -> i.get("id").s())
                .containsExactlyInAnyOrder("i0", "i1", "i2", "last");

        box.advance(Duration.ofDays(35));
        assertThat(systemBackups()).isEmpty();
        assertError(() -> box.client.describeBackup(b -> b.backupArn(summary.backupArn())),
                "BackupNotFoundException", "Backup not found: " + summary.backupArn());
    }

    @Test
    void theSystemBackupIsGoneAfter35DaysWithoutARequestNamingIt() {
        box.client.deleteTable(b -> b.tableName("kept"));
        String arn = systemBackups().get(0).backupArn();
        String namespace = box.engine.namespaceId("streams", "us-east-1");

        box.advance(Duration.ofDays(34));
        box.engine.sweepExpiredItems();
        assertThat(systemBackups()).singleElement().satisfies(s -> {
            assertThat(s.backupArn()).isEqualTo(arn);
            assertThat(s.backupStatusAsString()).isEqualTo("AVAILABLE");
        });
        assertThat(box.engine.namespace(namespace).backups().find(arn)).isNotNull();
        if (box.dbPath != null) {
            assertThat(box.engine.store().loadBackups(namespace)).containsKey(arn);
            assertThat(box.engine.store().loadBackupItems(namespace, arn)).hasSize(3);
        }

        // 35 days after the deletion, one sweep and no request naming the backup
        box.advance(Duration.ofDays(1));
        box.engine.sweepExpiredItems();
        assertThat(box.engine.namespace(namespace).backups().find(arn)).isNull();
        if (box.dbPath != null) {
            assertThat(box.engine.store().loadBackups(namespace)).doesNotContainKey(arn);
            assertThat(box.engine.store().loadBackupItems(namespace, arn)).isEmpty();
            box.restart();
            assertThat(box.engine.namespace(namespace).backups().find(arn)).isNull();
        }
        assertThat(box.client.listBackups(b -> b.backupType(BackupTypeFilter.ALL)).backupSummaries()).isEmpty();
    }
}
