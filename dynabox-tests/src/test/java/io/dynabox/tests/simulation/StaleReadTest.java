package io.dynabox.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.simulation.SimulationSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Eventually consistent reads that see the recent past, as the change feed recorded it; strongly consistent reads never do. */
@ParameterizedClass
@EnumSource(SimulatedDoor.class)
class StaleReadTest {
    private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("k"));

    @Parameter
    SimulatedDoor door;

    private DynamoDbClient client;
    private SimulatedDoor.Control admin;

    @BeforeEach
    void open() {
        String accessKey = SimulatedDoor.freshAccessKey();
        client = door.client(accessKey);
        admin = door.control(accessKey);
        admin.simulation(SimulationSettings.OFF.withSeed(3).withConsistencyLagMillis(1000));
        Tables.onDemand(client, admin, "lagging");
    }

    @AfterEach
    void close() {
        client.close();
    }

    private void write(String version) {
        client.putItem(b -> b.tableName("lagging").item(Map.of("id", AttributeValue.fromS("k"), "v", AttributeValue.fromS(version))));
    }

    private String eventuallyConsistentRead() {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName("lagging").key(KEY)).item();
        return item.isEmpty() ? "missing" : item.get("v").s();
    }

    @Test
    void eventuallyConsistentReadsSeeOnlyStatesThatExisted() {
        write("v1");
        admin.advance(Duration.ofMillis(300));
        write("v2");
        admin.advance(Duration.ofMillis(300));
        write("v3");

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) seen.add(eventuallyConsistentRead());

        // up to a second back: before the item existed, or any of its versions, and nothing else
        assertThat(seen).isSubsetOf("missing", "v1", "v2", "v3").hasSizeGreaterThan(1);
        assertThat(admin.events("stale-read")).isNotEmpty().extracting(SimulatedDoor.Event::action).containsOnly("GetItem");
    }

    @Test
    void stronglyConsistentReadsAlwaysSeeTheLatest() {
        write("v1");
        write("v2");

        for (int i = 0; i < 20; i++) {
            assertThat(client.getItem(b -> b.tableName("lagging").key(KEY).consistentRead(true)).item().get("v").s()).isEqualTo("v2");
        }
    }

    @Test
    void onceTheLagHasPassedEveryReadIsCurrent() {
        write("v1");
        write("v2");
        admin.advance(Duration.ofMillis(1001));

        for (int i = 0; i < 20; i++) assertThat(eventuallyConsistentRead()).isEqualTo("v2");
        var batch = client.batchGetItem(b -> b.requestItems(Map.of("lagging", KeysAndAttributes.builder().keys(KEY).build())));
        assertThat(batch.responses().get("lagging")).singleElement().satisfies(item -> assertThat(item.get("v").s()).isEqualTo("v2"));
    }

    @Test
    void batchGetItemReadsLagToo() {
        write("v1");
        admin.advance(Duration.ofMillis(1001)); // v1 has been there longer than the lag: a read sees v1 or v2
        write("v2");

        Set<Integer> sizes = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            var items = client.batchGetItem(b -> b.requestItems(Map.of("lagging", KeysAndAttributes.builder().keys(KEY).build())))
                    .responses().get("lagging");
            sizes.add(items.size());
            items.forEach(item -> seen.add(item.get("v").s()));
        }

        assertThat(seen).containsExactlyInAnyOrder("v1", "v2");
        assertThat(sizes).containsExactly(1); // the item existed throughout the last second
    }
    /** A table with a global index on "g": the items a, b, c written over 600 ms, b changed and c deleted at the end. */
    private void indexedHistory() {
        client.createTable(b -> b.tableName("orders")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(i -> i.indexName("byg").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        admin.advance(Duration.ofSeconds(2));
        put("a", "1");
        put("c", "1");
        admin.advance(Duration.ofMillis(300));
        put("b", "1");
        admin.advance(Duration.ofMillis(300));
        put("b", "2");
        client.deleteItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("c"))));
    }

    private void put(String id, String version) {
        client.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS(id), "g", AttributeValue.fromS("x"),
                "v", AttributeValue.fromS(version))));
    }

    /** A read's items as "id=v" strings, sorted. */
    private static java.util.List<String> states(java.util.List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> item.get("id").s() + "=" + item.get("v").s()).sorted().toList();
    }

    @Test
    void scansQueriesAndIndexQueriesSeeTheTableAsItWasAtOneMomentOfTheLag() {
        indexedHistory();
        // the table's states in the last second, one per moment: each read must show exactly one of them
        Set<java.util.List<String>> existed = Set.of(
                java.util.List.of(),                             // before a and c were written (a second back)
                java.util.List.of("a=1", "c=1"),                 // before b was written
                java.util.List.of("a=1", "b=1", "c=1"),          // b at version 1
                java.util.List.of("a=1", "b=2"));                // now
        Set<java.util.List<String>> scans = new HashSet<>();
        Set<java.util.List<String>> indexQueries = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            scans.add(states(client.scan(b -> b.tableName("orders")).items()));
            indexQueries.add(states(client.query(b -> b.tableName("orders").indexName("byg").keyConditionExpression("g = :g")
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("x")))).items()));
        }
        java.util.List<String> queried = states(client.query(b -> b.tableName("orders").keyConditionExpression("id = :b")
                .expressionAttributeValues(Map.of(":b", AttributeValue.fromS("b")))).items());
        java.util.List<String> selected = states(client.executeStatement(b -> b.statement("SELECT * FROM orders")).items());

        assertThat(existed).containsAll(scans).containsAll(indexQueries).contains(selected);
        assertThat(scans).hasSizeGreaterThan(1);
        assertThat(indexQueries).hasSizeGreaterThan(1); // the global index lags its table
        assertThat(queried).isSubsetOf("b=1", "b=2");
        assertThat(admin.eventRequestIds("stale-read")).isNotEmpty();
    }

    @Test
    void stronglyConsistentRangeReadsSeeTheLatestAndTheLagPasses() {
        indexedHistory();

        for (int i = 0; i < 10; i++) {
            assertThat(states(client.scan(b -> b.tableName("orders").consistentRead(true)).items())).containsExactly("a=1", "b=2");
            assertThat(states(client.executeStatement(b -> b.statement("SELECT * FROM orders").consistentRead(true)).items()))
                    .containsExactly("a=1", "b=2");
        }
        admin.advance(Duration.ofMillis(1001));
        for (int i = 0; i < 10; i++) {
            assertThat(states(client.scan(b -> b.tableName("orders")).items())).containsExactly("a=1", "b=2");
            assertThat(states(client.query(b -> b.tableName("orders").indexName("byg").keyConditionExpression("g = :g")
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("x")))).items())).containsExactly("a=1", "b=2");
        }
    }

    @Test
    void aLocalIndexCompletesItsEntriesAndEndsItsPagesAsOfTheMomentItSees() {
        client.createTable(b -> b.tableName("pages")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("l").attributeType(ScalarAttributeType.S))
                .localSecondaryIndexes(i -> i.indexName("byl").keySchema(k -> k.attributeName("id").keyType(KeyType.HASH),
                        k -> k.attributeName("l").keyType(KeyType.RANGE)).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        admin.advance(Duration.ofSeconds(2));
        putPage("1", "a", "v1");
        admin.advance(Duration.ofMillis(300));
        putPage("1", "a", "v2"); // the index entry stays; the item's other attribute changes
        putPage("2", "b", "v1");
        Map<String, AttributeValue> partition = Map.of(":p", AttributeValue.fromS("p"));
        // the states of partition p in the last second
        Set<java.util.List<String>> existed = Set.of(java.util.List.of(), java.util.List.of("1=v1"), java.util.List.of("1=v2", "2=v1"));
        Set<java.util.List<String>> indexReads = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            var page = client.query(b -> b.tableName("pages").indexName("byl").keyConditionExpression("id = :p")
                    .expressionAttributeValues(partition).select("ALL_ATTRIBUTES"));
            indexReads.add(page.items().stream().map(item -> item.get("sk").s() + "=" + item.get("v").s()).sorted().toList());
            // one item a page: the page that ends at the last item the read saw still says more may follow (the
            // service cannot tell at the end of the data), whichever moment it saw
            var first = client.query(b -> b.tableName("pages").keyConditionExpression("id = :p").expressionAttributeValues(partition).limit(1));
            assertThat(first.items()).extracting(item -> item.get("sk").s()).isSubsetOf("1");
            if (!first.items().isEmpty()) assertThat(first.hasLastEvaluatedKey()).as("LastEvaluatedKey of %s", first).isTrue();
        }
        // the attributes an index entry is completed with are the item's at the same moment: never v2 without item 2
        assertThat(existed).containsAll(indexReads);
        assertThat(indexReads).contains(java.util.List.of("1=v1"));
    }

    private void putPage(String sk, String l, String version) {
        client.putItem(b -> b.tableName("pages").item(Map.of("id", AttributeValue.fromS("p"), "sk", AttributeValue.fromS(sk),
                "l", AttributeValue.fromS(l), "v", AttributeValue.fromS(version))));
    }
}
