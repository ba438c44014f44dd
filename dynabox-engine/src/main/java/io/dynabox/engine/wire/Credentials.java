package io.dynabox.engine.wire;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * The access key and region of a request, read from the credential scope of its SigV4
 * {@code Authorization} header or query-string parameters. Dynabox does not verify
 * signatures, but a request without one, or with an incomplete one, is refused as the
 * service refuses it.
 */
public record Credentials(String accessKeyId, String region) {
    /** Used when a complete header's credential scope names no region. */
    private static final String DEFAULT_REGION = "us-east-1";

    /** The query-string parameters of a presigned request, in the order the service reports them missing. */
    private static final List<String> QUERY_PARAMETERS =
            List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date");

    /** From the {@code Authorization} header, or else the query-string signing parameters ({@code query} may be null). */
    public static Credentials of(String header, String date, Map<String, String> query) {
        boolean queryAlgorithm = query != null && query.containsKey("X-Amz-Algorithm");
        if (header != null && queryAlgorithm) {
            throw new DynamoException(ErrorCode.INVALID_SIGNATURE,
                    "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
        }
        return queryAlgorithm ? fromQuery(query) : fromAuthorization(header, date);
    }

    private static Credentials fromQuery(Map<String, String> query) {
        StringBuilder missing = new StringBuilder();
        for (String name : QUERY_PARAMETERS) {
            String value = query.get(name);
            if (value == null || value.isEmpty()) missing.append("AWS query-string parameters must include '").append(name).append("'. ");
        }
        if (missing.length() > 0) {
            throw new DynamoException(ErrorCode.INCOMPLETE_SIGNATURE, missing + "Re-examine the query-string parameters.");
        }
        return fromScope(query.get("X-Amz-Credential"));
    }

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
        return fromScope(credential);
    }

    /** {@code keyid/date/region/service/aws4_request}: the access key names the caller, the region its namespace. */
    private static Credentials fromScope(String credential) {
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
