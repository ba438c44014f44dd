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
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

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
        assertThat(admin.eventRequestIds("stale-read")).isNotEmpty();
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
}
