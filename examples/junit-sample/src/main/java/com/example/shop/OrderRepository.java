package com.example.shop;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Production code: knows nothing of Dynabox, only of a DynamoDbClient. */
public final class OrderRepository {
    private final DynamoDbClient dynamo;

    public OrderRepository(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Places an order once: a second order with the same id is refused. */
    public boolean place(String customer, long orderId, String total) {
        try {
            dynamo.putItem(b -> b.tableName("orders")
                    .item(Map.of("customer", AttributeValue.fromS(customer),
                            "orderId", AttributeValue.fromN(Long.toString(orderId)),
                            "total", AttributeValue.fromN(total)))
                    .conditionExpression("attribute_not_exists(orderId)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    public Optional<String> total(String customer, long orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName("orders")
                .key(Map.of("customer", AttributeValue.fromS(customer), "orderId", AttributeValue.fromN(Long.toString(orderId)))))
                .item();
        return item.isEmpty() ? Optional.empty() : Optional.of(item.get("total").n());
    }
}
