package io.dynabox.engine.table;

/**
 * Where a restored table came from: a backup (with its source table) or a source table at a
 * point in time; {@code restoreDateTime} is the moment its items are from (epoch seconds).
 */
public record RestoreSummary(String sourceBackupArn, String sourceTableArn, double restoreDateTime) {
}
