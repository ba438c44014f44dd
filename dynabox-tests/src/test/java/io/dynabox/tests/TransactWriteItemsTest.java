package io.dynabox.tests;

import static io.dynabox.tests.Tables.key;
import static io.dynabox.tests.Tables.n;
import static io.dynabox.tests.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

@ParameterizedClass
@EnumSource(Door.class)
class TransactWriteItemsTest extends DoorTest {
    @BeforeEach
    void open() {
        Tables.hash(client, "first");
        Tables.hash(client, "second");
    }

    static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
    }

    static TransactWriteItem delete(String table, Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)).build();
    }

    Map<String, AttributeValue> get(String table, String pk) {
        return client.getItem(b -> b.tableName(table).key(key(pk)).consistentRead(true)).item();
    }

    @Test
    void writesAcrossTablesAndChargesTwoUnitsPerUnit() {
        client.putItem(b -> b.tableName("second").item(Map.of("pk", s("gone"))));
        var answer = client.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
                put("first", Map.of("pk", s("a"), "b", s("x".repeat(1025 - 4)))),
                put("first", Map.of("pk", s("b"))),
                delete("second", key("gone")),
                delete("second", key("never there"))));

        assertThat(get("first", "a")).isNotNull();
        assertThat(get("first", "b")).isNotNull();
        assertThat(get("second", "gone")).isEmpty();
        assertThat(answer.consumedCapacity()).containsExactlyInAnyOrder(
                ConsumedCapacity.builder().tableName("first").capacityUnits(6.0).writeCapacityUnits(6.0).build(),
                ConsumedCapacity.builder().tableName("second").capacityUnits(4.0).writeCapacityUnits(4.0).build());
    }

    @Test
    void writesNothingWhenAnActionFailsAndGivesReasonsInRequestOrder() {
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                put("first", Map.of("pk", s("fine"))),
                put("first", Map.of("pk", n("5"))),
                delete("second", Map.of("pk", n("1"))))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError, ValidationError]");
                    assertThat(e.cancellationReasons()).containsExactly(
                            CancellationReason.builder().code("None").build(),
                            CancellationReason.builder().code("ValidationError")
                                    .message("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N").build(),
                            CancellationReason.builder().code("ValidationError").message("The provided key element does not match the schema").build());
                });
        assertThat(get("first", "fine")).isEmpty();
    }

    @Test
    void conditionsUpdatesAndChecksAllOrNothing() {
        client.putItem(b -> b.tableName("first").item(Map.of("pk", s("alice"), "balance", n("100"))));
        client.putItem(b -> b.tableName("first").item(Map.of("pk", s("bob"), "balance", n("5"))));
        client.putItem(b -> b.tableName("second").item(Map.of("pk", s("open"))));

        client.transactWriteItems(b -> b.transactItems(
                transfer("alice", "-", "30"), transfer("bob", "+", "30"),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("second").key(key("open"))
                        .conditionExpression("attribute_exists(pk)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName("second").item(Map.of("pk", s("log"), "n", n("1")))
                        .conditionExpression("attribute_not_exists(pk)")).build()));
        assertThat(get("first", "alice")).containsEntry("balance", n("70"));
        assertThat(get("first", "bob")).containsEntry("balance", n("35"));
        assertThat(get("second", "log")).containsEntry("n", n("1"));

        // bob cannot pay 50: nothing happens, and the reasons say which action failed, with bob's item
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                transfer("alice", "+", "50"),
                TransactWriteItem.builder().update(u -> u.tableName("first").key(key("bob"))
                        .updateExpression("SET balance = balance - :a").conditionExpression("balance >= :a")
                        .expressionAttributeValues(Map.of(":a", n("50")))
                        .returnValuesOnConditionCheckFailure("ALL_OLD")).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("second").key(key("log"))
                        .conditionExpression("n = :one").expressionAttributeValues(Map.of(":one", n("1")))).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, None]");
                    assertThat(e.cancellationReasons().get(1)).isEqualTo(CancellationReason.builder().code("ConditionalCheckFailed")
                            .message("The conditional request failed").item(Map.of("pk", s("bob"), "balance", n("35"))).build());
                });
        assertThat(get("first", "alice")).containsEntry("balance", n("70"));
        assertThat(get("second", "log")).isNotNull();
    }

    @Test
    void anUpdateThatCannotApplyCancelsWithAValidationError() {
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                put("second", key("x")),
                TransactWriteItem.builder().update(u -> u.tableName("first").key(key("nobody"))
                        .updateExpression("SET balance = balance - :a").expressionAttributeValues(Map.of(":a", n("1")))).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons()).containsExactly(
                        CancellationReason.builder().code("None").build(),
                        CancellationReason.builder().code("ValidationError")
                                .message("The provided expression refers to an attribute that does not exist in the item").build()));
        assertThat(get("second", "x")).isEmpty();
    }

    @Test
    void refusesAnUpdateOfAKeyAttributeForTheWholeRequest() {
        assertValidation(List.of(TransactWriteItem.builder().update(u -> u.tableName("first").key(key("a"))
                        .updateExpression("SET pk = :v").expressionAttributeValues(Map.of(":v", s("b")))).build()),
                "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
    }

    static TransactWriteItem transfer(String account, String sign, String amount) {
        return TransactWriteItem.builder().update(u -> u.tableName("first").key(key(account))
                .updateExpression("SET balance = balance " + sign + " :a")
                .conditionExpression(sign.equals("-") ? "balance >= :a" : "attribute_exists(balance)")
                .expressionAttributeValues(Map.of(":a", n(amount)))).build();
    }

    @Test
    void chargesIndexesAtTheTransactionalRateAndReportsItemCollections() {
        Tables.withGlobalIndex(client, "indexed");
        Tables.withLocalIndex(client, "local");
        var answer = client.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE).transactItems(
                        put("indexed", Map.of("pk", s("a"), "owner", s("o"))),
                        put("local", Map.of("pk", s("p"), "sk", s("1"), "lsk", s("x")))));
        assertThat(answer.consumedCapacity()).contains(ConsumedCapacity.builder().tableName("indexed").capacityUnits(4.0).writeCapacityUnits(4.0)
                .table(c -> c.capacityUnits(2.0).writeCapacityUnits(2.0))
                .globalSecondaryIndexes(Map.of("byowner", Capacity.builder().capacityUnits(2.0).writeCapacityUnits(2.0).build())).build());
        assertThat(answer.itemCollectionMetrics()).containsOnlyKeys("local");
        assertThat(answer.itemCollectionMetrics().get("local").get(0).itemCollectionKey()).isEqualTo(Map.of("pk", s("p")));
    }

    @Test
    void refusesTwoActionsOnOneItem() {
        assertValidation(List.of(put("first", Map.of("pk", s("a"), "v", n("1"))), delete("first", key("a"))),
                "Transaction request cannot include multiple operations on one item");
        assertValidation(List.of(put("first", key("a")), put("second", key("a")), put("first", key("a"))),
                "Transaction request cannot include multiple operations on one item");
    }

    @Test
    void refusesAnElementWithoutOrWithSeveralActions() {
        assertValidation(List.of(TransactWriteItem.builder().build()),
                "Invalid Request: TransactWriteRequest should contain Delete or Put or Update request");
        assertValidation(List.of(TransactWriteItem.builder().put(p -> p.tableName("first").item(key("a")))
                        .delete(d -> d.tableName("first").key(key("b"))).build()),
                "TransactItems can only contain one of Check, Put, Update or Delete");
    }

    @Test
    void refusesEmptyKeyValuesForTheWholeRequest() {
        assertValidation(List.of(put("first", key("fine")), delete("second", key(""))),
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");
    }

    @Test
    void refusesEmptyIndexKeyValuesForTheWholeRequest() {
        Tables.withGlobalIndex(client, "indexed");
        client.putItem(b -> b.tableName("indexed").item(Map.of("pk", s("a"), "owner", s("o"))));
        assertValidation(List.of(put("first", key("fine")), put("indexed", Map.of("pk", s("b"), "owner", s("")))),
                "One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
                        + "The AttributeValue for a key attribute cannot contain an empty string value. IndexName: byowner, IndexKey: owner");
        assertValidation(List.of(put("first", key("fine")), TransactWriteItem.builder().update(u -> u.tableName("indexed").key(key("a"))
                        .updateExpression("SET #o = :e").expressionAttributeNames(Map.of("#o", "owner"))
                        .expressionAttributeValues(Map.of(":e", s("")))).build()),
                "One or more parameter values are not valid. The update expression attempted to update a secondary index key to a value "
                        + "that is not supported. The AttributeValue for a key attribute cannot contain an empty string value.");
        assertThat(get("first", "fine")).isEmpty();
        assertThat(client.getItem(b -> b.tableName("indexed").key(key("a"))).item()).containsEntry("owner", s("o"));
    }

    @Test
    void answersResourceNotFoundForAMissingTable() {
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(put("first", key("a")), put("nosuchtable", key("a")))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
        assertThat(get("first", "a")).isEmpty();
    }

    @Test
    void aRepeatedTokenAnswersWithoutWritingAgainAndReportsReadCapacity() {
        List<TransactWriteItem> items = List.of(put("first", Map.of("pk", s("a"), "v", n("1"), "b", s("x".repeat(1500)))));
        var first = client.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(items)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(first.consumedCapacity()).containsExactly(
                ConsumedCapacity.builder().tableName("first").capacityUnits(4.0).writeCapacityUnits(4.0).build());

        client.putItem(b -> b.tableName("first").item(Map.of("pk", s("a"), "v", n("2"))));
        var replay = client.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(items)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(get("first", "a")).containsEntry("v", n("2"));
        assertThat(replay.consumedCapacity()).containsExactly(
                ConsumedCapacity.builder().tableName("first").capacityUnits(2.0).readCapacityUnits(2.0).build());

        assertThatThrownBy(() -> client.transactWriteItems(b -> b.clientRequestToken("token-1")
                .transactItems(put("first", Map.of("pk", s("a"), "v", n("3"))))))
                .isInstanceOf(IdempotentParameterMismatchException.class)
                .hasMessageStartingWith("Specified idempotent token was used with different request parameters within the idempotency window");
        assertThat(get("first", "a")).containsEntry("v", n("2"));
    }

    @Test
    void aTokenOfAFailedTransactionCanBeUsedAgain() {
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.clientRequestToken("token-2").transactItems(put("first", Map.of("pk", n("1"))))))
                .isInstanceOf(TransactionCanceledException.class);
        client.transactWriteItems(b -> b.clientRequestToken("token-2").transactItems(put("first", key("a"))));
        assertThat(get("first", "a")).isNotNull();
    }

    private void assertValidation(List<TransactWriteItem> items, String message) {
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(items)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith(message);
                });
    }
}
