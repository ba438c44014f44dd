package io.dynabox.tests;

import static io.dynabox.tests.Tables.key;
import static io.dynabox.tests.Tables.n;
import static io.dynabox.tests.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

@ParameterizedClass
@EnumSource(Door.class)
class BatchWriteItemTest extends DoorTest {
    @BeforeEach
    void open() {
        Tables.hash(client, "first");
        Tables.hash(client, "second");
    }

    static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(d -> d.key(key)).build();
    }

    @Test
    void putsAndDeletesOverSeveralTables() {
        client.putItem(b -> b.tableName("first").item(Map.of("pk", s("old"))));
        BatchWriteItemResponse answer = client.batchWriteItem(b -> b.requestItems(Map.of(
                "first", List.of(delete(key("old")), put(Map.of("pk", s("new"), "v", n("1")))),
                "second", List.of(put(Map.of("pk", s("other")))))));

        assertThat(answer.unprocessedItems()).isEmpty();
        assertThat(answer.hasConsumedCapacity()).isFalse();
        assertThat(client.getItem(b -> b.tableName("first").key(key("old"))).hasItem()).isFalse();
        assertThat(client.getItem(b -> b.tableName("first").key(key("new"))).item()).containsEntry("v", n("1"));
        assertThat(client.getItem(b -> b.tableName("second").key(key("other"))).hasItem()).isTrue();
    }

    @Test
    void chargesEachWriteApart() {
        // 1024 bytes is one write unit, 1025 two; a delete is charged the item it removes, or one unit for nothing
        Map<String, List<WriteRequest>> puts = Map.of(
                "first", List.of(put(Map.of("pk", s("a"), "b", s("x".repeat(1024 - 4)))), put(Map.of("pk", s("c"), "b", s("x".repeat(1025 - 4))))),
                "second", List.of(put(Map.of("pk", s("a")))));
        assertThat(client.batchWriteItem(b -> b.requestItems(puts).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity())
                .containsExactlyInAnyOrder(ConsumedCapacity.builder().tableName("first").capacityUnits(3.0).build(),
                        ConsumedCapacity.builder().tableName("second").capacityUnits(1.0).build());

        Map<String, List<WriteRequest>> deletes = Map.of("first", List.of(delete(key("a")), delete(key("c"))));
        assertThat(client.batchWriteItem(b -> b.requestItems(deletes).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
                .consumedCapacity().get(0)).isEqualTo(ConsumedCapacity.builder().tableName("first").capacityUnits(3.0)
                .table(c -> c.capacityUnits(3.0)).build());
        assertThat(client.batchWriteItem(b -> b.requestItems(deletes).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity().get(0).capacityUnits()).isEqualTo(2.0);
    }

    @Test
    void reportsItemCollectionMetricsForTablesWithLocalIndexes() {
        Tables.withLocalIndex(client, "local");
        BatchWriteItemResponse answer = client.batchWriteItem(b -> b.returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)
                .requestItems(Map.of("local", List.of(put(Map.of("pk", s("p"), "sk", s("1"), "lsk", s("x")))),
                        "first", List.of(put(Map.of("pk", s("p")))))));
        assertThat(answer.itemCollectionMetrics()).containsOnlyKeys("local");
        ItemCollectionMetrics metrics = answer.itemCollectionMetrics().get("local").get(0);
        assertThat(metrics.itemCollectionKey()).isEqualTo(Map.of("pk", s("p")));
        assertThat(metrics.sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
    }

    @Test
    void refusesAPutAndADeleteOfOneItem() {
        assertValidation(Map.of("first", List.of(put(Map.of("pk", s("a"), "c", s("c"))), delete(key("a")))),
                "Provided list of item keys contains duplicates");
        assertValidation(Map.of("first", List.of(delete(key("a")), delete(key("a")))),
                "Provided list of item keys contains duplicates");
    }

    @Test
    void refusesMoreThanTwentyFiveRequestsOverAllTables() {
        List<WriteRequest> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) many.add(put(key("k" + i)));
        assertValidation(Map.of("first", many, "second", List.of(put(key("one more")))),
                "Too many items requested for the BatchWriteItem call");
    }

    @Test
    void refusesARequestWithoutPutOrDelete() {
        assertValidation(Map.of("first", List.of(WriteRequest.builder().build())),
                "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
    }

    @Test
    void refusesItemsTooLarge() {
        assertValidation(Map.of("first", List.of(put(Map.of("pk", s("a"), "b", s("x".repeat(400 * 1024)))))),
                "Item size has exceeded the maximum allowed size");
    }

    @Test
    void refusesKeysThatDoNotMatchTheSchemaAsTheServiceWordsThem() {
        assertValidation(Map.of("first", List.of(put(Map.of("pk", n("5"))))), "The provided key element does not match the schema");
        assertValidation(Map.of("first", List.of(put(Map.of("other", s("x"))))), "The provided key element does not match the schema");
        assertValidation(Map.of("first", List.of(delete(Map.of("other", s("x"))))), "The provided key element does not match the schema");
        assertValidation(Map.of("first", List.of(put(Map.of("pk", s(""))))),
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");
    }

    @Test
    void looksUpTablesBeforeCheckingKeys() {
        Map<String, List<WriteRequest>> items = new LinkedHashMap<>();
        items.put("nosuchtable", List.of(put(Map.of("wrong", s("x")))));
        assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(items)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
    }

    private void assertValidation(Map<String, List<WriteRequest>> items, String message) {
        assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(items)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith(message);
                });
    }
}
