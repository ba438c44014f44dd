package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Backup;
import io.dynabox.engine.table.TableGrammar;
import io.dynabox.engine.wire.Json;
import java.util.Comparator;
import java.util.List;

/**
 * ListBackups: the namespace's backups, oldest first, filtered by table (name or ARN), by
 * creation time (the lower bound inclusive, the upper exclusive) and by type (USER when not
 * given; SYSTEM backups are those of deleted tables), a page of {@code Limit} at a time (all without
 * one), with LastEvaluatedBackupArn to go on from. Backups of deleted tables are listed too.
 */
public final class ListBackups implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String table = TableGrammar.text(request, "TableName");
        String tableName = table == null ? null : context.tableName(table);
        JsonNode lower = TableGrammar.present(request, "TimeRangeLowerBound");
        JsonNode upper = TableGrammar.present(request, "TimeRangeUpperBound");
        String type = TableGrammar.text(request, "BackupType");
        String wantedType = type == null ? Backup.USER : type;
        if (lower != null && upper != null && lower.doubleValue() > upper.doubleValue()) {
            throw DynamoException.validation(TableGrammar.INVALID + "Time range lower bound must be less than or equal to upper bound");
        }
        String startAfter = TableGrammar.text(request, "ExclusiveStartBackupArn");
        if (startAfter != null && !startAfter.startsWith("arn:aws:dynamodb:" + context.namespace().region() + ":")) {
            throw DynamoException.validation("Invalid Request: The supplied ExclusiveStartBackupArn does not match the region");
        }
        JsonNode limitNode = TableGrammar.present(request, "Limit");
        int limit = limitNode == null ? Integer.MAX_VALUE : limitNode.intValue();

        List<Backup> matching = context.namespace().backups().all().stream()
                .filter(b -> !b.expiredAt(context.nowMillis()))
                .filter(b -> tableName == null || b.tableName().equals(tableName))
                .filter(b -> lower == null || b.creationDateTime() >= lower.doubleValue())
                .filter(b -> upper == null || b.creationDateTime() < upper.doubleValue())
                .filter(b -> "ALL".equals(wantedType) || b.type().equals(wantedType))
                .sorted(Comparator.comparing(ListBackups::order))
                .filter(b -> startAfter == null || order(b).compareTo(orderOf(startAfter)) > 0)
                .toList();
        ObjectNode answer = Json.object();
        ArrayNode summaries = answer.putArray("BackupSummaries");
        for (Backup backup : matching.subList(0, Math.min(limit, matching.size()))) {
            summaries.add(BackupDescriptions.summary(backup, NamedBackups.status(context, backup)));
        }
        if (matching.size() > limit) answer.put("LastEvaluatedBackupArn", matching.get(limit - 1).arn());
        return answer;
    }

    /** Backups sort by the id at the end of their ARN: creation millisecond first, so oldest first. */
    private static String order(Backup backup) {
        return orderOf(backup.arn());
    }

    /** The id's millisecond zero-padded, so that the 13-digit ids an earlier build stored with --db-path sort among the 14-digit ones. */
    private static String orderOf(String arn) {
        int at = arn.lastIndexOf("/backup/");
        String id = at < 0 ? arn : arn.substring(at + "/backup/".length());
        int dash = id.indexOf('-');
        String millis = dash < 0 ? id : id.substring(0, dash);
        return (millis.chars().allMatch(Character::isDigit) && !millis.isEmpty() ? "0".repeat(Math.max(0, 20 - millis.length())) + millis : millis)
                + " " + arn;
    }
}
