package io.dynabox.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.FastThreadLocal;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * An engine's answer written straight to the bytes Netty's response encoder writes for the
 * same answer as a {@code FullHttpResponse} (same status line, headers in the same order and
 * case, same body), in one buffer. Most answers take this way; making the response object and
 * its headers, and the encoder's walk over them, cost more than the bytes themselves (about
 * a fifth of the HTTP layer's CPU per request). The head is put together in a plain array and
 * copied into the buffer with the body, two calls into Netty instead of one per piece: until the
 * JIT compiles them, a test suite's first requests ran each of those calls interpreted, about
 * 100 us of an in-memory first CreateTable's 1 ms in the server.
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
    /** Each event loop's scratch array for an answer's head, which is written there and copied into the buffer at once. */
    private static final FastThreadLocal<byte[]> HEAD = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[512];
        }
    };
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
        byte[] id = requestId.getBytes(StandardCharsets.US_ASCII);
        int headLength = statusLine.length + CONTENT_TYPE.length + contentType.length() + 2 + CONTENT_LENGTH.length + digits(body.length) + 2
                + REQUEST_ID.length + id.length + 2 + CRC32_HEADER.length + digits(checksum) + 2 + SERVER.length
                + DATE.length + date.length() + 2 + connection.length + 2;
        byte[] head = HEAD.get();
        if (head.length < headLength) HEAD.set(head = new byte[headLength]);
        int at = copy(statusLine, head, 0);
        at = header(CONTENT_TYPE, contentType, head, at);
        at = header(CONTENT_LENGTH, body.length, head, at);
        at = header(REQUEST_ID, id, head, at);
        at = header(CRC32_HEADER, checksum, head, at);
        at = copy(SERVER, head, at);
        at = header(DATE, date, head, at);
        at = copy(connection, head, at);
        copy(CRLF, head, at);
        return allocator.buffer(headLength + body.length).writeBytes(head, 0, headLength).writeBytes(body);
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

    /** {@code name: value} and its CRLF into {@code into} at {@code at} ({@code name} ends with ": "); answers where it ends. */
    private static int header(byte[] name, AsciiString value, byte[] into, int at) {
        return copy(CRLF, into, copy(value, into, copy(name, into, at)));
    }

    private static int header(byte[] name, byte[] value, byte[] into, int at) {
        return copy(CRLF, into, copy(value, into, copy(name, into, at)));
    }

    /** The value a number of zero or more, in decimal. */
    private static int header(byte[] name, long value, byte[] into, int at) {
        return copy(CRLF, into, decimal(value, into, copy(name, into, at)));
    }

    /** Copies {@code bytes} into {@code into} at {@code at}; answers where the copy ends. */
    private static int copy(byte[] bytes, byte[] into, int at) {
        System.arraycopy(bytes, 0, into, at, bytes.length);
        return at + bytes.length;
    }

    private static int copy(AsciiString text, byte[] into, int at) {
        System.arraycopy(text.array(), text.arrayOffset(), into, at, text.length());
        return at + text.length();
    }

    /** Writes a number of zero or more in decimal into {@code into} at {@code at}; answers where it ends. */
    private static int decimal(long value, byte[] into, int at) {
        int end = at + digits(value);
        for (int i = end - 1; i >= at; i--, value /= 10) into[i] = (byte) ('0' + value % 10);
        return end;
    }
}
