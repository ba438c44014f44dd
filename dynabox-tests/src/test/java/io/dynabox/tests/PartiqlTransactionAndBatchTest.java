package io.dynabox.tests;

import static io.dynabox.tests.Tables.n;
import static io.dynabox.tests.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** ExecuteTransaction and BatchExecuteStatement through the real SDK, on the transaction and item machinery. */
@ParameterizedClass
@EnumSource(Door.class)
class PartiqlTransactionAndBatchTest extends DoorTest {
    @BeforeEach
    void open() {
        Tables.hash(client, "accounts");
        client.putItem(b -> b.tableName("accounts").item(Map.of("pk", s("alice"), "balance", n("100"))));
        client.putItem(b -> b.tableName("accounts").item(Map.of("pk", s("bob"), "balance", n("5"))));
    }

    private static ParameterizedStatement statement(String text, AttributeValue... parameters) {
        return ParameterizedStatement.builder().statement(text).parameters(parameters.length == 0 ? null : java.util.List.of(parameters)).build();
    }

    private String balance(String pk) {
        return client.getItem(b -> b.tableName("accounts").key(Map.of("pk", s(pk))).consistentRead(true)).item().get("balance").n();
    }

    @Test
    void aTransferEitherHappensWholeOrNotAtAll() {
        var answer = client.executeTransaction(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactStatements(
                statement("UPDATE accounts SET balance = balance - ? WHERE pk = 'alice' AND balance >= ?", n("30"), n("30")),
                statement("UPDATE accounts SET balance = balance + ? WHERE pk = 'bob'", n("30")),
                statement("INSERT INTO accounts VALUE {'pk': 'log-1', 'amount': 30}")));
        assertThat(balance("alice")).isEqualTo("70");
        assertThat(balance("bob")).isEqualTo("35");
        // three writes of small items, charged twice each
        assertThat(answer.consumedCapacity()).singleElement().satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(6.0));

        assertThatThrownBy(() -> client.executeTransaction(b -> b.transactStatements(
                statement("UPDATE accounts SET balance = balance - 500 WHERE pk = 'alice' AND balance >= 500"),
                statement("UPDATE accounts SET balance = balance + 500 WHERE pk = 'bob'"),
                statement("INSERT INTO accounts VALUE {'pk': 'log-1', 'amount': 500}"),
                statement("EXISTS(SELECT * FROM accounts WHERE pk = 'carol' AND balance > 0)"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons()).containsExactly(
                        CancellationReason.builder().code("ConditionalCheckFailed").message("The conditional request failed").build(),
                        CancellationReason.builder().code("None").build(),
                        CancellationReason.builder().code("ValidationError").message("Duplicate primary key exists in table").build(),
                        CancellationReason.builder().code("ConditionalCheckFailed").message("The conditional request failed.").build()));
        assertThat(balance("alice")).isEqualTo("70");
        assertThat(balance("bob")).isEqualTo("35");
    }

    @Test
    void readsComeFromOneSnapshotAndMayNotMixWithWrites() {
        var answer = client.executeTransaction(b -> b.transactStatements(
                statement("SELECT balance FROM accounts WHERE pk = ?", s("alice")),
                statement("SELECT * FROM accounts WHERE pk = 'nobody'")));
        assertThat(answer.responses()).hasSize(2);
        assertThat(answer.responses().get(0).item()).isEqualTo(Map.of("balance", n("100")));
        assertThat(answer.responses().get(1).item()).isEmpty();

        assertThatThrownBy(() -> client.executeTransaction(b -> b.transactStatements(
                statement("SELECT * FROM accounts WHERE pk = 'alice'"),
                statement("UPDATE accounts SET balance = 0 WHERE pk = 'bob'"))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("ExecuteTransaction API does not support both read and write operations in the same request."));
        assertThatThrownBy(() -> client.executeTransaction(b -> b.transactStatements(statement("SELECT * FROM accounts WHERE balance > 1"))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                        "Validation failed in TransactStatements[0]: Select statements within ExecuteTransaction must specify the primary key in the where clause."));
    }

    @Test
    void aClientRequestTokenRunsTheTransactionOnce() {
        for (int i = 0; i < 2; i++) {
            client.executeTransaction(b -> b.clientRequestToken("deposit-1")
                    .transactStatements(statement("UPDATE accounts SET balance = balance + 10 WHERE pk = 'bob'")));
        }
        assertThat(balance("bob")).isEqualTo("15");
        assertThatThrownBy(() -> client.executeTransaction(b -> b.clientRequestToken("deposit-1")
                .transactStatements(statement("UPDATE accounts SET balance = balance + 99 WHERE pk = 'bob'"))))
                .isInstanceOf(IdempotentParameterMismatchException.class);
    }

    @Test
    void aBatchAnswersEachStatementOnItsOwn() {
        var writes = client.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder().statement("INSERT INTO accounts VALUE {'pk': 'carol', 'balance': 1}").build(),
                BatchStatementRequest.builder().statement("INSERT INTO accounts VALUE {'pk': 'alice', 'balance': 1}").build(),
                BatchStatementRequest.builder().statement("UPDATE accounts SET balance = 0 WHERE pk = 'bob' AND balance > 1000")
                        .returnValuesOnConditionCheckFailure("ALL_OLD").build(),
                BatchStatementRequest.builder().statement("UPDATE accounts SET balance = 0 WHERE balance > 1").build()));
        assertThat(writes.responses()).hasSize(4);
        assertThat(writes.responses().get(0).error()).isNull();
        assertThat(writes.responses().get(0).tableName()).isEqualTo("accounts");
        assertThat(writes.responses().get(1).error().code()).isEqualTo(BatchStatementErrorCodeEnum.DUPLICATE_ITEM);
        assertThat(writes.responses().get(2).error().code()).isEqualTo(BatchStatementErrorCodeEnum.CONDITIONAL_CHECK_FAILED);
        assertThat(writes.responses().get(2).error().item()).containsEntry("balance", n("5"));
        assertThat(writes.responses().get(3).error().message()).isEqualTo("Where clause does not contain a mandatory equality on all key attributes");
        assertThat(balance("carol")).isEqualTo("1");
        assertThat(balance("bob")).isEqualTo("5");

        var reads = client.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder().statement("SELECT balance FROM accounts WHERE pk = ?").parameters(s("carol")).build(),
                BatchStatementRequest.builder().statement("SELECT * FROM accounts WHERE pk = 'nobody'").build(),
                BatchStatementRequest.builder().statement("SELECT * FROM accounts WHERE balance > 1").build(),
                BatchStatementRequest.builder().statement("SLECT * FROM accounts WHERE pk = 'carol'").build()));
        assertThat(reads.responses().get(0).item()).isEqualTo(Map.of("balance", n("1")));
        assertThat(reads.responses().get(1).hasItem()).isFalse();
        assertThat(reads.responses().get(1).tableName()).isEqualTo("accounts");
        assertThat(reads.responses().get(2).error().message()).isEqualTo("Only single item select is supported");
        // a member that does not parse is answered on its own, in the service's words
        assertThat(reads.responses().get(3).error().code()).isEqualTo(BatchStatementErrorCodeEnum.VALIDATION_ERROR);
        assertThat(reads.responses().get(3).error().message()).isEqualTo("Statement wasn't well formed, can't be processed: Expected data manipulation");

        assertThatThrownBy(() -> client.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder().statement("SELECT * FROM accounts WHERE pk = 'alice'").build(),
                BatchStatementRequest.builder().statement("DELETE FROM accounts WHERE pk = 'bob'").build())))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Read and write requests together in the same batch is not supported."));
    }
}
