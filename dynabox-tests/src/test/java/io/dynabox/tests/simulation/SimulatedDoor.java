package io.dynabox.tests.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.simulation.FaultRule;
import io.dynabox.engine.simulation.SimulationSettings;
import io.dynabox.engine.wire.Json;
import io.dynabox.sdk.Dynabox;
import io.dynabox.sdk.DynaboxNamespace;
import io.dynabox.server.DynaboxServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The two doors of the simulation tests, onto one Dynabox whose clock is manual (it stands at {@link #START}
 * until a test moves it) and whose tables stay CREATING for a second: over HTTP, with the admin API driven
 * over HTTP ({@code /dynabox/...}); and in-process, with the admin API driven from Java ({@code Dynabox},
 * {@code DynaboxNamespace}). Each test works in a namespace of its own and simulates only there.
 */
public enum SimulatedDoor {
    HTTP {
        @Override
        DynamoDbClientBuilder builder(String accessKey) {
            return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(Shared.SERVER.endpoint())
                    .region(Region.US_EAST_1).credentialsProvider(credentials(accessKey));
        }

        @Override
        Control control(String accessKey) {
            return new HttpControl(accessKey);
        }
    },
    IN_PROCESS {
        @Override
        DynamoDbClientBuilder builder(String accessKey) {
            return Shared.DYNABOX.namespace(accessKey, Region.US_EAST_1).dynamoDbClientBuilder();
        }

        @Override
        Control control(String accessKey) {
            return new JavaControl(Shared.DYNABOX.namespace(accessKey, Region.US_EAST_1));
        }
    };

    static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    abstract DynamoDbClientBuilder builder(String accessKey);

    /** The admin API of one namespace, through this door's way of reaching it. */
    abstract Control control(String accessKey);

    /** A client that fails at the first error: the test sees every answer. */
    DynamoDbClient client(String accessKey) {
        return builder(accessKey).overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
    }

    /** A client with the SDK's own default retries and backoff. */
    DynamoDbClient retryingClient(String accessKey) {
        return builder(accessKey).build();
    }

    static String freshAccessKey() {
        return "sim-" + UUID.randomUUID();
    }

    static Dynabox dynabox() {
        return Shared.DYNABOX;
    }

    static DynaboxServer server() {
        return Shared.SERVER;
    }

    private static StaticCredentialsProvider credentials(String accessKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret"));
    }

    /** What a test asks of the admin API, for its namespace. */
    interface Control {
        Instant now();

        String clockMode();

        void advance(Duration amount);

        void simulation(SimulationSettings settings);

        SimulationSettings simulation();

        String addFault(FaultRule rule);

        void removeFault(String id);

        List<FaultRule> faults();

        /** The simulation's events of this namespace of one kind ("throttle", "fault", ...). */
        List<Event> events(String kind);

        /** The request ids of the simulation's events of this namespace, by kind. */
        default List<String> eventRequestIds(String kind) {
            return events(kind).stream().map(Event::requestId).toList();
        }

        void reset();
    }

    /** One event of the simulation: the request it happened to and that request's action. */
    record Event(String requestId, String action) {}

    private static final class JavaControl implements Control {
        private final DynaboxNamespace namespace;

        JavaControl(DynaboxNamespace namespace) {
            this.namespace = namespace;
        }

        @Override public Instant now() { return namespace.clock().now(); }
        @Override public String clockMode() { return namespace.clock().mode(); }
        @Override public void advance(Duration amount) { namespace.clock().advance(amount); }
        @Override public void simulation(SimulationSettings settings) { namespace.simulation(settings); }
        @Override public SimulationSettings simulation() { return namespace.simulation(); }
        @Override public String addFault(FaultRule rule) { return namespace.addFault(rule).id(); }
        @Override public void removeFault(String id) { namespace.removeFault(id); }
        @Override public List<FaultRule> faults() { return namespace.faults(); }
        @Override public void reset() { namespace.reset(); }

        @Override
        public List<Event> events(String kind) {
            return namespace.simulationEvents().stream().filter(e -> e.kind().equals(kind)).map(e -> new Event(e.requestId(), e.action())).toList();
        }
    }

    /** The admin API over HTTP, as a user of another language would drive it. */
    static final class HttpControl implements Control {
        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private final String query;

        HttpControl(String accessKey) {
            this.query = "?accessKey=" + accessKey + "&region=us-east-1";
        }

        @Override public Instant now() { return Instant.parse(call("GET", "/dynabox/clock", null).get("now").asText()); }
        @Override public String clockMode() { return call("GET", "/dynabox/clock", null).get("mode").asText(); }

        @Override
        public void advance(Duration amount) {
            call("POST", "/dynabox/clock", Json.object().put("advanceSeconds", amount.toMillis() / 1000.0));
        }

        @Override
        public void simulation(SimulationSettings settings) {
            call("PUT", "/dynabox/simulation", settings.toJson());
        }

        @Override
        public SimulationSettings simulation() {
            return SimulationSettings.fromJson(call("GET", "/dynabox/simulation", null));
        }

        @Override
        public String addFault(FaultRule rule) {
            return call("POST", "/dynabox/faults", rule.toJson()).get("id").asText();
        }

        @Override
        public void removeFault(String id) {
            call("DELETE", "/dynabox/faults/" + id, null);
        }

        @Override
        public List<FaultRule> faults() {
            List<FaultRule> rules = new ArrayList<>();
            for (JsonNode rule : call("GET", "/dynabox/faults", null).get("faults")) {
                FaultRule parsed = FaultRule.fromJson(((ObjectNode) rule.deepCopy()).without("id"));
                rules.add(new FaultRule(rule.get("id").asText(), parsed.action(), parsed.table(), parsed.error(), parsed.times(), parsed.rate(), parsed.latencyMillis()));
            }
            return rules;
        }

        @Override
        public List<Event> events(String kind) {
            List<Event> events = new ArrayList<>();
            for (JsonNode event : call("GET", "/dynabox/simulation/events", null).get("events")) {
                if (event.get("kind").asText().equals(kind)) events.add(new Event(event.get("requestId").asText(), event.get("action").textValue()));
            }
            return events;
        }

        @Override
        public void reset() {
            call("POST", "/dynabox/reset", null);
        }

        JsonNode call(String method, String path, JsonNode body) {
            HttpResponse<String> response = send(method, path + query, body == null ? null : body.toString());
            if (response.statusCode() != 200) throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            try {
                return Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static HttpResponse<String> send(String method, String pathAndQuery, String body) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(Shared.SERVER.endpoint() + pathAndQuery))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json").build();
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** One Dynabox for every simulation test; it stops with the JVM. */
    private static final class Shared {
        static final Dynabox DYNABOX = Dynabox.withOptions(DynaboxOptions.builder()
                .manualClock(START).delayTransientStatuses(Duration.ofSeconds(1)).build());
        static final DynaboxServer SERVER = DYNABOX.startServer();
    }
}
