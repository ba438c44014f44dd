package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Conditional writes through the SDK: ConditionExpression, Expected, and the failure the service answers. */
@ParameterizedClass
@EnumSource(Door.class)
class ConditionExpressionTest extends DoorTest {
    @BeforeEach
    void open() {
        client.createTable(b -> b.tableName("things")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.waiter().waitUntilTableExists(b -> b.tableName("things"));
        client.putItem(b -> b.tableName("things").item(Map.of("id", s("a"), "n", n("5"), "tags", AttributeValue.fromSs(java.util.List.of("x", "y")))));
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    @Test
    void putWhenAbsentFailsOnAnExistingItemAndReturnsItWhenAsked() {
        ConditionalCheckFailedException e = catchThrowableOfType(ConditionalCheckFailedException.class, () -> client.putItem(b -> b.tableName("things")
                .item(Map.of("id", s("a")))
                .conditionExpression("attribute_not_exists(id)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("The conditional request failed");
        assertThat(e.item()).containsEntry("n", n("5"));
        assertThat(client.getItem(b -> b.tableName("things").key(Map.of("id", s("a")))).item()).containsKey("n");
    }

    @Test
    void failureWithoutReturnValuesCarriesNoItem() {
        ConditionalCheckFailedException e = catchThrowableOfType(ConditionalCheckFailedException.class, () -> client.deleteItem(b -> b.tableName("things")
                .key(Map.of("id", s("a"))).conditionExpression("n > :v").expressionAttributeValues(Map.of(":v", n("10")))));
        assertThat(e.hasItem()).isFalse();
    }

    @Test
    void conditionsThatHoldLetTheWriteThrough() {
        client.putItem(b -> b.tableName("things").item(Map.of("id", s("a"), "n", n("6")))
                .conditionExpression("n BETWEEN :lo AND :hi AND contains(tags, :x) AND NOT attribute_exists(#missing)")
                .expressionAttributeNames(Map.of("#missing", "nothing"))
                .expressionAttributeValues(Map.of(":lo", n("1"), ":hi", n("5"), ":x", s("x"))));
        assertThat(client.getItem(b -> b.tableName("things").key(Map.of("id", s("a")))).item()).containsEntry("n", n("6"));
        client.deleteItem(b -> b.tableName("things").key(Map.of("id", s("a"))).conditionExpression("n IN (:a, :b)")
                .expressionAttributeValues(Map.of(":a", n("6"), ":b", n("7"))));
        assertThat(client.getItem(b -> b.tableName("things").key(Map.of("id", s("a")))).hasItem()).isFalse();
    }

    @Test
    void legacyExpectedIsTheSameCondition() {
        catchThrowableOfType(ConditionalCheckFailedException.class, () -> client.putItem(b -> b.tableName("things").item(Map.of("id", s("a")))
                .expected(Map.of("n", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.GT).attributeValueList(n("5")).build()))));
        client.putItem(b -> b.tableName("things").item(Map.of("id", s("a")))
                .expected(Map.of("n", ExpectedAttributeValue.builder().value(n("5.0")).build(),
                        "other", ExpectedAttributeValue.builder().exists(false).build())));
        DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () -> client.putItem(b -> b.tableName("things").item(Map.of("id", s("a")))
                .expected(Map.of("n", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.BETWEEN).attributeValueList(n("1")).build()))));
        assertThat(e.awsErrorDetails().errorMessage())
                .startsWith("One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator");
    }

    @Test
    void badExpressionsAreRefusedInTheServiceWords() {
        DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () -> client.putItem(b -> b.tableName("things").item(Map.of("id", s("a")))
                .conditionExpression("a = = b")));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = b\"");
        e = catchThrowableOfType(DynamoDbException.class, () -> client.putItem(b -> b.tableName("things").item(Map.of("id", s("a")))
                .conditionExpression("a = :a").expressionAttributeValues(Map.of(":a", n("1"), ":b", n("2")))));
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Value provided in ExpressionAttributeValues unused in expressions: keys: {:b}");
        e = catchThrowableOfType(DynamoDbException.class, () -> client.putItem(b -> b.tableName("missing").item(Map.of("id", s("a")))
                .conditionExpression("name = :a").expressionAttributeValues(Map.of(":a", n("1")))));
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name");
    }
}
