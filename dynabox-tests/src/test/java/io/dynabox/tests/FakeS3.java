package io.dynabox.tests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * A small S3-compatible server for tests, on a free loopback port: path-style HeadBucket,
 * PutObject, GetObject and ListObjectsV2 (one page), with S3's NoSuchBucket and NoSuchKey
 * errors. It keeps objects in memory and records what it was sent.
 */
final class FakeS3 implements AutoCloseable {
    private final HttpServer server;
    final Set<String> buckets = ConcurrentHashMap.newKeySet();
    final Map<String, ConcurrentSkipListMap<String, byte[]>> objects = new ConcurrentHashMap<>();
    /** The server-side encryption each object was written with ({@code x-amz-server-side-encryption}), by bucket/key. */
    final Map<String, String> encryption = new ConcurrentHashMap<>();
    // while set, a GetObject waits for it (to hold a job at work); getsWaiting counts the ones that came
    private volatile CountDownLatch gate;
    final Semaphore getsWaiting = new Semaphore(0);

    FakeS3() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        // a GetObject held at the gate must not hold the other requests
        server.setExecutor(Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "fake-s3");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void createBucket(String name) {
        buckets.add(name);
        objects.put(name, new ConcurrentSkipListMap<>());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath().substring(1);
            int slash = path.indexOf('/');
            String bucket = slash < 0 ? path : path.substring(0, slash);
            String key = slash < 0 ? "" : URLDecoder.decode(path.substring(slash + 1), StandardCharsets.UTF_8);
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!buckets.contains(bucket)) {
                error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
                return;
            }
            String method = exchange.getRequestMethod();
            if (key.isEmpty() && method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
            } else if (key.isEmpty() && method.equals("GET")) {
                list(exchange, bucket, query(exchange, "prefix"));
            } else if (method.equals("PUT")) {
                objects.get(bucket).put(key, body);
                String sse = exchange.getRequestHeaders().getFirst("x-amz-server-side-encryption");
                if (sse != null) encryption.put(bucket + "/" + key, sse);
                exchange.getResponseHeaders().add("ETag", "\"etag\"");
                exchange.sendResponseHeaders(200, -1);
            } else if (method.equals("GET")) {
                awaitGate();
                byte[] object = objects.get(bucket).get(key);
                if (object == null) {
                    error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
                    return;
                }
                exchange.sendResponseHeaders(200, object.length == 0 ? -1 : object.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(object);
                }
            } else {
                error(exchange, 405, "MethodNotAllowed", method);
            }
        }
    }

    /** Holds every GetObject from now until {@link #open()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    /** Lets the held GetObjects (and all later ones) go. */
    void open() {
        CountDownLatch held = gate;
        gate = null;
        if (held != null) held.countDown();
    }

    private void awaitGate() {
        CountDownLatch held = gate;
        if (held == null) return;
        getsWaiting.release();
        try {
            held.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) return "";
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return "";
    }

    private void list(HttpExchange exchange, String bucket, String prefix) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + bucket + "</Name><Prefix>" + prefix
                + "</Prefix><IsTruncated>false</IsTruncated>");
        int count = 0;
        for (Map.Entry<String, byte[]> object : objects.get(bucket).entrySet()) {
            if (!object.getKey().startsWith(prefix)) continue;
            count++;
            xml.append("<Contents><Key>").append(object.getKey()).append("</Key><Size>").append(object.getValue().length)
                    .append("</Size></Contents>");
        }
        xml.append("<KeyCount>").append(count).append("</KeyCount></ListBucketResult>");
        send(exchange, 200, xml.toString());
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        send(exchange, status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>");
    }

    private static void send(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        open();
        server.stop(0);
    }
}
