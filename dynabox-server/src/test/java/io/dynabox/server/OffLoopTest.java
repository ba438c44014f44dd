package io.dynabox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Actions with small bodies whose work is bounded by one item, one page or the body itself
 * (single-item actions, Query and Scan pages, BatchWriteItem), and CreateTable in memory, are
 * answered on the event loop that read them; everything whose work can grow past that
 * (BatchGetItem's up to 100 items, transactions, other table changes, a CreateTable that writes
 * files, large bodies) runs on the worker threads, so it never holds up the other connections
 * of an event loop.
 */
class OffLoopTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";

    @Test
    void onlyBoundedActionsRunOnTheEventLoop() throws Exception {
        Map<String, String> threadByRequest = new ConcurrentHashMap<>();
        try (Engine engine = new Engine(DynaboxOptions.builder().build());
             DynaboxServer server = DynaboxServer.start(engine, 0);
             RawHttp client = new RawHttp(server.port())) {
            engine.addObserver((namespace, action, table, error, nanos) -> threadByRequest.put(action + (table == null ? "" : " " + table),
                    Thread.currentThread().getName()));
            String big = "t" + "x".repeat(100_000);
            for (String[] call : new String[][] {{"GetItem", "small"}, {"PutItem", "small"}, {"Scan", "small"}, {"Query", "small"},
                    {"BatchGetItem", null}, {"BatchWriteItem", null}, {"CreateTable", "small"}, {"GetItem", big}}) {
                String body = call[1] != null ? "{\"TableName\":\"" + call[1] + "\"}"
                        : call[0].equals("BatchGetItem") ? "{\"RequestItems\":{\"small\":{\"Keys\":[{\"k\":{\"S\":\"a\"}}]}}}"
                        : "{\"RequestItems\":{\"small\":[{\"PutRequest\":{\"Item\":{\"k\":{\"S\":\"a\"}}}}]}}";
                String answer = client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\n"
                        + "X-Amz-Target: DynamoDB_20120810." + call[0] + "\r\nAuthorization: " + AUTH + "\r\nX-Amz-Date: 20260101T000000Z\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body).readResponse();
                assertThat(answer).startsWith("HTTP/1.1 400"); // no such table, or no such key schema: the thread is what counts
            }
            assertThat(threadByRequest.get("GetItem small")).startsWith("nioEventLoopGroup");
            assertThat(threadByRequest.get("PutItem small")).startsWith("nioEventLoopGroup");
            assertThat(threadByRequest.get("Scan small")).startsWith("nioEventLoopGroup");
            assertThat(threadByRequest.get("Query small")).startsWith("nioEventLoopGroup");
            assertThat(threadByRequest.get("BatchWriteItem")).startsWith("nioEventLoopGroup");
            assertThat(threadByRequest.get("BatchGetItem")).startsWith("dynabox-work-");
            assertThat(threadByRequest.get("CreateTable small")).startsWith("nioEventLoopGroup");
            assertThat(threadByRequest.get("GetItem " + big)).startsWith("dynabox-work-");
        }
    }

    @Test
    void aCreateTableThatWritesFilesRunsOnAWorker(@TempDir Path dir) throws Exception {
        Map<String, String> threadByRequest = new ConcurrentHashMap<>();
        try (Engine engine = new Engine(DynaboxOptions.builder().dbPath(dir).build());
             DynaboxServer server = DynaboxServer.start(engine, 0);
             RawHttp client = new RawHttp(server.port())) {
            engine.addObserver((namespace, action, table, error, nanos) -> threadByRequest.put(action, Thread.currentThread().getName()));
            String body = "{\"TableName\":\"files\",\"KeySchema\":[{\"AttributeName\":\"k\",\"KeyType\":\"HASH\"}],"
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"k\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}";
            String answer = client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\n"
                    + "X-Amz-Target: DynamoDB_20120810.CreateTable\r\nAuthorization: " + AUTH + "\r\nX-Amz-Date: 20260101T000000Z\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).readResponse();
            assertThat(answer).startsWith("HTTP/1.1 200");
            assertThat(threadByRequest.get("CreateTable")).startsWith("dynabox-work-");
        }
    }
}
