package io.dynabox.engine.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.clock.EngineClock;
import io.dynabox.engine.simulation.FaultRule;
import io.dynabox.engine.simulation.SimulationEvent;
import io.dynabox.engine.simulation.SimulationSettings;
import io.dynabox.engine.table.NamespaceSnapshot;
import io.dynabox.engine.wire.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin front door over HTTP: paths under {@code /dynabox/} with JSON bodies, each a call on {@link Admin}.
 * Every path takes {@code ?accessKey=&region=} to act on one namespace (region defaults to us-east-1).
 * A door hands it the method, path, query and body, and sends back the {@link Answer}; a new path is one
 * {@link #route} line in the constructor.
 */
public final class AdminApi {
    public static final String PREFIX = "/dynabox/";
    private static final String DEFAULT_REGION = "us-east-1";
    private static final String JSON = "application/json";
    /** The instants the clock may show: DynamoDB's times are seconds since 1970, and its dates have four digits. */
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** An admin answer: status, content type and body. */
    public record Answer(int status, String contentType, byte[] body) {
        public static Answer json(int status, JsonNode body) {
            return new Answer(status, JSON, Json.write(body));
        }

        /** {@code {"error": message}}, as every admin error answers (README, Admin API). */
        public static Answer error(int status, String message) {
            return json(status, Json.object().put("error", message));
        }
    }

    /** One admin request: the method, the path after {@link #PREFIX}'s last slash ({@code rest} for {@code .../*} routes), the namespace named, the body. */
    public record Call(String method, String path, String rest, String accessKey, String region, byte[] body,
                       Map<String, String> query) {
        /** A query-string parameter, or null. */
        public String parameter(String name) {
            return query == null ? null : blankToNull(query.get(name));
        }

        /** The body as JSON; an empty body is an empty object. */
        public JsonNode json() {
            if (body == null || body.length == 0) return Json.object();
            try {
                return Json.parse(body);
            } catch (IOException e) {
                throw new IllegalArgumentException("the body is not JSON: " + e.getMessage());
            }
        }
    }

    /** What answers one method on one path. */
    @FunctionalInterface
    public interface Route {
        Answer answer(Call call);
    }

    private final Admin admin;
    /** By "METHOD /dynabox/path"; a path ending in "/*" takes one more segment. */
    private final Map<String, Route> routes = new LinkedHashMap<>();

    public AdminApi(Admin admin) {
        this.admin = admin;
        route("GET", "/dynabox/clock", call -> clock());
        route("POST", "/dynabox/clock", this::moveClock);
        route("GET", "/dynabox/simulation", call -> Answer.json(200, admin.simulation(call.accessKey(), call.region()).toJson()));
        route("PUT", "/dynabox/simulation", this::putSimulation);
        route("GET", "/dynabox/simulation/events", this::events);
        route("DELETE", "/dynabox/simulation/events", call -> { admin.clearEvents(); return Answer.json(200, Json.object()); });
        route("GET", "/dynabox/faults", this::faults);
        route("POST", "/dynabox/faults", this::addFault);
        route("DELETE", "/dynabox/faults", call -> { admin.clearFaults(call.accessKey(), call.region()); return Answer.json(200, Json.object()); });
        route("DELETE", "/dynabox/faults/*", this::removeFault);
        route("POST", "/dynabox/reset", this::reset);
        route("DELETE", "/dynabox/namespaces", this::dropNamespace);
        route("POST", "/dynabox/snapshots", this::takeSnapshot);
        route("POST", "/dynabox/snapshots/*", this::restoreSnapshot);
        route("DELETE", "/dynabox/snapshots/*", this::dropSnapshot);
        route("GET", "/dynabox/replication", call -> replication());
        route("PUT", "/dynabox/replication", this::putReplication);
        route("POST", "/dynabox/replication/flush", call -> {
            int applied = admin.flushReplication();
            return Answer.json(200, replicationJson().put("flushed", applied));
        });
        route("POST", "/dynabox/replication/wait", this::awaitReplication);
    }

    private Answer replication() {
        return Answer.json(200, replicationJson());
    }

    private ObjectNode replicationJson() {
        var replicator = admin.replication();
        return Json.object().put("delayMillis", replicator.delay().toMillis()).put("pending", replicator.pending())
                .put("lagMillis", replicator.lagMillis()).put("shipped", replicator.shippedCount()).put("applied", replicator.appliedCount());
    }

    /** {"delayMillis": N} sets the replication delay for writes from now on. */
    private Answer putReplication(Call call) {
        JsonNode delay = call.json().get("delayMillis");
        if (delay == null || !delay.canConvertToLong() || delay.asLong() < 0) {
            throw new IllegalArgumentException("the body gives 'delayMillis', a whole number of milliseconds, 0 or more");
        }
        admin.replication().delay(Duration.ofMillis(delay.asLong()));
        return replication();
    }

    /** Waits until replication has caught up, at most ?timeoutMillis= (default 10000): 200 when caught up, 408 if not. */
    private Answer awaitReplication(Call call) {
        String timeout = call.parameter("timeoutMillis");
        long millis;
        try {
            millis = timeout == null ? 10_000 : Long.parseLong(timeout);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timeoutMillis is a whole number of milliseconds");
        }
        boolean caughtUp = admin.awaitReplication(Duration.ofMillis(Math.max(0, millis)));
        return Answer.json(caughtUp ? 200 : 408, replicationJson().put("caughtUp", caughtUp));
    }

    /** Adds (or replaces) what answers {@code method} on {@code path}; a path ending in {@code /*} takes one more segment. */
    public void route(String method, String path, Route route) {
        routes.put(method + " " + path, route);
    }

    /** True for the paths this API answers: everything under {@code /dynabox/}. */
    public static boolean handles(String path) {
        return path.startsWith(PREFIX);
    }

    /**
     * Answers one admin request. Unknown paths are a 404, a known path with another method a 405, a bad body or
     * argument a 400 naming the problem; each with {@code {"error": "..."}}.
     */
    public Answer answer(String method, String path, Map<String, String> query, byte[] body) {
        String accessKey = query == null ? null : blankToNull(query.get("accessKey"));
        String region = query == null ? null : blankToNull(query.get("region"));
        if (accessKey == null && region != null) return Answer.error(400, "?region= names a namespace together with ?accessKey=");
        if (accessKey != null && region == null) region = DEFAULT_REGION;
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Route route = routes.get(method + " " + trimmed);
        String rest = null;
        if (route == null) {
            int slash = trimmed.lastIndexOf('/');
            rest = trimmed.substring(slash + 1);
            route = routes.get(method + " " + trimmed.substring(0, slash) + "/*");
        }
        if (route == null) {
            boolean known = false;
            for (String key : routes.keySet()) {
                String routePath = key.substring(key.indexOf(' ') + 1);
                known |= routePath.equals(trimmed) || (routePath.endsWith("/*") && trimmed.startsWith(routePath.substring(0, routePath.length() - 1)));
            }
            return known ? Answer.error(405, method + " is not allowed on " + trimmed)
                    : Answer.error(404, "no admin path " + trimmed + "; see README, Admin API");
        }
        try {
            return route.answer(new Call(method, trimmed, rest, accessKey, region, body, query));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Answer.error(400, e.getMessage());
        }
    }

    private Answer clock() {
        EngineClock clock = admin.clock();
        return Answer.json(200, Json.object().put("now", clock.now().toString()).put("mode", clock.mode()));
    }

    /** {"advanceSeconds": N} moves time on; {"set": "ISO-8601"} stops it at an instant; {"mode": "system"|"manual"} switches. */
    private Answer moveClock(Call call) {
        JsonNode body = call.json();
        EngineClock clock = admin.clock();
        body.fieldNames().forEachRemaining(name -> {
            // as /simulation and /faults refuse theirs: a misspelt member would be a move that never happens
            if (!List.of("advanceSeconds", "set", "mode").contains(name)) throw new IllegalArgumentException("unknown member '" + name + "' of a clock move");
        });
        int given = (body.has("advanceSeconds") ? 1 : 0) + (body.has("set") ? 1 : 0) + (body.has("mode") ? 1 : 0);
        if (given != 1) throw new IllegalArgumentException("the body gives one of 'advanceSeconds', 'set' or 'mode'");
        if (body.has("advanceSeconds")) {
            JsonNode seconds = body.get("advanceSeconds");
            if (!seconds.isNumber()) throw new IllegalArgumentException("'advanceSeconds' is a number");
            double millis = seconds.doubleValue() * 1000;
            double target = clock.now().toEpochMilli() + millis;
            if (!(target >= EARLIEST.toEpochMilli() && target <= LATEST.toEpochMilli())) {
                throw new IllegalArgumentException("'advanceSeconds' " + seconds.asText() + " would move the clock out of " + EARLIEST + " to " + LATEST);
            }
            clock.advance(Duration.ofMillis(Math.round(millis)));
        } else if (body.has("set")) {
            Instant instant;
            try {
                instant = Instant.parse(body.get("set").asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'set' is an ISO-8601 instant such as 2024-01-01T00:00:00Z");
            }
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw new IllegalArgumentException("'set' " + instant + " is out of " + EARLIEST + " to " + LATEST);
            }
            clock.set(instant);
        } else {
            String mode = body.get("mode").asText();
            if (mode.equals(EngineClock.SYSTEM_MODE)) clock.useSystemTime();
            else if (mode.equals(EngineClock.MANUAL_MODE)) clock.freeze();
            else throw new IllegalArgumentException("'mode' is 'system' or 'manual'");
        }
        return clock();
    }

    private Answer putSimulation(Call call) {
        SimulationSettings settings = SimulationSettings.fromJson(call.json());
        admin.simulation(call.accessKey(), call.region(), settings);
        return Answer.json(200, settings.toJson());
    }

    private Answer events(Call call) {
        ArrayNode list = Json.array();
        for (SimulationEvent event : admin.events(call.accessKey(), call.region())) list.add(event.toJson());
        ObjectNode answer = Json.object();
        answer.set("events", list);
        return Answer.json(200, answer);
    }

    private Answer faults(Call call) {
        ArrayNode list = Json.array();
        for (FaultRule rule : admin.faults(call.accessKey(), call.region())) list.add(rule.toJson());
        ObjectNode answer = Json.object();
        answer.set("faults", list);
        return Answer.json(200, answer);
    }

    private Answer addFault(Call call) {
        FaultRule added = admin.addFault(call.accessKey(), call.region(), FaultRule.fromJson(call.json()));
        return Answer.json(200, added.toJson());
    }

    private Answer removeFault(Call call) {
        if (!admin.removeFault(call.accessKey(), call.region(), call.rest())) return Answer.error(404, "no fault rule " + call.rest());
        return Answer.json(200, Json.object().put("id", call.rest()));
    }

    private Answer reset(Call call) {
        if (call.accessKey() == null) admin.reset(); else admin.reset(call.accessKey(), call.region());
        return Answer.json(200, Json.object());
    }

    /** Forgets the namespace named, as {@code DynaboxNamespace.drop()} does from Java: what a suite over HTTP calls after each test. */
    private Answer dropNamespace(Call call) {
        if (call.accessKey() == null) throw new IllegalArgumentException("give ?accessKey=&region=: the namespace to drop");
        admin.dropNamespace(call.accessKey(), call.region());
        return Answer.json(200, Json.object().put("accessKey", call.accessKey()).put("region", call.region()));
    }

    private Answer takeSnapshot(Call call) {
        requireNamespace(call);
        return Answer.json(200, Json.object().put("id", admin.keepSnapshot(call.accessKey(), call.region())));
    }

    /** {@code POST /dynabox/snapshots/ID} restores the snapshot into the namespace named. */
    private Answer restoreSnapshot(Call call) {
        requireNamespace(call);
        NamespaceSnapshot snapshot = admin.keptSnapshot(call.rest());
        if (snapshot == null) return Answer.error(404, "no snapshot " + call.rest());
        admin.restore(call.accessKey(), call.region(), snapshot);
        return Answer.json(200, Json.object().put("id", call.rest()));
    }

    private Answer dropSnapshot(Call call) {
        if (!admin.dropSnapshot(call.rest())) return Answer.error(404, "no snapshot " + call.rest());
        return Answer.json(200, Json.object().put("id", call.rest()));
    }

    private static void requireNamespace(Call call) {
        if (call.accessKey() == null) throw new IllegalArgumentException("snapshots are of one namespace: give ?accessKey=&region=");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
