package io.dynabox.sdk;

import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An AWS SDK HTTP client that hands each marshalled request to a Dynabox engine in the same
 * JVM: the SDK does all its own work (marshalling, signing, retries, checksums), and the
 * engine answers as it answers on the network, with no socket in between.
 */
public final class InProcessHttpClient implements SdkHttpClient {
    private final Engine engine;

    public InProcessHttpClient(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return execute(request);
            }

            @Override
            public void abort() {
                // the engine answers synchronously; there is nothing in flight to abort
            }
        };
    }

    private HttpExecuteResponse execute(HttpExecuteRequest request) {
        SdkHttpRequest http = request.httpRequest();
        byte[] body = request.contentStreamProvider().map(provider -> readAll(provider.newStream())).orElse(new byte[0]);
        String date = http.firstMatchingHeader("X-Amz-Date").orElse(http.firstMatchingHeader("Date").orElse(null));
        DynamoResponse answer = engine.handle(new DynamoRequest(http.firstMatchingHeader("X-Amz-Target").orElse(null),
                http.firstMatchingHeader("Authorization").orElse(null), date, body));
        SdkHttpResponse response = SdkHttpResponse.builder()
                .statusCode(answer.status())
                .putHeader("Content-Type", DynamoResponse.CONTENT_TYPE)
                .putHeader("Content-Length", Integer.toString(answer.body().length))
                .putHeader("x-amzn-RequestId", answer.requestId())
                .putHeader("x-amz-crc32", Long.toString(answer.crc32()))
                .build();
        return HttpExecuteResponse.builder()
                .response(response)
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer.body())))
                .build();
    }

    static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String clientName() {
        return "dynabox-in-process";
    }

    @Override
    public void close() {
        // the engine belongs to the Dynabox instance that made this client
    }
}
