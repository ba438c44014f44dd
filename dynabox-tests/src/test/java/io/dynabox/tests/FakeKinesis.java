package io.dynabox.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Kinesis endpoint that records what it receives: DescribeStreamSummary and PutRecords on
 * 127.0.0.1, in the AWS SDK's wire format for Kinesis (CBOR, read and written with Jackson's
 * CBOR data format; JSON bodies are answered in JSON). Streams exist once {@link #create}d.
 * It can refuse whole calls ({@link #failCalls}) or single records ({@link #throttleRecords})
 * to show retries.
 */
final class FakeKinesis implements AutoCloseable {
    private static final ObjectMapper CBOR = new CBORMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record as PutRecords brought it; {@code data} is the record's data, read as JSON. */
    record Received(String streamName, String partitionKey, JsonNode data) {
    }

    private final HttpServer server;
    private final Set<String> streams = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failCalls = new AtomicInteger();
    private final AtomicInteger throttleRecords = new AtomicInteger();
    final AtomicInteger putCalls = new AtomicInteger();

    FakeKinesis() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void create(String streamName) {
        streams.add(streamName);
    }

    /** The next {@code calls} calls answer HTTP 500. */
    void failCalls(int calls) {
        failCalls.set(calls);
    }

    /** The next {@code records} records sent are refused one by one (ProvisionedThroughputExceededException). */
    void throttleRecords(int records) {
        throttleRecords.set(records);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits (up to 20 s) until at least {@code count} records arrived; answers all of them. */
    List<Received> await(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return received();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean cbor = contentType != null && contentType.contains("cbor");
        ObjectMapper mapper = cbor ? CBOR : JSON;
        JsonNode request = mapper.readTree(exchange.getRequestBody().readAllBytes());
        if (failCalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, mapper, contentType, 500, "InternalFailure", mapper.createObjectNode());
            return;
        }
        String action = target == null ? "" : target.substring(target.indexOf('.') + 1);
        String name = request.path("StreamName").asText();
        if (!streams.contains(name)) {
            ObjectNode error = mapper.createObjectNode().put("__type", "ResourceNotFoundException")
                    .put("message", "Stream " + name + " under account 000000000000 not found.");
            answer(exchange, mapper, contentType, 400, "ResourceNotFoundException", error);
            return;
        }
        if (action.equals("DescribeStreamSummary")) {
            ObjectNode body = mapper.createObjectNode();
            body.putObject("StreamDescriptionSummary").put("StreamName", name)
                    .put("StreamARN", "arn:aws:kinesis:us-east-1:000000000000:stream/" + name)
                    .put("StreamStatus", "ACTIVE").put("RetentionPeriodHours", 24).put("OpenShardCount", 1);
            answer(exchange, mapper, contentType, 200, null, body);
        } else if (action.equals("PutRecords")) {
            putCalls.incrementAndGet();
            ObjectNode body = mapper.createObjectNode();
            ArrayNode results = body.putArray("Records");
            int failed = 0;
            List<Received> taken = new ArrayList<>();
            for (JsonNode record : request.path("Records")) {
                if (throttleRecords.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    results.addObject().put("ErrorCode", "ProvisionedThroughputExceededException").put("ErrorMessage", "Rate exceeded for shard");
                    failed++;
                    continue;
                }
                byte[] data = record.path("Data").binaryValue();
                taken.add(new Received(name, record.path("PartitionKey").asText(), JSON.readTree(data)));
                results.addObject().put("SequenceNumber", String.valueOf(received.size() + taken.size())).put("ShardId", "shardId-000000000000");
            }
            received.addAll(taken);
            body.put("FailedRecordCount", failed);
            answer(exchange, mapper, contentType, 200, null, body);
        } else {
            answer(exchange, mapper, contentType, 400, "UnknownOperationException", mapper.createObjectNode().put("__type", "UnknownOperationException"));
        }
    }

    private static void answer(HttpExchange exchange, ObjectMapper mapper, String contentType, int status, String errorType,
                               JsonNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", contentType == null ? "application/x-amz-json-1.1" : contentType);
        if (errorType != null) exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "fake");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
