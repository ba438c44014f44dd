package io.dynabox.sdk;

import io.dynabox.engine.Engine;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * The asynchronous twin of {@link InProcessHttpClient}, for {@code DynamoDbAsyncClient}.
 * The engine runs the request on the thread that completes the request body (usually the
 * caller's), in microseconds; an answer that waits (a fault rule's latency, a file store's
 * commit) is delivered later by the thread that ends the wait, so the caller gets its future
 * at once and the SDK's timeouts fire on time. The SDK completes the caller's future on its
 * own executor, as it does with any HTTP client.
 */
public final class InProcessAsyncHttpClient implements SdkAsyncHttpClient {
    private final Engine engine;

    public InProcessAsyncHttpClient(Engine engine) {
        this.engine = engine;
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        request.requestContentPublisher().subscribe(new BodyCollector(request, done));
        return done;
    }

    private void answer(AsyncExecuteRequest request, byte[] body, CompletableFuture<Void> done) {
        CompletableFuture<EngineExchange.Exchange> answer;
        try {
            answer = EngineExchange.call(engine, request.request(), body);
        } catch (RuntimeException | Error e) {
            fail(request, e, done);
            return;
        }
        if (answer.isDone()) {
            deliver(request, answer.join(), done);
        } else {
            // an answer that waits (a fault rule's latency, a file store's commit) is delivered by
            // the thread that ends the wait: the caller has its future at once, as over HTTP
            answer.whenComplete((ready, failure) -> {
                if (failure != null) fail(request, failure, done);
                else deliver(request, ready, done);
            });
        }
    }

    private static void deliver(AsyncExecuteRequest request, EngineExchange.Exchange answer, CompletableFuture<Void> done) {
        // the SDK cancels the exchange when its timeout fires first: nobody waits for this answer any more
        if (done.isDone()) return;
        SdkAsyncHttpResponseHandler handler = request.responseHandler();
        try {
            handler.onHeaders(EngineExchange.responseHeaders(answer));
            handler.onStream(new OneBufferPublisher(answer.body(), done));
        } catch (RuntimeException | Error e) {
            fail(request, e, done);
        }
    }

    private static void fail(AsyncExecuteRequest request, Throwable error, CompletableFuture<Void> done) {
        request.responseHandler().onError(error);
        done.completeExceptionally(error);
    }

    @Override
    public String clientName() {
        return "dynabox-in-process";
    }

    @Override
    public void close() {
        // the engine belongs to the Dynabox instance that made this client
    }

    /** Reads the whole request body, then has the engine answer. */
    private final class BodyCollector implements Subscriber<ByteBuffer> {
        private final AsyncExecuteRequest request;
        private final CompletableFuture<Void> done;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        BodyCollector(AsyncExecuteRequest request, CompletableFuture<Void> done) {
            this.request = request;
            this.done = done;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ByteBuffer buffer) {
            ByteBuffer view = buffer.duplicate();
            byte[] chunk = new byte[view.remaining()];
            view.get(chunk);
            body.writeBytes(chunk);
        }

        @Override
        public void onError(Throwable error) {
            fail(request, error, done);
        }

        @Override
        public void onComplete() {
            answer(request, body.toByteArray(), done);
        }
    }

    /** The response body as a publisher of one buffer; the exchange is done once it is delivered or cancelled. */
    private static final class OneBufferPublisher implements Publisher<ByteBuffer> {
        private final byte[] body;
        private final CompletableFuture<Void> done;

        OneBufferPublisher(byte[] body, CompletableFuture<Void> done) {
            this.body = body;
            this.done = done;
        }

        @Override
        public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
            AtomicBoolean finished = new AtomicBoolean();
            subscriber.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                    if (!finished.compareAndSet(false, true)) return;
                    if (n <= 0) {
                        subscriber.onError(new IllegalArgumentException("Reactive Streams rule 3.9: demand must be positive, was " + n));
                    } else {
                        if (body.length > 0) subscriber.onNext(ByteBuffer.wrap(body));
                        subscriber.onComplete();
                    }
                    done.complete(null);
                }

                @Override
                public void cancel() {
                    if (finished.compareAndSet(false, true)) done.complete(null);
                }
            });
        }
    }
}
