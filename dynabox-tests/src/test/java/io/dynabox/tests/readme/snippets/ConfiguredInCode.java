package io.dynabox.tests.readme.snippets;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.sdk.junit.DynaboxExtension;
import io.dynabox.sdk.junit.Isolation;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** README, "JUnit": the extension configured in code (compiled only: README's code cannot drift from the API). */
class ConfiguredInCode {
    @RegisterExtension
    static DynaboxExtension dynabox = DynaboxExtension.builder()
            .isolation(Isolation.PER_CLASS)
            .options(DynaboxOptions.builder().strictMessages(true).build())
            .table(CreateTableRequest.builder().tableName("customers")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .build())
            .tables("dynabox/orders-table.json")
            .setup(namespace -> loadFixture(namespace.dynamoDbClient()))
            .items("dynabox/orders.json")
            .build();

    static void loadFixture(DynamoDbClient dynamo) {
        dynamo.putItem(b -> b.tableName("customers").item(java.util.Map.of(
                "id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("c1"))));
    }
}
