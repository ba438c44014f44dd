package io.dynabox.engine.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Contributor insights of a table or one of its global indexes: turned on or off at
 * {@code updatedAtMillis} (engine time), in transition (ENABLING, DISABLING) until
 * {@code settledAtMillis}, in {@code mode} (ACCESSED_AND_THROTTLED_KEYS or THROTTLED_KEYS).
 * Its rules are named after the table (and index) and the moment insights were turned on.
 */
public record ContributorInsights(boolean enabled, String mode, long updatedAtMillis, long settledAtMillis) {
    public static final String ENABLING = "ENABLING";
    public static final String ENABLED = "ENABLED";
    public static final String DISABLING = "DISABLING";
    public static final String DISABLED = "DISABLED";
    public static final String ACCESSED_AND_THROTTLED_KEYS = "ACCESSED_AND_THROTTLED_KEYS";

    /**
     * The CloudWatch rules the service creates when insights are turned on, as DescribeContributorInsights lists them:
     * {@code DynamoDBContributorInsights-KIND-RESOURCE-CREATED}, the resource being the table (or {@code TABLE-INDEX}),
     * CREATED the moment insights were turned on; PKC (most accessed partition keys), SKC (partition and sort keys;
     * only when the table or index has a sort key), PKT and SKT (most throttled).
     */
    public List<String> ruleNames(String tableName, String indexName, boolean hasSort) {
        String base = "DynamoDBContributorInsights-%s-" + tableName + (indexName == null ? "" : "-" + indexName) + "-" + updatedAtMillis;
        List<String> names = new ArrayList<>(4);
        for (String kind : hasSort ? List.of("PKC", "SKC", "PKT", "SKT") : List.of("PKC", "PKT")) names.add(String.format(base, kind));
        return names;
    }

    public String statusAt(long nowMillis) {
        boolean settled = nowMillis >= settledAtMillis;
        if (enabled) return settled ? ENABLED : ENABLING;
        return settled ? DISABLED : DISABLING;
    }
}
