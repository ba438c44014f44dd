package io.dynabox.engine.wire;

import io.dynabox.engine.RequestHead;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SigV4 verification, for a server started with {@code --credentials FILE} (off by default,
 * as in DynamoDB Local). The checks and their texts follow the service, in its order
 * (docs/service-behaviour/wire.md §4): the date parses, is within 15 minutes of the engine's
 * clock, {@code host} is signed, the algorithm and the credential scope are right, the access
 * key is known, and the signature is the one its secret gives for the request.
 *
 * <p>The in-process door's own clients mark their requests {@code Signature=in-process}
 * instead of signing them: such a request is held to every check but the last (its key must
 * be known, its date current); a request signed by the SDK's real signer through the
 * in-process door is checked in full. Over HTTP {@code in-process} is just a wrong signature.
 */
public final class SignatureCheck {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String IN_PROCESS_SIGNATURE = "in-process";
    private static final long SKEW_MILLIS = 15 * 60 * 1000L;
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    private final Map<String, String> secrets;

    public SignatureCheck(Map<String, String> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    /**
     * Access keys and secrets from a file: either the AWS CLI's shared credentials file
     * ({@code aws_access_key_id} / {@code aws_secret_access_key} in each {@code [profile]}),
     * or one {@code ACCESS_KEY_ID SECRET_ACCESS_KEY} pair a line; {@code #} starts a comment.
     */
    public static SignatureCheck fromFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the credentials file " + file + (e instanceof NoSuchFileException ? ": no such file" : ""), e);
        }
        Map<String, String> secrets = new HashMap<>();
        String profileKey = null;
        String profileSecret = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("[")) {
                if (profileKey != null && profileSecret != null) secrets.put(profileKey, profileSecret);
                profileKey = profileSecret = null;
                continue;
            }
            int equals = line.indexOf('=');
            if (equals > 0) {
                String name = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
                String value = line.substring(equals + 1).strip();
                if (name.equals("aws_access_key_id")) profileKey = value;
                if (name.equals("aws_secret_access_key")) profileSecret = value;
                continue;
            }
            String[] pair = line.split("\\s+");
            if (pair.length != 2) throw new IllegalArgumentException("credentials file " + file + ": expected 'ACCESS_KEY_ID SECRET' in: " + raw);
            secrets.put(pair[0], pair[1]);
        }
        if (profileKey != null && profileSecret != null) secrets.put(profileKey, profileSecret);
        if (secrets.isEmpty()) throw new IllegalArgumentException("credentials file " + file + " holds no access key");
        return new SignatureCheck(secrets);
    }

    /** Checks a request whose Authorization header {@link Credentials} found complete; throws the service's error when it fails. */
    public void verify(RequestHead head, String authorization, String date, byte[] body, long nowMillis) {
        Instant signedAt = parseDate(date);
        checkTime(signedAt, nowMillis);
        String header = authorization.trim();
        int space = header.indexOf(' ');
        String algorithm = space < 0 ? header : header.substring(0, space);
        Map<String, String> parameters = parameters(space < 0 ? "" : header.substring(space + 1));
        List<String> signedHeaders = Arrays.asList(parameters.get("SignedHeaders").toLowerCase(Locale.ROOT).split(";"));
        if (!signedHeaders.contains("host")) {
            throw new DynamoException(ErrorCode.INVALID_SIGNATURE, "'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }
        if (!algorithm.equals(ALGORITHM)) {
            throw new DynamoException(ErrorCode.INCOMPLETE_SIGNATURE,
                    "Unsupported AWS 'algorithm': '" + algorithm + "' (only AWS4-HMAC-SHA256 for now). ");
        }
        String credential = parameters.get("Credential");
        String[] scope = credential.split("/", -1);
        if (scope.length != 5) {
            throw new DynamoException(ErrorCode.INCOMPLETE_SIGNATURE, "Credential must have exactly 5 slash-delimited elements, "
                    + "e.g. keyid/date/region/service/term, got '" + credential + "'");
        }
        String amzDate = BASIC.format(signedAt.atZone(ZoneOffset.UTC));
        checkScope(scope, amzDate);
        String secret = secrets.get(scope[0]);
        if (secret == null) {
            throw new DynamoException(ErrorCode.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.",
                    "the access key '" + scope[0] + "' is not in the --credentials file");
        }
        String signature = parameters.get("Signature");
        if (head.inProcess() && signature.equals(IN_PROCESS_SIGNATURE)) return;
        String canonical = canonicalRequest(head, signedHeaders, parameters.get("SignedHeaders"), body);
        String scopeText = String.join("/", scope[1], scope[2], scope[3], scope[4]);
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scopeText + "\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
        for (int i = 2; i < 5; i++) key = hmac(key, scope[i]);
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.UTF_8))) {
            throw new DynamoException(ErrorCode.INVALID_SIGNATURE, "The request signature we calculated does not match the signature you "
                    + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                    + "The Canonical String for this request should have been\n'" + canonical + "'\n\n"
                    + "The String-to-Sign should have been\n'" + stringToSign + "'\n");
        }
    }

    private static Instant parseDate(String date) {
        try {
            return LocalDateTime.parse(date, BASIC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notBasic) {
            try {
                return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException notHttp) {
                throw new DynamoException(ErrorCode.INCOMPLETE_SIGNATURE,
                        "Date must be in ISO-8601 'basic format'. Got '" + date + "'. See http://en.wikipedia.org/wiki/ISO_8601");
            }
        }
    }

    private static void checkTime(Instant signedAt, long nowMillis) {
        String date = BASIC.format(signedAt.atZone(ZoneOffset.UTC));
        String now = BASIC.format(Instant.ofEpochMilli(nowMillis).atZone(ZoneOffset.UTC));
        if (signedAt.toEpochMilli() < nowMillis - SKEW_MILLIS) {
            String limit = BASIC.format(Instant.ofEpochMilli(nowMillis - SKEW_MILLIS).atZone(ZoneOffset.UTC));
            throw new DynamoException(ErrorCode.INVALID_SIGNATURE,
                    "Signature expired: " + date + " is now earlier than " + limit + " (" + now + " - 15 min.)");
        }
        if (signedAt.toEpochMilli() > nowMillis + SKEW_MILLIS) {
            String limit = BASIC.format(Instant.ofEpochMilli(nowMillis + SKEW_MILLIS).atZone(ZoneOffset.UTC));
            throw new DynamoException(ErrorCode.INVALID_SIGNATURE,
                    "Signature not yet current: " + date + " is still later than " + limit + " (" + now + " + 15 min.)");
        }
    }

    private static void checkScope(String[] scope, String amzDate) {
        StringBuilder wrong = new StringBuilder();
        if (scope[2].isEmpty()) wrong.append("Credential should be scoped to a valid region, not '").append(scope[2]).append("'. ");
        if (!scope[3].equals("dynamodb")) wrong.append("Credential should be scoped to correct service: 'dynamodb'. ");
        if (!scope[4].equals("aws4_request")) {
            wrong.append("Credential should be scoped with a valid terminator: 'aws4_request', not '").append(scope[4]).append("'. ");
        }
        String day = amzDate.substring(0, 8);
        if (!scope[1].equals(day)) {
            wrong.append("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '")
                    .append(scope[1]).append("' != '").append(day).append("', from '").append(amzDate).append("'.");
        }
        if (wrong.length() > 0) throw new DynamoException(ErrorCode.INVALID_SIGNATURE, wrong.toString().stripTrailing());
    }

    /** The header's {@code name=value} parameters, separated by commas and/or white space. */
    private static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new HashMap<>();
        for (String part : text.split("[,\\s]+")) {
            int equals = part.indexOf('=');
            if (equals > 0) parameters.putIfAbsent(part.substring(0, equals), part.substring(equals + 1));
        }
        return parameters;
    }

    private static String canonicalRequest(RequestHead head, List<String> signedHeaders, String signedHeadersText, byte[] body) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(head.method()).append('\n');
        String path = head.path() == null || head.path().isEmpty() ? "/" : head.path();
        canonical.append(encode(path, false)).append('\n');
        canonical.append(canonicalQuery(head.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            List<String> values = head.headers().apply(name);
            List<String> trimmed = new ArrayList<>();
            if (values != null) for (String value : values) trimmed.add(value.strip().replaceAll(" +", " "));
            canonical.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        canonical.append('\n').append(signedHeadersText.toLowerCase(Locale.ROOT)).append('\n');
        String payloadHash = head.header("x-amz-content-sha256");
        canonical.append(payloadHash != null ? payloadHash : hex(sha256(body)));
        return canonical.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return "";
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (name.equals("X-Amz-Signature")) continue;
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            pairs.add(new String[] {encode(name, true), encode(value, true)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder query = new StringBuilder();
        for (String[] pair : pairs) {
            if (query.length() > 0) query.append('&');
            query.append(pair[0]).append('=').append(pair[1]);
        }
        return query.toString();
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** RFC 3986 percent-encoding as SigV4 uses it; a path keeps its slashes. */
    private static String encode(String text, boolean slashes) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~'
                    || c == '/' && !slashes) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
