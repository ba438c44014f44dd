package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.ContinuousBackups;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.wire.Json;

/**
 * UpdateContinuousBackups: turns point-in-time recovery on (the table's recovery log starts
 * with the next write; the earliest restorable time is now) or off (the log is dropped), or
 * changes its recovery period (1 to 35 days, 35 when not given).
 */
public final class UpdateContinuousBackups implements Operation {
    static final int DEFAULT_RECOVERY_PERIOD_DAYS = 35;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        Table table = ContinuousBackupsDescriptions.table(context, request.get("TableName").textValue());
        ContinuousBackupsDescriptions.checkNotCreating(table, table.status(context.nowMillis()));
        JsonNode specification = request.get("PointInTimeRecoverySpecification");
        boolean enable = specification.get("PointInTimeRecoveryEnabled").booleanValue();
        JsonNode period = specification.get("RecoveryPeriodInDays");
        boolean periodGiven = period != null && !period.isNull();
        if (!enable && periodGiven) {
            throw DynamoException.validation("Invalid Request: Cannot specify RecoveryPeriodInDays when disabling point-in-time recovery.");
        }
        int days = periodGiven ? period.intValue() : DEFAULT_RECOVERY_PERIOD_DAYS;
        long now = context.nowMillis();
        TableLocks.write(table, () -> {
            ContinuousBackups current = table.control().continuousBackups();
            boolean wasOn = current != null && current.enabled();
            if (enable) {
                ContinuousBackups next = new ContinuousBackups(true, days, wasOn ? current.enabledAtMillis() : now);
                table.amendControl(c -> c.withContinuousBackups(next));
                if (wasOn) table.recoveryLog().period(days);
                else table.startRecoveryLog(days, java.util.List.of());
            } else if (wasOn) {
                // the setting first: one the store cannot save leaves recovery on, its log whole
                table.amendControl(c -> c.withContinuousBackups(null));
                table.stopRecoveryLog();
            }
            return null;
        });
        return Json.object().set("ContinuousBackupsDescription", ContinuousBackupsDescriptions.describe(table, now));
    }
}
