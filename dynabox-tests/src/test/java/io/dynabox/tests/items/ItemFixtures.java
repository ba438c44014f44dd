package io.dynabox.tests.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Tables and assertions shared by the item behaviour tests. */
final class ItemFixtures {
    static final String INVALID = "One or more parameter values were invalid: ";

    private ItemFixtures() {}

    /**
     * Expects the call to fail with the service's error code and message. The message may
     * carry Dynabox's explanation after the service's text, and nothing else.
     */
    static AwsServiceException assertError(ThrowingCallable call, String errorCode, String message) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call);
        assertThat(e).as("expected %s: %s", errorCode, message).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
        String actual = e.awsErrorDetails().errorMessage();
        assertThat(actual).startsWith(message);
        String rest = actual.substring(message.length());
        if (!rest.isEmpty()) assertThat(rest).startsWith(" [Dynabox: ").endsWith("]");
        assertThat(e.statusCode()).isEqualTo(400);
        return e;
    }

    static AwsServiceException assertValidation(ThrowingCallable call, String message) {
        return assertError(call, "ValidationException", message);
    }

    /** Partition key pk (S), sort key sk (N). */
    static void createRangeTable(DynamoDbClient client, String name) {
        client.createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    /**
     * Partition key pk (S), sort key sk (S); GSI "gsi1" on g (S) with projection ALL, GSI
     * "gsi2" on h (N) and r (B) KEYS_ONLY; LSI "lsi1" on l (S) KEYS_ONLY, LSI "lsi2" on m (N) ALL.
     */
    static void createIndexedTable(DynamoDbClient client, String name) {
        client.createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("h").attributeType(ScalarAttributeType.N),
                        a -> a.attributeName("r").attributeType(ScalarAttributeType.B),
                        a -> a.attributeName("l").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("m").attributeType(ScalarAttributeType.N))
                .globalSecondaryIndexes(
                        g -> g.indexName("gsi1").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                                .projection(p -> p.projectionType(ProjectionType.ALL)),
                        g -> g.indexName("gsi2").keySchema(k -> k.attributeName("h").keyType(KeyType.HASH),
                                        k -> k.attributeName("r").keyType(KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                .localSecondaryIndexes(
                        l -> l.indexName("lsi1").keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                                        k -> k.attributeName("l").keyType(KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)),
                        l -> l.indexName("lsi2").keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                                        k -> k.attributeName("m").keyType(KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    /** A mutable map from alternating names and values. */
    static Map<String, AttributeValue> item(Object... namesAndValues) {
        Map<String, AttributeValue> item = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        return item;
    }
}
