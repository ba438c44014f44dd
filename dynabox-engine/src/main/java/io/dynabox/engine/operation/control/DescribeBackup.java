package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Backup;
import io.dynabox.engine.wire.Json;

/** DescribeBackup: the backup's details, its source table and the table's features when it was taken. */
public final class DescribeBackup implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        Backup backup = NamedBackups.named(context, request.get("BackupArn").textValue());
        return Json.object().set("BackupDescription", BackupDescriptions.description(backup, NamedBackups.status(context, backup)));
    }
}
