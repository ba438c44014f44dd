package io.dynabox.engine.table;

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

    public String statusAt(long nowMillis) {
        boolean settled = nowMillis >= settledAtMillis;
        if (enabled) return settled ? ENABLED : ENABLING;
        return settled ? DISABLED : DISABLING;
    }
}
