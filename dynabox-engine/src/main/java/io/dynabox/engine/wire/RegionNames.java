package io.dynabox.engine.wire;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import java.util.regex.Pattern;

/**
 * The region of a credential scope must be one the service knows, or it answers
 * {@code InvalidSignatureException: Credential should be scoped to a valid region, not '…'.}
 * Dynabox serves every region, so it accepts every name shaped like one: lowercase letters,
 * digits and hyphens, starting with a letter, at most 50 characters ({@code us-east-1},
 * {@code us-gov-west-1}, and the {@code local} DynamoDB Local users often give). Valid
 * regions never hold an underscore, which keeps the namespace id {@code ACCESSKEY_region}
 * (and its file name) one per pair.
 */
public final class RegionNames {
    private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final int MAX_LENGTH = 50;

    private RegionNames() {}

    public static boolean isValid(String region) {
        return region.length() <= MAX_LENGTH && REGION.matcher(region).matches();
    }

    public static void check(String region) {
        if (!isValid(region)) {
            throw new DynamoException(ErrorCode.INVALID_SIGNATURE, "Credential should be scoped to a valid region, not '" + region + "'. ");
        }
    }
}
