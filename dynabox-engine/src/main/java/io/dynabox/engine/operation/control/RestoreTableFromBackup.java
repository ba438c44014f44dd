package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Backup;
import io.dynabox.engine.table.RestoreSummary;

/** RestoreTableFromBackup: a new table holding the backup's items, with the request's overrides (see {@link Restores}). */
public final class RestoreTableFromBackup implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String arn = request.get("BackupArn").textValue();
        Backup backup = NamedBackups.named(context, arn);
        if (Backup.CREATING.equals(NamedBackups.status(context, backup))) {
            throw new DynamoException(ErrorCode.BACKUP_IN_USE, "Backup is being created: " + arn,
                    "the service's exact wording is not recorded; a backup can be restored once it is AVAILABLE");
        }
        NamedBackups.checkNotBeingRestored(context, backup, false);
        Restores.checkTargetFree(context, request.get("TargetTableName").textValue());
        RestoreSummary summary = new RestoreSummary(arn, backup.source().arn(), backup.creationDateTime());
        return Restores.restore(context, request, backup.source(), context.namespace().backups().items(backup), summary);
    }
}
