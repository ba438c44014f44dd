package io.dynabox.tests;

import static io.dynabox.tests.Tables.n;
import static io.dynabox.tests.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** ExecuteStatement through the real SDK: PartiQL reads and writes meet the item actions on one engine. */
@ParameterizedClass
@EnumSource(Door.class)
class ExecuteStatementTest extends DoorTest {
    @BeforeEach
    void open() {
        client.createTable(b -> b.tableName("orders")
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N),
                        a -> a.attributeName("status").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(i -> i.indexName("bystatus")
                        .keySchema(k -> k.attributeName("status").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    private ExecuteStatementResponse run(String statement, AttributeValue... parameters) {
        return client.executeStatement(b -> {
            b.statement(statement);
            if (parameters.length > 0) b.parameters(parameters);
        });
    }

    private Map<String, AttributeValue> get(String pk, int sk) {
        return client.getItem(b -> b.tableName("orders").key(Map.of("pk", s(pk), "sk", n(String.valueOf(sk)))).consistentRead(true)).item();
    }

    private void put(String pk, int sk) {
        client.putItem(b -> b.tableName("orders").item(Map.of("pk", s(pk), "sk", n(String.valueOf(sk)))));
    }

    @Test
    void anInsertWithParametersOfEveryTypeIsTheItemGetItemReads() {
        Map<String, AttributeValue> item = Map.ofEntries(
                Map.entry("pk", s("c1")), Map.entry("sk", n("1")),
                Map.entry("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, 2}))),
                Map.entry("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}), SdkBytes.fromByteArray(new byte[] {2})))),
                Map.entry("ss", AttributeValue.fromSs(List.of("x", "y"))),
                Map.entry("ns", AttributeValue.fromNs(List.of("1", "2.5"))),
                Map.entry("l", AttributeValue.fromL(List.of(s("a"), n("1")))),
                Map.entry("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromBool(true)))),
                Map.entry("bool", AttributeValue.fromBool(false)),
                Map.entry("nul", AttributeValue.fromNul(true)));
        var answer = run("INSERT INTO \"orders\" VALUE {'pk': ?, 'sk': ?, 'b': ?, 'bs': ?, 'ss': ?, 'ns': ?, 'l': ?, 'm': ?, 'bool': ?, 'nul': ?}",
                item.get("pk"), item.get("sk"), item.get("b"), item.get("bs"), item.get("ss"), item.get("ns"), item.get("l"), item.get("m"),
                item.get("bool"), item.get("nul"));

        assertThat(answer.items()).isEmpty();
        assertThat(get("c1", 1)).isEqualTo(item);
        assertThat(run("SELECT * FROM orders WHERE pk = ? AND sk = ?", s("c1"), n("1")).items()).containsExactly(item);
    }

    @Test
    void anInsertNeverReplacesAnItem() {
        client.putItem(b -> b.tableName("orders").item(Map.of("pk", s("c1"), "sk", n("1"), "v", s("first"))));
        assertThatThrownBy(() -> run("INSERT INTO orders VALUE {'pk':'c1','sk':1,'v':'second'}"))
                .isInstanceOfSatisfying(DuplicateItemException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).startsWith("Duplicate primary key exists in table"));
        assertThat(get("c1", 1)).containsEntry("v", s("first"));
    }

    @Test
    void updateAndDeleteChangeWhatTheItemActionsSeeAndTheIndexFollows() {
        run("INSERT INTO orders VALUE {'pk':'c1','sk':1,'total':10,'tags':<<'new'>>,'lines':[{'sku':'a'}]}");
        var updated = run("UPDATE orders SET total = total + 5 SET tags = set_add(tags, <<'paid'>>) SET lines[0].qty = 2 "
                + "SET status = 'PAID' WHERE pk = 'c1' AND sk = 1 RETURNING MODIFIED NEW *");

        assertThat(updated.items()).hasSize(1);
        assertThat(updated.items().get(0)).containsEntry("total", n("15")).containsEntry("status", s("PAID"));
        assertThat(updated.items().get(0).get("tags").ss()).containsExactlyInAnyOrder("new", "paid");
        assertThat(get("c1", 1).get("lines").l().get(0).m()).containsEntry("qty", n("2"));
        var byStatus = client.query(b -> b.tableName("orders").indexName("bystatus").keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", s("PAID"))));
        assertThat(byStatus.items()).extracting(i -> i.get("pk")).containsExactly(s("c1"));
        assertThat(run("SELECT pk FROM \"orders\".\"bystatus\" WHERE status = 'PAID'").items()).containsExactly(Map.of("pk", s("c1")));

        var deleted = run("DELETE FROM orders WHERE pk = 'c1' AND sk = 1 AND total = 15 RETURNING ALL OLD *");
        assertThat(deleted.items().get(0)).containsEntry("total", n("15"));
        assertThat(get("c1", 1)).isEmpty();
        assertThat(client.query(b -> b.tableName("orders").indexName("bystatus").keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", s("PAID")))).items()).isEmpty();
    }

    @Test
    void aFailedConditionWritesNothingAndCanReturnTheItem() {
        run("INSERT INTO orders VALUE {'pk':'c1','sk':1,'total':10}");
        assertThatThrownBy(() -> client.executeStatement(b -> b.statement("UPDATE orders SET total = 0 WHERE pk = 'c1' AND sk = 1 AND total > 100")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("The conditional request failed");
                    assertThat(e.item()).containsEntry("total", n("10"));
                });
        assertThatThrownBy(() -> run("UPDATE orders SET total = 0 WHERE pk = 'nobody' AND sk = 1"))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(get("c1", 1)).containsEntry("total", n("10"));
        assertThat(get("nobody", 1)).isEmpty();
    }

    @Test
    void aSelectThatPinsThePartitionKeyReadsOnlyThatPartitionInKeyOrder() {
        for (int i = 1; i <= 5; i++) put("c1", i);
        for (int i = 1; i <= 50; i++) put("other" + i, 1);

        var query = client.executeStatement(b -> b.statement("SELECT sk FROM orders WHERE pk = 'c1' AND sk >= 2 ORDER BY sk DESC")
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(query.items()).extracting(i -> i.get("sk").n()).containsExactly("5", "4", "3", "2");
        // four small items read as one Query page: half a unit, eventually consistent
        assertThat(query.consumedCapacity().capacityUnits()).isEqualTo(0.5);

        var scan = client.executeStatement(b -> b.statement("SELECT sk FROM orders WHERE sk = 1")
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(scan.items()).hasSize(51);
    }

    @Test
    void aSelectOfTheWholeKeyIsOneItemReadAsGetItemAnswersIt() {
        client.putItem(b -> b.tableName("orders").item(Map.of("pk", s("c1"), "sk", n("1"), "total", n("12"), "note", s("x"))));
        var found = client.executeStatement(b -> b.statement("SELECT * FROM orders WHERE pk = 'c1' AND sk = 1")
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(found.items()).containsExactly(get("c1", 1));
        assertThat(found.nextToken()).isNull();
        assertThat(found.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        // the same read, strongly consistent, costs a whole unit as GetItem's does
        var consistent = client.executeStatement(b -> b.statement("SELECT * FROM orders WHERE sk = ? AND pk = ?")
                .parameters(n("1"), s("c1")).consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(consistent.items()).hasSize(1);
        assertThat(consistent.consumedCapacity().capacityUnits()).isEqualTo(1.0);
        // what the key does not decide filters the item; the projection shapes it
        assertThat(run("SELECT total FROM orders WHERE pk = 'c1' AND sk = 1 AND note = 'x'").items())
                .containsExactly(Map.of("total", n("12")));
        assertThat(run("SELECT * FROM orders WHERE pk = 'c1' AND sk = 1 AND total > 20").items()).isEmpty();
        // a miss is no item, and costs half a unit
        var missing = client.executeStatement(b -> b.statement("SELECT * FROM orders WHERE pk = 'c1' AND sk = 2")
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(missing.items()).isEmpty();
        assertThat(missing.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        // with a Limit it is read as a one-item range, which may give a NextToken that leads nowhere
        var limited = client.executeStatement(b -> b.statement("SELECT * FROM orders WHERE pk = 'c1' AND sk = 1").limit(1));
        assertThat(limited.items()).hasSize(1);
        if (limited.nextToken() != null) {
            assertThat(client.executeStatement(b -> b.statement("SELECT * FROM orders WHERE pk = 'c1' AND sk = 1")
                    .nextToken(limited.nextToken())).items()).isEmpty();
        }
    }

    @Test
    void aPartitionKeyInAListReadsEachPartitionInTheListsOrder() {
        for (String pk : List.of("a", "b", "c", "d")) for (int i = 1; i <= 3; i++) put(pk, i);
        var all = client.executeStatement(b -> b.statement("SELECT pk, sk FROM orders WHERE pk IN ['c', 'a', 'zz', 'c']")
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(all.items()).extracting(i -> i.get("pk").s() + i.get("sk").n())
                .containsExactly("c1", "c2", "c3", "a1", "a2", "a3");
        // one partition read per value (the repeated one read once), each at least half a unit
        assertThat(all.consumedCapacity().capacityUnits()).isEqualTo(1.5);
        // a sort-key condition narrows each partition; the rest filters
        assertThat(run("SELECT pk, sk FROM orders WHERE pk IN ['b', 'd'] AND sk >= 2 AND sk <> 3").items())
                .extracting(i -> i.get("pk").s() + i.get("sk").n()).containsExactly("b2", "d2");

        // Limit counts across the partitions; NextToken resumes in the partition the page stopped in
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String from = token;
            var page = client.executeStatement(b -> b.statement("SELECT pk, sk FROM orders WHERE pk IN ['d', 'b', 'a']").limit(2).nextToken(from));
            page.items().forEach(i -> seen.add(i.get("pk").s() + i.get("sk").n()));
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 20);
        assertThat(seen).containsExactly("d1", "d2", "d3", "b1", "b2", "b3", "a1", "a2", "a3");
        assertThat(pages).isBetween(5, 6);
    }

    @Test
    void aLongerPartitionKeyListThanTheServiceReadsByPartitionIsFiltered() {
        for (int i = 0; i < 60; i++) put("p" + i, 1);
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 60; i++) list.append(i == 0 ? "" : ", ").append("'p").append(i).append('\'');
        assertThat(run("SELECT pk FROM orders WHERE pk IN [" + list + "]").items()).hasSize(60);
    }

    @Test
    void anIndexReadFiltersOnlyOnWhatTheIndexHolds() {
        client.createTable(b -> b.tableName("indexed")
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("l").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(i -> i.indexName("gsi-inc").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("a")))
                .localSecondaryIndexes(i -> i.indexName("lsi-keys")
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("l").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.putItem(b -> b.tableName("indexed").item(Map.of("pk", s("p"), "sk", s("1"), "g", s("y"), "l", s("z"), "a", s("A"), "np", s("n"))));

        assertThat(run("SELECT pk, a FROM \"indexed\".\"gsi-inc\" WHERE g = 'y' AND a = 'A'").items())
                .containsExactly(Map.of("pk", s("p"), "a", s("A")));
        assertThatThrownBy(() -> run("SELECT pk FROM \"indexed\".\"gsi-inc\" WHERE g = 'y' AND np = 'n'"))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                        "One or more parameter values were invalid: Secondary index gsi-inc does not project one or more filter attributes: [np]"));
        assertThatThrownBy(() -> run("SELECT pk FROM \"indexed\".\"lsi-keys\" WHERE pk = 'p' AND np = 'n'"))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                        "One or more parameter values were invalid: Secondary index lsi-keys does not project one or more filter attributes: [np]"));
        assertThatThrownBy(() -> run("SELECT np FROM \"indexed\".\"gsi-inc\" WHERE g = 'y'"))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                        "One or more parameter values were invalid: Global secondary index gsi-inc does not project [np]"));
        assertThatThrownBy(() -> run("SELECT * FROM \"indexed\".\"nope\" WHERE pk = 'p'"))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("The table does not have the specified index").doesNotContain("nope"));
    }

    @Test
    void pagesFollowLimitAndNextToken() {
        for (int i = 0; i < 7; i++) put("c1", i);
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String from = token;
            var page = client.executeStatement(b -> b.statement("SELECT * FROM orders WHERE pk = 'c1'").limit(3).nextToken(from));
            page.items().forEach(i -> seen.add(i.get("sk").n()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(seen).containsExactly("0", "1", "2", "3", "4", "5", "6");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void refusalsAreTheServicesValidationErrors() {
        assertThatThrownBy(() -> run("SELEC * FROM orders"))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Statement wasn't well formed, can't be processed: Expected data manipulation");
                });
        assertThatThrownBy(() -> run("SELECT * FROM orders WHERE"))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("Statement wasn't well formed, can't be processed: SELECT * FROM orders WHERE"));
        assertThatThrownBy(() -> client.executeStatement(b -> b.statement("SELECT * FROM \"orders\".\"bystatus\" WHERE status = 'PAID'")
                .consistentRead(true)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Strongly consistent read is not supported on Global Secondary Indexes"));
        assertThatThrownBy(() -> run("UPDATE orders SET x = 1 WHERE pk = 'c1'"))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("Where clause does not contain a mandatory equality on all key attributes"));
        for (String noWhere : new String[] {"UPDATE orders SET x = 1", "DELETE FROM orders"}) {
            assertThatThrownBy(() -> run(noWhere))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .startsWith("Where clause does not contain a mandatory equality on all key attributes"));
        }
        assertThatThrownBy(() -> run("SELECT * FROM orders WHERE pk = ?"))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("Number of parameters in request and statement don't match."));
        assertThatThrownBy(() -> run("SELECT * FROM absent"))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Requested resource not found"));
    }

    @Test
    void refusalsOfWhatReadNothingOrWroteTooMuch() {
        put("c1", 1);
        client.updateItem(b -> b.tableName("orders").key(Map.of("pk", s("c1"), "sk", n("1")))
                .updateExpression("SET a = :v, b = :v").expressionAttributeValues(Map.of(":v", s("x"))));
        // one path a REMOVE: a list after it is not well formed, and nothing is removed
        assertThatThrownBy(() -> run("UPDATE orders REMOVE a, b WHERE pk = 'c1' AND sk = 1"))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("Statement wasn't well formed, can't be processed: UPDATE orders REMOVE a, b WHERE pk = 'c1' AND sk = 1"));
        assertThat(get("c1", 1)).containsKeys("a", "b");
        run("UPDATE orders REMOVE a REMOVE b WHERE pk = 'c1' AND sk = 1");
        assertThat(get("c1", 1)).doesNotContainKeys("a", "b");
        // a sort key condition of another type than the key's is refused, not read as matching nothing
        for (String where : new String[] {"sk > 'x'", "sk BETWEEN 'a' AND 'b'", "begins_with(sk, '1')"}) {
            assertThatThrownBy(() -> run("SELECT * FROM orders WHERE pk = 'c1' AND " + where))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .startsWith("Key attribute's data type should match its data type in table's schema: Key sk"));
        }
        assertThatThrownBy(() -> run("SELECT * FROM orders WHERE begins_with(status, 1)"))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"));
        assertThatThrownBy(() -> run("UPDATE orders SET status = '' WHERE pk = 'c1' AND sk = 1"))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("One or more parameter values are not valid. The update expression attempted to update a secondary index key"));
    }
}
