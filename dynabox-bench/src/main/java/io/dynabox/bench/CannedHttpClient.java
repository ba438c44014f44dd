package io.dynabox.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The in-process ceiling: an {@code SdkHttpClient} that answers each action with the answer
 * recorded for it, headers and all, doing no other work (it does not even read the request's
 * body). A {@code DynamoDbClient} over it runs the SDK's whole pipeline (marshalling, signing,
 * interceptors, unmarshalling the same answer, checking its CRC32), so what Dynabox's own
 * client costs beyond it is Dynabox's share of an in-process call.
 */
final class CannedHttpClient implements SdkHttpClient {
    private final Map<String, Canned> answers = new HashMap<>();

    /** Answers requests whose {@code X-Amz-Target} is {@code target} with these headers and body from now on. */
    void answer(String target, SdkHttpResponse headers, byte[] body) {
        answers.put(target, new Canned(headers, body));
    }

    /** A client that sends every request to {@code real} and records its answer here, as the answer to that action. */
    SdkHttpClient recording(SdkHttpClient real) {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                ExecutableHttpRequest sent = real.prepareRequest(request);
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        HttpExecuteResponse response = sent.call();
                        byte[] body = response.responseBody().isPresent() ? response.responseBody().get().readAllBytes() : new byte[0];
                        answer(request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse(""), response.httpResponse(), body);
                        return HttpExecuteResponse.builder().response(response.httpResponse())
                                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
                    }

                    @Override
                    public void abort() {
                        sent.abort();
                    }
                };
            }

            @Override
            public void close() {
                // the real client belongs to whoever gave it
            }
        };
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        Canned canned = answers.get(request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse(""));
        if (canned == null) throw new IllegalStateException("no answer recorded for " + request.httpRequest());
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(canned.headers)
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(canned.body)))
                        .build();
            }

            @Override
            public void abort() {
                // nothing is in flight
            }
        };
    }

    @Override
    public String clientName() {
        return "canned";
    }

    @Override
    public void close() {
        // holds nothing
    }

    private record Canned(SdkHttpResponse headers, byte[] body) {}
}
