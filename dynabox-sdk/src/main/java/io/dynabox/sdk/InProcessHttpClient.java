package io.dynabox.sdk;

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
        byte[] body = request.contentStreamProvider().map(provider -> readAll(provider.newStream())).orElse(new byte[0]);
        DynamoResponse answer = EngineExchange.call(engine, request.httpRequest(), body);
        return HttpExecuteResponse.builder()
                .response(EngineExchange.responseHeaders(answer))
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer.body())))
                .build();
    }

    private static byte[] readAll(InputStream in) {
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
