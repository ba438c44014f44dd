package io.dynabox.engine.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.wire.Json;
import io.dynabox.engine.wire.ShapeValidator;
import java.util.Iterator;
import java.util.Set;

/**
 * One fault to inject: requests that match {@code action} and {@code table} (either may be absent, matching
 * any) get {@code error} and/or wait {@code latencyMillis} longer for their answer, every time, the next
 * {@code times} times, or at {@code rate} (drawn from the simulation's seed).
 *
 * <pre>{"action": "GetItem", "table": "t", "error": "InternalServerError", "times": 2}</pre>
 *
 * @param id            given by the engine when the rule is added; null in a rule not yet added
 * @param action        a DynamoDB action name, or null for every action
 * @param table         a table name, or null for every table (and for actions that name none)
 * @param error         an {@link InjectedError} name, or null for latency alone
 * @param times         how many matching requests the rule hits before it retires, or null
 * @param rate          the share of matching requests hit (0 to 1), or null
 * @param latencyMillis how much later the answer is sent
 */
public record FaultRule(String id, String action, String table, String error, Integer times, Double rate, long latencyMillis) {
    private static final Set<String> FIELDS = Set.of("id", "action", "table", "error", "times", "rate", "latencyMillis");

    public FaultRule {
        if (error != null) InjectedError.named(error);
        // a misspelt action would make a rule that never fires, and a test that expects it pass for the wrong reason
        if (action != null && !ShapeValidator.instance().isServiceAction(action) && !ShapeValidator.streams().isServiceAction(action)) {
            throw new IllegalArgumentException("'action' names no action of DynamoDB or DynamoDB Streams: " + action
                    + " (an action's name as the API has it, such as GetItem or GetRecords; case matters)");
        }
        if (times != null && rate != null) throw new IllegalArgumentException("a fault rule gives 'times' or 'rate', not both");
        if (times != null && times < 1) throw new IllegalArgumentException("'times' is at least 1");
        if (rate != null) SimulationSettings.checkRate("rate", rate);
        if (latencyMillis < 0 || latencyMillis > 60_000) throw new IllegalArgumentException("'latencyMillis' is between 0 and 60000");
    }

    /** A rule for {@code action} (null: any) on {@code table} (null: any), yet to be given an error or a latency. */
    public static FaultRule on(String action, String table) {
        return new FaultRule(null, action, table, null, null, null, 0);
    }

    /** This rule answering with {@code errorName}, an {@link InjectedError} name such as {@code "InternalServerError"}. */
    public FaultRule answering(String errorName) {
        return new FaultRule(id, action, table, errorName, times, rate, latencyMillis);
    }

    /** This rule hitting the next {@code count} matching requests only. */
    public FaultRule times(int count) {
        return new FaultRule(id, action, table, error, count, null, latencyMillis);
    }

    /** This rule hitting a share of matching requests, drawn from the simulation's seed. */
    public FaultRule rate(double share) {
        return new FaultRule(id, action, table, error, null, share, latencyMillis);
    }

    /** This rule delaying the answer by {@code millis} more. */
    public FaultRule latency(long millis) {
        return new FaultRule(id, action, table, error, times, rate, millis);
    }

    void checkComplete() {
        if (error == null && latencyMillis <= 0) throw new IllegalArgumentException("a fault rule gives an 'error', a 'latencyMillis', or both");
    }

    FaultRule withId(String value) {
        return new FaultRule(value, action, table, error, times, rate, latencyMillis);
    }

    boolean matches(String requestAction, Iterable<String> requestTables) {
        if (action != null && !action.equals(requestAction)) return false;
        if (table == null) return true;
        for (String name : requestTables) {
            if (table.equals(name)) return true;
        }
        return false;
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        if (id != null) node.put("id", id);
        if (action != null) node.put("action", action);
        if (table != null) node.put("table", table);
        if (error != null) node.put("error", error);
        if (times != null) node.put("times", times);
        if (rate != null) node.put("rate", rate);
        if (latencyMillis > 0) node.put("latencyMillis", latencyMillis);
        return node;
    }

    /**
     * The rule a JSON document gives (its {@code id}, if any, is ignored: the engine gives one).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static FaultRule fromJson(JsonNode node) {
        if (node == null || !node.isObject()) throw new IllegalArgumentException("a fault rule is a JSON object");
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) throw new IllegalArgumentException("unknown member '" + name + "' of a fault rule; known: " + FIELDS);
        }
        return new FaultRule(null, text(node, "action"), text(node, "table"), text(node, "error"),
                node.has("times") ? timesWithin(SimulationSettings.whole(node, "times", "")) : null,
                node.has("rate") ? SimulationSettings.number(node, "rate", "") : null,
                node.has("latencyMillis") ? SimulationSettings.whole(node, "latencyMillis", "") : 0);
    }

    private static int timesWithin(long times) {
        if (times < 1 || times > Integer.MAX_VALUE) throw new IllegalArgumentException("'times' is a whole number from 1 to " + Integer.MAX_VALUE);
        return (int) times;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw new IllegalArgumentException("'" + name + "' is a string");
        return value.textValue();
    }
}
