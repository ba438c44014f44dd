package io.dynabox.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynabox.engine.simulation.FaultRule;
import io.dynabox.engine.simulation.SimulationSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Transaction conflicts under the service's rules, with the simulation on for the test's namespace. */
@ParameterizedClass
@EnumSource(SimulatedDoor.class)
class ConflictTest {
    @Parameter
    SimulatedDoor door;

    private String accessKey;
    private DynamoDbClient client;
    private SimulatedDoor.Control admin;

    @BeforeEach
    void open() {
        accessKey = SimulatedDoor.freshAccessKey();
        client = door.client(accessKey);
        admin = door.control(accessKey);
        admin.simulation(SimulationSettings.OFF.withTransactionConflicts(true));
        Tables.onDemand(client, admin, "accounts");
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static Map<String, AttributeValue> item(String id, String value) {
        return Map.of("id", AttributeValue.fromS(id), "v", AttributeValue.fromS(value));
    }

    private static TransactWriteItem put(String id, String value) {
        return TransactWriteItem.builder().put(p -> p.tableName("accounts").item(item(id, value))).build();
    }

    /** A transaction held in flight: its answer waits 1.5 s (a fault rule's latency), and its items with it. */
    private CompletableFuture<Void> transactionInFlight(String id) throws InterruptedException {
        admin.addFault(FaultRule.on("TransactWriteItems", "accounts").latency(1500).times(1));
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> client.transactWriteItems(b -> b.transactItems(put(id, "in transaction"))));
        // it has committed (its answer has not been sent) once its write is seen
        for (int i = 0; i < 200 && !client.getItem(b -> b.tableName("accounts").key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).hasItem(); i++) {
            Thread.sleep(5);
        }
        return done;
    }

    @Test
    void aSingleItemWriteMeetingATransactionInFlightIsRefused() throws Exception {
        CompletableFuture<Void> transaction = transactionInFlight("a");

        TransactionConflictException e = catchThrowableOfType(TransactionConflictException.class,
                () -> client.putItem(b -> b.tableName("accounts").item(item("a", "single write"))));
        client.putItem(b -> b.tableName("accounts").item(item("b", "another item"))); // other items are free

        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Transaction is ongoing for the item");
        assertThat(admin.events("conflict")).contains(new SimulatedDoor.Event(e.requestId(), "PutItem"));
        transaction.join();
        client.putItem(b -> b.tableName("accounts").item(item("a", "after the transaction")));
    }

    @Test
    void aTransactionMeetingAnotherIsCancelledWithTransactionConflict() throws Exception {
        CompletableFuture<Void> transaction = transactionInFlight("a");

        TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class,
                () -> client.transactWriteItems(b -> b.transactItems(put("c", "free"), put("a", "held"))));

        assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "TransactionConflict");
        assertThat(e.cancellationReasons().get(1).message()).isEqualTo("Transaction is ongoing for the item");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]");
        transaction.join();
        assertThat(client.getItem(b -> b.tableName("accounts").key(Map.of("id", AttributeValue.fromS("c"))).consistentRead(true)).hasItem()).isFalse();
    }

    @Test
    void aBatchWriteLeavesAnItemATransactionHoldsUnprocessed() throws Exception {
        CompletableFuture<Void> transaction = transactionInFlight("a");

        BatchWriteItemResponse answer = client.batchWriteItem(b -> b.requestItems(Map.of("accounts", List.of(
                WriteRequest.builder().putRequest(p -> p.item(item("a", "batch"))).build(),
                WriteRequest.builder().putRequest(p -> p.item(item("d", "batch"))).build()))));

        assertThat(answer.unprocessedItems().get("accounts")).singleElement()
                .satisfies(w -> assertThat(w.putRequest().item()).isEqualTo(item("a", "batch")));
        assertThat(client.getItem(b -> b.tableName("accounts").key(Map.of("id", AttributeValue.fromS("d"))).consistentRead(true)).item())
                .isEqualTo(item("d", "batch"));
        transaction.join();
        assertThat(client.getItem(b -> b.tableName("accounts").key(Map.of("id", AttributeValue.fromS("a"))).consistentRead(true)).item())
                .isEqualTo(item("a", "in transaction"));
        assertThat(client.batchWriteItem(b -> b.requestItems(answer.unprocessedItems())).unprocessedItems()).isEmpty(); // the retry goes through
    }

    @Test
    void partiqlWritesAndTransactionsMeetATransactionInFlight() throws Exception {
        CompletableFuture<Void> transaction = transactionInFlight("a");

        TransactionConflictException single = catchThrowableOfType(TransactionConflictException.class,
                () -> client.executeStatement(b -> b.statement("UPDATE accounts SET v = 'partiql' WHERE id = 'a'")));
        BatchExecuteStatementResponse batch = client.batchExecuteStatement(b -> b.statements(
                s -> s.statement("UPDATE accounts SET v = 'batch' WHERE id = 'a'"),
                s -> s.statement("INSERT INTO accounts VALUE {'id': 'e', 'v': 'batch'}")));
        TransactionCanceledException read = catchThrowableOfType(TransactionCanceledException.class,
                () -> client.executeTransaction(b -> b.transactStatements(
                        s -> s.statement("SELECT * FROM accounts WHERE id = 'e'"), s -> s.statement("SELECT * FROM accounts WHERE id = 'a'"))));

        assertThat(single.awsErrorDetails().errorMessage()).startsWith("Transaction is ongoing for the item");
        assertThat(batch.responses().get(0).error().codeAsString()).isEqualTo("TransactionConflict");
        assertThat(batch.responses().get(1).error()).isNull();
        assertThat(read.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "TransactionConflict");
        transaction.join();
        assertThat(client.getItem(b -> b.tableName("accounts").key(Map.of("id", AttributeValue.fromS("a"))).consistentRead(true)).item())
                .isEqualTo(item("a", "in transaction"));
    }

    @Test
    void conflictsDrawnAtARateRepeatWithTheSeed() {
        List<String> first = outcomes(11);
        List<String> again = outcomes(11);

        assertThat(again).isEqualTo(first);
        assertThat(first).contains("conflict", "ok");
    }

    private List<String> outcomes(long seed) {
        admin.simulation(SimulationSettings.OFF.withSeed(seed).withTransactionConflictRate(0.5));
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            try {
                client.transactWriteItems(b -> b.transactItems(put("r", "x")));
                outcomes.add("ok");
            } catch (TransactionCanceledException e) {
                assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("TransactionConflict");
                outcomes.add("conflict");
            }
        }
        return outcomes;
    }
}
