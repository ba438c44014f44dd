package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynabox.sdk.junit.DynaboxExtension;
import io.dynabox.sdk.junit.Isolation;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The extension configured in code: a JSON table, a fixture loaded by code, one namespace for the class. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegisteredExtensionTest {
    @RegisterExtension
    static DynaboxExtension dynabox = DynaboxExtension.builder()
            .isolation(Isolation.PER_CLASS)
            .tables("dynabox/orders-table.json")
            .setup(namespace -> new OrderRepository(namespace.dynamoDbClient()).place("ada", 1, "10"))
            .build();

    @Test
    @Order(1)
    void seesTheFixture(DynamoDbClient dynamo) {
        OrderRepository orders = new OrderRepository(dynamo);
        assertEquals(Optional.of("10"), orders.total("ada", 1));
        orders.place("ada", 2, "20");
    }

    @Test
    @Order(2)
    void perClassKeepsEarlierWrites(DynamoDbClient dynamo) {
        assertEquals(Optional.of("20"), new OrderRepository(dynamo).total("ada", 2));
    }
}
