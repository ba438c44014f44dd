package io.dynabox.bench.suite;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** The suite's data through a {@code DynamoDbClient}: what a user's repository class does. */
final class SdkDb implements SuiteDb {
    private final DynamoDbClient client;

    SdkDb(DynamoDbClient client) {
        this.client = client;
    }

    private static Map<String, AttributeValue> key(String pk, int sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Integer.toString(sk)));
    }

    @Override
    public Map<String, AttributeValue> get(String table, String pk, int sk) {
        var answer = client.getItem(b -> b.tableName(table).key(key(pk, sk)));
        return answer.hasItem() ? answer.item() : null;
    }

    @Override
    public void put(String table, Map<String, AttributeValue> item) {
        client.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public boolean putIfAbsent(String table, Map<String, AttributeValue> item) {
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void delete(String table, String pk, int sk) {
        client.deleteItem(b -> b.tableName(table).key(key(pk, sk)));
    }

    @Override
    public List<Map<String, AttributeValue>> query(String table, String pk) {
        return client.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items();
    }

    @Override
    public long add(String table, String pk, int sk, String attribute, long delta) {
        var answer = client.updateItem(b -> b.tableName(table).key(key(pk, sk)).updateExpression("ADD #a :d")
                .expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromN(Long.toString(delta))))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(answer.attributes().get(attribute).n());
    }

    @Override
    public int count(String table) {
        return client.scan(b -> b.tableName(table)).count();
    }
}
