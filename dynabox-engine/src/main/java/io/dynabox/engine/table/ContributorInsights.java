package io.dynabox.engine.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Contributor insights of a table or one of its global indexes: turned on or off at
 * {@code updatedAtMillis} (engine time), in transition (ENABLING, DISABLING) until
 * {@code settledAtMillis}, in {@code mode} (ACCESSED_AND_THROTTLED_KEYS or THROTTLED_KEYS).
 * Its rules are named after the table (and index) and the moment insights were turned on.
 */
public record ContributorInsights(boolean enabled, String mode, long updatedAtMillis, long settledAtMillis, long rulesCreatedAtMillis) {
    public static final String ENABLING = "ENABLING";
    public static final String ENABLED = "ENABLED";
    public static final String DISABLING = "DISABLING";
    public static final String DISABLED = "DISABLED";
    public static final String ACCESSED_AND_THROTTLED_KEYS = "ACCESSED_AND_THROTTLED_KEYS";
    public static final String THROTTLED_KEYS = "THROTTLED_KEYS";

    public ContributorInsights {
        // kept by an earlier version, without the rules' time: they were made when insights were last turned on
        if (rulesCreatedAtMillis == 0) rulesCreatedAtMillis = updatedAtMillis;
    }

    /**
     * The CloudWatch rules the service creates when insights are turned on, as DescribeContributorInsights lists them:
     * {@code DynamoDBContributorInsights-KIND-RESOURCE-CREATED}, the resource being the table (or {@code TABLE-INDEX}),
     * CREATED the moment insights were turned on, kept through later changes of mode; PKC (most accessed partition
     * keys), SKC (partition and sort keys; only when the table or index has a sort key), PKT and SKT (most throttled),
     * only the last two in THROTTLED_KEYS mode (observed in 2026, LAB 092).
     */
    public List<String> ruleNames(String tableName, String indexName, boolean hasSort) {
        String base = "DynamoDBContributorInsights-%s-" + tableName + (indexName == null ? "" : "-" + indexName) + "-" + rulesCreatedAtMillis;
        List<String> kinds = THROTTLED_KEYS.equals(mode) ? (hasSort ? List.of("PKT", "SKT") : List.of("PKT"))
                : hasSort ? List.of("PKC", "SKC", "PKT", "SKT") : List.of("PKC", "PKT");
        List<String> names = new ArrayList<>(4);
        for (String kind : kinds) names.add(String.format(base, kind));
        return names;
    }

    public String statusAt(long nowMillis) {
        boolean settled = nowMillis >= settledAtMillis;
        if (enabled) return settled ? ENABLED : ENABLING;
        return settled ? DISABLED : DISABLING;
    }
}
