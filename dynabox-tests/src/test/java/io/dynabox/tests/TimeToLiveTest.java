package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Time to Live through both doors: the two actions with the service's rules, and the sweeper deleting expired items. */
@ParameterizedClass
@EnumSource(Door.class)
class TimeToLiveTest {
    private static final long NOW_SECONDS = StreamsBox.START / 1000;

    @Parameter
    Door door;

    StreamsBox box;

    @BeforeEach
    void open() {
        // a sweep delay of an hour: only the test's own sweeps delete
        box = new StreamsBox(door, b -> b.ttlSweepDelay(Duration.ofHours(1)));
        box.client.createTable(b -> b.tableName("sessions").attributeDefinitions(s("id")).keySchema(hash("id"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(sp -> sp.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    @AfterEach
    void close() {
        box.close();
    }

    private void enable(String attribute) {
        box.client.updateTimeToLive(b -> b.tableName("sessions").timeToLiveSpecification(t -> t.enabled(true).attributeName(attribute)));
    }

    private void put(String id, AttributeValue expires) {
        box.client.putItem(b -> b.tableName("sessions").item(Map.of("id", AttributeValue.fromS(id), "expires", expires)));
    }

    private List<String> ids() {
        return box.client.scan(b -> b.tableName("sessions")).items().stream().map(i -> i.get("id").s()).sorted().toList();
    }

    private static void assertError(ThrowingCallable call, String code, String message) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith(message);
    }

    @Test
    void describeShowsTheSettingAsItChanges() {
        var initial = box.client.describeTimeToLive(b -> b.tableName("sessions")).timeToLiveDescription();
        assertThat(initial.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
        assertThat(initial.attributeName()).isNull();
        var answer = box.client.updateTimeToLive(b -> b.tableName("sessions").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        assertThat(answer.timeToLiveSpecification().enabled()).isTrue();
        assertThat(answer.timeToLiveSpecification().attributeName()).isEqualTo("expires");
        var enabled = box.client.describeTimeToLive(b -> b.tableName("sessions")).timeToLiveDescription();
        assertThat(enabled.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(enabled.attributeName()).isEqualTo("expires");

        box.advance(Duration.ofHours(1));
        box.client.updateTimeToLive(b -> b.tableName("sessions").timeToLiveSpecification(t -> t.enabled(false).attributeName("expires")));
        assertThat(box.client.describeTimeToLive(b -> b.tableName("sessions")).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.DISABLED);
    }

    @Test
    void theServicesRulesOnChangingTheSetting() {
        assertError(() -> box.client.updateTimeToLive(b -> b.tableName("sessions").timeToLiveSpecification(t -> t.enabled(false).attributeName("expires"))),
                "ValidationException", "TimeToLive is already disabled");
        enable("expires");
        assertError(() -> enable("expires"), "ValidationException", "TimeToLive is already enabled");
        assertError(() -> enable("other"), "ValidationException", "TimeToLive is active on a different AttributeName: current AttributeName is expires");
        assertError(() -> box.client.updateTimeToLive(b -> b.tableName("sessions").timeToLiveSpecification(t -> t.enabled(false).attributeName("other"))),
                "ValidationException", "TimeToLive is active on a different AttributeName: current AttributeName is expires");
        // a second change within 31 minutes, the interval observed on the service (its documentation says an hour)
        assertError(() -> box.client.updateTimeToLive(b -> b.tableName("sessions").timeToLiveSpecification(t -> t.enabled(false).attributeName("expires"))),
                "ValidationException", "Time to live has been modified multiple times within a fixed interval");
        box.advance(Duration.ofMinutes(30));
        assertError(() -> box.client.updateTimeToLive(b -> b.tableName("sessions").timeToLiveSpecification(t -> t.enabled(false).attributeName("expires"))),
                "ValidationException", "Time to live has been modified multiple times within a fixed interval");
        box.advance(Duration.ofMinutes(1));
        box.client.updateTimeToLive(b -> b.tableName("sessions").timeToLiveSpecification(t -> t.enabled(false).attributeName("expires")));
        assertError(() -> enable("expires"), "ValidationException", "Time to live has been modified multiple times within a fixed interval");
        assertThat(box.client.describeTimeToLive(b -> b.tableName("sessions")).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.DISABLED);

        assertError(() -> box.client.describeTimeToLive(b -> b.tableName("missing")), "ResourceNotFoundException",
                "Requested resource not found: Table: missing not found");
        assertError(() -> box.client.updateTimeToLive(b -> b.tableName("missing").timeToLiveSpecification(t -> t.enabled(true).attributeName("x"))),
                "ResourceNotFoundException", "Requested resource not found: Table: missing not found");
        assertError(() -> box.client.updateTimeToLive(b -> b.tableName("sessions").timeToLiveSpecification(t -> t.enabled(true).attributeName(""))),
                "ValidationException", "1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
        assertError(() -> box.client.updateTimeToLive(b -> b.tableName("sessions")), "ValidationException",
                "1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void theSweeperDeletesExpiredItemsWithAServiceRemoveRecord() {
        enable("expires");
        put("past", AttributeValue.fromN(Long.toString(NOW_SECONDS - 10)));
        put("now", AttributeValue.fromN(Long.toString(NOW_SECONDS)));
        put("future", AttributeValue.fromN(Long.toString(NOW_SECONDS + 3600)));
        put("decimal", AttributeValue.fromN((NOW_SECONDS - 1) + ".5"));
        put("text", AttributeValue.fromS(Long.toString(NOW_SECONDS - 10)));
        put("ancient", AttributeValue.fromN(Long.toString(NOW_SECONDS - 6L * 365 * 24 * 3600)));
        box.client.putItem(b -> b.tableName("sessions").item(Map.of("id", AttributeValue.fromS("none"))));
        String arn = box.client.describeTable(b -> b.tableName("sessions")).table().latestStreamArn();
        String shard = box.streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String iterator = box.streams.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.LATEST)).shardIterator();

        // until the sweeper runs, reads still return an expired item
        assertThat(box.client.getItem(b -> b.tableName("sessions").key(Map.of("id", AttributeValue.fromS("past")))).hasItem()).isTrue();
        assertThat(box.engine.sweepExpiredItems()).isEqualTo(3);
        assertThat(ids()).containsExactly("ancient", "future", "none", "text");

        List<Record> records = box.streams.getRecords(b -> b.shardIterator(iterator)).records();
        assertThat(records).extracting(r -> r.dynamodb().keys().get("id").s()).containsExactlyInAnyOrder("past", "now", "decimal");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.eventName()).isEqualTo(OperationType.REMOVE);
            assertThat(r.userIdentity().type()).isEqualTo("Service");
            assertThat(r.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
            assertThat(r.dynamodb().oldImage()).containsKey("expires");
        });

        box.advance(Duration.ofHours(1));
        assertThat(box.engine.sweepExpiredItems()).isEqualTo(1);
        assertThat(ids()).containsExactly("ancient", "none", "text");
    }

    @Test
    void nothingIsSweptWhileTimeToLiveIsOff() {
        put("past", AttributeValue.fromN(Long.toString(NOW_SECONDS - 10)));
        assertThat(box.engine.sweepExpiredItems()).isZero();
        enable("expires");
        box.advance(Duration.ofHours(1));
        box.client.updateTimeToLive(b -> b.tableName("sessions").timeToLiveSpecification(t -> t.enabled(false).attributeName("expires")));
        assertThat(box.engine.sweepExpiredItems()).isZero();
        assertThat(ids()).containsExactly("past");
    }

    @Test
    void theBackgroundSweeperDeletesWithoutBeingAsked() throws InterruptedException {
        try (StreamsBox quick = new StreamsBox(door, b -> b.ttlSweepDelay(Duration.ZERO))) {
            quick.client.createTable(b -> b.tableName("sessions").attributeDefinitions(s("id")).keySchema(hash("id"))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            quick.client.updateTimeToLive(b -> b.tableName("sessions").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
            quick.client.putItem(b -> b.tableName("sessions").item(Map.of("id", AttributeValue.fromS("past"),
                    "expires", AttributeValue.fromN(Long.toString(NOW_SECONDS - 1)))));
            for (int i = 0; i < 200 && quick.client.scan(b -> b.tableName("sessions")).count() > 0; i++) Thread.sleep(25);
            assertThat(quick.client.scan(b -> b.tableName("sessions")).count()).isZero();
        }
    }

    @Test
    void theSettingSurvivesARestart() {
        org.junit.jupiter.api.Assumptions.assumeTrue(door == Door.HTTP_SQLITE, "restarts need the file store");
        enable("expires");
        put("past", AttributeValue.fromN(Long.toString(NOW_SECONDS - 10)));
        box.restart();
        var description = box.client.describeTimeToLive(b -> b.tableName("sessions")).timeToLiveDescription();
        assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(description.attributeName()).isEqualTo("expires");
        assertError(() -> enable("expires"), "ValidationException", "TimeToLive is already enabled");
        box.client.getItem(b -> b.tableName("sessions").key(Map.of("id", AttributeValue.fromS("past"))));
        assertThat(box.engine.sweepExpiredItems()).isEqualTo(1);
        assertThat(ids()).isEmpty();
    }

    @Test
    void aNamespaceNobodyCalledSinceTheRestartIsSweptToo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(door == Door.HTTP_SQLITE, "restarts need the file store");
        enable("expires");
        put("past", AttributeValue.fromN(Long.toString(NOW_SECONDS - 10)));
        put("future", AttributeValue.fromN(Long.toString(NOW_SECONDS + 3600)));
        box.restart();
        // no request reached the namespace since the restart: the sweep loads it from the file
        assertThat(box.engine.sweepExpiredItems()).isEqualTo(1);
        assertThat(ids()).containsExactly("future");
    }
}
