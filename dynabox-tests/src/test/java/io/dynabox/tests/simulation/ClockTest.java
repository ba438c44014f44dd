package io.dynabox.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The engine's one clock, manual here: it drives table status transitions and the timestamps of descriptions. */
@ParameterizedClass
@EnumSource(SimulatedDoor.class)
class ClockTest {
    @Parameter
    SimulatedDoor door;

    private DynamoDbClient client;
    private SimulatedDoor.Control admin;

    @BeforeEach
    void open() {
        String accessKey = SimulatedDoor.freshAccessKey();
        client = door.client(accessKey);
        admin = door.control(accessKey);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void manualTimeStandsStillUntilAdvanced() {
        Instant before = admin.now();
        assertThat(admin.clockMode()).isEqualTo("manual");
        assertThat(admin.now()).isEqualTo(before);

        admin.advance(Duration.ofHours(2));

        assertThat(admin.now()).isEqualTo(before.plus(Duration.ofHours(2)));
    }

    @Test
    void tableStatusesMoveOnlyWithTheClock() {
        Instant created = admin.now();
        client.createTable(b -> b.tableName("clocked")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));

        // the server delays transient statuses by one second of the engine's time, which stands still
        assertThat(client.describeTable(b -> b.tableName("clocked")).table().tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(client.describeTable(b -> b.tableName("clocked")).table().creationDateTime()).isEqualTo(created);

        admin.advance(Duration.ofMillis(999));
        assertThat(client.describeTable(b -> b.tableName("clocked")).table().tableStatus()).isEqualTo(TableStatus.CREATING);

        admin.advance(Duration.ofMillis(1));
        assertThat(client.describeTable(b -> b.tableName("clocked")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
    }
}
