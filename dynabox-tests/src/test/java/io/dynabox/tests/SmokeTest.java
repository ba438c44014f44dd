package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@ParameterizedClass
@EnumSource(Door.class)
class SmokeTest extends DoorTest {
    @Test
    void createPutGetDelete() {
        client.createTable(b -> b.tableName("things")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.waiter().waitUntilTableExists(b -> b.tableName("things"));

        client.putItem(b -> b.tableName("things").item(Map.of(
                "id", AttributeValue.fromS("a"),
                "n", AttributeValue.fromN("1e3"))));
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName("things").key(Map.of("id", AttributeValue.fromS("a")))).item();
        assertThat(item).containsEntry("n", AttributeValue.fromN("1000"));

        client.deleteItem(b -> b.tableName("things").key(Map.of("id", AttributeValue.fromS("a"))));
        assertThat(client.getItem(b -> b.tableName("things").key(Map.of("id", AttributeValue.fromS("a")))).hasItem()).isFalse();

        assertThatThrownBy(() -> client.getItem(b -> b.tableName("missing").key(Map.of("id", AttributeValue.fromS("a")))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
    }
}
