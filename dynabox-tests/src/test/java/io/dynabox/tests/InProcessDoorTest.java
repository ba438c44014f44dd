package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dynabox.sdk.DynaboxNamespace;
import io.dynabox.sdk.junit.DynaboxTable;
import io.dynabox.sdk.junit.DynaboxTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The asynchronous in-process door answers as the synchronous one does: the same items,
 * the same error types and messages, the same details on the error. Runs under the JUnit
 * extension, so it also checks the extension from the outside.
 */
@DynaboxTest
@DynaboxTable(name = "things", hashKey = "id")
class InProcessDoorTest {

    static Map<String, AttributeValue> item(String id, String value) {
        return Map.of("id", AttributeValue.fromS(id), "v", AttributeValue.fromS(value));
    }

    static Throwable unwrap(Throwable thrown) {
        return thrown instanceof CompletionException ? thrown.getCause() : thrown;
    }

    @Test
    void sameAnswersSyncAndAsync(DynamoDbClient sync, DynamoDbAsyncClient async) {
        sync.putItem(b -> b.tableName("things").item(item("a", "sync")));
        assertThat(async.getItem(b -> b.tableName("things").key(Map.of("id", AttributeValue.fromS("a")))).join().item())
                .isEqualTo(item("a", "sync"));
        async.putItem(b -> b.tableName("things").item(item("b", "async"))).join();
        assertThat(sync.getItem(b -> b.tableName("things").key(Map.of("id", AttributeValue.fromS("b")))).item())
                .isEqualTo(item("b", "async"));
    }

    @Test
    void sameErrorsSyncAndAsync(DynamoDbClient sync, DynamoDbAsyncClient async) {
        sync.putItem(b -> b.tableName("things").item(item("a", "old")));
        for (var bad : List.<Map<String, AttributeValue>>of(Map.of("id", AttributeValue.fromN("1")), Map.of("v", AttributeValue.fromS("x")))) {
            DynamoDbException fromSync = (DynamoDbException) catchThrowable(() -> sync.putItem(b -> b.tableName("things").item(bad)));
            DynamoDbException fromAsync = (DynamoDbException) unwrap(catchThrowable(() -> async.putItem(b -> b.tableName("things").item(bad)).join()));
            assertThat(fromAsync.getClass()).isEqualTo(fromSync.getClass());
            assertThat(fromAsync.awsErrorDetails().errorCode()).isEqualTo(fromSync.awsErrorDetails().errorCode());
            assertThat(fromAsync.awsErrorDetails().errorMessage()).isEqualTo(fromSync.awsErrorDetails().errorMessage())
                    .startsWith("One or more parameter values were invalid: ");
            assertThat(fromAsync.statusCode()).isEqualTo(400);
        }
        Throwable failed = unwrap(catchThrowable(() -> async.putItem(b -> b.tableName("things").item(item("a", "new"))
                .conditionExpression("attribute_not_exists(id)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).join()));
        assertThat(failed).isInstanceOf(ConditionalCheckFailedException.class).hasMessageStartingWith("The conditional request failed");
        assertThat(((ConditionalCheckFailedException) failed).item()).isEqualTo(item("a", "old"));
    }

    @Test
    void eachTestStartsFromTheDeclaredTables(DynamoDbClient sync, DynaboxNamespace namespace) {
        assertThat(sync.scan(b -> b.tableName("things")).items()).isEmpty();
        assertThat(namespace.accessKeyId()).startsWith("dynabox-");
    }
}
