package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.dynabox.sdk.junit.DynaboxInject;
import io.dynabox.sdk.junit.DynaboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The Enhanced Client, with the table from a CreateTable JSON file (the AWS CLI's
 * --cli-input-json shape) and items from a batch-write-item file: loaded once for the class,
 * restored for every test.
 */
@DynaboxTest(tables = "dynabox/customers-table.json", items = "dynabox/customers-items.json")
class CustomerEnhancedClientTest {
    @DynaboxInject
    DynamoDbEnhancedClient enhanced;

    DynamoDbTable<Customer> customers;

    @BeforeEach
    void table() {
        customers = enhanced.table("customers", TableSchema.fromBean(Customer.class));
    }

    @Test
    void readsTheFixture() {
        assertEquals("Ada Lovelace", customers.getItem(Key.builder().partitionValue("c1").build()).getName());
    }

    @Test
    void deletesWithoutDisturbingOtherTests() {
        customers.deleteItem(Key.builder().partitionValue("c2").build());
        assertNull(customers.getItem(Key.builder().partitionValue("c2").build()));
    }

    @Test
    void fixtureIsWholeAgain() {
        assertEquals("Alan Turing", customers.getItem(Key.builder().partitionValue("c2").build()).getName());
    }
}
