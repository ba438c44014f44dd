package io.dynabox.engine.operation.control;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Backup;
import io.dynabox.engine.table.Backups;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.RestoreSummary;
import io.dynabox.engine.table.Table;
import java.util.regex.Pattern;

/** Finding the backup an action names. */
final class NamedBackups {
    private NamedBackups() {}

    private static final Pattern BACKUP_ARN = Pattern.compile("arn:aws:dynamodb:[^:]+:\\d{12}:table/[^/]+/backup/[^/]+");

    /** The backup {@code arn} names; an ARN not of a backup's form is invalid, in the service's words. */
    static Backup named(RequestContext context, String arn) {
        return held(context, context.namespace(), arn);
    }

    /**
     * The backup a restore names, and the region's backups that hold it: the caller's, or another
     * region's of the same access key, as the service restores across regions (observed in 2026, LAB 274).
     */
    static Held forRestore(RequestContext context, String arn) {
        Namespace namespace = context.namespace();
        if (!ofOtherRegion(context, arn)) return new Held(named(context, arn), namespace.backups());
        Namespace other = namespace.replicator().peer(namespace, arn.split(":", 5)[3]);
        return new Held(held(context, other, arn), other.backups());
    }

    /** Whether a backup's ARN names another region than the caller's (one a restore can reach: not with --shared-db). */
    static boolean ofOtherRegion(RequestContext context, String arn) {
        String[] parts = arn.split(":", 5);
        return BACKUP_ARN.matcher(arn).matches() && !parts[3].equals(context.namespace().region()) && !context.options().sharedDb()
                && context.namespace().replicator() != null;
    }

    /** A backup and the backups of the region that holds it. */
    record Held(Backup backup, Backups backups) {
    }

    private static Backup held(RequestContext context, Namespace namespace, String arn) {
        if (!BACKUP_ARN.matcher(arn).matches()) throw DynamoException.validation("Invalid Backup ARN");
        Backup backup = namespace.backups().find(arn);
        if (backup != null && namespace.backups().removeIfExpired(backup, context.nowMillis())) backup = null;
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
