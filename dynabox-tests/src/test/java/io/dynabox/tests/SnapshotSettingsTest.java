package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.table.NamespaceSnapshot;
import io.dynabox.engine.wire.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.DestinationStatus;
import software.amazon.awssdk.services.dynamodb.model.KinesisDataStreamDestination;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The admin snapshot keeps a table's settings beside its definition and items: restoring it
 * brings back point-in-time recovery (its history starting at the restore), Time to Live,
 * contributor insights and Kinesis streaming destinations, and a file store keeps them across
 * a restart. Through the admin front door of each door: {@code /dynabox/snapshots} over HTTP,
 * {@code engine.admin()} in process.
 */
@ParameterizedClass
@EnumSource(Door.class)
class SnapshotSettingsTest {
    private static final String KINESIS_ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/orders-feed";

    @Parameter
    Door door;

    StreamsBox box;

    @BeforeEach
    void open() {
        box = new StreamsBox(door);
    }

    @AfterEach
    void close() {
        box.close();
    }

    private String takeSnapshot() throws Exception {
        if (box.endpoint() == null) return null;
        return admin("/dynabox/snapshots?accessKey=streams&region=us-east-1").get("id").textValue();
    }

    private void restore(String id, NamespaceSnapshot kept) throws Exception {
        if (box.endpoint() == null) box.engine.admin().restore("streams", "us-east-1", kept);
        else admin("/dynabox/snapshots/" + id + "?accessKey=streams&region=us-east-1");
    }

    private JsonNode admin(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(box.endpoint() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.parse(response.body());
    }

    @Test
    void aRestoredTableKeepsItsSettings() throws Exception {
        box.client.createTable(b -> b.tableName("orders").attributeDefinitions(s("id")).keySchema(hash("id"))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        box.client.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("a"))));
        box.client.updateContinuousBackups(b -> b.tableName("orders")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(7)));
        box.client.updateTimeToLive(b -> b.tableName("orders").timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
        box.client.updateContributorInsights(b -> b.tableName("orders").contributorInsightsAction(ContributorInsightsAction.ENABLE));
        box.client.enableKinesisStreamingDestination(b -> b.tableName("orders").streamArn(KINESIS_ARN));
        KinesisDataStreamDestination destination = box.client.describeKinesisStreamingDestination(b -> b.tableName("orders"))
                .kinesisDataStreamDestinations().get(0);

        NamespaceSnapshot kept = box.endpoint() == null ? box.engine.admin().snapshot("streams", "us-east-1") : null;
        String id = takeSnapshot();
        box.advance(Duration.ofHours(2));
        // the namespace changes after the snapshot: settings off, table gone
        box.client.updateContinuousBackups(b -> b.tableName("orders")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false)));
        box.client.deleteTable(b -> b.tableName("orders"));
        restore(id, kept);
        Instant restoredAt = Instant.ofEpochMilli(box.now.get());

        assertSettings(destination, restoredAt);
        assertThat(box.client.getItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("a")))).item()).isNotEmpty();
        // the recovery history starts at the restore: a later write can be restored to the moment before it
        box.advance(Duration.ofMinutes(10));
        box.client.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("b"))));
        box.advance(Duration.ofMinutes(10));
        box.client.restoreTableToPointInTime(b -> b.sourceTableName("orders").targetTableName("before")
                .restoreDateTime(restoredAt.plus(Duration.ofMinutes(5))));
        assertThat(box.client.scan(b -> b.tableName("before")).items()).extracting(i -> i.get("id").s()).containsExactly("a");

        if (door == Door.HTTP_SQLITE) {
            box.restart();
            assertSettings(destination, restoredAt);
        }
    }

    private void assertSettings(KinesisDataStreamDestination destination, Instant restoredAt) {
        ContinuousBackupsDescription backups = box.client.describeContinuousBackups(b -> b.tableName("orders")).continuousBackupsDescription();
        assertThat(backups.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        assertThat(backups.pointInTimeRecoveryDescription().recoveryPeriodInDays()).isEqualTo(7);
        assertThat(backups.pointInTimeRecoveryDescription().earliestRestorableDateTime()).isEqualTo(restoredAt);
        var ttl = box.client.describeTimeToLive(b -> b.tableName("orders")).timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo("expires");
        assertThat(box.client.describeContributorInsights(b -> b.tableName("orders")).contributorInsightsStatus())
                .isEqualTo(ContributorInsightsStatus.ENABLED);
        assertThat(box.client.describeKinesisStreamingDestination(b -> b.tableName("orders")).kinesisDataStreamDestinations())
                .containsExactly(destination);
        assertThat(destination.destinationStatus()).isIn(DestinationStatus.ENABLING, DestinationStatus.ENABLE_FAILED);
    }
}
