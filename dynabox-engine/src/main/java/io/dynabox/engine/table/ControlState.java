package io.dynabox.engine.table;

import java.util.HashMap;
import java.util.Map;

/**
 * What the control plane keeps about a table beside its definition: where a restored table
 * came from, its point-in-time recovery settings (null: off), the resource policies of the
 * table ("" in {@code resourcePolicies}) and of its streams (the stream's label), and the
 * contributor insights of the table ("") and of its global indexes (the index's name).
 * Immutable; kept in the table's metadata document, so it persists with {@code --db-path}.
 */
public record ControlState(RestoreSummary restoreSummary, ContinuousBackups continuousBackups,
                           Map<String, ResourcePolicy> resourcePolicies, Map<String, ContributorInsights> contributorInsights) {
    public static final ControlState NONE = new ControlState(null, null, Map.of(), Map.of());

    public ControlState {
        resourcePolicies = resourcePolicies == null ? Map.of() : Map.copyOf(resourcePolicies);
        contributorInsights = contributorInsights == null ? Map.of() : Map.copyOf(contributorInsights);
    }

    public ControlState withRestoreSummary(RestoreSummary summary) {
        return new ControlState(summary, continuousBackups, resourcePolicies, contributorInsights);
    }

    public ControlState withContinuousBackups(ContinuousBackups settings) {
        return new ControlState(restoreSummary, settings, resourcePolicies, contributorInsights);
    }

    /** The policies with the one of {@code resource} replaced, or removed when {@code policy} is null. */
    public ControlState withResourcePolicy(String resource, ResourcePolicy policy) {
        Map<String, ResourcePolicy> policies = new HashMap<>(resourcePolicies);
        if (policy == null) policies.remove(resource);
        else policies.put(resource, policy);
        return new ControlState(restoreSummary, continuousBackups, policies, contributorInsights);
    }

    /** The insights of the table ("") or a global index, replaced. */
    public ControlState withContributorInsights(String tableOrIndex, ContributorInsights insights) {
        Map<String, ContributorInsights> all = new HashMap<>(contributorInsights);
        all.put(tableOrIndex, insights);
        return new ControlState(restoreSummary, continuousBackups, resourcePolicies, all);
    }
}
