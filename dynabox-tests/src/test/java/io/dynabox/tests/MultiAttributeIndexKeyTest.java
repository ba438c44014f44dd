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
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Multi-attribute keys of global secondary indexes (the service's since November 2025): up
 * to four HASH and four RANGE attributes, declared in that order; a Query gives every HASH
 * attribute an equality and the RANGE attributes from the left, equalities and at most one
 * other condition on the last one used; entries order by the RANGE attributes in turn, each by
 * its type's order; an item lacking any key attribute is not in the index. Tables and local
 * indexes keep one partition and at most one sort attribute.
 */
@ParameterizedClass
@EnumSource(Door.class)
class MultiAttributeIndexKeyTest extends DoorTest {
    /** Dynabox's wording where the service's is not on record, with its explanation suffix. */
    private static final String HASH_RULE = "Query key condition not supported: every HASH key attribute of the index must be given an"
            + " equality condition; HASH key attributes: [tournament, region] [Dynabox: ";
    private static final String RANGE_RULE = "Query key condition not supported: RANGE key attributes must be used from left to right"
            + " without a gap, each with an equality condition except the last one used; RANGE key attributes: [round, bracket] [Dynabox: ";

    static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }

    static AttributeDefinition defined(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static GlobalSecondaryIndex gsi(String name, ProjectionType projection, KeySchemaElement... key) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(key).projection(p -> p.projectionType(projection)).build();
    }

    /** matches: id; by-round: HASH tournament, region; RANGE round (N), bracket; by-player: HASH player; RANGE day, score (N). */
    static CreateTableRequest matchesTable() {
        return CreateTableRequest.builder().tableName("matches").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(hash("id"))
                .attributeDefinitions(defined("id", ScalarAttributeType.S), defined("tournament", ScalarAttributeType.S),
                        defined("region", ScalarAttributeType.S), defined("round", ScalarAttributeType.N),
                        defined("bracket", ScalarAttributeType.S), defined("player", ScalarAttributeType.S),
                        defined("day", ScalarAttributeType.S), defined("score", ScalarAttributeType.N))
                .globalSecondaryIndexes(
                        gsi("by-round", ProjectionType.ALL, hash("tournament"), hash("region"), range("round"), range("bracket")),
                        gsi("by-player", ProjectionType.KEYS_ONLY, hash("player"), range("day"), range("score")))
                .build();
    }

    static Map<String, AttributeValue> match(String id, String tournament, String region, int round, String bracket) {
        return item("id", id, "tournament", tournament, "region", region, "round", round, "bracket", bracket);
    }

    @BeforeEach
    void createMatches() {
        client.createTable(matchesTable());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        // inserted out of order: the index orders them by round (numerically), then bracket
        items.add(match("m1", "winter", "na", 10, "upper"));
        items.add(match("m2", "winter", "na", 2, "lower"));
        items.add(match("m3", "winter", "na", 2, "upper"));
        items.add(match("m4", "winter", "na", 1, "upper"));
        items.add(match("m5", "winter", "eu", 1, "upper"));
        items.add(match("m6", "spring", "na", 1, "upper"));
        items.add(match("m7", "winter", "na", 2, "final"));
        items.add(item("id", "m8", "tournament", "winter", "region", "na", "round", 3)); // no bracket: not in by-round
        items.add(item("id", "m9", "tournament", "winter", "round", 3, "bracket", "upper")); // no region: not in by-round
        ReadTables.putAll(client, "matches", items);
    }

    private List<String> ids(Consumer<QueryRequest.Builder> request) {
        List<String> ids = new ArrayList<>();
        client.queryPaginator(b -> request.accept(b.tableName("matches").indexName("by-round"))).items().forEach(i -> ids.add(i.get("id").s()));
        return ids;
    }

    private static Map<String, AttributeValue> values(Object... namesAndValues) {
        Map<String, AttributeValue> values = new HashMap<>(item(namesAndValues));
        return values;
    }

    @Test
    void describeTableShowsTheKeySchemaInTheOrderDeclared() {
        List<GlobalSecondaryIndexDescription> indexes = client.describeTable(b -> b.tableName("matches")).table().globalSecondaryIndexes();
        GlobalSecondaryIndexDescription byRound = indexes.stream().filter(i -> i.indexName().equals("by-round")).findFirst().orElseThrow();
        assertThat(byRound.keySchema()).containsExactly(hash("tournament"), hash("region"), range("round"), range("bracket"));
        assertThat(byRound.itemCount()).isEqualTo(7L);
        GlobalSecondaryIndexDescription byPlayer = indexes.stream().filter(i -> i.indexName().equals("by-player")).findFirst().orElseThrow();
        assertThat(byPlayer.keySchema()).containsExactly(hash("player"), range("day"), range("score"));
    }

    @Test
    void aQueryGivesEveryHashAttributeAndTheRangeAttributesFromTheLeft() {
        Map<String, AttributeValue> winterNa = values(":t", "winter", ":r", "na");
        String partition = "tournament = :t AND #region = :r";
        Map<String, String> names = Map.of("#region", "region");
        // the whole partition, in order: round numerically (1, 2, 10), then bracket by its bytes
        assertThat(ids(b -> b.keyConditionExpression(partition).expressionAttributeNames(names).expressionAttributeValues(winterNa)))
                .containsExactly("m4", "m7", "m2", "m3", "m1");
        assertThat(ids(b -> b.keyConditionExpression(partition).expressionAttributeNames(names).expressionAttributeValues(winterNa)
                .scanIndexForward(false))).containsExactly("m1", "m3", "m2", "m7", "m4");
        // the partition attributes in any order in the text
        assertThat(ids(b -> b.keyConditionExpression("#region = :r AND tournament = :t").expressionAttributeNames(names)
                .expressionAttributeValues(winterNa))).containsExactly("m4", "m7", "m2", "m3", "m1");

        Map<String, AttributeValue> round2 = new HashMap<>(winterNa);
        round2.put(":n", n(2));
        assertThat(ids(b -> b.keyConditionExpression(partition + " AND #round = :n").expressionAttributeNames(Map.of("#region", "region", "#round", "round"))
                .expressionAttributeValues(round2))).containsExactly("m7", "m2", "m3");
        assertThat(ids(b -> b.keyConditionExpression(partition + " AND #round > :n").expressionAttributeNames(Map.of("#region", "region", "#round", "round"))
                .expressionAttributeValues(round2))).containsExactly("m1");
        assertThat(ids(b -> b.keyConditionExpression(partition + " AND #round <= :n").expressionAttributeNames(Map.of("#region", "region", "#round", "round"))
                .expressionAttributeValues(round2))).containsExactly("m4", "m7", "m2", "m3");

        Map<String, AttributeValue> brackets = new HashMap<>(round2);
        brackets.put(":lo", s("g"));
        brackets.put(":hi", s("z"));
        brackets.put(":p", s("lo"));
        Map<String, String> allNames = Map.of("#region", "region", "#round", "round");
        assertThat(ids(b -> b.keyConditionExpression(partition + " AND #round = :n AND bracket BETWEEN :lo AND :hi")
                .expressionAttributeNames(allNames).expressionAttributeValues(without(brackets, ":p")))).containsExactly("m2", "m3");
        assertThat(ids(b -> b.keyConditionExpression(partition + " AND #round = :n AND begins_with(bracket, :p)")
                .expressionAttributeNames(allNames).expressionAttributeValues(without(brackets, ":lo", ":hi")))).containsExactly("m2");
        assertThat(ids(b -> b.keyConditionExpression(partition + " AND bracket = :p AND #round = :n")
                .expressionAttributeNames(allNames).expressionAttributeValues(without(brackets, ":lo", ":hi")))).isEmpty();

        // another partition holds only its own items
        assertThat(ids(b -> b.keyConditionExpression(partition).expressionAttributeNames(names)
                .expressionAttributeValues(values(":t", "winter", ":r", "eu")))).containsExactly("m5");
        // PartiQL reads the partition its WHERE pins, in the index's order
        assertThat(client.executeStatement(b -> b.statement("SELECT id FROM \"matches\".\"by-round\" WHERE tournament = 'winter'"
                + " AND region = 'na' AND bracket <> 'final'")).items()).extracting(i -> i.get("id").s()).containsExactly("m4", "m2", "m3", "m1");
        // the legacy KeyConditions take the same rules
        assertThat(ids(b -> b.keyConditions(Map.of("tournament", eq(s("winter")), "region", eq(s("na")), "round", eq(n(2)),
                "bracket", Condition.builder().comparisonOperator(ComparisonOperator.GT).attributeValueList(s("lower")).build()))))
                .containsExactly("m3");
    }

    private static Condition eq(AttributeValue value) {
        return Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(value).build();
    }

    private static Map<String, AttributeValue> without(Map<String, AttributeValue> values, String... placeholders) {
        Map<String, AttributeValue> kept = new HashMap<>(values);
        for (String p : placeholders) kept.remove(p);
        return kept;
    }

    @Test
    void pagesResumeFromAKeyHoldingEveryKeyAttribute() {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(b -> b.tableName("matches").indexName("by-round").limit(2)
                    .keyConditionExpression("tournament = :t AND #region = :r").expressionAttributeNames(Map.of("#region", "region"))
                    .expressionAttributeValues(values(":t", "winter", ":r", "na")).exclusiveStartKey(from));
            page.items().forEach(i -> seen.add(i.get("id").s()));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            if (start != null) assertThat(start).containsOnlyKeys("id", "tournament", "region", "round", "bracket");
            pages++;
        } while (start != null);
        assertThat(seen).containsExactly("m4", "m7", "m2", "m3", "m1");
        assertThat(pages).isEqualTo(3);

        Map<String, AttributeValue> elsewhere = new HashMap<>(match("m4", "winter", "eu", 1, "upper"));
        rejects(b -> b.keyConditionExpression("tournament = :t AND #region = :r").expressionAttributeNames(Map.of("#region", "region"))
                .expressionAttributeValues(values(":t", "winter", ":r", "na")).exclusiveStartKey(elsewhere),
                "The provided starting key is outside query boundaries based on provided conditions");
        Map<String, AttributeValue> missingOne = new HashMap<>(match("m4", "winter", "na", 1, "upper"));
        missingOne.remove("bracket");
        rejects(b -> b.keyConditionExpression("tournament = :t AND #region = :r").expressionAttributeNames(Map.of("#region", "region"))
                .expressionAttributeValues(values(":t", "winter", ":r", "na")).exclusiveStartKey(missingOne),
                "The provided starting key is invalid");
    }

    @Test
    void queriesThatBreakTheRulesAreRefused() {
        Map<String, String> names = Map.of("#region", "region", "#round", "round");
        rejects(b -> b.keyConditionExpression("tournament = :t").expressionAttributeValues(values(":t", "winter")), HASH_RULE);
        rejects(b -> b.keyConditionExpression("tournament = :t AND #region > :r").expressionAttributeNames(Map.of("#region", "region"))
                .expressionAttributeValues(values(":t", "winter", ":r", "na")), HASH_RULE);
        rejects(b -> b.keyConditionExpression("tournament = :t AND #region = :r AND bracket = :b").expressionAttributeNames(Map.of("#region", "region"))
                .expressionAttributeValues(values(":t", "winter", ":r", "na", ":b", "upper")), RANGE_RULE);
        rejects(b -> b.keyConditionExpression("tournament = :t AND #region = :r AND #round > :n AND bracket = :b").expressionAttributeNames(names)
                .expressionAttributeValues(values(":t", "winter", ":r", "na", ":n", 1, ":b", "upper")), RANGE_RULE);
        rejects(b -> b.keyConditionExpression("tournament = :t AND #region = :r AND #round = :n").expressionAttributeNames(names)
                .expressionAttributeValues(values(":t", "winter", ":r", "na", ":n", "1")),
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
        rejects(b -> b.keyConditionExpression("tournament = :t AND #region = :r").filterExpression("bracket = :b")
                .expressionAttributeNames(Map.of("#region", "region")).expressionAttributeValues(values(":t", "winter", ":r", "na", ":b", "x")),
                "Filter Expression can only contain non-primary key attributes: Primary key attribute: bracket");
        rejects(b -> b.keyConditionExpression("tournament = :t AND #region = :r").consistentRead(true)
                .expressionAttributeNames(Map.of("#region", "region")).expressionAttributeValues(values(":t", "winter", ":r", "na")),
                "Consistent reads are not supported on global secondary indexes");
        // a table's key still takes at most two conditions
        assertThatThrownBy(() -> client.query(b -> b.tableName("matches").keyConditionExpression("id = :i AND tournament = :t AND #region = :r")
                .expressionAttributeNames(Map.of("#region", "region")).expressionAttributeValues(values(":i", "m1", ":t", "winter", ":r", "na"))))
                .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("Conditions can be of length 1 or 2 only");
    }

    private void rejects(Consumer<QueryRequest.Builder> request, String message) {
        assertThatThrownBy(() -> client.query(b -> request.accept(b.tableName("matches").indexName("by-round"))))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage()).startsWith(message));
    }

    @Test
    void writesKeepTheIndexAndItsKeyAttributesAreCheckedOneByOne() {
        // an update that removes a key attribute takes the item out; one that adds it back puts it in again
        client.updateItem(b -> b.tableName("matches").key(Map.of("id", s("m3"))).updateExpression("REMOVE bracket"));
        client.updateItem(b -> b.tableName("matches").key(Map.of("id", s("m8"))).updateExpression("SET bracket = :b")
                .expressionAttributeValues(Map.of(":b", s("upper"))));
        client.deleteItem(b -> b.tableName("matches").key(Map.of("id", s("m2"))));
        assertThat(ids(b -> b.keyConditionExpression("tournament = :t AND #region = :r").expressionAttributeNames(Map.of("#region", "region"))
                .expressionAttributeValues(values(":t", "winter", ":r", "na")))).containsExactly("m4", "m7", "m8", "m1");

        assertThatThrownBy(() -> client.putItem(b -> b.tableName("matches").item(match("x", "winter", "na", 1, "upper")).item(
                item("id", "x", "tournament", "winter", "region", 7))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Type mismatch for Index Key region Expected: S Actual: N IndexName: by-round");
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("matches").item(item("id", "x", "bracket", ""))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values are not valid. A value specified for a secondary index key is not supported."
                        + " The AttributeValue for a key attribute cannot contain an empty string value. IndexName: by-round, IndexKey: bracket");
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("matches").item(item("id", "x", "bracket", "b".repeat(1025)))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Size limit exceeded for Index Key bracket Actual Size: 1025"
                        + " bytes Max Size: 1024 bytes IndexName: by-round");
        client.putItem(b -> b.tableName("matches").item(item("id", "long", "region", "r".repeat(2048))));
    }

    @Test
    void aKeysOnlyIndexHoldsEveryKeyAttributeAndAQueryChargesTheIndex() {
        client.putItem(b -> b.tableName("matches").item(item("id", "g1", "player", "ann", "day", "2026-01-02", "score", 7, "note", "x")));
        client.putItem(b -> b.tableName("matches").item(item("id", "g2", "player", "ann", "day", "2026-01-02", "score", -3)));
        client.putItem(b -> b.tableName("matches").item(item("id", "g3", "player", "ann", "day", "2026-01-01", "score", 50)));
        QueryResponse answer = client.query(b -> b.tableName("matches").indexName("by-player").keyConditionExpression("player = :p")
                .expressionAttributeValues(Map.of(":p", s("ann"))).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertThat(answer.items()).extracting(i -> i.get("id").s()).containsExactly("g3", "g2", "g1");
        assertThat(answer.items().get(2)).containsOnlyKeys("id", "player", "day", "score");
        assertThat(answer.consumedCapacity().globalSecondaryIndexes().get("by-player").capacityUnits()).isEqualTo(0.5);
        assertThat(answer.consumedCapacity().table().capacityUnits()).isEqualTo(0.0);
        assertThat(client.scan(b -> b.tableName("matches").indexName("by-player")).items()).hasSize(3);
    }

    @Test
    void anIndexCreatedLaterIsBackfilled() {
        // every key attribute of the new index is defined in the request, the table's own id too, as the service wants
        client.updateTable(b -> b.tableName("matches").attributeDefinitions(defined("bracket", ScalarAttributeType.S), defined("region", ScalarAttributeType.S),
                        defined("id", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-bracket").keySchema(hash("bracket"), hash("region"), range("id"))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
        GlobalSecondaryIndexDescription created = client.describeTable(b -> b.tableName("matches")).table().globalSecondaryIndexes().stream()
                .filter(i -> i.indexName().equals("by-bracket")).findFirst().orElseThrow();
        assertThat(created.keySchema()).containsExactly(hash("bracket"), hash("region"), range("id"));
        List<String> ids = new ArrayList<>();
        client.queryPaginator(b -> b.tableName("matches").indexName("by-bracket").keyConditionExpression("bracket = :b AND #region = :r")
                .expressionAttributeNames(Map.of("#region", "region")).expressionAttributeValues(values(":b", "upper", ":r", "na")))
                .items().forEach(i -> ids.add(i.get("id").s()));
        assertThat(ids).containsExactly("m1", "m3", "m4", "m6");
    }

    @Test
    void keySchemasAreCheckedAsTheServiceChecksThem() {
        // the service's texts (observed in 2026)
        client.deleteTable(b -> b.tableName("matches"));
        String index = "One or more parameter values were invalid: ";
        createRejects(key(hash("a"), hash("b"), hash("c"), hash("d"), hash("e")),
                index + "The KeySchema exceeds the maximum allowed number of HASH key attributes");
        createRejects(key(hash("a"), range("b"), range("c"), range("d"), range("e"), range("f")),
                index + "The KeySchema exceeds the maximum allowed number of RANGE key attributes");
        createRejects(key(hash("a"), range("b"), hash("c")),
                index + "All HASH key attributes must precede RANGE key attributes in the KeySchema");
        createRejects(key(hash("a"), hash("b"), hash("a")), "The KeySchema contains multiple key attributes with the same name");
        createRejects(key(range("a"), hash("b"), range("c")), "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        createRejects(key(hash("a"), hash("zz")), index + "Some index key attributes are not defined in AttributeDefinitions."
                + " Keys: [a, zz], AttributeDefinitions: [id, a, b, c, d, e, f]");
        createRejects(key(hash("a"), hash("a")), "The KeySchema contains multiple key attributes with the same name");
        // the classic two-element form keeps its text
        createRejects(key(hash("a"), range("a")), "Both the Hash Key and the Range Key element in the KeySchema have the same name");
        // tables and local indexes keep one partition and at most one sort attribute
        assertThatThrownBy(() -> client.createTable(b -> b.tableName("wide").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(hash("id"), hash("a"), range("b")).attributeDefinitions(defined("id", ScalarAttributeType.S),
                        defined("a", ScalarAttributeType.S), defined("b", ScalarAttributeType.S))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("1 validation error detected: Value '[KeySchemaElement(attributeName=id, keyType=HASH),"
                        + " KeySchemaElement(attributeName=a, keyType=HASH), KeySchemaElement(attributeName=b, keyType=RANGE)]' at 'keySchema'"
                        + " failed to satisfy constraint: Member must have length less than or equal to 2");
        assertThatThrownBy(() -> client.createTable(b -> b.tableName("wide").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(hash("id"), range("a")).attributeDefinitions(defined("id", ScalarAttributeType.S),
                        defined("a", ScalarAttributeType.S), defined("b", ScalarAttributeType.S))
                .localSecondaryIndexes(l -> l.indexName("local").keySchema(hash("id"), range("a"), range("b"))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("at 'localSecondaryIndexes.1.member.keySchema' failed to satisfy constraint: Member must have length less than or equal to 2");
        // the largest key: four and four
        client.createTable(b -> b.tableName("widest").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("id"))
                .attributeDefinitions(definitions("id", "a", "b", "c", "d", "e", "f", "g", "h"))
                .globalSecondaryIndexes(gsi("all-eight", ProjectionType.ALL, hash("a"), hash("b"), hash("c"), hash("d"),
                        range("e"), range("f"), range("g"), range("h"))));
        assertThat(client.describeTable(b -> b.tableName("widest")).table().globalSecondaryIndexes().get(0).keySchema()).hasSize(8);
    }

    private static KeySchemaElement[] key(KeySchemaElement... elements) {
        return elements;
    }

    private static List<AttributeDefinition> definitions(String... names) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        for (String name : names) definitions.add(defined(name, ScalarAttributeType.S));
        return definitions;
    }

    private void createRejects(KeySchemaElement[] indexKey, String message) {
        assertThatThrownBy(() -> client.createTable(b -> b.tableName("wide").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("id"))
                .attributeDefinitions(definitions("id", "a", "b", "c", "d", "e", "f"))
                .globalSecondaryIndexes(gsi("wide-index", ProjectionType.ALL, indexKey))))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage()).startsWith(message));
    }
}
