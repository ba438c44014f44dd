package io.dynabox.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * An engine's answer written straight to the bytes Netty's response encoder writes for the
 * same answer as a {@code FullHttpResponse} (same status line, headers in the same order and
 * case, same body), in one buffer. Most answers take this way; making the response object and
 * its headers, and the encoder's walk over them, cost more than the bytes themselves (about
 * a fifth of the HTTP layer's CPU per request).
 */
final class AnswerBytes {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CONTENT_TYPE = line(HttpHeaderNames.CONTENT_TYPE);
    private static final byte[] CONTENT_LENGTH = line(HttpHeaderNames.CONTENT_LENGTH);
    private static final byte[] REQUEST_ID = line(HttpDoor.REQUEST_ID);
    private static final byte[] CRC32_HEADER = line(HttpDoor.CRC32_HEADER);
    private static final byte[] SERVER = headerLine(HttpHeaderNames.SERVER, HttpDoor.SERVER_NAME);
    private static final byte[] DATE = line(HttpHeaderNames.DATE);
    private static final byte[] KEEP_ALIVE = headerLine(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    private static final byte[] CLOSE = headerLine(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    /** Status lines by code, made when first used: {@code HTTP/1.1 200 OK} and the CRLF. */
    private static final byte[][] STATUS_LINES = new byte[1000][];

    private AnswerBytes() {}

    /** @param status an HTTP status code; its line has the reason phrase of Netty's {@link HttpResponseStatus#valueOf(int)}, as the door's responses */
    static ByteBuf write(ByteBufAllocator allocator, int status, AsciiString contentType, byte[] body, String requestId,
                         AsciiString date, boolean keepAlive) {
        CRC32 crc = new CRC32();
        crc.update(body);
        long checksum = crc.getValue();
        byte[] statusLine = statusLine(status);
        byte[] connection = keepAlive ? KEEP_ALIVE : CLOSE;
        int length = statusLine.length + CONTENT_TYPE.length + contentType.length() + 2 + CONTENT_LENGTH.length + digits(body.length) + 2
                + REQUEST_ID.length + requestId.length() + 2 + CRC32_HEADER.length + digits(checksum) + 2 + SERVER.length
                + DATE.length + date.length() + 2 + connection.length + 2 + body.length;
        ByteBuf bytes = allocator.buffer(length);
        bytes.writeBytes(statusLine);
        bytes.writeBytes(CONTENT_TYPE).writeBytes(contentType.array(), contentType.arrayOffset(), contentType.length()).writeBytes(CRLF);
        writeDecimal(bytes.writeBytes(CONTENT_LENGTH), body.length).writeBytes(CRLF);
        bytes.writeBytes(REQUEST_ID).writeBytes(requestId.getBytes(StandardCharsets.US_ASCII)).writeBytes(CRLF);
        writeDecimal(bytes.writeBytes(CRC32_HEADER), checksum).writeBytes(CRLF);
        bytes.writeBytes(SERVER);
        bytes.writeBytes(DATE).writeBytes(date.array(), date.arrayOffset(), date.length()).writeBytes(CRLF);
        bytes.writeBytes(connection).writeBytes(CRLF);
        return bytes.writeBytes(body);
    }

    private static byte[] statusLine(int code) {
        byte[] line = code >= 0 && code < STATUS_LINES.length ? STATUS_LINES[code] : null;
        if (line == null) {
            HttpResponseStatus status = HttpResponseStatus.valueOf(code);
            line = ("HTTP/1.1 " + status.codeAsText() + " " + status.reasonPhrase() + "\r\n").getBytes(StandardCharsets.US_ASCII);
            if (code >= 0 && code < STATUS_LINES.length) STATUS_LINES[code] = line; // the same bytes whichever thread makes them
        }
        return line;
    }

    /** {@code name: } */
    private static byte[] line(AsciiString name) {
        return (name + ": ").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code name: value} and its CRLF. */
    private static byte[] headerLine(AsciiString name, AsciiString value) {
        return (name + ": " + value + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** How many decimal digits a number of zero or more has. */
    static int digits(long value) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) digits++;
        return digits;
    }

    private static ByteBuf writeDecimal(ByteBuf bytes, long value) {
        int digits = digits(value);
        int at = bytes.writerIndex();
        for (int i = digits - 1; i >= 0; i--, value /= 10) bytes.setByte(at + i, (int) ('0' + value % 10));
        return bytes.writerIndex(at + digits);
    }
}
