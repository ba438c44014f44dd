package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.all;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynabox.engine.accounting.PlanningReport;
import io.dynabox.engine.simulation.SimulationSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Contributor insights' keys, which the service shows in CloudWatch: the most accessed and the
 * most throttled partition keys of a table or global index with insights on, counted from the
 * requests served, read from the admin door over HTTP and from Java.
 */
@ParameterizedClass
@EnumSource(Door.class)
class ContributorInsightsKeysTest {
    @Parameter
    Door door;

    StreamsBox box;

    @BeforeEach
    void open() {
        // throttling on: a table of 1 read unit a second, under a clock that stands still, throttles its second read
        box = new StreamsBox(door, b -> b.simulation(SimulationSettings.OFF.withThrottling(true)));
        box.client.createTable(b -> b.tableName("orders").attributeDefinitions(s("pk"), s("g")).keySchema(hash("pk"))
                .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1000L))
                .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(hash("g")).projection(all())
                        .provisionedThroughput(t -> t.readCapacityUnits(1000L).writeCapacityUnits(1000L))));
    }

    @AfterEach
    void close() {
        box.close();
    }

    private JsonNode insights(String index) throws Exception {
        String namespace = box.engine.namespaceId("streams", "us-east-1");
        if (box.endpoint() == null) return new ObjectMapper().valueToTree(box.engine.contributorInsights().json(namespace, "orders", index));
        return admin("/dynabox/contributor-insights?table=orders&accessKey=streams&region=us-east-1" + (index == null ? "" : "&index=" + index));
    }

    /** One rule's contributors, found by the name DescribeContributorInsights lists: from the admin door over HTTP, or from Java. */
    private JsonNode rule(String name) throws Exception {
        String namespace = box.engine.namespaceId("streams", "us-east-1");
        if (box.endpoint() == null) return new ObjectMapper().valueToTree(box.engine.contributorInsights().rule(namespace, name));
        return admin("/dynabox/contributor-insights?rule=" + name + "&accessKey=streams&region=us-east-1");
    }

    private JsonNode reportOf(String table) throws Exception {
        String namespace = box.engine.namespaceId("streams", "us-east-1");
        JsonNode report = box.endpoint() == null
                ? PlanningReport.json(box.engine, new PlanningReport.Settings(namespace, table, null, 1, null))
                : admin("/dynabox/report.json?table=" + table + "&accessKey=streams&region=us-east-1");
        return report.get("tables").get(0);
    }

    private JsonNode admin(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(box.endpoint() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    /** A contributor's key values as text: "pk" or "pk/sk". */
    private static String shown(JsonNode contributor) {
        JsonNode key = contributor.has("Key") ? contributor.get("Key") : contributor.get("PartitionKey");
        StringBuilder out = new StringBuilder();
        key.fields().forEachRemaining(e -> out.append(out.length() == 0 ? "" : "/").append(e.getValue().elements().next().asText()));
        return out.toString();
    }

    private static java.util.List<String> contributors(JsonNode rule) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode c : rule.get("Contributors")) out.add(shown(c) + "=" + (c.get("ReadCapacityUnits").asDouble() + c.get("WriteCapacityUnits").asDouble()));
        return out;
    }

    private void put(String pk, String g) {
        box.client.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS(pk), "g", AttributeValue.fromS(g))));
    }

    @Test
    void theCountersOfDeletedTablesAreForgotten() throws Exception {
        for (int i = 0; i < 100; i++) {
            String name = "scratch-" + i;
            box.client.createTable(b -> b.tableName(name).attributeDefinitions(s("pk")).keySchema(hash("pk"))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            box.client.updateContributorInsights(b -> b.tableName(name).contributorInsightsAction(ContributorInsightsAction.ENABLE));
            box.advance(java.time.Duration.ofSeconds(1)); // a second of capacity under the clock that stands still
            box.client.putItem(b -> b.tableName(name).item(Map.of("pk", AttributeValue.fromS("a"))));
            box.client.deleteTable(b -> b.tableName(name));
            box.advance(java.time.Duration.ofMinutes(1)); // past the table's DELETING time
        }
        // as in the service, a table's rules go with it: without that, all 100 tables' counters stayed
        assertThat(box.engine.contributorInsights().rulesKept()).isLessThanOrEqualTo(64);

        box.client.updateContributorInsights(b -> b.tableName("orders").contributorInsightsAction(ContributorInsightsAction.ENABLE));
        box.advance(java.time.Duration.ofSeconds(1));
        put("hot", "x");
        assertThat(insights(null).get("MostAccessedKeys").get(0).get("PartitionKey").get("pk").get("S").asText()).isEqualTo("hot");
    }

    @Test
    void theMostAccessedAndThrottledKeysOfATableWithInsightsOn() throws Exception {
        box.advance(java.time.Duration.ofSeconds(1)); // one second of capacity: 1000 writes, 1 read
        put("before", "x"); // not counted: insights are off
        box.client.updateContributorInsights(b -> b.tableName("orders").contributorInsightsAction(ContributorInsightsAction.ENABLE));
        for (int i = 0; i < 3; i++) put("hot", "x");
        put("cold", "y");
        box.client.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("cold"))));
        for (int i = 0; i < 3; i++) {
            try {
                box.client.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("hot"))).consistentRead(true));
            } catch (DynamoDbException throttled) {
                assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ProvisionedThroughputExceededException");
            }
        }
        JsonNode table = insights(null);
        assertThat(table.get("ContributorInsightsStatus").asText()).isEqualTo("ENABLED");
        JsonNode accessed = table.get("MostAccessedKeys");
        assertThat(accessed.get(0).get("PartitionKey").get("pk").get("S").asText()).isEqualTo("hot");
        assertThat(accessed.get(0).get("WriteCapacityUnits").asDouble()).isEqualTo(3.0);
        assertThat(accessed).extracting(k -> k.get("PartitionKey").get("pk").get("S").asText()).containsExactlyInAnyOrder("hot", "cold");
        JsonNode throttled = table.get("MostThrottledKeys");
        assertThat(throttled).hasSize(1);
        assertThat(throttled.get(0).get("PartitionKey").get("pk").get("S").asText()).isEqualTo("hot");
        // the reads refused once the second's one read unit was used: what each would have consumed
        assertThat(throttled.get(0).get("ReadCapacityUnits").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(throttled.get(0).get("WriteCapacityUnits").asDouble()).isZero();

        // the index's insights are off: nothing counted for it
        JsonNode index = insights("byG");
        assertThat(index.get("ContributorInsightsStatus").asText()).isEqualTo("DISABLED");
        assertThat(index.get("MostAccessedKeys")).isEmpty();
        // turned on again: counted afresh
        box.client.updateContributorInsights(b -> b.tableName("orders").contributorInsightsAction(ContributorInsightsAction.DISABLE));
        box.advance(java.time.Duration.ofSeconds(1));
        box.client.updateContributorInsights(b -> b.tableName("orders").contributorInsightsAction(ContributorInsightsAction.ENABLE)
                .contributorInsightsMode(ContributorInsightsMode.THROTTLED_KEYS));
        put("hot", "x");
        JsonNode again = insights(null);
        assertThat(again.get("ContributorInsightsMode").asText()).isEqualTo("THROTTLED_KEYS");
        assertThat(again.has("MostAccessedKeys")).isFalse();
        assertThat(again.get("MostThrottledKeys")).isEmpty();
    }

    @Test
    void partitionAndSortKeyRulesOfATableAndAGlobalIndexAreReadableByTheirRuleNames() throws Exception {
        box.client.createTable(b -> b.tableName("events").attributeDefinitions(s("pk"), s("sk"), s("user"), TableFixtures.n("at"))
                .keySchema(hash("pk"), TableFixtures.range("sk"))
                .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1000L))
                .globalSecondaryIndexes(g -> g.indexName("byUser").keySchema(hash("user"), TableFixtures.range("at")).projection(all())
                        .provisionedThroughput(t -> t.readCapacityUnits(1000L).writeCapacityUnits(1000L))));
        box.advance(java.time.Duration.ofSeconds(1)); // one second of capacity: 1000 writes, 1 read
        box.client.updateContributorInsights(b -> b.tableName("events").contributorInsightsAction(ContributorInsightsAction.ENABLE));
        box.client.updateContributorInsights(b -> b.tableName("events").indexName("byUser").contributorInsightsAction(ContributorInsightsAction.ENABLE));
        for (int i = 0; i < 3; i++) putEvent("a", "1", "u1", "5"); // the same item: the index entry is written once
        putEvent("a", "2", "u1", "6");
        putEvent("b", "1", "u2", "7");
        int throttles = 0;
        for (int i = 0; i < 4; i++) {
            try {
                box.client.getItem(b -> b.tableName("events").key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("2")))
                        .consistentRead(true));
            } catch (DynamoDbException throttled) {
                assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ProvisionedThroughputExceededException");
                throttles++;
            }
        }
        assertThat(throttles).isPositive();
        double served = 4 - throttles; // a consistent read of a small item: one unit

        java.util.List<String> tableRules = box.client.describeContributorInsights(b -> b.tableName("events")).contributorInsightsRuleList();
        assertThat(tableRules).hasSize(4);
        assertThat(tableRules.get(0)).startsWith("DynamoDBContributorInsights-PKC-events-");
        assertThat(tableRules.get(1)).startsWith("DynamoDBContributorInsights-SKC-events-");
        assertThat(tableRules.get(2)).startsWith("DynamoDBContributorInsights-PKT-events-");
        assertThat(tableRules.get(3)).startsWith("DynamoDBContributorInsights-SKT-events-");
        // most accessed partition keys: a took 3 + 1 write units and the reads served
        assertThat(contributors(rule(tableRules.get(0)))).containsExactly("a=" + (4 + served), "b=1.0");
        // most accessed partition and sort keys
        java.util.List<String> items = java.util.List.of("a/1=3.0", "a/2=" + (1 + served), "b/1=1.0");
        assertThat(contributors(rule(tableRules.get(1)))).containsExactlyInAnyOrderElementsOf(items);
        // most throttled: the refused reads of a/2, a unit each
        assertThat(contributors(rule(tableRules.get(2)))).containsExactly("a=" + (double) throttles);
        assertThat(contributors(rule(tableRules.get(3)))).containsExactly("a/2=" + (double) throttles);
        assertThat(rule(tableRules.get(1)).get("TableName").asText()).isEqualTo("events");

        // the index's rules count its own keys: the entries written, once each
        java.util.List<String> indexRules = box.client.describeContributorInsights(b -> b.tableName("events").indexName("byUser"))
                .contributorInsightsRuleList();
        assertThat(indexRules.get(0)).startsWith("DynamoDBContributorInsights-PKC-events-byUser-");
        assertThat(contributors(rule(indexRules.get(0)))).containsExactly("u1=2.0", "u2=1.0");
        assertThat(contributors(rule(indexRules.get(1)))).containsExactlyInAnyOrder("u1/5=1.0", "u1/6=1.0", "u2/7=1.0");
        assertThat(rule(indexRules.get(1)).get("IndexName").asText()).isEqualTo("byUser");

        // the planning report shows the same rules, for the table and its index
        JsonNode report = reportOf("events").get("contributorInsights");
        assertThat(report).extracting(i -> i.has("IndexName") ? i.get("IndexName").asText() : "").containsExactly("", "byUser");
        assertThat(report.get(0).get("ContributorInsightsRuleList")).extracting(JsonNode::asText).containsExactlyElementsOf(tableRules);
        assertThat(contributors(report.get(0).get("Rules").get(1))).containsExactlyInAnyOrderElementsOf(items);

        if (door == Door.HTTP_SQLITE) {
            // counted with --db-path: the counts survive a restart
            box.restart();
            assertThat(contributors(rule(tableRules.get(1)))).containsExactlyInAnyOrderElementsOf(items);
            assertThat(contributors(rule(indexRules.get(0)))).containsExactly("u1=2.0", "u2=1.0");
        }
    }

    private void putEvent(String pk, String sk, String user, String at) {
        box.client.putItem(b -> b.tableName("events").item(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk),
                "user", AttributeValue.fromS(user), "at", AttributeValue.fromN(at))));
    }
}
