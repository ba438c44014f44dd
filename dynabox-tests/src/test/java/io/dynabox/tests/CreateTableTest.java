package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.INVALID;
import static io.dynabox.tests.TableFixtures.all;
import static io.dynabox.tests.TableFixtures.assertError;
import static io.dynabox.tests.TableFixtures.assertValidation;
import static io.dynabox.tests.TableFixtures.capacity;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.include;
import static io.dynabox.tests.TableFixtures.n;
import static io.dynabox.tests.TableFixtures.range;
import static io.dynabox.tests.TableFixtures.s;
import static io.dynabox.tests.TableFixtures.simpleTable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** CreateTable's validation, in the service's order and with its exact texts, and the name-taken answers. */
@ParameterizedClass
@EnumSource(Door.class)
class CreateTableTest extends DoorTest {
    private static Arguments invalid(String message, Consumer<CreateTableRequest.Builder> change) {
        return Arguments.of(message, change);
    }

    private static LocalSecondaryIndex lsi(String name, KeySchemaElement... key) {
        return LocalSecondaryIndex.builder().indexName(name).keySchema(key).projection(all()).build();
    }

    private static GlobalSecondaryIndex gsi(String name, KeySchemaElement... key) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(key).projection(all()).provisionedThroughput(capacity(1, 1)).build();
    }

    /** A table keyed (a, b) with definitions a, b, c, so that an index on c is valid. */
    private static Consumer<CreateTableRequest.Builder> withIndexes(Consumer<CreateTableRequest.Builder> indexes) {
        return b -> indexes.accept(b.attributeDefinitions(s("a"), s("b"), s("c")).keySchema(hash("a"), range("b")));
    }

    static Stream<Arguments> invalidRequests() {
        List<Tag> manyTags = IntStream.rangeClosed(1, 51).mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toList();
        List<GlobalSecondaryIndex> manyGsis = IntStream.rangeClosed(1, 21).mapToObj(i -> gsi("gsi" + i, hash("c"))).toList();
        List<LocalSecondaryIndex> manyLsis = IntStream.rangeClosed(1, 6).mapToObj(i -> lsi("lsi" + i, hash("a"), range("c"))).toList();
        List<GlobalSecondaryIndex> wideGsis = IntStream.rangeClosed(1, 6).mapToObj(i -> gsi("gsi" + i, hash("c")).toBuilder()
                .projection(include(IntStream.rangeClosed(1, 17).mapToObj(j -> "x" + j).toArray(String[]::new))).build()).toList();
        return Stream.of(
                // billing mode and throughput come first, even before a bad key schema
                invalid(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST",
                        b -> b.billingMode(BillingMode.PAY_PER_REQUEST)),
                invalid(INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED",
                        b -> b.provisionedThroughput((software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput) null)),
                invalid(INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED",
                        b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput((software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput) null)
                                .keySchema(range("a"))),
                invalid("Given value 1000000000001 for ReadCapacityUnits is out of bounds",
                        b -> b.provisionedThroughput(capacity(1_000_000_000_001L, 1_000_000_000_002L))),
                invalid("Given value 1000000000001 for WriteCapacityUnits is out of bounds",
                        b -> b.provisionedThroughput(capacity(1, 1_000_000_000_001L))),
                invalid(INVALID + "MaxReadRequestUnits for OnDemandThroughput cannot be specified when table BillingMode is PROVISIONED.",
                        b -> b.onDemandThroughput(o -> o.maxReadRequestUnits(5L))),
                // attribute definitions and the table key
                invalid("Attribute Name is duplicated: a", b -> b.attributeDefinitions(s("a"), n("a"))),
                invalid("Invalid KeySchema: Some index key attribute have no definition", b -> b.attributeDefinitions(List.of())),
                invalid("Invalid KeySchema: Some index key attribute have no definition", b -> b.keySchema(hash("a"), range("a"))),
                invalid(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [a], AttributeDefinitions: [b]",
                        b -> b.attributeDefinitions(s("b"))),
                invalid(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [A], AttributeDefinitions: [a]",
                        b -> b.keySchema(hash("A"))),
                invalid("Both the Hash Key and the Range Key element in the KeySchema have the same name",
                        b -> b.attributeDefinitions(s("a"), s("b")).keySchema(hash("a"), range("a"))),
                invalid("Invalid KeySchema: The first KeySchemaElement is not a HASH key type", b -> b.keySchema(range("a"))),
                invalid("Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
                        b -> b.attributeDefinitions(s("a"), s("b")).keySchema(range("b"), hash("a"))),
                invalid("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type",
                        b -> b.attributeDefinitions(s("a"), s("b")).keySchema(hash("a"), hash("b"))),
                invalid(INVALID + "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions",
                        b -> b.attributeDefinitions(s("a"), s("b"))),
                // local secondary indexes
                invalid(INVALID + "List of LocalSecondaryIndexes is empty", withIndexes(b -> b.localSecondaryIndexes(List.of()))),
                invalid(INVALID + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex",
                        b -> b.attributeDefinitions(s("a"), s("c")).localSecondaryIndexes(lsi("abc", hash("a"), range("c")))),
                invalid(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [c, d], AttributeDefinitions: [a, b]",
                        b -> b.attributeDefinitions(s("a"), s("b")).keySchema(hash("a"), range("b"))
                                .localSecondaryIndexes(lsi("abc", hash("c"), range("d")))),
                invalid(INVALID + "Index KeySchema does not have a range key for index: abc",
                        withIndexes(b -> b.localSecondaryIndexes(lsi("abc", hash("a"))))),
                invalid(INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for index: abc. "
                        + "index hash key: c, table hash key: a", withIndexes(b -> b.localSecondaryIndexes(lsi("abc", hash("c"), range("b"))))),
                invalid("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type",
                        withIndexes(b -> b.localSecondaryIndexes(lsi("abc", hash("a"), hash("c"))))),
                invalid(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5", withIndexes(b -> b.localSecondaryIndexes(manyLsis))),
                // global secondary indexes
                invalid(INVALID + "List of GlobalSecondaryIndexes is empty", withIndexes(b -> b.globalSecondaryIndexes(List.of()))),
                invalid(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [z], AttributeDefinitions: [a, b, c]",
                        withIndexes(b -> b.globalSecondaryIndexes(gsi("gsi", hash("z"))))),
                invalid("Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
                        withIndexes(b -> b.globalSecondaryIndexes(gsi("gsi", range("c"))))),
                invalid(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20", withIndexes(b -> b.globalSecondaryIndexes(manyGsis))),
                // every definition must be used, and that check masks the per-index ones
                invalid(INVALID + "Some AttributeDefinitions are not used. AttributeDefinitions: [a, b, c, d], keys used: [a, b, c]",
                        b -> b.attributeDefinitions(s("a"), s("b"), s("c"), s("d")).keySchema(hash("a"), range("b"))
                                .globalSecondaryIndexes(gsi("gsi", hash("c")).toBuilder().projection(Projection.builder().build()).build())),
                // projections
                invalid(INVALID + "Unknown ProjectionType: null",
                        withIndexes(b -> b.globalSecondaryIndexes(gsi("gsi", hash("c")).toBuilder().projection(Projection.builder().build()).build()))),
                invalid(INVALID + "ProjectionType is ALL, but NonKeyAttributes is specified",
                        withIndexes(b -> b.localSecondaryIndexes(lsi("lsi", hash("a"), range("c")).toBuilder()
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).nonKeyAttributes("x").build()).build()))),
                invalid(INVALID + "ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified",
                        withIndexes(b -> b.globalSecondaryIndexes(gsi("gsi", hash("c")).toBuilder()
                                .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).nonKeyAttributes("x").build()).build()))),
                invalid(INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified",
                        withIndexes(b -> b.globalSecondaryIndexes(gsi("gsi", hash("c")).toBuilder()
                                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).build()).build()))),
                invalid(INVALID + "Duplicate element in NonKeyAttributes: x",
                        withIndexes(b -> b.globalSecondaryIndexes(gsi("gsi", hash("c")).toBuilder().projection(include("x", "y", "x")).build()))),
                invalid(INVALID + "Number of projected attributes in all indexes exceeds limit of 100", withIndexes(b -> b.globalSecondaryIndexes(wideGsis))),
                // index throughput and names
                invalid(INVALID + "ProvisionedThroughput should not be specified for index: gsi when BillingMode is PAY_PER_REQUEST",
                        withIndexes(b -> b.billingMode(BillingMode.PAY_PER_REQUEST).provisionedThroughput((software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput) null)
                                .globalSecondaryIndexes(gsi("gsi", hash("c"))))),
                invalid(INVALID + "ProvisionedThroughput is not specified for index: gsi",
                        withIndexes(b -> b.globalSecondaryIndexes(gsi("gsi", hash("c")).toBuilder()
                                .provisionedThroughput((software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput) null).build()))),
                invalid(INVALID + "MaxReadRequestUnits for OnDemandThroughput for index: gsi cannot be specified when table BillingMode is PROVISIONED.",
                        withIndexes(b -> b.globalSecondaryIndexes(gsi("gsi", hash("c")).toBuilder()
                                .onDemandThroughput(o -> o.maxReadRequestUnits(4L)).build()))),
                invalid(INVALID + "Duplicate index name: idx",
                        withIndexes(b -> b.localSecondaryIndexes(lsi("idx", hash("a"), range("c"))).globalSecondaryIndexes(gsi("idx", hash("c"))))),
                // stream, encryption, tags, warm and on-demand throughput
                invalid(INVALID + "Table is being created with a stream enabled, UpdateViewType is required",
                        b -> b.streamSpecification(x -> x.streamEnabled(true))),
                invalid(INVALID + "Table is being created with a stream disabled, UpdateViewType should not be specified",
                        b -> b.streamSpecification(x -> x.streamEnabled(false).streamViewType(StreamViewType.KEYS_ONLY))),
                invalid(INVALID + "SSEType can not be specified if Enabled is false",
                        b -> b.sseSpecification(x -> x.enabled(false).sseType(SSEType.KMS).kmsMasterKeyId("k"))),
                invalid(INVALID + "KMSMasterKeyId can not be specified if Enabled is false", b -> b.sseSpecification(x -> x.enabled(false).kmsMasterKeyId("k"))),
                invalid(INVALID + "SSEType AES256 is not supported", b -> b.sseSpecification(x -> x.enabled(true).sseType(SSEType.AES256))),
                invalid(INVALID + "SSEType KMS is required if KMSMasterKeyId is specified", b -> b.sseSpecification(x -> x.enabled(true).kmsMasterKeyId("k"))),
                invalid("Tag Key cannot be prefixed with aws:, Key: aws:foo", b -> b.tags(Tag.builder().key("aws:foo").value("v").build())),
                invalid("The Tag Key provided is invalid, Key: a#", b -> b.tags(Tag.builder().key("a#").value("v").build())),
                invalid("The Tag Key provided is invalid, Key: " + "k".repeat(129), b -> b.tags(Tag.builder().key("k".repeat(129)).value("v").build())),
                invalid("The Tag Value provided is invalid, Value: v#", b -> b.tags(Tag.builder().key("k").value("v#").build())),
                invalid("Duplicate Tag Keys provided as input: Duplicate Tag Key found k",
                        b -> b.tags(Tag.builder().key("k").value("1").build(), Tag.builder().key("k").value("2").build())),
                invalid("Number of Tags exceed the current limit for the provided ResourceArn", b -> b.tags(manyTags)),
                invalid(INVALID + "Requested MaxWriteRequestUnits for OnDemandThroughput for table is outside of valid range",
                        b -> b.billingMode(BillingMode.PAY_PER_REQUEST).provisionedThroughput((software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput) null)
                                .onDemandThroughput(o -> o.maxReadRequestUnits(5L).maxWriteRequestUnits(-1L))),
                // checks before the semantic ones: table name alone, then shapes
                invalid("TableName must be at least 3 characters long and at most 255 characters long", b -> b.tableName("ab")),
                invalid("1 validation error detected: Value 'abc;' at 'tableName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+", b -> b.tableName("abc;")),
                invalid("1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null",
                        b -> b.keySchema((List<KeySchemaElement>) null)),
                invalid("1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null",
                        b -> b.attributeDefinitions((List<AttributeDefinition>) null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void rejectsInvalidDefinitions(String message, Consumer<CreateTableRequest.Builder> change) {
        assertValidation(() -> client.createTable(b -> change.accept(simpleTableBuilder(b))), message);
        assertThat(client.listTables().tableNames()).isEmpty();
    }

    private static CreateTableRequest.Builder simpleTableBuilder(CreateTableRequest.Builder b) {
        simpleTable("tab1").accept(b);
        return b;
    }

    @Test
    void tableAndLocalIndexKeysHaveAtMostTwoElements() {
        String tail = "failed to satisfy constraint: Member must have length less than or equal to 2";
        assertValidation(() -> client.createTable(b -> simpleTableBuilder(b).attributeDefinitions(s("a"), s("b"), s("c"))
                        .keySchema(hash("a"), range("b"), range("c"))),
                "1 validation error detected: Value '[");
        try {
            client.createTable(b -> simpleTableBuilder(b).attributeDefinitions(s("a"), s("b"), s("c"))
                    .keySchema(hash("a"), range("b")).localSecondaryIndexes(lsi("lsi", hash("a"), range("b"), range("c"))));
        } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException e) {
            assertThat(e.awsErrorDetails().errorMessage()).contains("' at 'localSecondaryIndexes.1.member.keySchema' " + tail);
            return;
        }
        throw new AssertionError("a three-element local index key was accepted");
    }

    @Test
    void aTakenNameIsInUseOnlyAfterValidation() {
        client.createTable(simpleTable("tab1"));
        assertError(() -> client.createTable(simpleTable("tab1")), "ResourceInUseException", "Table already exists: tab1");
        // validation wins over the name being taken
        assertValidation(() -> client.createTable(b -> simpleTableBuilder(b).keySchema(range("a"))),
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        // names are case-sensitive
        client.createTable(simpleTable("TAB1"));
        assertThat(client.listTables().tableNames()).containsExactly("TAB1", "tab1");
    }

    @Test
    void aNameBeingCreatedIsInUse() {
        try (TableFixtures.SlowDynabox slow = new TableFixtures.SlowDynabox(door)) {
            DynamoDbClient delayed = slow.client;
            delayed.createTable(simpleTable("tab1"));
            assertError(() -> delayed.createTable(simpleTable("tab1")), "ResourceInUseException",
                    "Attempt to change a resource which is still in use: Table is being created: tab1");
        }
    }

    @Test
    void acceptsIndexesThatReuseTheTableKey() {
        var created = client.createTable(b -> b.tableName("tab1").attributeDefinitions(s("a"), s("b"))
                .keySchema(hash("a"), range("b")).provisionedThroughput(capacity(1, 1))
                .localSecondaryIndexes(lsi("same", hash("a"), range("b")))
                .globalSecondaryIndexes(gsi("tab1", hash("a"), range("b")))).tableDescription();
        assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(created.localSecondaryIndexes()).hasSize(1);
        assertThat(created.globalSecondaryIndexes()).hasSize(1);
    }

    @Test
    void acceptsEmptyTagsAndStreamDisabled() {
        var created = client.createTable(b -> simpleTableBuilder(b).tags(new ArrayList<>())
                .streamSpecification(x -> x.streamEnabled(false)).sseSpecification(x -> x.enabled(false))).tableDescription();
        assertThat(created.streamSpecification()).isNull();
        assertThat(created.latestStreamArn()).isNull();
        assertThat(created.sseDescription()).isNull();
    }
}
