package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.all;
import static io.dynabox.tests.TableFixtures.assertError;
import static io.dynabox.tests.TableFixtures.capacity;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.include;
import static io.dynabox.tests.TableFixtures.n;
import static io.dynabox.tests.TableFixtures.onDemandTable;
import static io.dynabox.tests.TableFixtures.range;
import static io.dynabox.tests.TableFixtures.s;
import static io.dynabox.tests.TableFixtures.simpleTable;
import static io.dynabox.tests.TableFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The TableDescription of CreateTable and DescribeTable: which members appear when, and their values. */
@ParameterizedClass
@EnumSource(Door.class)
class DescribeTableTest extends DoorTest {
    private static final String ARN_PREFIX = "arn:aws:dynamodb:us-east-1:000000000000:table/";

    private TableDescription describe(String name) {
        return client.describeTable(b -> b.tableName(name)).table();
    }

    @Test
    void provisionedTableAsCreatedAndDescribed() {
        TableDescription created = client.createTable(b -> b.tableName("tab1").attributeDefinitions(s("z"), n("a"), s("m"))
                .keySchema(hash("z"), range("m")).provisionedThroughput(capacity(3, 4))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi").keySchema(hash("z"), range("a"))
                        .projection(all()).build())).tableDescription();
        assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(created.attributeDefinitions()).extracting(AttributeDefinition::attributeName).containsExactly("a", "m", "z");
        assertThat(created.keySchema()).containsExactly(hash("z"), range("m"));
        assertThat(created.tableName()).isEqualTo("tab1");
        assertThat(created.tableArn()).isEqualTo(ARN_PREFIX + "tab1");
        assertThat(created.tableId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(created.creationDateTime()).isNotNull();
        assertThat(created.itemCount()).isZero();
        assertThat(created.tableSizeBytes()).isZero();
        assertThat(created.deletionProtectionEnabled()).isFalse();
        assertThat(created.provisionedThroughput()).isEqualTo(ProvisionedThroughputDescription.builder()
                .numberOfDecreasesToday(0L).readCapacityUnits(3L).writeCapacityUnits(4L).build());
        // never on demand: no billing summary; no stream, encryption or class unless asked for
        assertThat(created.billingModeSummary()).isNull();
        assertThat(created.streamSpecification()).isNull();
        assertThat(created.latestStreamArn()).isNull();
        assertThat(created.sseDescription()).isNull();
        assertThat(created.tableClassSummary()).isNull();
        assertThat(created.onDemandThroughput()).isNull();
        LocalSecondaryIndexDescription lsi = created.localSecondaryIndexes().get(0);
        assertThat(lsi.indexArn()).isEqualTo(ARN_PREFIX + "tab1/index/lsi");
        assertThat(lsi.indexSizeBytes()).isZero();
        assertThat(lsi.itemCount()).isZero();

        TableDescription described = describe("tab1");
        assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(described.tableId()).isEqualTo(created.tableId());
        assertThat(described.creationDateTime()).isEqualTo(created.creationDateTime());
        assertThat(described.billingModeSummary()).isNull();
        assertThat(described.localSecondaryIndexes()).isEqualTo(created.localSecondaryIndexes());
    }

    @Test
    void onDemandTableShowsItsBillingModeAndZeroCapacity() {
        TableDescription created = client.createTable(onDemandTable("tab1")).tableDescription();
        assertThat(created.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(created.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isNull();
        assertThat(created.provisionedThroughput()).isEqualTo(ProvisionedThroughputDescription.builder()
                .numberOfDecreasesToday(0L).readCapacityUnits(0L).writeCapacityUnits(0L).build());

        TableDescription described = describe("tab1");
        assertThat(described.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(described.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isEqualTo(created.creationDateTime());
    }

    @Test
    void globalIndexesInRequestOrderWithSortedProjections() {
        TableDescription created = client.createTable(b -> b.tableName("tab1").attributeDefinitions(s("a"), s("x"), s("y"))
                .keySchema(hash("a")).provisionedThroughput(capacity(1, 1))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder().indexName("zeta").keySchema(hash("y")).projection(include("zz", "aa", "mm", "a"))
                                .provisionedThroughput(capacity(2, 3)).build(),
                        GlobalSecondaryIndex.builder().indexName("alpha").keySchema(hash("x"), range("y")).projection(all())
                                .provisionedThroughput(capacity(1, 1)).build())).tableDescription();
        assertThat(created.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName).containsExactly("zeta", "alpha");
        GlobalSecondaryIndexDescription zeta = created.globalSecondaryIndexes().get(0);
        assertThat(zeta.indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(zeta.projection().nonKeyAttributes()).containsExactly("a", "aa", "mm", "zz");
        assertThat(zeta.indexArn()).isEqualTo(ARN_PREFIX + "tab1/index/zeta");
        assertThat(zeta.provisionedThroughput()).isEqualTo(ProvisionedThroughputDescription.builder()
                .numberOfDecreasesToday(0L).readCapacityUnits(2L).writeCapacityUnits(3L).build());
        assertThat(zeta.backfilling()).isNull();
        assertThat(zeta.keySchema()).containsExactly(hash("y"));

        assertThat(describe("tab1").globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexStatus)
                .containsExactly(IndexStatus.ACTIVE, IndexStatus.ACTIVE);
    }

    @Test
    void onDemandGlobalIndexesHaveZeroCapacity() {
        client.createTable(table(onDemandTable("tab1"), b -> b.globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                .indexName("byB").keySchema(hash("b")).projection(all()).build())));
        assertThat(describe("tab1").globalSecondaryIndexes().get(0).provisionedThroughput()).isEqualTo(ProvisionedThroughputDescription
                .builder().numberOfDecreasesToday(0L).readCapacityUnits(0L).writeCapacityUnits(0L).build());
    }

    @Test
    void streamEncryptionClassAndProtectionAsRequested() {
        TableDescription created = client.createTable(table(simpleTable("tab1"), b -> b
                .streamSpecification(x -> x.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .sseSpecification(x -> x.enabled(true))
                .tableClass(TableClass.STANDARD)
                .deletionProtectionEnabled(true))).tableDescription();
        assertThat(created.streamSpecification().streamEnabled()).isTrue();
        assertThat(created.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(created.latestStreamLabel()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(created.latestStreamArn()).isEqualTo(ARN_PREFIX + "tab1/stream/" + created.latestStreamLabel());
        assertThat(created.sseDescription().status()).isEqualTo(SSEStatus.ENABLED);
        assertThat(created.sseDescription().sseType()).isEqualTo(SSEType.KMS);
        assertThat(created.sseDescription().kmsMasterKeyArn()).matches("arn:aws:kms:us-east-1:000000000000:key/[0-9a-f-]{36}");
        assertThat(created.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD);
        assertThat(created.tableClassSummary().lastUpdateDateTime()).isNull();
        assertThat(created.deletionProtectionEnabled()).isTrue();
        assertThat(describe("tab1").sseDescription()).isEqualTo(created.sseDescription());
    }

    @Test
    void kmsKeyGivenByIdOrArn() {
        TableDescription byId = client.createTable(table(simpleTable("tab1"), b -> b
                .sseSpecification(x -> x.sseType(SSEType.KMS).kmsMasterKeyId("1234abcd-12ab-34cd-56ef-1234567890ab")))).tableDescription();
        assertThat(byId.sseDescription().kmsMasterKeyArn())
                .isEqualTo("arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        String arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        TableDescription byArn = client.createTable(table(simpleTable("tab2"), b -> b
                .sseSpecification(x -> x.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(arn)))).tableDescription();
        assertThat(byArn.sseDescription().kmsMasterKeyArn()).isEqualTo(arn);
    }

    @Test
    void missingTableIsNotFound() {
        assertError(() -> describe("nope"), "ResourceNotFoundException", "Requested resource not found: Table: nope not found");
        assertError(() -> describe(ARN_PREFIX + "gone"), "ResourceNotFoundException", "Requested resource not found: Table: gone not found");
    }

    @Test
    void tableArnNamesTheTable() {
        client.createTable(simpleTable("tab1"));
        assertThat(describe(ARN_PREFIX + "tab1").tableName()).isEqualTo("tab1");
    }

    @Test
    void anArnOfAnotherRegionOrOfAnIndexNamesNoTableOfTheCallers() {
        client.createTable(simpleTable("tab1"));
        // the service's words (terraform-provider-aws#42792): the caller's table is not reached through another region's ARN
        String otherRegion = "arn:aws:dynamodb:us-west-2:000000000000:table/tab1";
        assertError(() -> describe(otherRegion), "ValidationException", "1 validation error detected: Invalid AWS region in '" + otherRegion + "'");
        assertError(() -> client.putItem(b -> b.tableName(otherRegion).item(Map.of("a", AttributeValue.fromS("x")))),
                "ValidationException", "1 validation error detected: Invalid AWS region in '" + otherRegion + "'");
        assertThat(client.scan(b -> b.tableName("tab1")).count()).isZero();
        assertError(() -> client.describeTimeToLive(b -> b.tableName(otherRegion)), "ValidationException",
                "1 validation error detected: Invalid AWS region in '" + otherRegion + "'");
        String index = ARN_PREFIX + "tab1/index/byX";
        assertError(() -> describe(index), "ValidationException", "1 validation error detected: Invalid resource type in '" + index + "'");
    }

    @Test
    void recreatedTableHasANewIdAndTheSameArn() {
        TableDescription first = client.createTable(simpleTable("tab1")).tableDescription();
        client.deleteTable(b -> b.tableName("tab1"));
        TableDescription second = client.createTable(simpleTable("tab1")).tableDescription();
        assertThat(second.tableId()).isNotEqualTo(first.tableId());
        assertThat(second.tableArn()).isEqualTo(first.tableArn());
    }
}
