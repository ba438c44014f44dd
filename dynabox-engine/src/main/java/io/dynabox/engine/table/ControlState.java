package io.dynabox.engine.table;

/**
 * What the control plane keeps about a table beside its definition: where a restored table
 * came from. Immutable; kept in the table's metadata document, so it persists with
 * {@code --db-path}.
 */
public record ControlState(RestoreSummary restoreSummary) {
    public static final ControlState NONE = new ControlState(null);

    public ControlState withRestoreSummary(RestoreSummary summary) {
        return new ControlState(summary);
    }
}
