package io.dynabox.engine.wire;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * The access key and region of a request, read from the credential scope of its SigV4
 * {@code Authorization} header or query-string parameters. A request without one, or with an
 * incomplete one, is refused as the service refuses it; the signature itself is verified only
 * with {@code --credentials} ({@link SignatureCheck}).
 */
public record Credentials(String accessKeyId, String region) {
    /** Used when a complete header's credential scope names no region. */
    private static final String DEFAULT_REGION = "us-east-1";

    /** The Authorization header's parameters that must be there, in the order the service reports them missing. */
    private static final String[] PARAMETERS = {"Credential", "Signature", "SignedHeaders"};
    private static final int CREDENTIAL = 0;
    private static final int SIGNATURE = 1;
    private static final int ALL_SEEN = 0b111;

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

    /** A query-string signature written as the equivalent Authorization header, for {@link SignatureCheck}. */
    public static String queryAsHeader(Map<String, String> query) {
        return query.get("X-Amz-Algorithm") + " Credential=" + query.get("X-Amz-Credential") + ", SignedHeaders="
                + query.get("X-Amz-SignedHeaders") + ", Signature=" + query.get("X-Amz-Signature");
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
        Parameters parameters = parameters(trimmed);
        String credential = parameters.credential();
        StringBuilder missing = new StringBuilder();
        if (credential == null) missing.append("Authorization header requires 'Credential' parameter. ");
        if (!parameters.signature()) missing.append("Authorization header requires 'Signature' parameter. ");
        if (!parameters.signedHeaders()) missing.append("Authorization header requires 'SignedHeaders' parameter. ");
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
        int first = credential.indexOf('/');
        if (first < 0) return new Credentials(credential, DEFAULT_REGION);
        int second = credential.indexOf('/', first + 1);
        int third = second < 0 ? -1 : credential.indexOf('/', second + 1);
        String region = second < 0 ? "" : credential.substring(second + 1, third < 0 ? credential.length() : third);
        return new Credentials(credential.substring(0, first), region.isEmpty() ? DEFAULT_REGION : region);
    }

    /** The Credential parameter's value, and whether the Signature and SignedHeaders parameters have one. */
    private record Parameters(String credential, boolean signature, boolean signedHeaders) {}

    /**
     * The Authorization header's parameters, found in one pass over the header (every request
     * pays for it): parameters are {@code name=value} separated by commas and/or white space;
     * the first of a name counts, and an empty value is none. Only the Credential's value is
     * kept, and the pass stops once the three are found (the signature itself is not read).
     */
    private static Parameters parameters(String header) {
        String credential = null;
        boolean signature = false;
        boolean signedHeaders = false;
        int seen = 0;
        int length = header.length();
        int i = 0;
        while (i < length && seen != ALL_SEEN) {
            while (i < length && isSeparator(header.charAt(i))) i++;
            int p = unseenParameterAt(header, i, seen);
            if (p >= 0) {
                seen |= 1 << p;
                int value = i + PARAMETERS[p].length() + 1;
                boolean hasValue = value < length && !isSeparator(header.charAt(value));
                if (p == CREDENTIAL) credential = hasValue ? header.substring(value, tokenEnd(header, value)) : null;
                else if (p == SIGNATURE) signature = hasValue;
                else signedHeaders = hasValue;
            }
            if (seen != ALL_SEEN) i = tokenEnd(header, i);
        }
        return new Parameters(credential, signature, signedHeaders);
    }

    /** Which of {@link #PARAMETERS} not {@code seen} yet is named at {@code at} (followed by '='), or -1. */
    private static int unseenParameterAt(String header, int at, int seen) {
        for (int p = 0; p < PARAMETERS.length; p++) {
            String name = PARAMETERS[p];
            if ((seen & 1 << p) == 0 && at + name.length() < header.length() && header.charAt(at + name.length()) == '='
                    && header.startsWith(name, at)) {
                return p;
            }
        }
        return -1;
    }

    /** Where the token from {@code from} ends: the next separator, or the header's end. */
    private static int tokenEnd(String header, int from) {
        int end = from;
        while (end < header.length() && !isSeparator(header.charAt(end))) end++;
        return end;
    }

    /** A comma or white space; only control characters and a few Unicode spaces beyond the ASCII space are white space. */
    private static boolean isSeparator(char c) {
        return c == ',' || (c <= ' ' || c >= '\u1680') && Character.isWhitespace(c);
    }
}
