package io.dynabox.engine.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the control plane keeps about a table beside its definition: where a restored table
 * came from, its point-in-time recovery settings (null: off), the resource policies of the
 * table ("" in {@code resourcePolicies}) and of its streams (the stream's label), and the
 * contributor insights of the table ("") and of its global indexes (the index's name), and
 * its Kinesis streaming destinations (newest first). Immutable; kept in the table's metadata
 * document, so it persists with {@code --db-path}.
 */
public record ControlState(RestoreSummary restoreSummary, ContinuousBackups continuousBackups,
                           Map<String, ResourcePolicy> resourcePolicies, Map<String, ContributorInsights> contributorInsights,
                           List<KinesisDestination> kinesisDestinations) {
    public static final ControlState NONE = new ControlState(null, null, Map.of(), Map.of(), List.of());

    public ControlState {
        resourcePolicies = resourcePolicies == null ? Map.of() : Map.copyOf(resourcePolicies);
        contributorInsights = contributorInsights == null ? Map.of() : Map.copyOf(contributorInsights);
        kinesisDestinations = kinesisDestinations == null ? List.of() : List.copyOf(kinesisDestinations);
    }

    public ControlState withRestoreSummary(RestoreSummary summary) {
        return new ControlState(summary, continuousBackups, resourcePolicies, contributorInsights, kinesisDestinations);
    }

    public ControlState withContinuousBackups(ContinuousBackups settings) {
        return new ControlState(restoreSummary, settings, resourcePolicies, contributorInsights, kinesisDestinations);
    }

    /** The policies with the one of {@code resource} replaced, or removed when {@code policy} is null. */
    public ControlState withResourcePolicy(String resource, ResourcePolicy policy) {
        Map<String, ResourcePolicy> policies = new HashMap<>(resourcePolicies);
        if (policy == null) policies.remove(resource);
        else policies.put(resource, policy);
        return new ControlState(restoreSummary, continuousBackups, policies, contributorInsights, kinesisDestinations);
    }

    /** The insights of the table ("") or a global index, replaced. */
    public ControlState withContributorInsights(String tableOrIndex, ContributorInsights insights) {
        Map<String, ContributorInsights> all = new HashMap<>(contributorInsights);
        all.put(tableOrIndex, insights);
        return new ControlState(restoreSummary, continuousBackups, resourcePolicies, all, kinesisDestinations);
    }

    /** Without the insights of these global indexes (deleted ones). */
    public ControlState withoutContributorInsights(Collection<String> indexes) {
        Map<String, ContributorInsights> all = new HashMap<>(contributorInsights);
        all.keySet().removeAll(indexes);
        return new ControlState(restoreSummary, continuousBackups, resourcePolicies, all, kinesisDestinations);
    }

    /** The Kinesis destination of this stream replaced, or added first when the table had none for it. */
    public ControlState withKinesisDestination(KinesisDestination destination) {
        List<KinesisDestination> all = new ArrayList<>(kinesisDestinations);
        int at = -1;
        for (int i = 0; i < all.size(); i++) if (all.get(i).streamArn().equals(destination.streamArn())) at = i;
        if (at >= 0) all.set(at, destination);
        else all.add(0, destination);
        return new ControlState(restoreSummary, continuousBackups, resourcePolicies, contributorInsights, all);
    }

    /** The Kinesis destination of this stream ARN, or null. */
    public KinesisDestination kinesisDestination(String streamArn) {
        for (KinesisDestination d : kinesisDestinations) if (d.streamArn().equals(streamArn)) return d;
        return null;
    }
}
