package io.dynabox.tests;

import static io.dynabox.tests.Tables.key;
import static io.dynabox.tests.Tables.n;
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
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

@ParameterizedClass
@EnumSource(Door.class)
class TransactGetItemsTest extends DoorTest {
    @BeforeEach
    void open() {
        Tables.hash(client, "first");
        Tables.hash(client, "second");
    }

    static TransactGetItem get(String table, Map<String, AttributeValue> key) {
        return TransactGetItem.builder().get(g -> g.tableName(table).key(key)).build();
    }

    @Test
    void readsAcrossTablesInRequestOrderAndChargesTwiceAStrongRead() {
        client.putItem(b -> b.tableName("first").item(Map.of("pk", s("a"), "v", n("1"))));
        client.putItem(b -> b.tableName("second").item(Map.of("pk", s("b"), "big", s("x".repeat(4097)))));
        var answer = client.transactGetItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).transactItems(
                get("second", key("b")), get("first", key("missing")), get("first", key("a"))));

        assertThat(answer.responses()).hasSize(3);
        assertThat(answer.responses().get(0).item()).containsKey("big");
        assertThat(answer.responses().get(1).hasItem()).isFalse();
        assertThat(answer.responses().get(2).item()).isEqualTo(Map.of("pk", s("a"), "v", n("1")));
        assertThat(answer.consumedCapacity()).containsExactlyInAnyOrder(
                ConsumedCapacity.builder().tableName("first").capacityUnits(4.0).readCapacityUnits(4.0)
                        .table(c -> c.capacityUnits(4.0).readCapacityUnits(4.0)).build(),
                ConsumedCapacity.builder().tableName("second").capacityUnits(4.0).readCapacityUnits(4.0)
                        .table(c -> c.capacityUnits(4.0).readCapacityUnits(4.0)).build());
    }

    @Test
    void projects() {
        client.putItem(b -> b.tableName("first").item(Map.of("pk", s("a"), "v", n("1"), "name", s("x"), "other", s("y"))));
        var answer = client.transactGetItems(b -> b.transactItems(TransactGetItem.builder().get(g -> g.tableName("first").key(key("a"))
                .projectionExpression("v, #n").expressionAttributeNames(Map.of("#n", "name"))).build()));
        assertThat(answer.responses().get(0).item()).isEqualTo(Map.of("v", n("1"), "name", s("x")));
    }

    @Test
    void refusesTwoReadsOfOneItem() {
        assertThatThrownBy(() -> client.transactGetItems(b -> b.transactItems(get("first", key("a")), get("first", key("a")))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Transaction request cannot include multiple operations on one item");
                });
    }

    @Test
    void cancelsWhenAKeyDoesNotMatchItsSchema() {
        assertThatThrownBy(() -> client.transactGetItems(b -> b.transactItems(get("first", key("a")), get("second", Map.of()))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError]");
                    assertThat(e.cancellationReasons().get(1)).isEqualTo(CancellationReason.builder().code("ValidationError")
                            .message("The provided key element does not match the schema").build());
                });
    }

    @Test
    void refusesItemsOfMoreThanFourMegabytes() {
        List<TransactGetItem> gets = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            Map<String, AttributeValue> key = key("big" + (10 + i));
            Map<String, AttributeValue> item = new HashMap<>(key);
            item.put("v", s("x".repeat(399_000)));
            client.putItem(b -> b.tableName("first").item(item));
            gets.add(get("first", key));
        }
        // ten items of 399,008 bytes (2 + 5 + 1 + 399,000) come to 3,990,080 bytes; eleven, past 4 MB, are refused
        assertThat(client.transactGetItems(b -> b.transactItems(gets.subList(0, 10))).responses()).hasSize(10);
        assertThatThrownBy(() -> client.transactGetItems(b -> b.transactItems(gets)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Payload in response is too large.4389088");
                });
    }

    @Test
    void answersResourceNotFoundForAMissingTable() {
        assertThatThrownBy(() -> client.transactGetItems(b -> b.transactItems(get("nosuchtable", key("a")))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
    }
}
