package io.dynabox.engine.operation.control;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.error.ServiceTexts;
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
     * A backup a table is being restored from is in use: the service refuses to delete it or to
     * restore from it again meanwhile (observed in 2026; its words are not recorded).
     */
    static void checkNotBeingRestored(RequestContext context, Backup backup) {
        long now = context.nowMillis();
        for (Table table : context.namespace().tables(now)) {
            RestoreSummary restore = table.control().restoreSummary();
            if (restore != null && backup.arn().equals(restore.sourceBackupArn()) && Table.CREATING.equals(table.status(now))) {
                throw new DynamoException(ErrorCode.BACKUP_IN_USE, "Backup is in use: " + backup.arn(),
                        "the table " + table.name() + " is being restored from it; " + ServiceTexts.UNRECORDED_WORDING);
            }
        }
    }

    static String status(RequestContext context, Backup backup) {
        return context.namespace().backups().status(backup, context.nowMillis());
    }
}
