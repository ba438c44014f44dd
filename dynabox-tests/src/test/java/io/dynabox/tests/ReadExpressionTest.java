package io.dynabox.tests;

import static io.dynabox.tests.QueryTest.cond;
import static io.dynabox.tests.ReadTables.gsi;
import static io.dynabox.tests.ReadTables.item;
import static io.dynabox.tests.ReadTables.n;
import static io.dynabox.tests.ReadTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** KeyConditionExpression, FilterExpression, ProjectionExpression and the legacy filters on Query and Scan. */
@ParameterizedClass
@EnumSource(Door.class)
class ReadExpressionTest extends DoorTest {
    @BeforeEach
    void open() {
        ReadTables.create(client, "events", "pk:S", "sk:N", List.of("pk:S", "sk:N", "kind:S"),
                List.of(gsi("by-kind", "kind:S", null, ProjectionType.KEYS_ONLY)), List.of());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            Map<String, AttributeValue> item = new java.util.HashMap<>(item("pk", "a", "sk", i, "kind", i % 2 == 0 ? "even" : "odd", "n", i * 10));
            item.put("doc", AttributeValue.fromM(Map.of("tag", s("t" + i), "other", s("x"))));
            items.add(item);
        }
        items.add(item("pk", "b", "sk", 1, "kind", "odd"));
        ReadTables.putAll(client, "events", items);
    }

    private QueryResponse query(Consumer<QueryRequest.Builder> request) {
        return client.query(b -> {
            b.tableName("events");
            request.accept(b);
        });
    }

    private static List<Long> sortKeys(List<Map<String, AttributeValue>> items) {
        List<Long> keys = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) keys.add(Long.parseLong(item.get("sk").n()));
        return keys;
    }

    @Test
    void keyConditionExpressionsReadTheirRange() {
        assertThat(query(b -> b.keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("a")))).count()).isEqualTo(10);
        assertThat(sortKeys(query(b -> b.keyConditionExpression("#k = :p AND sk BETWEEN :lo AND :hi")
                .expressionAttributeNames(Map.of("#k", "pk"))
                .expressionAttributeValues(Map.of(":p", s("a"), ":lo", n(3), ":hi", n(5)))).items())).containsExactly(3L, 4L, 5L);
        assertThat(sortKeys(query(b -> b.keyConditionExpression("sk > :v AND :p = pk").scanIndexForward(false)
                .expressionAttributeValues(Map.of(":p", s("a"), ":v", n(7)))).items())).containsExactly(10L, 9L, 8L);
        assertThat(sortKeys(query(b -> b.keyConditionExpression("pk = :p AND :v >= sk")
                .expressionAttributeValues(Map.of(":p", s("a"), ":v", n(2)))).items())).containsExactly(1L, 2L);
        assertThat(query(b -> b.indexName("by-kind").keyConditionExpression("kind = :k")
                .expressionAttributeValues(Map.of(":k", s("odd")))).count()).isEqualTo(6);
    }

    @Test
    void filtersRunAfterLimitAndPagesMayBeEmpty() {
        QueryResponse filtered = query(b -> b.keyConditionExpression("pk = :p").filterExpression("n > :min")
                .expressionAttributeValues(Map.of(":p", s("a"), ":min", n(70))));
        assertThat(sortKeys(filtered.items())).containsExactly(8L, 9L, 10L);
        assertThat(filtered.scannedCount()).isEqualTo(10);
        assertThat(filtered.count()).isEqualTo(3);

        QueryResponse empty = query(b -> b.keyConditionExpression("pk = :p").filterExpression("n > :min").limit(4)
                .expressionAttributeValues(Map.of(":p", s("a"), ":min", n(70))));
        assertThat(empty.count()).isZero();
        assertThat(empty.items()).isEmpty();
        assertThat(empty.scannedCount()).isEqualTo(4);
        assertThat(empty.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("a"), "sk", n(4)));

        List<Long> paged = new ArrayList<>();
        client.queryPaginator(b -> b.tableName("events").keyConditionExpression("pk = :p").filterExpression("kind = :k").limit(3)
                .expressionAttributeValues(Map.of(":p", s("a"), ":k", s("even")))).items().forEach(i -> paged.add(Long.parseLong(i.get("sk").n())));
        assertThat(paged).containsExactly(2L, 4L, 6L, 8L, 10L);

        ScanResponse scanned = client.scan(b -> b.tableName("events").filterExpression("attribute_not_exists(n)"));
        assertThat(scanned.count()).isEqualTo(1);
        assertThat(scanned.scannedCount()).isEqualTo(11);
        ScanResponse legacy = client.scan(b -> b.tableName("events").conditionalOperator(ConditionalOperator.OR)
                .scanFilter(Map.of("sk", cond(ComparisonOperator.EQ, n(1)), "n", cond(ComparisonOperator.GE, n(100)))));
        assertThat(legacy.count()).isEqualTo(3);
        QueryResponse queryFilter = query(b -> b.keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, s("a"))))
                .queryFilter(Map.of("kind", cond(ComparisonOperator.EQ, s("odd")))));
        assertThat(sortKeys(queryFilter.items())).containsExactly(1L, 3L, 5L, 7L, 9L);
    }

    @Test
    void theOneMegabytePageIsMeasuredBeforeTheFilter() {
        String big = "x".repeat(400 * 1024 - 100);
        for (int i = 0; i < 5; i++) {
            int sk = i;
            client.putItem(b -> b.tableName("events").item(Map.of("pk", s("big"), "sk", n(sk), "data", s(big))));
        }
        QueryResponse page = query(b -> b.keyConditionExpression("pk = :p").filterExpression("attribute_not_exists(#d)")
                .expressionAttributeNames(Map.of("#d", "data")).expressionAttributeValues(Map.of(":p", s("big"))));
        assertThat(page.count()).isZero();
        assertThat(page.scannedCount()).isEqualTo(3);
        assertThat(page.hasLastEvaluatedKey()).isTrue();
    }

    @Test
    void projectionExpressionsPickPaths() {
        QueryResponse projected = query(b -> b.keyConditionExpression("pk = :p AND sk = :s").projectionExpression("doc.tag, #n")
                .expressionAttributeNames(Map.of("#n", "n")).expressionAttributeValues(Map.of(":p", s("a"), ":s", n(3))));
        assertThat(projected.items()).containsExactly(Map.of("doc", AttributeValue.fromM(Map.of("tag", s("t3"))), "n", n(30)));
        ScanResponse scanned = client.scan(b -> b.tableName("events").projectionExpression("sk").limit(2));
        assertThat(scanned.items()).allSatisfy(i -> assertThat(i).containsOnlyKeys("sk"));
    }

    @Test
    void keyConditionExpressionsAreCheckedInTheServicesWords() {
        Map<String, AttributeValue> p = Map.of(":p", s("a"), ":v", n(1));
        rejects("pk = :p OR sk = :v", p, "Invalid operator used in KeyConditionExpression: OR");
        rejects("pk = :p AND NOT sk = :v", p, "Invalid operator used in KeyConditionExpression: NOT");
        rejects("pk = :p AND sk IN (:v)", p, "Invalid operator used in KeyConditionExpression: IN");
        rejects("pk = :p AND sk <> :v", p, "Invalid operator used in KeyConditionExpression: <>");
        rejects("pk = :p AND attribute_exists(sk) AND :v = :v", p, "Invalid operator used in KeyConditionExpression: attribute_exists");
        rejects("pk = :p AND sk.x = :v", p, "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: sk");
        rejects("pk = :p AND size(sk) = :v", p, "KeyConditionExpressions cannot contain nested operations");
        rejects("pk = :p AND sk = pk AND :v = :v", p, "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        rejects("pk = :p AND :v = :v", p, "Invalid condition in KeyConditionExpression: No key attribute specified");
        rejects("pk = :p AND sk > :v AND sk < :v", p, "KeyConditionExpressions must only contain one condition per key");
        rejects("pk = :p AND :v BETWEEN sk AND sk", p, "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        rejects("sk = :v", Map.of(":v", n(1)), "Query condition missed key schema element: pk");
        rejects("pk > :p", Map.of(":p", s("a")), "Query key condition not supported");
        rejects("pk = :v", Map.of(":v", n(1)), "One or more parameter values were invalid: Condition parameter type does not match schema type");
        rejects("pk = :p", p, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}");
        assertThatThrownBy(() -> query(b -> b.keyConditionExpression("pk = :p").filterExpression("sk > :v").expressionAttributeValues(p)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");
        assertThatThrownBy(() -> query(b -> b.keyConditionExpression("pk = :p").keyConditions(Map.of()).expressionAttributeValues(p)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Can not use both expression and non-expression parameters in the same request");
    }

    @Test
    void valuesWithoutAnExpressionThatTakesThemAreRefusedNamingWhatIsMissing() {
        Map<String, AttributeValue> v = Map.of(":v", s("x"));
        assertThatThrownBy(() -> client.scan(b -> b.tableName("events").expressionAttributeValues(v)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null");
        // a projection holds no values
        assertThatThrownBy(() -> client.scan(b -> b.tableName("events").projectionExpression("kind").expressionAttributeValues(v)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null");
        assertThatThrownBy(() -> query(b -> b.keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, s("a")))).expressionAttributeValues(v)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("ExpressionAttributeValues can only be specified when using expressions: "
                        + "FilterExpression and KeyConditionExpression are null");
    }

    @Test
    void substitutionsOverTwoMegabytesAreRefused() {
        // two placeholders of two characters and two values of 1,048,575: one byte over 2 MiB
        AttributeValue big = s("x".repeat(1_048_575));
        assertThatThrownBy(() -> client.scan(b -> b.tableName("events").filterExpression("kind = :a OR kind = :b")
                .expressionAttributeValues(Map.of(":a", big, ":b", big))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("ExpressionAttributeValues exceeds max size");
        AttributeValue fits = s("x".repeat(1_048_574));
        assertThat(client.scan(b -> b.tableName("events").filterExpression("kind = :a OR kind = :b")
                .expressionAttributeValues(Map.of(":a", fits, ":b", fits))).count()).isZero();
    }

    private void rejects(String expression, Map<String, AttributeValue> values, String message) {
        assertThatThrownBy(() -> query(b -> b.keyConditionExpression(expression).expressionAttributeValues(values)))
                .as(expression)
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage()).as(expression).startsWith(message));
    }
}
