package io.dynabox.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.store.MemoryStore;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transactions on the wire, with a clock the test moves: cancellation bodies and the ten minutes of a token. */
class TransactionWireTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";

    final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    Engine engine;

    @BeforeEach
    void open() {
        engine = new Engine(DynaboxOptions.builder().strictMessages(true).build(), new MemoryStore(), now::get);
        call("CreateTable", "{\"TableName\":\"tab\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
    }

    private String call(String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTH, "20260101T000000Z",
                body.getBytes(StandardCharsets.UTF_8)));
        return response.status() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }

    private String counter() {
        return call("GetItem", "{\"TableName\":\"tab\",\"Key\":{\"pk\":{\"S\":\"c\"}},\"ConsistentRead\":true}");
    }

    @Test
    void aCancellationCarriesItsReasonsWithTheCapitalisedMessageMember() {
        call("PutItem", "{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}}}");
        String answer = call("TransactWriteItems", "{\"TransactItems\":["
                + "{\"Put\":{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"b\"}}}},"
                + "{\"ConditionCheck\":{\"TableName\":\"tab\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ConditionExpression\":\"v = :two\","
                + "\"ExpressionAttributeValues\":{\":two\":{\"N\":\"2\"}},\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}}]}");
        assertThat(answer).isEqualTo("400 {\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
                + "\"Message\":\"Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]\","
                + "\"CancellationReasons\":[{\"Code\":\"None\"},{\"Code\":\"ConditionalCheckFailed\",\"Item\":{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}},"
                + "\"Message\":\"The conditional request failed\"}]}");
    }

    @Test
    void aTokenAnswersWithoutWritingForTenMinutesAfterItsRequestFinished() {
        String add = "{\"ClientRequestToken\":\"tok\",\"TransactItems\":[{\"Update\":{\"TableName\":\"tab\",\"Key\":{\"pk\":{\"S\":\"c\"}},"
                + "\"UpdateExpression\":\"ADD n :one\",\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}}}}]}";
        assertThat(call("TransactWriteItems", add)).isEqualTo("200 {}");
        now.addAndGet(ClientRequestTokens.VALID_MILLIS - 1);
        assertThat(call("TransactWriteItems", add)).isEqualTo("200 {}");
        assertThat(counter()).contains("\"n\":{\"N\":\"1\"}");

        // the parameters, not their order, make the request the same one; ReturnConsumedCapacity may differ
        String reordered = "{\"ReturnConsumedCapacity\":\"TOTAL\",\"TransactItems\":[{\"Update\":{\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}},"
                + "\"UpdateExpression\":\"ADD n :one\",\"Key\":{\"pk\":{\"S\":\"c\"}},\"TableName\":\"tab\"}}],\"ClientRequestToken\":\"tok\"}";
        assertThat(call("TransactWriteItems", reordered)).startsWith("200 {\"ConsumedCapacity\":[{\"TableName\":\"tab\",\"CapacityUnits\":2.0,"
                + "\"ReadCapacityUnits\":2.0}]");
        assertThat(call("TransactWriteItems", add.replace("\"N\":\"1\"", "\"N\":\"5\""))).isEqualTo(
                "400 {\"__type\":\"com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException\","
                        + "\"Message\":\"Specified idempotent token was used with different request parameters within the idempotency window\"}");

        now.addAndGet(1);
        assertThat(call("TransactWriteItems", add)).isEqualTo("200 {}");
        assertThat(counter()).contains("\"n\":{\"N\":\"2\"}");
    }

    @Test
    void aTokenWhoseTransactionIsStillRunningRefusesASecondUse() {
        ClientRequestTokens tokens = new ClientRequestTokens();
        var request = io.dynabox.engine.wire.Json.object().put("ClientRequestToken", "tok");
        assertThat(tokens.claim("ns", "tok", request, 0)).isEqualTo(ClientRequestTokens.Claim.RUN);
        assertThatThrownBy(() -> tokens.claim("ns", "tok", request, 1))
                .isInstanceOfSatisfying(DynamoException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TRANSACTION_IN_PROGRESS);
                    assertThat(e.getMessage()).isEqualTo("Transaction from previous request is still in progress");
                });
        tokens.succeeded("ns", "tok", 2);
        assertThat(tokens.claim("ns", "tok", request, 3)).isEqualTo(ClientRequestTokens.Claim.REPLAY);
    }

    @Test
    void tokensBelongToTheirNamespace() {
        String put = "{\"ClientRequestToken\":\"shared\",\"TransactItems\":[{\"Put\":{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"x\"}}}}]}";
        assertThat(call("TransactWriteItems", put)).isEqualTo("200 {}");
        DynamoResponse other = engine.handle(new DynamoRequest("DynamoDB_20120810.TransactWriteItems", AUTH.replace("Credential=k/", "Credential=other/"),
                "20260101T000000Z", put.getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(other.body(), StandardCharsets.UTF_8)).contains("ResourceNotFoundException");
    }
}
