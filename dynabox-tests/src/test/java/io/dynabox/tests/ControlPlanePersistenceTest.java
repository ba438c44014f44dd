package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.server.DynaboxServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** What --db-path keeps of the control plane across a restart: tags, backups with their items, restored tables' summaries. */
class ControlPlanePersistenceTest {
    @TempDir
    Path dir;

    private DynaboxServer start() {
        return DynaboxServer.start(DynaboxOptions.builder().port(0).dbPath(dir).build());
    }

    @Test
    void backupsTagsPoliciesAndRestoresSurviveARestart() throws InterruptedException {
        String backupArn;
        BackupDescription before;
        try (DynaboxServer server = start(); DynamoDbClient client = PersistenceTest.client(server, "erin")) {
            client.createTable(b -> b.tableName("things").attributeDefinitions(s("id")).keySchema(hash("id"))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .resourcePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},"
                            + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}"));
            for (int i = 0; i < 50; i++) {
                int n = i;
                client.putItem(b -> b.tableName("things").item(Map.of("id", AttributeValue.fromS("k" + n), "v", AttributeValue.fromN("" + n))));
            }
            backupArn = client.createBackup(b -> b.tableName("things").backupName("before-change")).backupDetails().backupArn();
            client.putItem(b -> b.tableName("things").item(Map.of("id", AttributeValue.fromS("k0"), "v", AttributeValue.fromN("-1"))));
            client.tagResource(b -> b.resourceArn(client.describeTable(d -> d.tableName("things")).table().tableArn())
                    .tags(t -> t.key("team").value("green")));
            String arn = backupArn;
            BackupDescription seen = null;
            for (int i = 0; i < 500 && (seen == null || seen.backupDetails().backupStatus() != BackupStatus.AVAILABLE); i++) {
                seen = client.describeBackup(b -> b.backupArn(arn)).backupDescription();
                Thread.sleep(10);
            }
            before = seen;
            assertThat(before.backupDetails().backupStatus()).isEqualTo(BackupStatus.AVAILABLE);
            client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("restored"));
        }
        try (DynaboxServer server = start(); DynamoDbClient client = PersistenceTest.client(server, "erin")) {
            String arn = backupArn;
            assertThat(client.describeBackup(b -> b.backupArn(arn)).backupDescription()).isEqualTo(before);
            assertThat(client.listBackups(b -> {}).backupSummaries()).hasSize(1);
            TableDescription restored = client.describeTable(b -> b.tableName("restored")).table();
            assertThat(restored.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(restored.itemCount()).isEqualTo(50L);
            assertThat(client.listTagsOfResource(b -> b.resourceArn(
                    client.describeTable(d -> d.tableName("things")).table().tableArn())).tags()).hasSize(1);
            // a policy given at creation is kept with the table
            assertThat(client.getResourcePolicy(b -> b.resourceArn(client.describeTable(d -> d.tableName("things")).table().tableArn()))
                    .policy()).contains("dynamodb:GetItem");
            // the backup's items come back from the file: k0 as it was when the backup was taken
            client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("again"));
            assertThat(client.getItem(b -> b.tableName("again").key(Map.of("id", AttributeValue.fromS("k0")))).item().get("v").n())
                    .isEqualTo("0");
            assertThat(client.scan(b -> b.tableName("again")).count()).isEqualTo(50);
        }
    }
}
