package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Backup;
import io.dynabox.engine.wire.Json;

/** DeleteBackup: the backup is gone at once; the answer describes it as DELETED. */
public final class DeleteBackup implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String arn = request.get("BackupArn").textValue();
        Backup backup = NamedBackups.named(context, arn);
        if (Backup.SYSTEM.equals(backup.type())) {
            throw DynamoException.validation("Invalid Request: User is not allowed to delete the system backup with arn " + arn
                    + ". It will automatically expire on " + java.time.Instant.ofEpochMilli(backup.expiresAtMillis()));
        }
        if (Backup.CREATING.equals(NamedBackups.status(context, backup))) {
            throw new DynamoException(ErrorCode.BACKUP_IN_USE, "Backup is being created: " + arn,
                    "the service's exact wording is not recorded; a backup can be deleted once it is AVAILABLE");
        }
        NamedBackups.checkNotBeingRestored(context, backup, true);
        if (!context.namespace().backups().remove(backup)) throw new DynamoException(ErrorCode.BACKUP_NOT_FOUND, "Backup not found: " + arn);
        return Json.object().set("BackupDescription", BackupDescriptions.description(backup, Backup.DELETED));
    }
}
