package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.simpleTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.sdk.Dynabox;
import io.dynabox.server.DynaboxServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code --log-requests} ({@link DynaboxOptions#logRequests()}): one line per request on standard
 * output, through the HTTP door and the in-process door alike, as the AWS SDK's requests arrive.
 */
class RequestLogTest {
    private static final Instant AT = Instant.parse("2030-01-02T03:04:05.678Z");
    private static final String ID = "[0-9A-Z]{52}";
    private static final String TOOK = "\\d+\\.\\d\\dms";

    @Test
    void theHttpDoorLogsEachRequest() {
        List<String> lines = printed(() -> {
            try (DynaboxServer server = DynaboxServer.start(options().port(0).build());
                 DynamoDbClient client = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                         .endpointOverride(server.endpoint()).region(Region.EU_WEST_1).credentialsProvider(ada())
                         .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build()) {
                threeRequests(client);
            }
        });
        assertThreeLines(lines, "ada_eu-west-1");
    }

    @Test
    void theInProcessDoorLogsEachRequest() {
        List<String> lines = printed(() -> {
            try (Dynabox dynabox = Dynabox.withOptions(options().build());
                 DynamoDbClient client = dynabox.dynamoDbClientBuilder().region(Region.EU_WEST_1).credentialsProvider(ada())
                         .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build()) {
                threeRequests(client);
            }
        });
        assertThreeLines(lines, "ada_eu-west-1");
    }

    @Test
    void nothingIsLoggedUnlessAsked() {
        List<String> lines = printed(() -> {
            try (DynaboxServer server = DynaboxServer.start(DynaboxOptions.builder().port(0).build());
                 DynamoDbClient client = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                         .endpointOverride(server.endpoint()).region(Region.EU_WEST_1).credentialsProvider(ada()).build()) {
                client.listTables();
            }
        });
        assertThat(lines).noneMatch(line -> line.contains("ListTables"));
    }

    private static void threeRequests(DynamoDbClient client) {
        client.createTable(simpleTable("orders"));
        client.putItem(b -> b.tableName("orders").item(Map.of("a", AttributeValue.fromS("x"))));
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("nothing").key(Map.of("a", AttributeValue.fromS("x")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static void assertThreeLines(List<String> lines, String namespace) {
        String at = AT.toString();
        assertThat(lines).satisfiesExactly(
                line -> assertThat(line).matches(at + " " + ID + " " + namespace + " CreateTable orders 200 " + TOOK + " -"),
                line -> assertThat(line).matches(at + " " + ID + " " + namespace + " PutItem orders 200 " + TOOK + " -"),
                line -> assertThat(line).matches(at + " " + ID + " " + namespace + " GetItem nothing 400 " + TOOK + " ResourceNotFoundException"));
    }

    private static DynaboxOptions.Builder options() {
        return DynaboxOptions.builder().manualClock(AT).logRequests(true);
    }

    private static StaticCredentialsProvider ada() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("ada", "secret"));
    }

    /** What {@code run} printed on standard output, by lines; the log is written with the stream in place when the engine starts. */
    private static List<String> printed(Runnable run) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
