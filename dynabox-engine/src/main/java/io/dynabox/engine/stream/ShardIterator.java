package io.dynabox.engine.stream;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A shard iterator: a position in a shard (read records after {@code afterSequence}) and
 * when it was handed out, since it expires 15 minutes later. It is self-contained, as the
 * service's are (the stream ARN, then an opaque part), so it survives a restart.
 */
public record ShardIterator(String streamArn, String shardId, long afterSequence, long issuedMillis) {
    public static final long LIFETIME_MILLIS = 15 * 60 * 1000;
    private static final String SEPARATOR = "|1|";

    public String encode() {
        String position = shardId + "|" + afterSequence + "|" + issuedMillis;
        return streamArn + SEPARATOR + Base64.getEncoder().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The iterator an {@link #encode} wrote, or null for anything else. */
    public static ShardIterator decode(String text) {
        int separator = text.lastIndexOf(SEPARATOR);
        if (separator <= 0) return null;
        try {
            String[] parts = new String(Base64.getDecoder().decode(text.substring(separator + SEPARATOR.length())),
                    StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3 || !parts[0].startsWith("shardId-")) return null;
            return new ShardIterator(text.substring(0, separator), parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public boolean expired(long nowMillis) {
        return nowMillis - issuedMillis > LIFETIME_MILLIS;
    }
}
