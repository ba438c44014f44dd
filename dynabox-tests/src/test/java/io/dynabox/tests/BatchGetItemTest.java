package io.dynabox.tests;

import static io.dynabox.tests.Tables.key;
import static io.dynabox.tests.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

@ParameterizedClass
@EnumSource(Door.class)
class BatchGetItemTest extends DoorTest {
    @BeforeEach
    void open() {
        Tables.hash(client, "first");
        Tables.hash(client, "second");
    }

    @Test
    void tablesMayBeNamedByTheirArns() {
        String arn = client.describeTable(b -> b.tableName("first")).table().tableArn();
        client.batchWriteItem(b -> b.requestItems(Map.of(arn, List.of(WriteRequest.builder().putRequest(p -> p.item(key("by-arn"))).build()))));
        BatchGetItemResponse answer = client.batchGetItem(b -> b.requestItems(Map.of(arn, KeysAndAttributes.builder().keys(key("by-arn")).build())));
        // the answer names the table as the request did
        assertThat(answer.responses()).containsOnlyKeys(arn);
        assertThat(answer.responses().get(arn)).containsExactly(key("by-arn"));
        assertThatThrownBy(() -> client.batchGetItem(b -> b.requestItems(Map.of("bad!name", KeysAndAttributes.builder().keys(key("a")).build()))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Map keys must satisfy constraint: [Member must have length less than or equal to 255, "
                        + "Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]");
    }

    @Test
    void answersTheItemsThatExistAndChargesEachReadApart() {
        // 4096 bytes is one read unit, 4097 two
        client.putItem(b -> b.tableName("first").item(Map.of("pk", s("a"), "b", s("x".repeat(4096 - 4)))));
        client.putItem(b -> b.tableName("first").item(Map.of("pk", s("c"), "b", s("x".repeat(4097 - 4)))));
        BatchGetItemResponse answer = client.batchGetItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).requestItems(Map.of(
                "first", KeysAndAttributes.builder().keys(key("a"), key("c"), key("missing")).build(),
                "second", KeysAndAttributes.builder().keys(key("x")).consistentRead(true).build())));

        assertThat(answer.responses().get("first")).extracting(item -> item.get("pk").s()).containsExactlyInAnyOrder("a", "c");
        assertThat(answer.responses().get("second")).isEmpty();
        assertThat(answer.unprocessedKeys()).isEmpty();
        // eventually consistent: 0.5 + 1 + 0.5 for the miss; strongly consistent miss: 1
        assertThat(answer.consumedCapacity()).containsExactlyInAnyOrder(
                ConsumedCapacity.builder().tableName("first").capacityUnits(2.0).build(),
                ConsumedCapacity.builder().tableName("second").capacityUnits(1.0).build());

        BatchGetItemResponse indexes = client.batchGetItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .requestItems(Map.of("first", KeysAndAttributes.builder().keys(key("a")).consistentRead(true).build())));
        assertThat(indexes.consumedCapacity().get(0).table().capacityUnits()).isEqualTo(1.0);
        assertThat(indexes.consumedCapacity().get(0).capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void projectsWithAttributesToGet() {
        client.putItem(b -> b.tableName("first").item(Map.of("pk", s("a"), "b", s("1"), "c", s("2"))));
        client.putItem(b -> b.tableName("first").item(Map.of("pk", s("d"))));
        BatchGetItemResponse answer = client.batchGetItem(b -> b.requestItems(Map.of(
                "first", KeysAndAttributes.builder().keys(key("a"), key("d")).attributesToGet("b", "c").build())));
        assertThat(answer.responses().get("first")).containsExactlyInAnyOrder(Map.of("b", s("1"), "c", s("2")), Map.of());
    }

    @Test
    void projectsWithProjectionExpression() {
        client.putItem(b -> b.tableName("first").item(Map.of("pk", s("a"), "b", s("1"), "size", s("2"))));
        BatchGetItemResponse answer = client.batchGetItem(b -> b.requestItems(Map.of(
                "first", KeysAndAttributes.builder().keys(key("a")).projectionExpression("b, #s")
                        .expressionAttributeNames(Map.of("#s", "size")).build())));
        assertThat(answer.responses().get("first")).containsExactly(Map.of("b", s("1"), "size", s("2")));
    }

    @Test
    void leavesKeysUnprocessedPastSixteenMegabytes() {
        // 41 items of 409,009 bytes fit in 16 MB; the 42nd does not
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        List<WriteRequest> puts = new ArrayList<>();
        for (int i = 0; i < 42; i++) {
            String pk = String.format("k%02d", i);
            keys.add(key(pk));
            puts.add(WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", s(pk), "data", s("x".repeat(409_000))))).build());
            if (puts.size() == 21) {
                client.batchWriteItem(b -> b.requestItems(Map.of("first", puts)));
                puts.clear();
            }
        }
        BatchGetItemResponse answer = client.batchGetItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .requestItems(Map.of("first", KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));

        assertThat(answer.responses().get("first")).hasSize(41);
        KeysAndAttributes again = answer.unprocessedKeys().get("first");
        assertThat(again.keys()).hasSize(1);
        assertThat(again.consistentRead()).isTrue();
        assertThat(answer.consumedCapacity().get(0).capacityUnits()).isEqualTo(41 * 100.0);
    }

    @Test
    void refusesDuplicateKeys() {
        assertValidation(Map.of("first", KeysAndAttributes.builder().keys(key("a"), key("b"), key("a")).build()),
                "Provided list of item keys contains duplicates");
    }

    @Test
    void refusesMoreThanOneHundredKeysOverAllTables() {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) keys.add(key("k" + i));
        assertValidation(Map.of("nosuchtable", KeysAndAttributes.builder().keys(keys).build(),
                        "another", KeysAndAttributes.builder().keys(key("one more")).build()),
                "Too many items requested for the BatchGetItem call");
    }

    @Test
    void refusesDuplicateAttributesToGet() {
        assertValidation(Map.of("first", KeysAndAttributes.builder().keys(key("a")).attributesToGet("b", "b").build()),
                "One or more parameter values were invalid: Duplicate value in attribute name: b");
    }

    @Test
    void refusesKeysThatDoNotMatchTheSchema() {
        assertValidation(Map.of("first", KeysAndAttributes.builder().keys(Map.of("pk", Tables.n("1"))).build()),
                "The provided key element does not match the schema");
        assertValidation(Map.of("first", KeysAndAttributes.builder().keys(Map.of("pk", s("a"), "other", s("b"))).build()),
                "The provided key element does not match the schema");
    }

    @Test
    void answersResourceNotFoundForAMissingTable() {
        Map<String, KeysAndAttributes> items = new HashMap<>();
        items.put("nosuchtable", KeysAndAttributes.builder().keys(key("a")).build());
        assertThatThrownBy(() -> client.batchGetItem(b -> b.requestItems(items)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
    }

    private void assertValidation(Map<String, KeysAndAttributes> items, String message) {
        assertThatThrownBy(() -> client.batchGetItem(b -> b.requestItems(items)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith(message);
                });
    }
}
