package io.dynabox.engine.transfer;

import io.dynabox.engine.error.DynamoException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The ARNs and ids of exports and imports: the table's ARN, {@code /export/} or {@code /import/}, then 14 digits of milliseconds, a dash, 8 hex digits. */
public final class TransferArns {
    private static final Pattern JOB_ARN = Pattern.compile("arn:aws:dynamodb:[a-z0-9-]+:\\d{12}:table/[a-zA-Z0-9_.-]{3,255}/(export|import)/\\d{14}-[0-9a-f]{8}");

    private static final int MIN_TOKEN_DIGITS = 112;

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

    /**
     * A NextToken of ListExports or ListImports that goes on after the job {@code lastArn}: hex, as
     * the service's are, whole groups of 16 digits and at least 112 (ListImports' token shape).
     */
    public static String nextToken(String lastArn) {
        StringBuilder hex = new StringBuilder(HexFormat.of().formatHex(lastArn.getBytes(StandardCharsets.UTF_8)));
        while (hex.length() % 16 != 0 || hex.length() < MIN_TOKEN_DIGITS) hex.append("00");
        return hex.toString();
    }

    /**
     * The job a {@link #nextToken} names, null for none; a token that names no job of this
     * {@code kind} ({@code export} or {@code import}) is refused in the service's words (observed
     * in 2026, also for the other list's token), where starting over would loop a paginator.
     */
    public static String afterToken(String token, String kind) {
        if (token == null) return null;
        try {
            byte[] bytes = HexFormat.of().parseHex(token);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] == 0) end--;
            String arn = new String(bytes, 0, end, StandardCharsets.UTF_8);
            if (isJobArn(arn, kind)) return arn;
        } catch (IllegalArgumentException e) {
            // not hex: refused below
        }
        throw DynamoException.validation("Invalid Request: Provided nextToken is invalid: " + token,
                "a NextToken is what a List" + (kind.equals("export") ? "Exports" : "Imports") + " answer gave");
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
