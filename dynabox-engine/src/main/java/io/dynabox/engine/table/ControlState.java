package io.dynabox.engine.table;

import java.util.HashMap;
import java.util.Map;

/**
 * What the control plane keeps about a table beside its definition: where a restored table
 * came from, its point-in-time recovery settings (null: off), and the resource policies of
 * the table ("" in {@code resourcePolicies}) and of its streams (the stream's label).
 * Immutable; kept in the table's metadata document, so it persists with {@code --db-path}.
 */
public record ControlState(RestoreSummary restoreSummary, ContinuousBackups continuousBackups,
                           Map<String, ResourcePolicy> resourcePolicies) {
    public static final ControlState NONE = new ControlState(null, null, Map.of());

    public ControlState {
        resourcePolicies = resourcePolicies == null ? Map.of() : Map.copyOf(resourcePolicies);
    }

    public ControlState withRestoreSummary(RestoreSummary summary) {
        return new ControlState(summary, continuousBackups, resourcePolicies);
    }

    public ControlState withContinuousBackups(ContinuousBackups settings) {
        return new ControlState(restoreSummary, settings, resourcePolicies);
    }

    /** The policies with the one of {@code resource} replaced, or removed when {@code policy} is null. */
    public ControlState withResourcePolicy(String resource, ResourcePolicy policy) {
        Map<String, ResourcePolicy> policies = new HashMap<>(resourcePolicies);
        if (policy == null) policies.remove(resource);
        else policies.put(resource, policy);
        return new ControlState(restoreSummary, continuousBackups, policies);
    }
}
