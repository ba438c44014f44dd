package io.dynabox.engine.wire;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Compressed bodies, as the service handles them (docs/service-behaviour/wire.md, "Compressed
 * bodies"). A request body with {@code Content-Encoding: gzip} (or {@code deflate}, the zlib
 * format) is decompressed before anything reads it; a body that does not decompress, an empty
 * one, or an encoding the service does not know is an internal server error, as the service
 * answers it. A response of at least 4 KiB is compressed when the request's
 * {@code Accept-Encoding} accepts gzip or deflate; smaller ones never are.
 */
public enum ContentCoding {
    GZIP("gzip"),
    DEFLATE("deflate");

    /** Responses shorter than this are sent as they are, whatever the client accepts. */
    public static final int COMPRESSION_THRESHOLD = 4096;
    /**
     * The most a compressed request may grow to. The service does not hold compressed requests
     * to the 16 MiB limit of plain ones (1 GiB was seen accepted, 10 GiB refused with a 500);
     * Dynabox refuses past 1 GiB the way the service refuses past its own limit.
     */
    public static final long MAX_DECODED_BYTES = 1L << 30;

    private static final Pattern QUALITY = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    public final String token;

    ContentCoding(String token) {
        this.token = token;
    }

    /** The request body as the action reads it: decompressed when its {@code Content-Encoding} says so. */
    public static byte[] decode(String contentEncoding, byte[] body) {
        if (contentEncoding == null) return body;
        String coding = contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (coding.isEmpty() || coding.equals("identity")) return body;
        try {
            return switch (coding) {
                case "gzip" -> readAll(new GZIPInputStream(new ByteArrayInputStream(body)));
                case "deflate" -> readAll(new InflaterInputStream(new ByteArrayInputStream(body)));
                default -> throw undecodable("the request's Content-Encoding '" + contentEncoding
                        + "' is not one the service decodes (gzip, deflate)");
            };
        } catch (IOException e) {
            throw undecodable("the request body is not valid " + coding + " (" + e.getMessage() + ")");
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_DECODED_BYTES) {
                throw undecodable("the request body decompresses to more than " + MAX_DECODED_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static DynamoException undecodable(String why) {
        return new DynamoException(ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error", why);
    }

    /**
     * The coding a response of {@code length} bytes is sent in, or null to send it as it is.
     * {@code acceptEncoding} is the request's last {@code Accept-Encoding} header (may be null).
     * Codings are matched case-insensitively; unknown ones, {@code identity} and malformed
     * entries are ignored; {@code q} is the first {@code q=} parameter, clamped to [0, 1], and 1
     * when absent or not a number; a coding listed twice counts with its first non-zero
     * quality. The highest quality wins, the earlier entry on a tie; a named coding beats
     * {@code *} on a tie, and {@code *} stands for the codings not named (gzip first).
     */
    public static ContentCoding negotiate(String acceptEncoding, int length) {
        if (acceptEncoding == null || length < COMPRESSION_THRESHOLD) return null;
        Double[] quality = new Double[values().length];
        Double any = null;
        ContentCoding best = null;
        double bestQuality = 0;
        boolean bestIsAny = false;
        for (String entry : acceptEncoding.split(",", -1)) {
            String[] parts = entry.split(";", -1);
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            ContentCoding coding = name.equals("*") ? null : byToken(name);
            if (coding == null && !name.equals("*")) continue;
            Double earlier = coding == null ? any : quality[coding.ordinal()];
            if (earlier != null && earlier != 0) continue;
            double q = quality(parts);
            if (coding == null) {
                any = q;
                if (q > bestQuality) {
                    best = null;
                    bestQuality = q;
                    bestIsAny = true;
                }
            } else {
                quality[coding.ordinal()] = q;
                if (q > bestQuality || bestIsAny && q >= bestQuality && q > 0) {
                    best = coding;
                    bestQuality = q;
                    bestIsAny = false;
                }
            }
        }
        if (!bestIsAny) return best;
        for (ContentCoding coding : values()) {
            if (quality[coding.ordinal()] == null) return coding;
        }
        ContentCoding named = null;
        for (ContentCoding coding : values()) {
            if (quality[coding.ordinal()] > 0 && (named == null || quality[coding.ordinal()] > quality[named.ordinal()])) named = coding;
        }
        return named;
    }

    private static ContentCoding byToken(String name) {
        for (ContentCoding coding : values()) {
            if (coding.token.equals(name)) return coding;
        }
        return null;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.isEmpty() || Character.toLowerCase(parameter.charAt(0)) != 'q') continue;
            String rest = parameter.substring(1).trim();
            if (rest.isEmpty() || rest.charAt(0) != '=') continue;
            String value = rest.substring(1).trim();
            if (!QUALITY.matcher(value).matches()) continue;
            return Math.max(0, Math.min(1, Double.parseDouble(value)));
        }
        return 1;
    }

    /** The body compressed in this coding. */
    public byte[] encode(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (DeflaterOutputStream compressing = this == GZIP ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
            compressing.write(body);
        } catch (IOException e) {
            throw new IllegalStateException("compressing in memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
