package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.ContinuousBackups;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.wire.Json;

/** The ContinuousBackupsDescription shape, and the table the continuous-backup actions name. */
final class ContinuousBackupsDescriptions {
    private ContinuousBackupsDescriptions() {}

    static Table table(RequestContext context, String nameOrArn) {
        String name = context.tableName(nameOrArn);
        Table table = context.namespace().table(name, context.nowMillis());
        if (table == null || Table.DELETING.equals(table.status(context.nowMillis()))) {
            throw new DynamoException(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + name);
        }
        return table;
    }

    /**
     * Backups of a table being created are refused until it is ACTIVE, in the service's words
     * (observed in 2026): they "are being enabled" while it is created.
     */
    static void checkNotCreating(Table table, String status) {
        if (Table.CREATING.equals(status)) {
            throw new DynamoException(ErrorCode.CONTINUOUS_BACKUPS_UNAVAILABLE,
                    "Backups are being enabled for the table: " + table.name() + ". Please retry later");
        }
    }

    /** On-demand backups are always on, as in the service; point-in-time recovery as the table has it. */
    static ObjectNode describe(Table table, long nowMillis) {
        ObjectNode node = Json.object().put("ContinuousBackupsStatus", "ENABLED");
        ObjectNode pitr = node.putObject("PointInTimeRecoveryDescription");
        ContinuousBackups settings = table.control().continuousBackups();
        if (settings == null || !settings.enabled()) {
            pitr.put("PointInTimeRecoveryStatus", "DISABLED");
            return node;
        }
        pitr.put("EarliestRestorableDateTime", settings.earliestRestorableMillis(nowMillis) / 1000.0);
        pitr.put("LatestRestorableDateTime", settings.latestRestorableMillis(nowMillis) / 1000.0);
        pitr.put("PointInTimeRecoveryStatus", "ENABLED");
        pitr.put("RecoveryPeriodInDays", settings.recoveryPeriodInDays());
        return node;
    }
}
