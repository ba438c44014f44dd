package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Backup;
import io.dynabox.engine.table.RestoreSummary;
import io.dynabox.engine.table.TableGrammar;

/** RestoreTableFromBackup: a new table holding the backup's items, with the request's overrides (see {@link Restores}). */
public final class RestoreTableFromBackup implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String arn = request.get("BackupArn").textValue();
        if (NamedBackups.ofOtherRegion(context, arn) && TableGrammar.present(request, "SSESpecificationOverride") == null) {
            // the restored table is encrypted with a key of its own region (observed in 2026, LAB 274)
            throw DynamoException.validation("Invalid Request: sseSpecificationOverride must be provided for cross-region restores");
        }
        NamedBackups.Held held = NamedBackups.forRestore(context, arn);
        Backup backup = held.backup();
        if (Backup.CREATING.equals(held.backups().status(backup, context.nowMillis()))) {
            throw new DynamoException(ErrorCode.BACKUP_IN_USE, "Backup is being created: " + arn,
                    "the service's exact wording is not recorded; a backup can be restored once it is AVAILABLE");
        }
        NamedBackups.checkNotBeingRestored(context, backup, false);
        Restores.checkTargetFree(context, request.get("TargetTableName").textValue());
        RestoreSummary summary = new RestoreSummary(arn, backup.source().arn(), backup.creationDateTime());
        return Restores.restore(context, request, backup.source(), held.backups().items(backup), summary);
    }
}
