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
        if ((sourceArn == null) == (sourceName == null)) {
            // the service's words (observed in 2026), with its members' names in lower camel case
            throw DynamoException.validation("Must provide exactly one of: sourceTableArn, sourceTableName",
                    "name the source table by name or by ARN, not both");
        }
        JsonNode latestNode = present(request, "UseLatestRestorableTime");
        boolean useLatest = latestNode != null && latestNode.booleanValue();
        JsonNode at = present(request, "RestoreDateTime");
        if (useLatest == (at != null)) {
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
            throw new DynamoException(ErrorCode.INVALID_RESTORE_TIME,
                    "RestoreDateTime must be between EarliestRestorableDateTime and LatestRestorableDateTime",
                    "the window is " + Instant.ofEpochMilli(earliest) + " to " + Instant.ofEpochMilli(latest)
                            + "; the request asked for " + Instant.ofEpochMilli(restoreAt));
        }
        Restores.checkTargetFree(context, request.get("TargetTableName").textValue());
        Snapshot snapshot = TableLocks.read(source, () -> new Snapshot(source.definition(), source.itemsAt(restoreAt)));
        RestoreSummary summary = new RestoreSummary(null, snapshot.definition.arn(), restoreAt / 1000.0);
        return Restores.restore(context, request, snapshot.definition, snapshot.items, summary);
    }

    private record Snapshot(TableDefinition definition, List<StoredItem> items) {
    }
}
