package io.dynabox.engine.wire;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;

/**
 * The access key and region of a request, read from the credential scope of its SigV4
 * {@code Authorization} header. Dynabox does not verify signatures, but a request without
 * one, or with an incomplete one, is refused as the service refuses it.
 */
public record Credentials(String accessKeyId, String region) {
    /** Used when a complete header's credential scope names no region. */
    private static final String DEFAULT_REGION = "us-east-1";

    public static Credentials fromAuthorization(String header, String date) {
        String trimmed = header == null ? "" : header.trim();
        if (!trimmed.startsWith("AWS4-")) {
            throw new DynamoException(ErrorCode.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
        }
        String credential = parameter(trimmed, "Credential");
        StringBuilder missing = new StringBuilder();
        if (credential == null) missing.append("Authorization header requires 'Credential' parameter. ");
        if (parameter(trimmed, "Signature") == null) missing.append("Authorization header requires 'Signature' parameter. ");
        if (parameter(trimmed, "SignedHeaders") == null) missing.append("Authorization header requires 'SignedHeaders' parameter. ");
        if (date == null || date.isBlank()) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.length() > 0) {
            throw new DynamoException(ErrorCode.INCOMPLETE_SIGNATURE, missing + "Authorization=" + header);
        }
        String[] scope = credential.split("/", -1);
        String region = scope.length > 2 && !scope[2].isEmpty() ? scope[2] : DEFAULT_REGION;
        return new Credentials(scope[0], region);
    }

    /** The value of {@code name=value} among parameters separated by commas and/or spaces; null when absent or empty. */
    private static String parameter(String header, String name) {
        int length = header.length();
        int i = 0;
        while (i < length) {
            while (i < length && isSeparator(header.charAt(i))) i++;
            int end = i;
            while (end < length && !isSeparator(header.charAt(end))) end++;
            if (header.startsWith(name, i) && i + name.length() < end && header.charAt(i + name.length()) == '=') {
                return i + name.length() + 1 == end ? null : header.substring(i + name.length() + 1, end);
            }
            i = end;
        }
        return null;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || Character.isWhitespace(c);
    }
}
