package io.dynabox.engine.operation.control;

import static io.dynabox.engine.table.TableGrammar.present;
import static io.dynabox.engine.table.TableGrammar.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.ContinuousBackups;
import io.dynabox.engine.table.RestoreSummary;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableGrammar;
import io.dynabox.engine.table.TableLocks;
import java.time.Instant;
import java.util.List;

/**
 * RestoreTableToPointInTime: a new table holding exactly the source's items as they were at
 * RestoreDateTime (or at the latest restorable time), computed from the source's items now
 * and its recovery log, under the source's read lock; with the overrides of {@link Restores}.
 */
public final class RestoreTableToPointInTime implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String sourceArn = text(request, "SourceTableArn");
        String sourceName = text(request, "SourceTableName");
        // the service's words (observed in 2026, LAB 100/272), with its members' names in lower camel case
        if (sourceArn == null && sourceName == null) {
            throw DynamoException.validation("The parameter 'TableName' is required but was not present in the request",
                    "name the source table by SourceTableName or SourceTableArn");
        }
        if (sourceArn != null && sourceName != null) {
            throw DynamoException.validation("Must provide exactly one of: sourceTableArn, sourceTableName",
                    "name the source table by name or by ARN, not both");
        }
        if (sourceArn != null && !sourceArn.startsWith("arn:")) {
            throw DynamoException.validation(TableGrammar.INVALID + "sourceTableArn is not a valid ARN");
        }
        JsonNode latestNode = present(request, "UseLatestRestorableTime");
        boolean useLatest = latestNode != null && latestNode.booleanValue();
        JsonNode at = present(request, "RestoreDateTime");
        if (useLatest && at != null) {
            throw DynamoException.validation("Invalid Request: Both RestoreDateTime and UseLatestRestorableTime cannot be set for point-in-time "
                    + "restore request. Please specify either RestoreDateTime time or UseLatestRestorableTime");
        }
        if (!useLatest && at == null) {
            throw DynamoException.validation("Invalid Request: Either one of RestoreDateTime or UseLatestRestorableTime must be specified, but not both",
                    "give a RestoreDateTime or set UseLatestRestorableTime to true");
        }
        String name = sourceName != null ? sourceName : context.tableName(sourceArn);
        Table source = context.namespace().table(name, context.nowMillis());
        if (source == null || Table.DELETING.equals(source.status(context.nowMillis()))) {
            throw new DynamoException(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + name);
        }
        ContinuousBackups settings = source.control().continuousBackups();
        if (settings == null || !settings.enabled()) {
            throw new DynamoException(ErrorCode.POINT_IN_TIME_RECOVERY_UNAVAILABLE,
                    "Point in time recovery is not enabled for table '" + name + "'");
        }
        long now = context.nowMillis();
        long earliest = settings.earliestRestorableMillis(now);
        long latest = settings.latestRestorableMillis(now);
        long restoreAt = useLatest ? latest : at.decimalValue().movePointRight(3).setScale(0, java.math.RoundingMode.FLOOR).longValue();
        if (restoreAt < earliest || restoreAt > latest) {
            // the service's words, its times to the second (observed in 2026, LAB 100/086/272)
            throw new DynamoException(ErrorCode.INVALID_RESTORE_TIME, "RestoreDateTime '" + second(restoreAt)
                    + "' must be within EarliestRestorableDateTime '" + second(earliest) + "' and LatestRestorableDateTime '" + second(latest) + "'");
        }
        Restores.checkTargetFree(context, request.get("TargetTableName").textValue());
        Snapshot snapshot = TableLocks.read(source, () -> new Snapshot(source.definition(), source.itemsAt(restoreAt)));
        RestoreSummary summary = new RestoreSummary(null, snapshot.definition.arn(), restoreAt / 1000.0);
        return Restores.restore(context, request, snapshot.definition, snapshot.items, summary);
    }

    private static Instant second(long millis) {
        return Instant.ofEpochMilli(millis).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private record Snapshot(TableDefinition definition, List<StoredItem> items) {
    }
}
