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
     * The Authorization header's parameters (every request pays for this): parameters are
     * {@code name=value} separated by commas and/or white space; the first of a name counts, and an
     * empty value is none. Each is found by the JDK's search for its name, not by reading the header
     * character by character (a request's first few hundred run interpreted), and only the
     * Credential's value is read (the signature itself is not).
     */
    private static Parameters parameters(String header) {
        int credential = valueAt(header, "Credential=");
        int credentialEnd = credential < 0 ? -1 : tokenEnd(header, credential);
        return new Parameters(credentialEnd > credential ? header.substring(credential, credentialEnd) : null,
                hasValue(header, valueAt(header, "Signature=")), hasValue(header, valueAt(header, "SignedHeaders=")));
    }

    /**
     * Where the value of the first parameter {@code nameAndEquals} names begins, or -1: the name must
     * begin a token, so it is at the header's start or after a separator.
     */
    private static int valueAt(String header, String nameAndEquals) {
        for (int at = header.indexOf(nameAndEquals); at >= 0; at = header.indexOf(nameAndEquals, at + 1)) {
            if (at == 0 || isSeparator(header.charAt(at - 1))) return at + nameAndEquals.length();
        }
        return -1;
    }

    private static boolean hasValue(String header, int value) {
        return value >= 0 && value < header.length() && !isSeparator(header.charAt(value));
    }

    /** Where the token from {@code from} ends: the next separator, or the header's end. */
    private static int tokenEnd(String header, int from) {
        int length = header.length();
        for (int end = from; end < length; end++) {
            char c = header.charAt(end);
            // between the space and the first Unicode space only a comma separates: most characters are decided without a call
            if (c > ' ' && c < '\u1680' ? c == ',' : isSeparator(c)) return end;
        }
        return length;
    }

    /** A comma or white space; only control characters and a few Unicode spaces beyond the ASCII space are white space. */
    private static boolean isSeparator(char c) {
        return c == ',' || (c <= ' ' || c >= '\u1680') && Character.isWhitespace(c);
    }
}
