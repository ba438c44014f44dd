package io.dynabox.tests.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynabox.engine.simulation.FaultRule;
import io.dynabox.engine.simulation.SimulationSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

/** Fault rules: a chosen error every time, the next n times or at a seeded rate, and latency; each one logged with its request id. */
@ParameterizedClass
@EnumSource(SimulatedDoor.class)
class FaultTest {
    private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("k"));

    @Parameter
    SimulatedDoor door;

    private String accessKey;
    private DynamoDbClient client;
    private SimulatedDoor.Control admin;

    @BeforeEach
    void open() {
        accessKey = SimulatedDoor.freshAccessKey();
        client = door.client(accessKey);
        admin = door.control(accessKey);
        Tables.onDemand(client, admin, "faulty");
        Tables.onDemand(client, admin, "other");
        client.putItem(b -> b.tableName("faulty").item(KEY));
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRuleWithTimesAnswersItsErrorThatManyTimesThenRetires() {
        String id = admin.addFault(FaultRule.on("GetItem", "faulty").answering("InternalServerError").times(2));

        for (int i = 0; i < 2; i++) {
            InternalServerErrorException e = catchThrowableOfType(InternalServerErrorException.class,
                    () -> client.getItem(b -> b.tableName("faulty").key(KEY)));
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Internal server error [Dynabox: injected by fault rule " + id + "]");
            assertThat(admin.eventRequestIds("fault")).contains(e.requestId());
        }
        assertThat(client.getItem(b -> b.tableName("faulty").key(KEY)).hasItem()).isTrue();
        assertThat(admin.faults()).isEmpty();
    }

    @Test
    void aRuleMatchesOnlyItsActionAndTable() {
        admin.addFault(FaultRule.on("GetItem", "faulty").answering("RequestLimitExceeded"));

        assertThatThrownBy(() -> client.getItem(b -> b.tableName("faulty").key(KEY))).isInstanceOf(RequestLimitExceededException.class);
        assertThat(client.getItem(b -> b.tableName("other").key(KEY)).hasItem()).isFalse();
        client.putItem(b -> b.tableName("faulty").item(KEY));
    }

    /**
     * Simulation audit F5: an injected RequestLimitExceeded says what the simulated account quota says, and an injected
     * ThrottlingException on an item action the on-demand table's text, where they said "quota" and the control plane's text.
     */
    @Test
    void injectedThrottlingErrorsCarryTheTextsTheThrottleUses() {
        admin.addFault(FaultRule.on("GetItem", "faulty").answering("RequestLimitExceeded").times(1));
        admin.addFault(FaultRule.on("PutItem", "faulty").answering("ThrottlingException").times(1));
        admin.addFault(FaultRule.on("DescribeTable", "faulty").answering("ThrottlingException").times(1));

        RequestLimitExceededException quota = catchThrowableOfType(RequestLimitExceededException.class,
                () -> client.getItem(b -> b.tableName("faulty").key(KEY)));
        ThrottlingException item = catchThrowableOfType(ThrottlingException.class, () -> client.putItem(b -> b.tableName("faulty").item(KEY)));
        ThrottlingException control = catchThrowableOfType(ThrottlingException.class, () -> client.describeTable(b -> b.tableName("faulty")));

        assertThat(quota.awsErrorDetails().errorMessage()).startsWith("Throughput exceeds the current throughput limit for your account. "
                + "Please contact AWS Support at https://aws.amazon.com/support request a limit increase [Dynabox: injected by fault rule");
        assertThat(item.awsErrorDetails().errorMessage()).startsWith("Throughput exceeds the current capacity of your table or index. DynamoDB is "
                + "automatically scaling your table or index so please try again shortly.");
        assertThat(control.awsErrorDetails().errorMessage()).startsWith("Rate of requests exceeds the allowed throughput. [Dynabox: injected");
    }

    @Test
    void aRuleOnATableAloneHitsEveryActionOnIt() {
        String id = admin.addFault(FaultRule.on(null, "faulty").answering("ProvisionedThroughputExceededException"));

        assertThatThrownBy(() -> client.putItem(b -> b.tableName("faulty").item(KEY))).isInstanceOf(ProvisionedThroughputExceededException.class);
        assertThatThrownBy(() -> client.batchGetItem(b -> b.requestItems(Map.of("faulty", software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(KEY).build()))))
                .isInstanceOf(ProvisionedThroughputExceededException.class);

        admin.removeFault(id);
        assertThat(client.getItem(b -> b.tableName("faulty").key(KEY)).hasItem()).isTrue();
    }

    @Test
    void serviceUnavailableIsA503() {
        admin.addFault(FaultRule.on("PutItem", null).answering("ServiceUnavailable").times(1));

        DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () -> client.putItem(b -> b.tableName("faulty").item(KEY)));

        assertThat(e.statusCode()).isEqualTo(503);
    }

    @Test
    void theSdksOwnRetriesRecoverFromTransientFaults() {
        admin.addFault(FaultRule.on("GetItem", "faulty").answering("InternalServerError").times(2));

        try (DynamoDbClient retrying = door.retryingClient(accessKey)) {
            assertThat(retrying.getItem(b -> b.tableName("faulty").key(KEY)).hasItem()).isTrue();
        }
        assertThat(admin.eventRequestIds("fault")).hasSize(2);
    }

    @Test
    void aRateDrawsFromTheSeedSoTheSameSeedGivesTheSameAnswers() {
        List<Boolean> first = failuresAtRate(42);
        List<Boolean> again = failuresAtRate(42);

        assertThat(again).isEqualTo(first);
        assertThat(first).contains(true, false); // a rate of one half hits some requests and not others
    }

    private List<Boolean> failuresAtRate(long seed) {
        admin.simulation(SimulationSettings.OFF.withSeed(seed));
        String id = admin.addFault(FaultRule.on("GetItem", "faulty").answering("InternalServerError").rate(0.5));
        List<Boolean> failed = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            try {
                client.getItem(b -> b.tableName("faulty").key(KEY));
                failed.add(false);
            } catch (InternalServerErrorException e) {
                failed.add(true);
            }
        }
        admin.removeFault(id);
        return failed;
    }

    @Test
    void latencyDelaysTheAnswer() {
        admin.addFault(FaultRule.on("GetItem", "faulty").latency(300).times(1));

        long started = System.nanoTime();
        assertThat(client.getItem(b -> b.tableName("faulty").key(KEY)).hasItem()).isTrue();

        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
    }
}
