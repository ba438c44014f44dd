package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Which legacy and expression parameters a Query may mix, as the service (and DynamoDB Local,
 * which shares its validation) answers: KeyConditions goes with a FilterExpression and a
 * ProjectionExpression; it may not meet a KeyConditionExpression, nor may QueryFilter,
 * AttributesToGet or ConditionalOperator meet any expression.
 */
@ParameterizedClass
@EnumSource(Door.class)
class QueryParameterStylesTest extends DoorTest {
    private static final Map<String, Condition> KEY = Map.of("pk", Condition.builder()
            .comparisonOperator(ComparisonOperator.EQ).attributeValueList(AttributeValue.fromS("a")).build());

    @BeforeEach
    void table() {
        Tables.hash(client, "things");
        client.putItem(b -> b.tableName("things").item(Map.of("pk", AttributeValue.fromS("a"), "x", AttributeValue.fromN("1"),
                "y", AttributeValue.fromN("2"))));
    }

    @Test
    void keyConditionsGoWithAFilterExpressionAndAProjectionExpression() {
        var hit = client.query(b -> b.tableName("things").keyConditions(KEY).filterExpression("x = :one")
                .projectionExpression("y").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
        assertThat(hit.items()).containsExactly(Map.of("y", AttributeValue.fromN("2")));
        var miss = client.query(b -> b.tableName("things").keyConditions(KEY).filterExpression("x = :two")
                .expressionAttributeValues(Map.of(":two", AttributeValue.fromN("2"))));
        assertThat(miss.count()).isZero();
        assertThat(miss.scannedCount()).isEqualTo(1);
    }

    private void assertMixed(Runnable query, String message) {
        DynamoDbException error = catchThrowableOfType(query::run, DynamoDbException.class);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Can not use both expression and non-expression parameters in the same request: " + message);
    }

    @Test
    void otherMixturesAreRefused() {
        assertMixed(() -> client.query(b -> b.tableName("things").keyConditions(KEY).keyConditionExpression("pk = :a")
                        .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("a")))),
                "Non-expression parameters: {KeyConditions} Expression parameters: {KeyConditionExpression}");
        assertMixed(() -> client.query(b -> b.tableName("things").keyConditions(KEY).attributesToGet("x").filterExpression("x = :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))),
                "Non-expression parameters: {AttributesToGet} Expression parameters: {FilterExpression}");
        assertMixed(() -> client.query(b -> b.tableName("things").keyConditionExpression("pk = :a")
                        .queryFilter(Map.of("x", Condition.builder().comparisonOperator(ComparisonOperator.NULL).build()))
                        .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("a")))),
                "Non-expression parameters: {QueryFilter} Expression parameters: {KeyConditionExpression}");
    }
}
