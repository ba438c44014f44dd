package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynabox.sdk.junit.DynaboxTable;
import io.dynabox.sdk.junit.DynaboxTest;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Plain JUnit 5: each test gets a DynamoDbClient on a fresh copy of the declared table. */
@DynaboxTest
@DynaboxTable(name = "orders", hashKey = "customer", rangeKey = "orderId", rangeKeyType = ScalarAttributeType.N)
class OrderRepositoryTest {

    @Test
    void placesAnOrderOnce(DynamoDbClient dynamo) {
        OrderRepository orders = new OrderRepository(dynamo);
        assertTrue(orders.place("ada", 1, "12.50"));
        assertFalse(orders.place("ada", 1, "99"));
        assertEquals(Optional.of("12.5"), orders.total("ada", 1));
    }

    @Test
    void startsEmpty(DynamoDbClient dynamo) {
        // the order placed by the other test is not here: every test has its own namespace
        assertEquals(Optional.empty(), new OrderRepository(dynamo).total("ada", 1));
    }
}
