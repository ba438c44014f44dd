package io.dynabox.engine.table;

/**
 * What the control plane keeps about a table beside its definition: where a restored table
 * came from, and its point-in-time recovery settings (null: off). Immutable; kept in the
 * table's metadata document, so it persists with {@code --db-path}.
 */
public record ControlState(RestoreSummary restoreSummary, ContinuousBackups continuousBackups) {
    public static final ControlState NONE = new ControlState(null, null);

    public ControlState withRestoreSummary(RestoreSummary summary) {
        return new ControlState(summary, continuousBackups);
    }

    public ControlState withContinuousBackups(ContinuousBackups settings) {
        return new ControlState(restoreSummary, settings);
    }
}
