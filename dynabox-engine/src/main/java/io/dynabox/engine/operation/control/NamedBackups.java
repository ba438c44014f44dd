package io.dynabox.engine.operation.control;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Backup;
import io.dynabox.engine.table.RestoreSummary;
import io.dynabox.engine.table.Table;
import java.util.regex.Pattern;

/** Finding the backup an action names. */
final class NamedBackups {
    private NamedBackups() {}

    private static final Pattern BACKUP_ARN = Pattern.compile("arn:aws:dynamodb:[^:]+:\\d{12}:table/[^/]+/backup/[^/]+");

    /** The backup {@code arn} names; an ARN not of a backup's form is invalid, in the service's words. */
    static Backup named(RequestContext context, String arn) {
        if (!BACKUP_ARN.matcher(arn).matches()) throw DynamoException.validation("Invalid Backup ARN");
        Backup backup = context.namespace().backups().find(arn);
        if (backup != null && context.namespace().backups().removeIfExpired(backup, context.nowMillis())) backup = null;
        if (backup == null) throw new DynamoException(ErrorCode.BACKUP_NOT_FOUND, "Backup not found: " + arn);
        return backup;
    }

    /**
     * A backup a table is being restored from is in use: the service refuses to delete it
     * ({@code deleting}) or to restore from it again meanwhile, in words of its own for each
     * (observed in 2026, LAB BACKUP-010).
     */
    static void checkNotBeingRestored(RequestContext context, Backup backup, boolean deleting) {
        long now = context.nowMillis();
        for (Table table : context.namespace().tables(now)) {
            RestoreSummary restore = table.restoreUnderWay(now);
            if (restore != null && backup.arn().equals(restore.sourceBackupArn())) {
                throw new DynamoException(ErrorCode.BACKUP_IN_USE,
                        (deleting ? "Backup is being used to restore table: " : "Backup is being used to restore another table: ") + backup.arn(),
                        "the table " + table.name() + " is being restored from it");
            }
        }
    }

    static String status(RequestContext context, Backup backup) {
        return context.namespace().backups().status(backup, context.nowMillis());
    }
}
