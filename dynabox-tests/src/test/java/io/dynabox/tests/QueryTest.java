package io.dynabox.tests;

import static io.dynabox.tests.ReadTables.item;
import static io.dynabox.tests.ReadTables.n;
import static io.dynabox.tests.ReadTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Select;

@ParameterizedClass
@EnumSource(Door.class)
class QueryTest extends DoorTest {
    @BeforeEach
    void open() {
        ReadTables.create(client, "events", "pk:S", "sk:N", List.of("pk:S", "sk:N"), List.of(), List.of());
    }

    static Condition cond(ComparisonOperator op, AttributeValue... values) {
        return Condition.builder().comparisonOperator(op).attributeValueList(values).build();
    }

    static Map<String, Condition> eq(String name, AttributeValue value) {
        Map<String, Condition> conditions = new HashMap<>();
        conditions.put(name, cond(ComparisonOperator.EQ, value));
        return conditions;
    }

    static Map<String, Condition> with(Map<String, Condition> conditions, String name, Condition condition) {
        Map<String, Condition> copy = new HashMap<>(conditions);
        copy.put(name, condition);
        return copy;
    }

    private QueryResponse query(Consumer<QueryRequest.Builder> request) {
        return client.query(b -> {
            b.tableName("events");
            request.accept(b);
        });
    }

    private static List<Long> sortKeys(QueryResponse response) {
        List<Long> keys = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) keys.add(Long.parseLong(item.get("sk").n()));
        return keys;
    }

    private void putNumbers(String pk, long... sortKeys) {
        for (long sk : sortKeys) client.putItem(b -> b.tableName("events").item(item("pk", pk, "sk", sk, "v", "x" + sk)));
    }

    @Test
    void sortKeyConditionsReadTheirRangeInOrder() {
        putNumbers("a", -10, -1, 0, 1, 2, 3, 10, 25, 100);
        putNumbers("b", 1, 2, 3);
        Map<String, Condition> a = eq("pk", s("a"));
        assertThat(sortKeys(query(b -> b.keyConditions(a)))).containsExactly(-10L, -1L, 0L, 1L, 2L, 3L, 10L, 25L, 100L);
        assertThat(sortKeys(query(b -> b.keyConditions(a).scanIndexForward(false)))).containsExactly(100L, 25L, 10L, 3L, 2L, 1L, 0L, -1L, -10L);
        assertThat(sortKeys(query(b -> b.keyConditions(with(a, "sk", cond(ComparisonOperator.EQ, n(3))))))).containsExactly(3L);
        assertThat(sortKeys(query(b -> b.keyConditions(with(a, "sk", cond(ComparisonOperator.LT, n(1))))))).containsExactly(-10L, -1L, 0L);
        assertThat(sortKeys(query(b -> b.keyConditions(with(a, "sk", cond(ComparisonOperator.LE, n(1))))))).containsExactly(-10L, -1L, 0L, 1L);
        assertThat(sortKeys(query(b -> b.keyConditions(with(a, "sk", cond(ComparisonOperator.GT, n(10))))))).containsExactly(25L, 100L);
        assertThat(sortKeys(query(b -> b.keyConditions(with(a, "sk", cond(ComparisonOperator.GE, n(10))))))).containsExactly(10L, 25L, 100L);
        assertThat(sortKeys(query(b -> b.keyConditions(with(a, "sk", cond(ComparisonOperator.BETWEEN, n(-1), n(3)))).scanIndexForward(false))))
                .containsExactly(3L, 2L, 1L, 0L, -1L);
        QueryResponse empty = query(b -> b.keyConditions(eq("pk", s("nobody"))));
        assertThat(empty.count()).isZero();
        assertThat(empty.scannedCount()).isZero();
        assertThat(empty.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void anEmptyStringInAKeyConditionIsRefusedAsInAKey() {
        ReadTables.create(client, "words", "pk:S", "sk:S", List.of("pk:S", "sk:S"), List.of(), List.of());
        client.putItem(b -> b.tableName("words").item(item("pk", "p", "sk", "a")));
        String empty = "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: ";
        rejects(b -> b.tableName("words").keyConditions(eq("pk", s(""))), empty + "pk");
        rejects(b -> b.tableName("words").keyConditionExpression("pk = :p AND begins_with(sk, :e)")
                .expressionAttributeValues(Map.of(":p", s("p"), ":e", s(""))), empty + "sk");
        rejects(b -> b.tableName("words").keyConditionExpression("pk = :p AND sk > :e")
                .expressionAttributeValues(Map.of(":p", s("p"), ":e", s(""))), empty + "sk");
        // a BETWEEN's bounds are checked before their emptiness
        rejects(b -> b.tableName("words").keyConditionExpression("pk = :p AND sk BETWEEN :a AND :e")
                .expressionAttributeValues(Map.of(":p", s("p"), ":a", s("a"), ":e", s(""))),
                "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound");
    }

    @Test
    void stringSortKeysCompareAsUtf8BytesAndBeginsWithIsAPrefixRange() {
        ReadTables.create(client, "words", "pk:S", "sk:S", List.of("pk:S", "sk:S"), List.of(), List.of());
        // UTF-16 order would put the supplementary character before U+FFFD; UTF-8 order puts it after
        for (String sk : List.of("a", "aa", "ab", "b", "B", "\uFFFD", "\uD83D\uDE00", "a\u0000b", "abc")) {
            client.putItem(b -> b.tableName("words").item(item("pk", "p", "sk", sk)));
        }
        QueryResponse all = client.query(b -> b.tableName("words").keyConditions(eq("pk", s("p"))));
        assertThat(all.items()).extracting(i -> i.get("sk").s())
                .containsExactly("B", "a", "a\u0000b", "aa", "ab", "abc", "b", "\uFFFD", "\uD83D\uDE00");
        QueryResponse prefixed = client.query(b -> b.tableName("words")
                .keyConditions(with(eq("pk", s("p")), "sk", cond(ComparisonOperator.BEGINS_WITH, s("a")))));
        assertThat(prefixed.items()).extracting(i -> i.get("sk").s()).containsExactly("a", "a\u0000b", "aa", "ab", "abc");
    }

    @Test
    void limitCountsEvaluatedItemsAndPagesResumeFromLastEvaluatedKey() {
        putNumbers("a", 1, 2, 3, 4, 5);
        Map<String, Condition> a = eq("pk", s("a"));
        QueryResponse first = query(b -> b.keyConditions(a).limit(2));
        assertThat(sortKeys(first)).containsExactly(1L, 2L);
        assertThat(first.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("a"), "sk", n(2)));
        QueryResponse second = query(b -> b.keyConditions(a).limit(2).exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(sortKeys(second)).containsExactly(3L, 4L);
        QueryResponse third = query(b -> b.keyConditions(a).limit(2).exclusiveStartKey(second.lastEvaluatedKey()));
        assertThat(sortKeys(third)).containsExactly(5L);
        assertThat(third.hasLastEvaluatedKey()).isFalse();

        QueryResponse reversed = query(b -> b.keyConditions(a).limit(2).scanIndexForward(false).exclusiveStartKey(Map.of("pk", s("a"), "sk", n(4))));
        assertThat(sortKeys(reversed)).containsExactly(3L, 2L);

        QueryResponse counted = query(b -> b.keyConditions(a).limit(3).select(Select.COUNT));
        assertThat(counted.hasItems()).isFalse();
        assertThat(counted.count()).isEqualTo(3);
        assertThat(counted.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("a"), "sk", n(3)));
    }

    @Test
    void aStartKeyResumesEvenAfterItsItemIsDeleted() {
        putNumbers("a", 1, 2, 3, 4);
        Map<String, Condition> a = eq("pk", s("a"));
        QueryResponse first = query(b -> b.keyConditions(a).limit(2));
        client.deleteItem(b -> b.tableName("events").key(first.lastEvaluatedKey()));
        assertThat(sortKeys(query(b -> b.keyConditions(a).exclusiveStartKey(first.lastEvaluatedKey())))).containsExactly(3L, 4L);
        assertThat(sortKeys(query(b -> b.keyConditions(a).exclusiveStartKey(Map.of("pk", s("a"), "sk", n(0)))))).containsExactly(1L, 3L, 4L);
    }

    @Test
    void aFullPageAtTheLimitLooksAheadForMore() {
        // the service peeks past the page: another partition ends the read, but at the end of the stored data it cannot tell
        putNumbers("a", 1, 2);
        putNumbers("b", 1, 2);
        List<Map<String, AttributeValue>> stored = client.scan(b -> b.tableName("events")).items();
        String lastPartition = stored.get(stored.size() - 1).get("pk").s();
        String firstPartition = lastPartition.equals("a") ? "b" : "a";
        assertThat(query(b -> b.keyConditions(eq("pk", s(firstPartition))).limit(2)).hasLastEvaluatedKey()).isFalse();
        assertThat(query(b -> b.keyConditions(eq("pk", s(lastPartition))).limit(2)).hasLastEvaluatedKey()).isTrue();
        assertThat(query(b -> b.keyConditions(eq("pk", s(lastPartition))).limit(3)).hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void queryPaginatorWalksThousandsOfItems() {
        int total = 2500;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < total; i++) items.add(item("pk", "big", "sk", i));
        ReadTables.putAll(client, "events", items);
        putNumbers("other", 1, 2, 3);
        List<Long> seen = new ArrayList<>();
        int pages = 0;
        for (QueryResponse page : client.queryPaginator(b -> b.tableName("events").keyConditions(eq("pk", s("big"))).limit(300))) {
            seen.addAll(sortKeys(page));
            assertThat(page.scannedCount()).isEqualTo(page.count());
            pages++;
        }
        assertThat(seen).hasSize(total);
        for (int i = 0; i < total; i++) assertThat(seen.get(i)).isEqualTo((long) i);
        assertThat(pages).isBetween(9, 10);
        assertThat(client.queryPaginator(b -> b.tableName("events").keyConditions(eq("pk", s("big")))).items().stream().count()).isEqualTo(total);
    }

    @Test
    void aPageEndsAfterOneMegabyteRead() {
        String big = "x".repeat(400 * 1024 - 100);
        for (int i = 0; i < 7; i++) {
            int sk = i;
            client.putItem(b -> b.tableName("events").item(Map.of("pk", s("a"), "sk", n(sk), "data", s(big))));
        }
        Map<String, Condition> a = eq("pk", s("a"));
        QueryResponse first = query(b -> b.keyConditions(a).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(first.count()).isEqualTo(3);
        assertThat(first.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("a"), "sk", n(2)));
        // three items of just under 400 KB: 300 read units of 4 KB, halved for an eventually consistent read
        assertThat(first.consumedCapacity().capacityUnits()).isEqualTo(150.0);
        // the limit is on data read, not returned: a COUNT reads as much
        QueryResponse counted = query(b -> b.keyConditions(a).select(Select.COUNT).exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(counted.count()).isEqualTo(3);
        QueryResponse last = query(b -> b.keyConditions(a).exclusiveStartKey(counted.lastEvaluatedKey()));
        assertThat(sortKeys(last)).containsExactly(6L);
        assertThat(last.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void readCapacityIsTheSumOfSizesRoundedOncePerPage() {
        for (int i = 0; i < 10; i++) {
            int sk = i;
            client.putItem(b -> b.tableName("events").item(Map.of("pk", s("a"), "sk", n(sk), "data", s("y".repeat(1000)))));
        }
        // ten items of about 1 KB: 3 units of 4 KB, not 10
        QueryResponse strong = query(b -> b.keyConditions(eq("pk", s("a"))).consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertThat(strong.consumedCapacity().capacityUnits()).isEqualTo(3.0);
        assertThat(strong.consumedCapacity().table().capacityUnits()).isEqualTo(3.0);
        QueryResponse eventual = query(b -> b.keyConditions(eq("pk", s("a"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(eventual.consumedCapacity().capacityUnits()).isEqualTo(1.5);
        assertThat(eventual.consumedCapacity().tableName()).isEqualTo("events");
        QueryResponse nothing = query(b -> b.keyConditions(eq("pk", s("none"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(nothing.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        assertThat(query(b -> b.keyConditions(eq("pk", s("a")))).consumedCapacity()).isNull();
    }

    @Test
    void attributesToGetAndSelect() {
        client.putItem(b -> b.tableName("events").item(item("pk", "a", "sk", 1, "v", "one", "w", "w1")));
        QueryResponse named = query(b -> b.keyConditions(eq("pk", s("a"))).attributesToGet("v", "missing"));
        assertThat(named.items()).containsExactly(Map.of("v", s("one")));
        QueryResponse all = query(b -> b.keyConditions(eq("pk", s("a"))).select(Select.ALL_ATTRIBUTES));
        assertThat(all.items().get(0)).containsOnlyKeys("pk", "sk", "v", "w");
    }

    @Test
    void requestsAreCheckedInTheServicesWords() {
        Map<String, Condition> a = eq("pk", s("a"));
        rejects(b -> b.tableName("events"), "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        rejects(b -> b.tableName("events").keyConditions(Map.of()), "Conditions can be of length 1 or 2 only");
        rejects(b -> b.tableName("events").keyConditions(Map.of("pk", cond(ComparisonOperator.EQ))),
                "The attempted filter operation is not supported for the provided filter argument count");
        rejects(b -> b.tableName("events").keyConditions(Map.of("pk", cond(ComparisonOperator.BETWEEN, s("a")))),
                "The attempted filter operation is not supported for the provided filter argument count");
        rejects(b -> b.tableName("events").keyConditions(Map.of("sk", cond(ComparisonOperator.EQ, n(1)))),
                "Query condition missed key schema element: pk");
        rejects(b -> b.tableName("events").keyConditions(with(a, "other", cond(ComparisonOperator.EQ, n(1)))),
                "Query condition missed key schema element: sk");
        rejects(b -> b.tableName("events").keyConditions(with(a, "sk", cond(ComparisonOperator.NOT_NULL))),
                "Attempted conditional constraint is not an indexable operation");
        rejects(b -> b.tableName("events").keyConditions(Map.of("pk", cond(ComparisonOperator.GT, s("a")))),
                "Query key condition not supported");
        rejects(b -> b.tableName("events").keyConditions(eq("pk", n(1))),
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
        rejects(b -> b.tableName("events").keyConditions(with(a, "sk", cond(ComparisonOperator.BEGINS_WITH, n(1)))),
                "One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
        rejects(b -> b.tableName("events").keyConditions(with(a, "sk", cond(ComparisonOperator.BETWEEN, n(5), n(1)))),
                "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        rejects(b -> b.tableName("events").keyConditions(a).exclusiveStartKey(Map.of("pk", s("a"))),
                "The provided starting key is invalid");
        rejects(b -> b.tableName("events").keyConditions(a).exclusiveStartKey(Map.of("pk", s("a"), "sk", s("1"))),
                "The provided key element does not match the schema");
        rejects(b -> b.tableName("events").keyConditions(a).exclusiveStartKey(Map.of("pk", s("a"), "other", n(1))),
                "The provided starting key is invalid");
        // a start key is checked before the key condition as far as its partition key goes
        rejects(b -> b.tableName("events").keyConditions(Map.of("sk", cond(ComparisonOperator.EQ, n(1)))).exclusiveStartKey(Map.of("pk", n(1), "sk", n(1))),
                "The provided key element does not match the schema");
        rejects(b -> b.tableName("events").keyConditions(Map.of("sk", cond(ComparisonOperator.EQ, n(1)))).exclusiveStartKey(Map.of("pk", s("a"), "sk", s("1"))),
                "Query condition missed key schema element: pk");
        rejects(b -> b.tableName("events").keyConditions(a).exclusiveStartKey(Map.of("pk", s("b"), "sk", n(1))),
                "The provided starting key is outside query boundaries based on provided conditions");
        rejects(b -> b.tableName("events").keyConditions(with(a, "sk", cond(ComparisonOperator.GT, n(5)))).exclusiveStartKey(Map.of("pk", s("a"), "sk", n(1))),
                "The provided starting key does not match the range key predicate");
        rejects(b -> b.tableName("events").keyConditions(a).exclusiveStartKey(Map.of("pk", AttributeValue.fromN("x"), "sk", n(1))),
                "The provided starting key is invalid: The parameter cannot be converted to a numeric value: x");
        rejects(b -> b.tableName("events").keyConditions(a).select(Select.SPECIFIC_ATTRIBUTES),
                "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        rejects(b -> b.tableName("events").keyConditions(a).select(Select.COUNT).attributesToGet("v"),
                "Cannot specify the AttributesToGet when choosing to get only the Count");
        rejects(b -> b.tableName("events").keyConditions(a).select(Select.ALL_ATTRIBUTES).attributesToGet("v"),
                "Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES");
        rejects(b -> b.tableName("events").keyConditions(a).select(Select.ALL_PROJECTED_ATTRIBUTES),
                "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        rejects(b -> b.tableName("events").keyConditions(a).attributesToGet("v", "v"),
                "One or more parameter values were invalid: Duplicate value in attribute name: v");
        rejects(b -> b.tableName("events").keyConditions(a).indexName("nope"), "The table does not have the specified index: nope");
        assertThatThrownBy(() -> client.query(b -> b.tableName("nothere").keyConditions(a)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found");
    }

    private void rejects(Consumer<QueryRequest.Builder> request, String message) {
        assertThatThrownBy(() -> client.query(request))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage()).startsWith(message));
    }
}
