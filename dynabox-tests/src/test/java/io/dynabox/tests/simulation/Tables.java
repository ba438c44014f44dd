package io.dynabox.tests.simulation;

import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Tables of the simulation tests, made ACTIVE by moving the manual clock past the CREATING second. */
final class Tables {
    private Tables() {}

    static void onDemand(DynamoDbClient client, SimulatedDoor.Control admin, String name) {
        client.createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        admin.advance(Duration.ofSeconds(1));
    }

    static void provisioned(DynamoDbClient client, SimulatedDoor.Control admin, String name, long read, long write) {
        client.createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .provisionedThroughput(p -> p.readCapacityUnits(read).writeCapacityUnits(write)));
        admin.advance(Duration.ofSeconds(1));
    }
}
