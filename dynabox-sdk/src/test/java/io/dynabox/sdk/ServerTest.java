package io.dynabox.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.server.DynaboxServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The HTTP door started from Java, in front of the same data as the in-process clients. */
class ServerTest {
    static HttpResponse<String> post(URI endpoint, String accessKey, String action, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "DynamoDB_20120810." + action)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Date", "20240101T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKey
                        + "/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void freePortServesTheSameNamespaces() throws Exception {
        try (Dynabox dynabox = Dynabox.inMemory()) {
            DynaboxNamespace namespace = dynabox.newNamespace();
            namespace.createTables("""
                    {"TableName": "things", "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                     "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST"}""");
            DynaboxServer server = dynabox.startServer();
            assertThat(server.port()).isPositive();
            assertThat(server.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
            HttpResponse<String> answer = post(server.endpoint(), namespace.accessKeyId(), "ListTables", "{}");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"TableNames\":[\"things\"]}");
            assertThat(post(server.endpoint(), "someone-else", "ListTables", "{}").body()).isEqualTo("{\"TableNames\":[]}");
        }
    }

    @Test
    void chosenPortAndStop() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (Dynabox dynabox = Dynabox.inMemory()) {
            try (DynaboxServer server = dynabox.startServer(port)) {
                assertThat(server.port()).isEqualTo(port);
                assertThat(post(server.endpoint(), "k", "ListTables", "{}").statusCode()).isEqualTo(200);
            }
            // stopped: the port is free again
            try (ServerSocket again = new ServerSocket(port)) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            } catch (IOException e) {
                throw new AssertionError("port " + port + " still taken after the server stopped", e);
            }
        }
    }
}
