package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.capacity;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Tests that move the engine's clock to a date of their choosing: back before their tables were
 * made (to test Time to Live at a known instant, say), or late in a UTC day.
 */
@ParameterizedClass
@EnumSource(Door.class)
class MovedClockTest {
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

    /**
     * Without a transient delay a status reached is reached for good: the tables read as CREATING,
     * and every write was ResourceNotFoundException.
     */
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

    /** The fifth decrease of a UTC day late in the evening: the next one is allowed at midnight, when the day's count starts again. */
    @Test
    void theNextDecreaseIsAtMidnightWhenThatComesBeforeAnHour() {
        // to 23:20:00 UTC of today's engine time (or tomorrow's, when it is later than that already)
        Instant now = Instant.ofEpochMilli(box.nowMillis());
        Instant evening = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(23).plusMinutes(20));
        if (evening.isBefore(now)) evening = evening.plus(Duration.ofDays(1));
        box.advance(Duration.between(now, evening));
        box.client.createTable(b -> b.tableName("counted").attributeDefinitions(s("pk")).keySchema(hash("pk")).provisionedThroughput(capacity(10, 10)));
        for (long read = 9; read >= 6; read--) {
            long r = read;
            box.client.updateTable(b -> b.tableName("counted").provisionedThroughput(capacity(r, 10)));
        }
        assertThatThrownBy(() -> box.client.updateTable(b -> b.tableName("counted").provisionedThroughput(capacity(5, 10))))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the "
                                + "first 4 decreases, each subsequent decrease in the same UTC day can be performed at most once every 3600 "
                                + "seconds. Number of decreases today: 4. Last decrease at ")
                        // as the service words it (observed in 2026): midnight, not an hour after the last decrease
                        .endsWith(" at 12:00:00 AM Coordinated Universal Time."));
    }
}
