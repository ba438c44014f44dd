package io.dynabox.engine;

import java.util.zip.CRC32;

/** The engine's answer: HTTP status, JSON body and the request id the doors send back. */
public record DynamoResponse(int status, byte[] body, String requestId) {
    public static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    /** The {@code x-amz-crc32} header value: CRC32 of the body bytes exactly as sent. */
    public long crc32() {
        CRC32 crc = new CRC32();
        crc.update(body);
        return crc.getValue();
    }
}
