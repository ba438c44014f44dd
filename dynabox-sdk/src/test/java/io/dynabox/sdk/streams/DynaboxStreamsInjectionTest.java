package io.dynabox.sdk.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.sdk.junit.DynaboxTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The JUnit extension injects the streams API and the Streams client of the test's namespace. */
@DynaboxTest
class DynaboxStreamsInjectionTest {
    @Test
    void injectsStreams(DynaboxStreams streams, DynamoDbStreamsClient streamsClient, DynamoDbClient dynamo) {
        dynamo.createTable(b -> b.tableName("events").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        dynamo.putItem(b -> b.tableName("events").item(Map.of("id", AttributeValue.fromS("e1"))));
        assertThat(streams.of("events").records()).extracting(Record::eventName).containsExactly(OperationType.INSERT);
        assertThat(streamsClient.listStreams(b -> { }).streams()).extracting(s -> s.tableName()).containsExactly("events");
    }
}
