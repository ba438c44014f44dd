package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.all;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        String path = "/dynabox/contributor-insights?table=orders&accessKey=streams&region=us-east-1" + (index == null ? "" : "&index=" + index);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(box.endpoint() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private void put(String pk, String g) {
        box.client.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS(pk), "g", AttributeValue.fromS(g))));
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
}
