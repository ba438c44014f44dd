package io.dynabox.sdk;

import io.dynabox.engine.Engine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
        return new Call(request);
    }

    /**
     * One request. The engine runs it on the calling thread and almost always has the answer
     * ready on return, which is then taken at once, with no other thread involved. An answer
     * that waits (a fault rule's latency, a file store's commit) is waited for interruptibly,
     * and {@link #abort()} ends the wait: the SDK's {@code apiCallTimeout} and
     * {@code apiCallAttemptTimeout} interrupt the caller and abort the request, and fire on time
     * as they do over HTTP, where they would have had to wait for the engine before.
     */
    private final class Call implements ExecutableHttpRequest {
        private final HttpExecuteRequest request;
        private volatile CompletableFuture<EngineExchange.Exchange> waiting;
        private volatile boolean aborted;

        Call(HttpExecuteRequest request) {
            this.request = request;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            if (aborted) throw new IOException("the request was aborted");
            SdkHttpRequest http = request.httpRequest();
            Optional<ContentStreamProvider> content = request.contentStreamProvider();
            byte[] body = content.isPresent() ? read(content.get().newStream(), http) : NO_BODY;
            CompletableFuture<EngineExchange.Exchange> answer = EngineExchange.call(engine, http, body);
            return response(answer.isDone() ? answer.join() : await(answer));
        }

        private EngineExchange.Exchange await(CompletableFuture<EngineExchange.Exchange> answer) throws IOException {
            // a future of our own, so that abort() cancels the wait and not the engine's answer
            CompletableFuture<EngineExchange.Exchange> wait = answer.thenApply(ready -> ready);
            waiting = wait;
            if (aborted) wait.cancel(false);
            try {
                return wait.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException("interrupted while Dynabox's answer waited");
                interrupted.initCause(e);
                throw interrupted;
            } catch (CancellationException e) {
                throw new IOException("the request was aborted while Dynabox's answer waited", e);
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            } finally {
                waiting = null;
            }
        }

        @Override
        public void abort() {
            aborted = true;
            CompletableFuture<EngineExchange.Exchange> wait = waiting;
            if (wait != null) wait.cancel(false);
        }
    }

    private static HttpExecuteResponse response(EngineExchange.Exchange answer) {
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
