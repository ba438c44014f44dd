package io.dynabox.sdk;

import io.dynabox.engine.Engine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * An AWS SDK HTTP client that hands each marshalled request to a Dynabox engine in the same
 * JVM: the SDK does all its own work (marshalling, signing, retries, checksums), and the
 * engine answers as it answers on the network, with no socket in between.
 */
public final class InProcessHttpClient implements SdkHttpClient {
    private static final byte[] NO_BODY = new byte[0];
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
        Optional<ContentStreamProvider> content = request.contentStreamProvider();
        byte[] body = content.isPresent() ? read(content.get().newStream(), http) : NO_BODY;
        EngineExchange.Exchange answer = EngineExchange.call(engine, http, body);
        return HttpExecuteResponse.builder()
                .response(EngineExchange.responseHeaders(answer))
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer.body())))
                .build();
    }

    /**
     * The body, read into an array of its {@code Content-Length} when the SDK gives one: the
     * stream's own {@code readAllBytes} buffers in 16 KB chunks, which was most of the memory
     * an in-process call allocated.
     */
    private static byte[] read(InputStream in, SdkHttpRequest http) {
        try (in) {
            Optional<String> header = http.firstMatchingHeader("Content-Length");
            int length = header.isPresent() ? Integer.parseInt(header.get()) : -1;
            if (length < 0) return in.readAllBytes();
            byte[] body = new byte[length];
            int read = in.readNBytes(body, 0, length);
            if (read < length || in.read() != -1) throw new IOException("request body length differs from its Content-Length " + length);
            return body;
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
