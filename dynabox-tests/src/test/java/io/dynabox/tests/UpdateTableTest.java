package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.INVALID;
import static io.dynabox.tests.TableFixtures.all;
import static io.dynabox.tests.TableFixtures.assertError;
import static io.dynabox.tests.TableFixtures.assertValidation;
import static io.dynabox.tests.TableFixtures.capacity;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.onDemandTable;
import static io.dynabox.tests.TableFixtures.s;
import static io.dynabox.tests.TableFixtures.simpleTable;
import static io.dynabox.tests.TableFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/** UpdateTable: request-level rules, the billing-mode decision table, and each kind of change. */
@ParameterizedClass
@EnumSource(Door.class)
class UpdateTableTest extends DoorTest {
    private static final String NOTHING_TO_UPDATE = "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
            + "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, "
            + "MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required";

    private TableDescription update(String table, Consumer<UpdateTableRequest.Builder> change) {
        return client.updateTable(b -> change.accept(b.tableName(table))).tableDescription();
    }

    private TableDescription describe(String table) {
        return client.describeTable(b -> b.tableName(table)).table();
    }

    private static GlobalSecondaryIndexUpdate updateIndex(String name, long read, long write) {
        return GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName(name).provisionedThroughput(capacity(read, write))).build();
    }

    private static GlobalSecondaryIndexUpdate deleteIndex(String name) {
        return GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName(name)).build();
    }

    private static GlobalSecondaryIndexUpdate createIndex(String name) {
        return GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName(name).keySchema(hash("c")).projection(all())).build();
    }

    /** Requests refused before the table is looked up: they fail the same on a table that does not exist. */
    static Stream<Arguments> requestLevelErrors() {
        return Stream.of(
                Arguments.of(NOTHING_TO_UPDATE, (Consumer<UpdateTableRequest.Builder>) b -> { }),
                Arguments.of(NOTHING_TO_UPDATE, (Consumer<UpdateTableRequest.Builder>) b -> b.attributeDefinitions(s("a"))),
                Arguments.of(NOTHING_TO_UPDATE, (Consumer<UpdateTableRequest.Builder>) b -> b.globalSecondaryIndexUpdates(List.of())),
                Arguments.of(INVALID + "List of GlobalSecondaryIndexUpdates is empty",
                        (Consumer<UpdateTableRequest.Builder>) b -> b.globalSecondaryIndexUpdates(List.of()).provisionedThroughput(capacity(2, 2))),
                Arguments.of(INVALID + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
                                + "GlobalSecondaryIndexUpdate.Delete must not be null",
                        (Consumer<UpdateTableRequest.Builder>) b -> b.globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().build())),
                Arguments.of(INVALID + "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object",
                        (Consumer<UpdateTableRequest.Builder>) b -> b.globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .update(u -> u.indexName("gsi").provisionedThroughput(capacity(1, 1))).delete(d -> d.indexName("gsi")).build())),
                Arguments.of(INVALID + "Only one global secondary index update per index is allowed simultaneously. Index: gsi",
                        (Consumer<UpdateTableRequest.Builder>) b -> b.globalSecondaryIndexUpdates(updateIndex("gsi", 1, 1), deleteIndex("gsi"))),
                Arguments.of("Given value 1000000000001 for ReadCapacityUnits is out of bounds",
                        (Consumer<UpdateTableRequest.Builder>) b -> b.provisionedThroughput(capacity(1_000_000_000_001L, 1_000_000_000_001L))),
                Arguments.of("Given value 1000000000001 for WriteCapacityUnits is out of bounds",
                        (Consumer<UpdateTableRequest.Builder>) b -> b.provisionedThroughput(capacity(1, 1_000_000_000_001L))),
                Arguments.of(INVALID + "Server-Side Encryption modification must be the only operation in the request",
                        (Consumer<UpdateTableRequest.Builder>) b -> b.sseSpecification(x -> x.enabled(true)).deletionProtectionEnabled(true)
                                .tableClass(TableClass.STANDARD)),
                Arguments.of(INVALID + "TableClass modification must be the only operation in the request",
                        (Consumer<UpdateTableRequest.Builder>) b -> b.tableClass(TableClass.STANDARD).deletionProtectionEnabled(true)),
                Arguments.of(INVALID + "DeletionProtection modification must be the only operation in the request",
                        (Consumer<UpdateTableRequest.Builder>) b -> b.deletionProtectionEnabled(true).provisionedThroughput(capacity(2, 2))),
                Arguments.of(INVALID + "OnDemandThroughput can only be combined with BillingMode in an UpdateTable request",
                        (Consumer<UpdateTableRequest.Builder>) b -> b.onDemandThroughput(o -> o.maxReadRequestUnits(5L))
                                .provisionedThroughput(capacity(2, 2))),
                Arguments.of(INVALID + "You cannot modify stream status while updating table IOPS",
                        (Consumer<UpdateTableRequest.Builder>) b -> b.streamSpecification(x -> x.streamEnabled(false))
                                .provisionedThroughput(capacity(2, 2))),
                Arguments.of(INVALID + "You cannot modify stream status while updating table IOPS",
                        (Consumer<UpdateTableRequest.Builder>) b -> b.streamSpecification(x -> x.streamEnabled(false))
                                .billingMode(BillingMode.PROVISIONED)),
                Arguments.of(INVALID + "You cannot create or delete index while updating table IOPS",
                        (Consumer<UpdateTableRequest.Builder>) b -> b.globalSecondaryIndexUpdates(deleteIndex("gsi"))
                                .provisionedThroughput(capacity(2, 2))),
                Arguments.of(INVALID + "You cannot create or delete index while changing stream status",
                        (Consumer<UpdateTableRequest.Builder>) b -> b.globalSecondaryIndexUpdates(createIndex("gsi"))
                                .streamSpecification(x -> x.streamEnabled(false))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestLevelErrors")
    void requestLevelRulesComeBeforeTheLookup(String message, Consumer<UpdateTableRequest.Builder> change) {
        assertValidation(() -> update("missing", change), message);
        client.createTable(simpleTable("tab1"));
        assertValidation(() -> update("tab1", change), message);
        assertThat(describe("tab1").provisionedThroughput().readCapacityUnits()).isEqualTo(1L);
    }

    @Test
    void missingTableIsNotFound() {
        assertError(() -> update("missing", b -> b.provisionedThroughput(capacity(2, 2))), "ResourceNotFoundException",
                "Requested resource not found: Table: missing not found");
    }

    /** The billing-mode decision table of a provisioned table. */
    @Test
    void billingModeOfAProvisionedTable() {
        client.createTable(table(simpleTable("tab1"), b -> b.provisionedThroughput(capacity(5, 5))));
        assertValidation(() -> update("tab1", b -> b.provisionedThroughput(capacity(5, 5))),
                "The provisioned throughput for the table will not change. The requested value equals the current value. "
                        + "Current ReadCapacityUnits provisioned for the table: 5. Requested ReadCapacityUnits: 5. "
                        + "Current WriteCapacityUnits provisioned for the table: 5. Requested WriteCapacityUnits: 5. "
                        + "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
        assertValidation(() -> update("tab1", b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(capacity(5, 5))),
                "The provisioned throughput for the table will not change.");
        assertValidation(() -> update("tab1", b -> b.billingMode(BillingMode.PROVISIONED)),
                INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        assertValidation(() -> update("tab1", b -> b.billingMode(BillingMode.PAY_PER_REQUEST).provisionedThroughput(capacity(2, 2))),
                INVALID + "ProvisionedThroughput cannot be specified when BillingMode is PAY_PER_REQUEST");
        assertValidation(() -> update("tab1", b -> b.onDemandThroughput(o -> o.maxReadRequestUnits(5L))),
                INVALID + "MaxReadRequestUnits for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED");

        TableDescription changed = update("tab1", b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(capacity(6, 4)));
        // the answer shows the old values with the new timestamps; the table shows the new ones once done
        assertThat(changed.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(changed.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(changed.provisionedThroughput().lastIncreaseDateTime()).isNotNull();
        assertThat(changed.provisionedThroughput().lastDecreaseDateTime()).isNotNull();
        assertThat(changed.provisionedThroughput().numberOfDecreasesToday()).isZero();
        ProvisionedThroughputDescription after = describe("tab1").provisionedThroughput();
        assertThat(after.readCapacityUnits()).isEqualTo(6L);
        assertThat(after.writeCapacityUnits()).isEqualTo(4L);
        assertThat(after.numberOfDecreasesToday()).isEqualTo(1L);
        assertThat(after.lastIncreaseDateTime()).isEqualTo(changed.provisionedThroughput().lastIncreaseDateTime());

        TableDescription onDemand = update("tab1", b -> b.billingMode(BillingMode.PAY_PER_REQUEST));
        assertThat(onDemand.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(onDemand.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(onDemand.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isNull();
        assertThat(onDemand.provisionedThroughput().readCapacityUnits()).isZero();
        TableDescription described = describe("tab1");
        assertThat(described.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isNotNull();
        // on demand keeps the history of its provisioned past
        assertThat(described.provisionedThroughput().lastIncreaseDateTime()).isEqualTo(after.lastIncreaseDateTime());
        assertThat(described.provisionedThroughput().numberOfDecreasesToday()).isEqualTo(1L);
    }

    /** The billing-mode decision table of an on-demand table. */
    @Test
    void billingModeOfAnOnDemandTable() {
        client.createTable(table(onDemandTable("tab1"), b -> b.attributeDefinitions(s("a"), s("b"), s("c"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsi").keySchema(hash("c")).projection(all()).build())));
        assertValidation(() -> update("tab1", b -> b.provisionedThroughput(capacity(2, 2))),
                INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        assertValidation(() -> update("tab1", b -> b.billingMode(BillingMode.PROVISIONED)),
                INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        assertValidation(() -> update("tab1", b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(capacity(2, 2))),
                INVALID + "ProvisionedThroughput must be specified for index: gsi");

        // re-sending PAY_PER_REQUEST is accepted and changes nothing
        TableDescription resent = update("tab1", b -> b.billingMode(BillingMode.PAY_PER_REQUEST));
        assertThat(resent.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(describe("tab1").tableStatus()).isEqualTo(TableStatus.ACTIVE);

        assertError(() -> update("tab1", b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(capacity(2, 2))
                        .globalSecondaryIndexUpdates(updateIndex("gsi", 1, 1), updateIndex("other", 1, 1))),
                "ResourceNotFoundException", "Requested resource not found: Index other for table tab1");

        TableDescription provisioned = update("tab1", b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(capacity(7, 3))
                .globalSecondaryIndexUpdates(updateIndex("gsi", 4, 2)));
        assertThat(provisioned.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(provisioned.provisionedThroughput().readCapacityUnits()).isEqualTo(7L);
        TableDescription described = describe("tab1");
        assertThat(described.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(described.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isEqualTo(described.creationDateTime());
        assertThat(described.provisionedThroughput()).isEqualTo(ProvisionedThroughputDescription.builder()
                .numberOfDecreasesToday(0L).readCapacityUnits(7L).writeCapacityUnits(3L).build());
        assertThat(described.globalSecondaryIndexes().get(0).provisionedThroughput()).isEqualTo(ProvisionedThroughputDescription.builder()
                .numberOfDecreasesToday(0L).readCapacityUnits(4L).writeCapacityUnits(2L).build());
    }

    @Test
    void decreasesAreLimitedAfterFourADay() {
        client.createTable(table(simpleTable("tab1"), b -> b.provisionedThroughput(capacity(10, 10))));
        for (long read = 9; read >= 6; read--) {
            long r = read;
            update("tab1", b -> b.provisionedThroughput(capacity(r, 10)));
        }
        assertThat(describe("tab1").provisionedThroughput().numberOfDecreasesToday()).isEqualTo(4L);
        // an increase is always allowed, and a decrease of only one value counts as a decrease
        update("tab1", b -> b.provisionedThroughput(capacity(20, 10)));
        assertError(() -> update("tab1", b -> b.provisionedThroughput(capacity(20, 9))), "LimitExceededException",
                "Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the first 4 "
                        + "decreases, each subsequent decrease in the same UTC day can be performed at most once every 3600 seconds. "
                        + "Number of decreases today: 4. Last decrease at ");
    }

    @Test
    void anIndexUpdateThatChangesNothingIsRefused() {
        client.createTable(table(onDemandTable("tab1"), b -> b.attributeDefinitions(s("a"), s("b"), s("g"))
                .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(hash("g")).projection(all()))));
        // the service's texts (observed in 2026), where Dynabox took these and set the index UPDATING
        String onlyUpdates = INVALID + "The only Updates for index: byG when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput";
        assertValidation(() -> update("tab1", b -> b.globalSecondaryIndexUpdates(u -> u.update(x -> x.indexName("byG")))), onlyUpdates);
        assertValidation(() -> update("tab1", b -> b.globalSecondaryIndexUpdates(u -> u.update(x -> x.indexName("byG").onDemandThroughput(o -> {})))),
                onlyUpdates);
        // an empty WarmThroughput is refused before the index, or even the table, is looked for
        assertValidation(() -> update("nothing", b -> b.globalSecondaryIndexUpdates(u -> u.update(x -> x.indexName("ghost").warmThroughput(w -> {})))),
                INVALID + "WarmThroughput must have at least one of ReadUnitsPerSecond or WriteUnitsPerSecond specified for index: ghost");
        assertThat(describe("tab1").globalSecondaryIndexes().get(0).indexStatusAsString()).isEqualTo("ACTIVE");
    }

    @Test
    void anIndexHasItsOwnBudgetOfDecreases() {
        client.createTable(table(simpleTable("tab1"), b -> b.provisionedThroughput(capacity(10, 10)).attributeDefinitions(s("a"), s("g"))
                .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(hash("g")).projection(all()).provisionedThroughput(capacity(10, 10)))));
        for (long read = 9; read >= 6; read--) {
            long r = read;
            update("tab1", b -> b.globalSecondaryIndexUpdates(u -> u.update(x -> x.indexName("byG").provisionedThroughput(capacity(r, 10)))));
        }
        // the table's own budget is untouched; the index's fifth is refused in the table's words (observed in 2026)
        assertThat(describe("tab1").provisionedThroughput().numberOfDecreasesToday()).isZero();
        assertError(() -> update("tab1", b -> b.globalSecondaryIndexUpdates(u -> u.update(x -> x.indexName("byG").provisionedThroughput(capacity(5, 10))))),
                "LimitExceededException", "Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. "
                        + "After the first 4 decreases, each subsequent decrease in the same UTC day can be performed at most once every 3600 "
                        + "seconds. Number of decreases today: 4. Last decrease at ");
        update("tab1", b -> b.provisionedThroughput(capacity(9, 10)));
    }

    @Test
    void streams() {
        client.createTable(simpleTable("tab1"));
        assertValidation(() -> update("tab1", b -> b.streamSpecification(x -> x.streamEnabled(true))),
                INVALID + "If stream is being enabled then UpdateViewType is required");
        assertValidation(() -> update("tab1", b -> b.streamSpecification(x -> x.streamEnabled(false).streamViewType(StreamViewType.KEYS_ONLY))),
                INVALID + "If stream is being disabled, then UpdateViewType must not be specified");
        assertValidation(() -> update("tab1", b -> b.streamSpecification(x -> x.streamEnabled(false))),
                "Table has no stream to disable: TableName: tab1");

        TableDescription enabled = update("tab1", b -> b.streamSpecification(x -> x.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        assertThat(enabled.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(enabled.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
        assertThat(enabled.latestStreamArn()).isEqualTo(enabled.tableArn() + "/stream/" + enabled.latestStreamLabel());
        assertValidation(() -> update("tab1", b -> b.streamSpecification(x -> x.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))),
                "Table already has an enabled stream: TableName: tab1");

        TableDescription disabled = update("tab1", b -> b.streamSpecification(x -> x.streamEnabled(false)));
        assertThat(disabled.streamSpecification()).isNull();
        assertThat(disabled.latestStreamLabel()).isEqualTo(enabled.latestStreamLabel());
        assertThat(describe("tab1").latestStreamArn()).isEqualTo(enabled.latestStreamArn());
    }

    @Test
    void onDemandSwitchMayEnableAStream() {
        client.createTable(simpleTable("tab1"));
        TableDescription both = update("tab1", b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(x -> x.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        assertThat(both.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(both.streamSpecification().streamEnabled()).isTrue();
    }

    @Test
    void encryption() {
        client.createTable(simpleTable("tab1"));
        assertValidation(() -> update("tab1", b -> b.sseSpecification(x -> x.enabled(false))),
                INVALID + "Table is already encrypted by default");
        assertValidation(() -> update("tab1", b -> b.sseSpecification(x -> x.enabled(false).sseType(SSEType.KMS))),
                INVALID + "SSEType can not be specified if Enabled is false");

        // an empty key id is too short for the service (observed in 2026), though the model sets no minimum
        assertValidation(() -> update("tab1", b -> b.sseSpecification(x -> x.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(""))),
                "1 validation error detected: Value '' at 'sSESpecification.kMSMasterKeyId' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
        TableDescription kms = update("tab1", b -> b.sseSpecification(x -> x.enabled(true)));
        assertThat(kms.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(kms.sseDescription().sseType()).isEqualTo(SSEType.KMS);
        assertValidation(() -> update("tab1", b -> b.sseSpecification(x -> x.sseType(SSEType.KMS)
                        .kmsMasterKeyId(kms.sseDescription().kmsMasterKeyArn()))),
                INVALID + "Table is already encrypted with given KMSMasterKeyId. Use KMSMasterKeyId parameter if you want to change Master Key");
        // any other spelling of the key in use re-encrypts on the service, and is accepted (observed in 2026)
        assertThat(update("tab1", b -> b.sseSpecification(x -> x.enabled(true))).sseDescription().kmsMasterKeyArn())
                .isEqualTo(kms.sseDescription().kmsMasterKeyArn());
        // the AWS-managed key's alias is that key (the service resolves aliases to keys)
        assertThat(update("tab1", b -> b.sseSpecification(x -> x.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId("alias/aws/dynamodb")))
                .sseDescription().kmsMasterKeyArn()).isEqualTo(kms.sseDescription().kmsMasterKeyArn());
        // a key of another region is one KMS does not find here (observed in 2026)
        assertThatThrownBy(() -> update("tab1", b -> b.sseSpecification(x -> x.sseType(SSEType.KMS)
                .kmsMasterKeyId("arn:aws:kms:us-west-2:000000000000:key/mrk-67c1526d2d8940a3947df29d0358c35a"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageMatching("KMS validation error: com\\.amazonaws\\.services\\.kms\\.model\\.NotFoundException: Invalid arn us-west-2 "
                        + "\\(Service: AWSKMS; Status Code: 400; Error Code: NotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\\).*");
        TableDescription otherKey = update("tab1", b -> b.sseSpecification(x -> x.sseType(SSEType.KMS).kmsMasterKeyId("my-key")));
        assertThat(otherKey.sseDescription().kmsMasterKeyArn()).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/my-key");
        assertThat(update("tab1", b -> b.sseSpecification(x -> x.sseType(SSEType.KMS).kmsMasterKeyId("alias/mine"))).sseDescription()
                .kmsMasterKeyArn()).matches("arn:aws:kms:us-east-1:000000000000:key/[0-9a-f-]{36}");

        TableDescription off = update("tab1", b -> b.sseSpecification(x -> x.enabled(false)));
        assertThat(off.sseDescription()).isNull();
        assertThat(describe("tab1").sseDescription()).isNull();
    }

    @Test
    void tableClass() {
        client.createTable(simpleTable("tab1"));
        // the class in effect: accepted, changes nothing, and no summary appears
        TableDescription same = update("tab1", b -> b.tableClass(TableClass.STANDARD));
        assertThat(same.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(same.tableClassSummary()).isNull();
        assertThat(describe("tab1").tableClassSummary()).isNull();

        TableDescription changed = update("tab1", b -> b.tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
        assertThat(changed.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(changed.tableClassSummary()).isNull();
        TableDescription described = describe("tab1");
        assertThat(described.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        assertThat(described.tableClassSummary().lastUpdateDateTime()).isNotNull();
    }

    @Test
    void deletionProtection() {
        client.createTable(simpleTable("tab1"));
        TableDescription on = update("tab1", b -> b.deletionProtectionEnabled(true));
        assertThat(on.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(on.deletionProtectionEnabled()).isTrue();
        assertThat(update("tab1", b -> b.deletionProtectionEnabled(true)).deletionProtectionEnabled()).isTrue();
        assertValidation(() -> client.deleteTable(b -> b.tableName("tab1")),
                "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
        assertThat(describe("tab1").tableStatus()).isEqualTo(TableStatus.ACTIVE);
        update("tab1", b -> b.deletionProtectionEnabled(false));
        client.deleteTable(b -> b.tableName("tab1"));
    }

    @Test
    void onDemandThroughput() {
        client.createTable(onDemandTable("tab1"));
        assertValidation(() -> update("tab1", b -> b.onDemandThroughput(o -> o.maxReadRequestUnits(0L))),
                INVALID + "Requested MaxReadRequestUnits for OnDemandThroughput for table is outside of valid range");
        TableDescription set = update("tab1", b -> b.onDemandThroughput(o -> o.maxReadRequestUnits(100L)));
        assertThat(set.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(set.onDemandThroughput().maxReadRequestUnits()).isEqualTo(100L);
        TableDescription merged = update("tab1", b -> b.onDemandThroughput(o -> o.maxWriteRequestUnits(50L)));
        assertThat(merged.onDemandThroughput().maxReadRequestUnits()).isEqualTo(100L);
        assertThat(merged.onDemandThroughput().maxWriteRequestUnits()).isEqualTo(50L);
        // -1 clears a limit: echoed once, then gone
        TableDescription cleared = update("tab1", b -> b.onDemandThroughput(o -> o.maxReadRequestUnits(-1L)));
        assertThat(cleared.onDemandThroughput().maxReadRequestUnits()).isEqualTo(-1L);
        assertThat(describe("tab1").onDemandThroughput().maxReadRequestUnits()).isNull();
        update("tab1", b -> b.onDemandThroughput(o -> o.maxWriteRequestUnits(-1L)));
        assertThat(describe("tab1").onDemandThroughput()).isNull();
    }

    @Test
    void anEmptyOnDemandOrWarmThroughputBesideAnotherChangeIsNoChangeOfItsOwn() {
        client.createTable(onDemandTable("tab5"));
        // the service answers these as if the empty member were not there (observed in 2026)
        assertThat(update("tab5", b -> b.warmThroughput(w -> {}).deletionProtectionEnabled(true)).deletionProtectionEnabled()).isTrue();
        update("tab5", b -> b.deletionProtectionEnabled(false));
        update("tab5", b -> b.onDemandThroughput(o -> {}).billingMode(BillingMode.PAY_PER_REQUEST));
        assertThat(describe("tab5").onDemandThroughput()).isNull();
        assertThat(describe("tab5").billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void switchToProvisionedDropsOnDemandLimits() {
        client.createTable(table(onDemandTable("tab1"), b -> b.onDemandThroughput(o -> o.maxReadRequestUnits(10L))));
        assertThat(describe("tab1").onDemandThroughput().maxReadRequestUnits()).isEqualTo(10L);
        update("tab1", b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(capacity(1, 1)));
        assertThat(describe("tab1").onDemandThroughput()).isNull();
    }

    @Test
    void onDemandAndWarmLimitsAboveTheAccountsPerTableMaximumAreRefused() {
        client.createTable(b -> b.tableName("tab3").attributeDefinitions(s("a"), s("g")).keySchema(hash("a"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(hash("g")).projection(all())));
        // the service's texts, observed in 2026
        assertError(() -> update("tab3", b -> b.onDemandThroughput(o -> o.maxReadRequestUnits(40_001L))), "LimitExceededException",
                "Subscriber limit exceeded: Requested MaxReadRequestUnits for OnDemandThroughput for table exceeds TableMaxReadCapacityUnits "
                        + "of the account in region us-east-1");
        assertError(() -> update("tab3", b -> b.globalSecondaryIndexUpdates(u -> u.update(i -> i.indexName("byG")
                        .onDemandThroughput(o -> o.maxReadRequestUnits(40_001L))))), "LimitExceededException",
                "Subscriber limit exceeded: Requested MaxReadRequestUnits for OnDemandThroughput for index : byG exceeds TableMaxReadCapacityUnits "
                        + "of the account in region us-east-1");
        assertError(() -> update("tab3", b -> b.globalSecondaryIndexUpdates(u -> u.update(i -> i.indexName("byG")
                        .warmThroughput(w -> w.readUnitsPerSecond(40_001L))))), "LimitExceededException",
                "Subscriber limit exceeded: Requested ReadUnitsPerSecond for WarmThroughput for index byG exceeds TableMaxReadCapacityUnits "
                        + "of the account in region us-east-1");
        assertThat(update("tab3", b -> b.onDemandThroughput(o -> o.maxReadRequestUnits(40_000L))).onDemandThroughput().maxReadRequestUnits())
                .isEqualTo(40_000L);
    }

    @Test
    void switchToProvisionedDropsTheIndexesOnDemandLimitsToo() {
        client.createTable(b -> b.tableName("tab2").attributeDefinitions(s("a"), s("g")).keySchema(hash("a"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(hash("g")).projection(all())
                        .onDemandThroughput(o -> o.maxReadRequestUnits(6000L).maxWriteRequestUnits(5000L))));
        assertThat(describe("tab2").globalSecondaryIndexes().get(0).onDemandThroughput().maxReadRequestUnits()).isEqualTo(6000L);
        // the service drops both the table's and the index's (observed in 2026); the index's came back after a switch back
        update("tab2", b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(capacity(5, 5))
                .globalSecondaryIndexUpdates(u -> u.update(i -> i.indexName("byG").provisionedThroughput(capacity(5, 5)))));
        assertThat(describe("tab2").globalSecondaryIndexes().get(0).onDemandThroughput()).isNull();
    }

    @Test
    void aSwitchToOnDemandShowsItsWarmThroughputAndDateOnceDone() {
        try (TableFixtures.SlowDynabox slow = new TableFixtures.SlowDynabox(door)) {
            DynamoDbClient delayed = slow.client;
            delayed.createTable(table(simpleTable("tab1"), b -> b.provisionedThroughput(capacity(2, 2))));
            slow.settle();
            delayed.updateTable(b -> b.tableName("tab1").billingMode(BillingMode.PAY_PER_REQUEST));
            // while it switches: the new mode, the old warm throughput, no on-demand date yet (observed in 2026)
            TableDescription during = delayed.describeTable(b -> b.tableName("tab1")).table();
            assertThat(during.tableStatus()).isEqualTo(TableStatus.UPDATING);
            assertThat(during.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
            assertThat(during.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isNull();
            assertThat(during.warmThroughput().readUnitsPerSecond()).isEqualTo(2L);
            slow.settle();
            TableDescription done = delayed.describeTable(b -> b.tableName("tab1")).table();
            assertThat(done.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isNotNull();
            assertThat(done.warmThroughput().readUnitsPerSecond()).isEqualTo(12_000L);
            assertThat(done.warmThroughput().writeUnitsPerSecond()).isEqualTo(4_000L);
        }
    }

    @Test
    void tableStateGatesChanges() {
        try (TableFixtures.SlowDynabox slow = new TableFixtures.SlowDynabox(door)) {
            DynamoDbClient delayed = slow.client;
            delayed.createTable(simpleTable("tab1"));
            assertError(() -> delayed.updateTable(b -> b.tableName("tab1").deletionProtectionEnabled(true)), "ResourceInUseException",
                    "Attempt to change a resource which is still in use: Table is being created: tab1");
            slow.settle();

            delayed.updateTable(b -> b.tableName("tab1").provisionedThroughput(capacity(2, 2)));
            assertError(() -> delayed.updateTable(b -> b.tableName("tab1").provisionedThroughput(capacity(3, 3))), "ResourceInUseException",
                    "Attempt to change a resource which is still in use: Table IOPS are currently being updated. Table: tab1");
            // deletion protection is admitted while UPDATING, and the table stays UPDATING
            TableDescription protectedNow = delayed.updateTable(b -> b.tableName("tab1").deletionProtectionEnabled(true)).tableDescription();
            assertThat(protectedNow.tableStatus()).isEqualTo(TableStatus.UPDATING);
            assertThat(protectedNow.deletionProtectionEnabled()).isTrue();
            // DescribeTable shows the old capacity until the change completes
            assertThat(delayed.describeTable(b -> b.tableName("tab1")).table().provisionedThroughput().readCapacityUnits()).isEqualTo(1L);
            slow.settle();
            TableDescription done = delayed.describeTable(b -> b.tableName("tab1")).table();
            assertThat(done.provisionedThroughput().readCapacityUnits()).isEqualTo(2L);
            assertThat(done.deletionProtectionEnabled()).isTrue();

            delayed.updateTable(b -> b.tableName("tab1").tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
            assertError(() -> delayed.updateTable(b -> b.tableName("tab1").tableClass(TableClass.STANDARD)), "ResourceInUseException",
                    "Attempt to change a resource which is still in use: Can't update table class when a table class update is in progress. "
                            + "Table: tab1 TableClassUpdateInProgress: STANDARD_INFREQUENT_ACCESS");
            assertError(() -> delayed.updateTable(b -> b.tableName("tab1").streamSpecification(x -> x.streamEnabled(true)
                            .streamViewType(StreamViewType.KEYS_ONLY))), "ResourceInUseException",
                    "Attempt to change a resource which is still in use: Can't change stream status when a table class update is in progress. "
                            + "Table: tab1 TableClassUpdateInProgress: STANDARD_INFREQUENT_ACCESS");
            slow.settle();

            delayed.updateTable(b -> b.tableName("tab1").streamSpecification(x -> x.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
            assertError(() -> delayed.updateTable(b -> b.tableName("tab1").tableClass(TableClass.STANDARD)), "ResourceInUseException",
                    "Attempt to change a resource which is still in use: Can't update table class when stream status is being updated. Table: tab1");
        }
    }
}
