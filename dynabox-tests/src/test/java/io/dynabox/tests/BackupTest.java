package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.all;
import static io.dynabox.tests.TableFixtures.assertError;
import static io.dynabox.tests.TableFixtures.assertValidation;
import static io.dynabox.tests.TableFixtures.capacity;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.n;
import static io.dynabox.tests.TableFixtures.range;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** On-demand backups: create, describe, list, delete, and restores checked item by item, with overrides. */
@ParameterizedClass
@EnumSource(Door.class)
class BackupTest extends DoorTest {

    /** A table with a sort key, a global index on "g" and a local index on "l", on demand. */
    private void createOrders(String name) {
        client.createTable(b -> b.tableName(name).attributeDefinitions(s("pk"), n("sk"), s("g"), n("l"))
                .keySchema(hash("pk"), range("sk")).billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(hash("g")).projection(all()))
                .localSecondaryIndexes(l -> l.indexName("byL").keySchema(hash("pk"), range("l")).projection(all()))
                .tags(t -> t.key("team").value("blue")));
    }

    private void put(String table, String pk, int sk, String g, int l) {
        client.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN("" + sk),
                "g", AttributeValue.fromS(g), "l", AttributeValue.fromN("" + l))));
    }

    private List<Map<String, AttributeValue>> items(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(client.scanPaginator(b -> b.tableName(table)).items().stream().toList());
        items.sort(Comparator.comparing((Map<String, AttributeValue> i) -> i.get("pk").s()).thenComparing(i -> Integer.parseInt(i.get("sk").n())));
        return items;
    }

    private BackupDescription available(String arn) {
        return BackupWaits.available(client, arn);
    }

    @Test
    void aRestoreHoldsExactlyTheItemsOfTheMomentOfTheBackup() {
        createOrders("orders");
        for (int i = 0; i < 30; i++) put("orders", "p" + i % 4, i, "g" + i % 3, 100 - i);
        List<Map<String, AttributeValue>> atBackup = items("orders");
        TableDescription source = client.describeTable(b -> b.tableName("orders")).table();

        BackupDetails created = client.createBackup(b -> b.tableName("orders").backupName("nightly")).backupDetails();
        assertThat(created.backupStatus()).isEqualTo(BackupStatus.CREATING);
        assertThat(created.backupType()).isEqualTo(BackupType.USER);
        assertThat(created.backupName()).isEqualTo("nightly");
        assertThat(created.backupArn()).matches(source.tableArn().replace(".", "\\.") + "/backup/\\d{14}-[0-9a-f]{8}");
        assertThat(created.backupSizeBytes()).isEqualTo(source.tableSizeBytes());

        // writes after the backup are not in it
        put("orders", "p0", 0, "changed", 1);
        client.deleteItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("p1"), "sk", AttributeValue.fromN("1"))));
        put("orders", "new", 99, "g0", 0);

        BackupDescription description = available(created.backupArn());
        assertThat(description.sourceTableDetails().tableName()).isEqualTo("orders");
        assertThat(description.sourceTableDetails().tableId()).isEqualTo(source.tableId());
        assertThat(description.sourceTableDetails().itemCount()).isEqualTo(30L);
        assertThat(description.sourceTableDetails().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(description.sourceTableDetails().keySchema()).isEqualTo(source.keySchema());
        assertThat(description.sourceTableFeatureDetails().globalSecondaryIndexes()).extracting(g -> g.indexName()).containsExactly("byG");
        assertThat(description.sourceTableFeatureDetails().localSecondaryIndexes()).extracting(l -> l.indexName()).containsExactly("byL");

        TableDescription restored = client.restoreTableFromBackup(b -> b.backupArn(created.backupArn()).targetTableName("copy"))
                .tableDescription();
        assertThat(restored.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(restored.restoreSummary().restoreInProgress()).isTrue();
        assertThat(restored.restoreSummary().sourceBackupArn()).isEqualTo(created.backupArn());
        assertThat(restored.restoreSummary().sourceTableArn()).isEqualTo(source.tableArn());
        assertThat(restored.restoreSummary().restoreDateTime()).isEqualTo(created.backupCreationDateTime());
        assertThat(restored.tableArn()).endsWith(":table/copy");
        assertThat(restored.tableId()).isNotEqualTo(source.tableId());

        TableFixtures.quickWaiter(client).waitUntilTableExists(b -> b.tableName("copy"));
        TableDescription active = client.describeTable(b -> b.tableName("copy")).table();
        // the service describes the restore only while it runs (observed in 2026)
        assertThat(active.restoreSummary()).isNull();
        assertThat(active.itemCount()).isEqualTo(30L);
        assertThat(active.globalSecondaryIndexes().get(0).itemCount()).isEqualTo(30L);
        assertThat(items("copy")).isEqualTo(atBackup);
        // the indexes answer from the restored items
        assertThat(client.query(b -> b.tableName("copy").indexName("byG").keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("g0")))).count()).isEqualTo(10);
        assertThat(client.query(b -> b.tableName("copy").indexName("byL").keyConditionExpression("pk = :p AND l > :l")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p0"), ":l", AttributeValue.fromN("90")))).count()).isEqualTo(3);
        // tags are not restored, as in the service
        assertThat(client.listTagsOfResource(b -> b.resourceArn(active.tableArn())).tags()).isEmpty();
    }

    @Test
    void overridesChangeBillingIndexesAndEncryption() {
        createOrders("orders");
        put("orders", "a", 1, "x", 1);
        String arn = client.createBackup(b -> b.tableName("orders").backupName("bk1")).backupDetails().backupArn();
        available(arn);
        TableDescription restored = client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("provisioned")
                .billingModeOverride(BillingMode.PROVISIONED).provisionedThroughputOverride(capacity(7, 3))
                .globalSecondaryIndexOverride(List.of()).localSecondaryIndexOverride(List.of())
                .sseSpecificationOverride(x -> x.enabled(true).sseType(SSEType.KMS))).tableDescription();
        assertThat(restored.provisionedThroughput().readCapacityUnits()).isEqualTo(7L);
        assertThat(restored.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
        assertThat(restored.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(restored.hasLocalSecondaryIndexes()).isFalse();
        assertThat(restored.attributeDefinitions()).extracting(a -> a.attributeName()).containsExactlyInAnyOrder("pk", "sk");
        assertThat(restored.sseDescription().sseType()).isEqualTo(SSEType.KMS);
        assertThat(client.getItem(b -> b.tableName("provisioned")
                .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")))).item().get("g").s()).isEqualTo("x");

        // the service's restore texts (observed in 2026), not CreateTable's
        assertValidation(() -> client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("bad")
                        .billingModeOverride(BillingMode.PROVISIONED)),
                "Invalid Request: Must override ProvisionedThroughput if BillingMode is overridden to PROVISIONED");
        assertValidation(() -> client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("bad")
                        .provisionedThroughputOverride(capacity(1, 1))),
                "Invalid Request: Cannot override ProvisionedThroughput unless BillingMode is PROVISIONED");
        assertValidation(() -> client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("bad")
                        .billingModeOverride(BillingMode.PAY_PER_REQUEST).provisionedThroughputOverride(capacity(1, 1))),
                "Invalid Request: Cannot override ProvisionedThroughput if BillingMode is overridden to PAY_PER_REQUEST");
        // the source's index is on demand: restored as provisioned, it needs capacity of its own, not the table's
        assertValidation(() -> client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("bad")
                        .billingModeOverride(BillingMode.PROVISIONED).provisionedThroughputOverride(capacity(1, 1))),
                "Invalid Request: Must specify provisioned throughput for index byG");
        // an override names a source index by its key and projection (observed in 2026): byG's own name with another key is new,
        assertValidation(() -> client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("bad")
                        .globalSecondaryIndexOverride(g -> g.indexName("byG").keySchema(hash("l")).projection(all()))),
                "Invalid Request: Index byG does not match a secondary index that existed in the source table "
                        + "and cannot be created during the restore operation");
        assertValidation(() -> client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("bad")
                        .globalSecondaryIndexOverride(g -> g.indexName("byG").keySchema(hash("g")).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))),
                "Invalid Request: Index byG does not match a secondary index that existed in the source table "
                        + "and cannot be created during the restore operation");
        // and another name for byG's key and projection renames it
        TableDescription renamed = client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("renamed")
                .globalSecondaryIndexOverride(g -> g.indexName("byGroup").keySchema(hash("g")).projection(all()))).tableDescription();
        assertThat(renamed.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName).containsExactly("byGroup");
        assertValidation(() -> client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("bad")
                        .onDemandThroughputOverride(o -> o.maxReadRequestUnits(0L))),
                "Invalid Request: Requested MaxReadRequestUnits for OnDemandThroughput is outside of valid range");
        assertValidation(() -> client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("bad")
                        .billingModeOverride(BillingMode.PROVISIONED).provisionedThroughputOverride(capacity(1, 1))
                        .globalSecondaryIndexOverride(List.of()).onDemandThroughputOverride(o -> o.maxWriteRequestUnits(5L))),
                "Invalid Request: Cannot override MaxWriteRequestUnits for OnDemandThroughput unless BillingModeOverride is PAY_PER_REQUEST");
        assertError(() -> client.describeTable(b -> b.tableName("bad")), "ResourceNotFoundException", "Requested resource not found");
    }

    @Test
    void aBackupBeingRestoredFromIsInUse() {
        try (TableFixtures.SlowDynabox slow = new TableFixtures.SlowDynabox(door)) {
            DynamoDbClient c = slow.client;
            c.createTable(b -> b.tableName("src").attributeDefinitions(s("pk")).keySchema(hash("pk")).billingMode(BillingMode.PAY_PER_REQUEST));
            slow.settle();
            String arn = c.createBackup(b -> b.tableName("src").backupName("bk1")).backupDetails().backupArn();
            String other = c.createBackup(b -> b.tableName("src").backupName("bk2")).backupDetails().backupArn();
            slow.settle();
            c.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("copy"));
            // and the name being restored is in use, to another restore and to CreateTable (observed in 2026)
            assertError(() -> c.restoreTableFromBackup(b -> b.backupArn(other).targetTableName("copy")), "TableInUseException",
                    "Table: copy is already being restored from backup: " + arn);
            assertError(() -> c.createTable(b -> b.tableName("copy").attributeDefinitions(s("pk")).keySchema(hash("pk"))
                    .billingMode(BillingMode.PAY_PER_REQUEST)), "ResourceInUseException", "Table is being used: copy");
            // while the restore runs, the service refuses to delete the backup or to restore from it again (observed in 2026)
            assertError(() -> c.deleteBackup(b -> b.backupArn(arn)), "BackupInUseException", "Backup is being used to restore table: " + arn);
            assertError(() -> c.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("copy2")), "BackupInUseException",
                    "Backup is being used to restore another table: " + arn);
            slow.settle();
            c.deleteBackup(b -> b.backupArn(arn));
        }
    }

    @Test
    void aRestoredTableHasTheDefaultTableClass() {
        client.createTable(b -> b.tableName("cold").attributeDefinitions(s("pk")).keySchema(hash("pk")).billingMode(BillingMode.PAY_PER_REQUEST)
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
        String arn = client.createBackup(b -> b.tableName("cold").backupName("bk1")).backupDetails().backupArn();
        available(arn);
        client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("warm"));
        TableFixtures.quickWaiter(client).waitUntilTableExists(b -> b.tableName("warm"));
        // the service restores no table class (observed in 2026)
        assertThat(client.describeTable(b -> b.tableName("warm")).table().tableClassSummary()).isNull();
    }

    @Test
    void listBackupsFiltersAndPages() {
        createOrders("orders");
        createOrders("other");
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            arns.add(client.createBackup(b -> b.tableName(n % 2 == 0 ? "orders" : "other").backupName("bk" + n)).backupDetails().backupArn());
        }
        List<String> listed = new ArrayList<>();
        String start = null;
        int pages = 0;
        do {
            String from = start;
            ListBackupsResponse page = client.listBackups(b -> b.limit(2).exclusiveStartBackupArn(from));
            page.backupSummaries().forEach(s -> listed.add(s.backupArn()));
            start = page.lastEvaluatedBackupArn();
            pages++;
        } while (start != null);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(arns);
        assertThat(pages).isEqualTo(3);

        List<BackupSummary> orders = client.listBackups(b -> b.tableName("orders")).backupSummaries();
        assertThat(orders).extracting(BackupSummary::backupName).containsExactlyInAnyOrder("bk0", "bk2", "bk4");
        assertThat(orders.get(0).tableName()).isEqualTo("orders");
        assertThat(orders.get(0).backupType()).isEqualTo(BackupType.USER);
        String ordersArn = client.describeTable(b -> b.tableName("orders")).table().tableArn();
        assertThat(client.listBackups(b -> b.tableName(ordersArn)).backupSummaries()).hasSize(3);
        assertThat(client.listBackups(b -> b.backupType("SYSTEM")).backupSummaries()).isEmpty();
        assertThat(client.listBackups(b -> b.backupType("ALL")).backupSummaries()).hasSize(5);
        Instant future = Instant.now().plusSeconds(3600);
        assertThat(client.listBackups(b -> b.timeRangeLowerBound(future)).backupSummaries()).isEmpty();
        assertThat(client.listBackups(b -> b.timeRangeUpperBound(future)).backupSummaries()).hasSize(5);

        // the service's texts, observed in 2026
        assertValidation(() -> client.listBackups(b -> b.timeRangeLowerBound(future).timeRangeUpperBound(future.minusSeconds(1))),
                "One or more parameter values were invalid: Time range lower bound must be less than or equal to upper bound");
        String otherRegion = arns.get(0).replace("us-east-1", "eu-west-1");
        assertValidation(() -> client.listBackups(b -> b.exclusiveStartBackupArn(otherRegion)),
                "Invalid Request: The supplied ExclusiveStartBackupArn does not match the region");
        String notABackup = "x".repeat(40);
        assertValidation(() -> client.describeBackup(b -> b.backupArn(notABackup)), "Invalid Backup ARN");
        assertValidation(() -> client.deleteBackup(b -> b.backupArn(ordersArn + "/stream/2026")), "Invalid Backup ARN");
    }

    @Test
    void deletedBackupsAreGoneAndBackupsOutliveTheirTable() {
        createOrders("orders");
        put("orders", "a", 1, "x", 1);
        String arn = client.createBackup(b -> b.tableName("orders").backupName("keep")).backupDetails().backupArn();
        String doomed = client.createBackup(b -> b.tableName("orders").backupName("doomed")).backupDetails().backupArn();
        available(arn);
        available(doomed);
        BackupDescription deleted = client.deleteBackup(b -> b.backupArn(doomed)).backupDescription();
        assertThat(deleted.backupDetails().backupStatus()).isEqualTo(BackupStatus.DELETED);
        assertError(() -> client.describeBackup(b -> b.backupArn(doomed)), "BackupNotFoundException", "Backup not found: " + doomed);
        assertError(() -> client.deleteBackup(b -> b.backupArn(doomed)), "BackupNotFoundException", "Backup not found: " + doomed);
        assertError(() -> client.restoreTableFromBackup(b -> b.backupArn(doomed).targetTableName("xxx")), "BackupNotFoundException",
                "Backup not found: " + doomed);

        client.deleteTable(b -> b.tableName("orders"));
        assertThat(client.listBackups(b -> b.tableName("orders")).backupSummaries()).extracting(BackupSummary::backupArn).containsExactly(arn);
        client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("orders"));
        assertThat(client.getItem(b -> b.tableName("orders")
                .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")))).hasItem()).isTrue();
    }

    @Test
    void errorsAreTheService() {
        createOrders("orders");
        assertError(() -> client.createBackup(b -> b.tableName("nope").backupName("bk1")), "TableNotFoundException", "Table not found: nope");
        String arn = client.createBackup(b -> b.tableName("orders").backupName("bk1")).backupDetails().backupArn();
        available(arn);
        assertError(() -> client.restoreTableFromBackup(b -> b.backupArn(arn).targetTableName("orders")), "TableAlreadyExistsException",
                "Table already exists: orders");
        assertValidation(() -> client.createBackup(b -> b.tableName("orders").backupName("bad!")),
                "1 validation error detected: Value 'bad!' at 'backupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }
}
