package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetResultPageIterable;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.Document;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The Enhanced Client's batch and transaction APIs, which build their own requests on top of the low-level ones. */
@ParameterizedClass
@EnumSource(Door.class)
class EnhancedClientBatchTest extends DoorTest {
    DynamoDbEnhancedClient enhanced;
    DynamoDbTable<Account> accounts;
    DynamoDbTable<Account> archive;

    @BeforeEach
    void open() {
        enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        accounts = enhanced.table("accounts", TableSchema.fromBean(Account.class));
        archive = enhanced.table("archive", TableSchema.fromBean(Account.class));
        accounts.createTable();
        archive.createTable();
    }

    @Test
    void batchWriteThenBatchGet() {
        accounts.putItem(Account.of("old", 1));
        enhanced.batchWriteItem(r -> r
                .addWriteBatch(WriteBatch.builder(Account.class).mappedTableResource(accounts)
                        .addPutItem(Account.of("a", 10)).addPutItem(Account.of("b", 20)).addDeleteItem(Key.builder().partitionValue("old").build())
                        .build())
                .addWriteBatch(WriteBatch.builder(Account.class).mappedTableResource(archive).addPutItem(Account.of("z", 99)).build()));

        BatchGetResultPageIterable pages = enhanced.batchGetItem(r -> r.readBatches(
                ReadBatch.builder(Account.class).mappedTableResource(accounts)
                        .addGetItem(Key.builder().partitionValue("a").build())
                        .addGetItem(Key.builder().partitionValue("b").build())
                        .addGetItem(Key.builder().partitionValue("old").build()).build(),
                ReadBatch.builder(Account.class).mappedTableResource(archive).addGetItem(Key.builder().partitionValue("z").build()).build()));
        assertThat(pages.resultsForTable(accounts).stream().map(a -> a.getId() + "=" + a.getBalance())).containsExactlyInAnyOrder("a=10", "b=20");
        assertThat(pages.resultsForTable(archive).stream().map(Account::getBalance)).containsExactly(99L);
    }

    @Test
    void transactWriteThenTransactGet() {
        enhanced.transactWriteItems(r -> r.addPutItem(accounts, Account.of("a", 5)).addPutItem(archive, Account.of("a", 6)));
        List<Document> documents = enhanced.transactGetItems(r -> r
                .addGetItem(accounts, Key.builder().partitionValue("a").build())
                .addGetItem(archive, Key.builder().partitionValue("a").build())
                .addGetItem(accounts, Key.builder().partitionValue("missing").build()));
        assertThat(documents.get(0).getItem(accounts).getBalance()).isEqualTo(5);
        assertThat(documents.get(1).getItem(archive).getBalance()).isEqualTo(6);
        assertThat(documents.get(2).getItem(accounts)).isNull();

        enhanced.transactWriteItems(r -> r.addDeleteItem(accounts, Key.builder().partitionValue("a").build()));
        assertThat(accounts.getItem(Key.builder().partitionValue("a").build())).isNull();
    }

    @Test
    void aCancelledTransactionReachesTheCallerWithItsReasons() {
        assertThatThrownBy(() -> enhanced.transactWriteItems(r -> r
                .addPutItem(accounts, Account.of("a", 1))
                .addDeleteItem(accounts, Key.builder().partitionValue(7).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e ->
                        assertThat(e.cancellationReasons()).extracting(reason -> reason.code()).containsExactly("None", "ValidationError"));
        assertThat(accounts.getItem(Key.builder().partitionValue("a").build())).isNull();
    }

    @Test
    void transactionWithAConditionCheckAndAnUpdate() {
        accounts.putItem(Account.of("a", 10));
        Expression exists = Expression.builder().expression("attribute_exists(id)").build();
        enhanced.transactWriteItems(r -> r
                .addConditionCheck(accounts, ConditionCheck.builder().key(Key.builder().partitionValue("a").build()).conditionExpression(exists).build())
                .addUpdateItem(archive, Account.of("b", 3)));
        assertThat(archive.getItem(Key.builder().partitionValue("b").build()).getBalance()).isEqualTo(3);

        assertThatThrownBy(() -> enhanced.transactWriteItems(r -> r
                .addConditionCheck(accounts, ConditionCheck.builder().key(Key.builder().partitionValue("nobody").build()).conditionExpression(exists).build())
                .addUpdateItem(archive, Account.of("b", 4))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e ->
                        assertThat(e.cancellationReasons()).extracting(reason -> reason.code()).containsExactly("ConditionalCheckFailed", "None"));
        assertThat(archive.getItem(Key.builder().partitionValue("b").build()).getBalance()).isEqualTo(3);
    }

    @DynamoDbBean
    public static class Account {
        private String id;
        private long balance;

        static Account of(String id, long balance) {
            Account account = new Account();
            account.setId(id);
            account.setBalance(balance);
            return account;
        }

        @DynamoDbPartitionKey
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public long getBalance() {
            return balance;
        }

        public void setBalance(long balance) {
            this.balance = balance;
        }
    }
}
