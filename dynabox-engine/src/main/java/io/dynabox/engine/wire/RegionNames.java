package io.dynabox.engine.wire;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;

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
    private static final int MAX_LENGTH = 50;

    private RegionNames() {}

    /**
     * Whether the name matches {@code [a-z][a-z0-9]*(-[a-z0-9]+)*} and is short enough: checked
     * by hand, as every request asks (twice) and a regular expression's matcher was a tenth of
     * a GetItem's time in the engine.
     */
    public static boolean isValid(String region) {
        int length = region.length();
        if (length == 0 || length > MAX_LENGTH || !isLetter(region.charAt(0)) || region.charAt(length - 1) == '-') return false;
        for (int i = 1; i < length; i++) {
            char c = region.charAt(i);
            if (c == '-' ? region.charAt(i - 1) == '-' : !isLetter(c) && (c < '0' || c > '9')) return false;
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    public static void check(String region) {
        if (!isValid(region)) {
            throw new DynamoException(ErrorCode.INVALID_SIGNATURE, "Credential should be scoped to a valid region, not '" + region + "'. ");
        }
    }
}
