package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A test that moves the clock back, to a fixed date before its tables were made (to test Time to
 * Live at a known instant, say), keeps its tables: without a transient delay a status reached is
 * reached for good, where the tables read as CREATING and every write was ResourceNotFoundException.
 */
@ParameterizedClass
@EnumSource(Door.class)
class ClockMovedBackTest {
    @Parameter
    Door door;

    private TransferBox box;

    @BeforeEach
    void open() {
        box = new TransferBox(door);
    }

    @AfterEach
    void close() {
        box.close();
    }

    @Test
    void tablesStreamsAndTimeToLiveStayAsTheyWereWhenTheClockMovesBack() {
        box.client.createTable(b -> b.tableName("orders").attributeDefinitions(s("pk")).keySchema(hash("pk"))
                .billingMode(BillingMode.PAY_PER_REQUEST).streamSpecification(st -> st.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        box.client.updateTimeToLive(b -> b.tableName("orders").timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
        box.client.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("a"))));

        box.advance(Duration.ofDays(-30));

        assertThat(box.client.describeTable(b -> b.tableName("orders")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        box.client.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("b"))));
        assertThat(box.client.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("a")))).item()).isNotEmpty();
        String streamArn = box.client.describeTable(b -> b.tableName("orders")).table().latestStreamArn();
        try (DynamoDbStreamsClient streams = box.streams()) {
            assertThat(streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().streamStatus()).isEqualTo(StreamStatus.ENABLED);
        }
        assertThat(box.client.describeTimeToLive(b -> b.tableName("orders")).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.ENABLED);
    }
}
