package io.dynabox.tests.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/** HTTP/1.1 over a plain socket, so tests can send what no SDK sends and see every header that comes back. */
final class RawHttp implements AutoCloseable {
    /** A complete SigV4-shaped Authorization header; Dynabox reads its scope but checks no signature. */
    static final String AUTH = "AWS4-HMAC-SHA256 Credential=wiretest/20260101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=abc";
    static final String AMZ_JSON = "application/x-amz-json-1.0";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        // the head and the body go out in two writes: without this, Nagle's algorithm holds the body
        // until the server's delayed ACK (40 ms), which made a long fuzz run take 17 minutes
        socket.setTcpNoDelay(true);
        in = new java.io.BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    record Response(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        long crc32() {
            CRC32 crc = new CRC32();
            crc.update(body);
            return crc.getValue();
        }
    }

    /** A signed-looking DynamoDB call: POST with a target, credentials, a date and a JSON body. */
    Response call(String target, String body) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", AMZ_JSON);
        if (target != null) headers.put("X-Amz-Target", target);
        headers.put("Authorization", AUTH);
        headers.put("X-Amz-Date", "20260101T000000Z");
        return send("POST", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a call without waiting for its answer, as a pipelining client does; {@link #read} reads the answers in turn. */
    void sendOnly(String target, String body) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", AMZ_JSON);
        headers.put("X-Amz-Target", target);
        headers.put("Authorization", AUTH);
        headers.put("X-Amz-Date", "20260101T000000Z");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        writeHead("POST", "/", headers, bytes.length);
        out.write(bytes);
        out.flush();
    }

    Response send(String method, Map<String, String> headers, byte[] body) throws IOException {
        return send(method, "/", headers, body);
    }

    Response send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        writeHead(method, path, headers, body.length);
        out.write(body);
        out.flush();
        return read();
    }

    void writeHead(String method, Map<String, String> headers, long contentLength) throws IOException {
        writeHead(method, "/", headers, contentLength);
    }

    void writeHead(String method, String path, Map<String, String> headers, long contentLength) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(contentLength).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Writes bytes as they are (HTTP or not) and reads one answer. */
    Response sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return read();
    }

    Response read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else {
            body.write(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))));
        }
        return new Response(status, headers, body.toByteArray());
    }

    /** True once the server has closed the connection. */
    boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) throw new IOException("connection closed");
            if (b != '\r') line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
