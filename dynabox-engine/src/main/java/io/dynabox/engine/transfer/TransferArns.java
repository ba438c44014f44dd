package io.dynabox.engine.transfer;

import io.dynabox.engine.error.DynamoException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The ARNs and ids of exports and imports: the table's ARN, {@code /export/} or {@code /import/}, then 14 digits of milliseconds, a dash, 8 hex digits. */
public final class TransferArns {
    private static final Pattern JOB_ARN = Pattern.compile("arn:aws:dynamodb:[a-z0-9-]+:\\d{12}:table/[a-zA-Z0-9_.-]{3,255}/(export|import)/\\d{14}-[0-9a-f]{8}");

    private TransferArns() {}

    /** A new job id, as the service's: the creation time in milliseconds (14 digits), a dash, 8 hex digits. */
    public static String newId(long nowMillis) {
        return String.format("%014d-%08x", nowMillis, ThreadLocalRandom.current().nextInt());
    }

    /** A ClientToken for a request that gave none (the service answers one always). */
    public static String newClientToken() {
        return UUID.randomUUID().toString();
    }

    /**
     * The key that lists jobs newest first when sorted in reverse: the job's id (its creation
     * millisecond, then random hex), then the whole ARN, so jobs of different tables interleave by time.
     */
    public static String listingKey(String jobArn) {
        int slash = jobArn.lastIndexOf('/');
        return jobArn.substring(slash + 1) + " " + jobArn;
    }

    /** Whether an ARN is shaped like an export's ({@code export}) or import's ({@code import}). */
    public static boolean isJobArn(String arn, String kind) {
        var m = JOB_ARN.matcher(arn);
        return m.matches() && m.group(1).equals(kind);
    }

    /** The ValidationException for an ARN that names no export at all. */
    public static DynamoException invalidExportArn(String arn) {
        return DynamoException.validation("Invalid Export ARN", "not an export's ARN: " + arn
                + " (arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/export/ID)");
    }

    /** The ValidationException for an ARN that names no import at all (the service's text, observed in 2026). */
    public static DynamoException invalidImportArn(String arn) {
        return DynamoException.validation("Invalid Import ARN", "not an import's ARN: " + arn
                + " (arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/import/ID)");
    }
}
