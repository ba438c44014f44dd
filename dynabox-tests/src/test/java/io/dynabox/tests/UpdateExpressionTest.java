package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** UpdateItem with UpdateExpression, and GetItem with ProjectionExpression, through the SDK. */
@ParameterizedClass
@EnumSource(Door.class)
class UpdateExpressionTest extends DoorTest {
    @BeforeEach
    void open() {
        Tables.hash(client, "items");
        client.putItem(b -> b.tableName("items").item(Map.of("pk", s("a"), "n", n("5"),
                "m", AttributeValue.fromM(Map.of("x", n("1"), "y", s("why"))),
                "l", AttributeValue.fromL(List.of(s("l0"), s("l1"), s("l2"))))));
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    private Map<String, AttributeValue> item() {
        return client.getItem(b -> b.tableName("items").key(Map.of("pk", s("a")))).item();
    }

    @Test
    void setRemoveAddDeleteTogether() {
        client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("a")))
                .updateExpression("SET n = n + :one, m.z = :z, l[9] = :end REMOVE l[0], m.y ADD tags :tags, hits :one")
                .expressionAttributeValues(Map.of(":one", n("1"), ":z", s("zed"), ":end", s("end"), ":tags", AttributeValue.fromSs(List.of("t")))));
        Map<String, AttributeValue> item = item();
        assertThat(item.get("n")).isEqualTo(n("6"));
        assertThat(item.get("m").m()).containsOnlyKeys("x", "z");
        assertThat(item.get("l").l()).containsExactly(s("l1"), s("l2"), s("end"));
        assertThat(item.get("tags").ss()).containsExactly("t");
        assertThat(item.get("hits")).isEqualTo(n("1"));
    }

    @Test
    void valuesSetPastTheEndOfAListAreAppendedInIndexOrderAndNoneIsLost() {
        client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("a")))
                .updateExpression("SET l[9] = :nine, l[4] = :four, l[3] = :three")
                .expressionAttributeValues(Map.of(":nine", s("nine"), ":four", s("four"), ":three", s("three"))));
        assertThat(item().get("l").l()).containsExactly(s("l0"), s("l1"), s("l2"), s("three"), s("four"), s("nine"));
    }

    @Test
    void deleteFromAPathThroughSomethingMissingIsAnInvalidPath() {
        DynamoDbException refused = catchThrowableOfType(DynamoDbException.class, () -> client.updateItem(b -> b.tableName("items")
                .key(Map.of("pk", s("a"))).updateExpression("DELETE m.gone.tags :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromSs(List.of("x"))))));
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(refused.awsErrorDetails().errorMessage()).startsWith("The document path provided in the update expression is invalid for update");
        // the end of the path missing is fine: nothing to delete from
        client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("a"))).updateExpression("DELETE m.tags :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromSs(List.of("x")))));
        assertThat(item().get("m").m()).containsOnlyKeys("x", "y");
    }

    @Test
    void updatedOldAndNewReturnExactlyTheUpdatedPaths() {
        Map<String, AttributeValue> old = client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("a")))
                .updateExpression("SET m.x = :two, fresh = :two").expressionAttributeValues(Map.of(":two", n("2")))
                .returnValues(ReturnValue.UPDATED_OLD)).attributes();
        assertThat(old).isEqualTo(Map.of("m", AttributeValue.fromM(Map.of("x", n("1")))));
        Map<String, AttributeValue> updated = client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("a")))
                .updateExpression("SET m.x = :three REMOVE fresh").expressionAttributeValues(Map.of(":three", n("3")))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        assertThat(updated).isEqualTo(Map.of("m", AttributeValue.fromM(Map.of("x", n("3")))));
    }

    @Test
    void anUpsertStartsFromTheKey() {
        Map<String, AttributeValue> created = client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("new")))
                .updateExpression("SET visits = if_not_exists(visits, :zero) + :one")
                .expressionAttributeValues(Map.of(":zero", n("0"), ":one", n("1"))).returnValues(ReturnValue.ALL_NEW)).attributes();
        assertThat(created).isEqualTo(Map.of("pk", s("new"), "visits", n("1")));
    }

    @Test
    void removingFromAMissingItemDoesNotCreateIt() {
        Map<String, AttributeValue> answer = client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("ghost")))
                .updateExpression("REMOVE gone").returnValues(ReturnValue.ALL_NEW)).attributes();
        assertThat(answer).isEmpty();
        assertThat(client.getItem(b -> b.tableName("items").key(Map.of("pk", s("ghost")))).hasItem()).isFalse();
    }

    @Test
    void nestedUpdatesReturnOnlyTheNestedPaths() {
        // recorded against DynamoDB by Alternator's test_update_item_returnvalues_nested
        Map<String, AttributeValue> old = client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("a")))
                .updateExpression("SET l[1] = :v, m.y = :v REMOVE l[5]").expressionAttributeValues(Map.of(":v", s("new")))
                .returnValues(ReturnValue.UPDATED_OLD)).attributes();
        assertThat(old).isEqualTo(Map.of("l", AttributeValue.fromL(List.of(s("l1"))), "m", AttributeValue.fromM(Map.of("y", s("why")))));
        Map<String, AttributeValue> appended = client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("a")))
                .updateExpression("SET l[100] = :v").expressionAttributeValues(Map.of(":v", s("end")))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        assertThat(appended).isEmpty();
        Map<String, AttributeValue> shifted = client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("a")))
                .updateExpression("REMOVE l[1]").returnValues(ReturnValue.UPDATED_NEW)).attributes();
        assertThat(shifted).isEqualTo(Map.of("l", AttributeValue.fromL(List.of(s("l2")))));
    }

    @Test
    void errorsInTheServiceWords() {
        assertThat(message(() -> client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("a"))).updateExpression("SET pk = :v")
                .expressionAttributeValues(Map.of(":v", s("b"))))))
                .startsWith("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
        assertThat(message(() -> client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("a"))).updateExpression("SET n = n + :v")
                .expressionAttributeValues(Map.of(":v", n("99999999999999999999999999999999999999"))))))
                .startsWith("Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertThat(message(() -> client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("a"))).updateExpression("SET x = m + :v")
                .expressionAttributeValues(Map.of(":v", n("1"))))))
                .startsWith("An operand in the update expression has an incorrect data type");
        assertThat(message(() -> client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("a"))).updateExpression("SET nope.x = :v")
                .expressionAttributeValues(Map.of(":v", n("1"))))))
                .startsWith("The document path provided in the update expression is invalid for update");
        assertThat(message(() -> client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("a"))).updateExpression("SET a = nope"))))
                .startsWith("The provided expression refers to an attribute that does not exist in the item");
        assertThat(message(() -> client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("a"))).updateExpression("SET a = b, a = c"))))
                .startsWith("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]");
        assertThat(item().get("n")).isEqualTo(n("5"));
    }

    @Test
    void aFailedConditionLeavesTheItemAlone() {
        catchThrowableOfType(ConditionalCheckFailedException.class, () -> client.updateItem(b -> b.tableName("items").key(Map.of("pk", s("a")))
                .updateExpression("SET n = :v").conditionExpression("n > :v").expressionAttributeValues(Map.of(":v", n("10")))));
        assertThat(item().get("n")).isEqualTo(n("5"));
    }

    @Test
    void projectionsReturnTheProjectedShape() {
        Map<String, AttributeValue> projected = client.getItem(b -> b.tableName("items").key(Map.of("pk", s("a")))
                .projectionExpression("#m.x, l[2], l[0]").expressionAttributeNames(Map.of("#m", "m"))).item();
        assertThat(projected).isEqualTo(Map.of("m", AttributeValue.fromM(Map.of("x", n("1"))), "l", AttributeValue.fromL(List.of(s("l0"), s("l2")))));
        assertThat(message(() -> client.getItem(b -> b.tableName("items").key(Map.of("pk", s("a"))).projectionExpression("m, m.x"))))
                .startsWith("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m], path two: [m, x]");
        assertThat(message(() -> client.getItem(b -> b.tableName("items").key(Map.of("pk", s("a"))).projectionExpression("n")
                .expressionAttributeNames(Map.of("#unused", "x")))))
                .startsWith("Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}");
    }

    private static String message(Runnable call) {
        return catchThrowableOfType(DynamoDbException.class, call::run).awsErrorDetails().errorMessage();
    }
}
