package io.dynabox.sdk;

import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.RequestHead;
import io.dynabox.engine.wire.ContentCoding;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * What both in-process clients do with one marshalled request: hand its head and body to the
 * engine, and dress the answer as the HTTP response the server would send, compressed as the
 * request's {@code Accept-Encoding} allows, exactly as over HTTP.
 */
final class EngineExchange {
    private EngineExchange() {}

    /** The engine's answer, with the body as it would be sent (compressed or not) and the coding it is sent in. */
    record Exchange(DynamoResponse answer, byte[] body, ContentCoding coding) {}

    /**
     * Hands the request to the engine, which runs it on the calling thread; the future is
     * complete on return unless the answer waits (a fault rule's latency, a file store's
     * commit), and then completes on the thread that ends the wait: no thread of the caller's
     * is held for it.
     */
    static CompletableFuture<Exchange> call(Engine engine, SdkHttpRequest http, byte[] body) {
        ReadHeaders read = new ReadHeaders();
        http.forEachHeader(read);
        RequestHead head = new RequestHead(http.method().name(), http.encodedPath(), http.encodedQueryParameters().orElse(null),
                name -> name.equals("content-encoding") ? read.contentEncoding : headers(http, name), true);
        CompletableFuture<DynamoResponse> answer = engine.handleAsync(new DynamoRequest(read.target, read.authorization,
                read.amzDate != null ? read.amzDate : read.date, body, null, head));
        List<String> accepted = read.acceptEncoding;
        return answer.thenApply(ready -> dress(ready, accepted));
    }

    private static Exchange dress(DynamoResponse answer, List<String> accepted) {
        ContentCoding coding = ContentCoding.negotiate(accepted.isEmpty() ? null : accepted.get(accepted.size() - 1), answer.body().length);
        return new Exchange(answer, coding == null ? answer.body() : coding.encode(answer.body()), coding);
    }

    /**
     * The headers every request's answer reads, found in one pass over the SDK's: a look-up by
     * name walks its case-insensitive map and compares names character by character, and the
     * five look-ups of a request cost about twice this pass.
     */
    private static final class ReadHeaders implements BiConsumer<String, List<String>> {
        String amzDate;
        String date;
        String target;
        String authorization;
        List<String> acceptEncoding = List.of();
        List<String> contentEncoding = List.of();

        @Override
        public void accept(String name, List<String> values) {
            // first values, as firstMatchingHeader reads them; all of a coding's, as matchingHeaders does
            String first = values.isEmpty() ? null : values.get(0);
            switch (name.length()) {
                case 4 -> date = name.equalsIgnoreCase("Date") ? first : date;
                case 10 -> amzDate = name.equalsIgnoreCase("X-Amz-Date") ? first : amzDate;
                case 12 -> target = name.equalsIgnoreCase("X-Amz-Target") ? first : target;
                case 13 -> authorization = name.equalsIgnoreCase("Authorization") ? first : authorization;
                case 15 -> acceptEncoding = name.equalsIgnoreCase("Accept-Encoding") ? values : acceptEncoding;
                case 16 -> contentEncoding = name.equalsIgnoreCase("Content-Encoding") ? values : contentEncoding;
                default -> { } // a header the engine reads only to check a signature: looked up by name then
            }
        }
    }

    /** A header's values; {@code host}, which the SDK's signer signs, is the endpoint's when the request carries none. */
    private static List<String> headers(SdkHttpRequest http, String name) {
        List<String> values = http.matchingHeaders(name);
        if (!values.isEmpty() || !name.equals("host")) return values;
        int port = http.port();
        boolean standard = port == -1 || port == 80 && "http".equals(http.protocol()) || port == 443 && "https".equals(http.protocol());
        return List.of(standard ? http.host() : http.host() + ":" + port);
    }

    static SdkHttpResponse responseHeaders(Exchange exchange) {
        DynamoResponse answer = exchange.answer();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(exchange.body());
        SdkHttpResponse.Builder response = SdkHttpResponse.builder()
                .statusCode(answer.status())
                .putHeader("Content-Type", DynamoResponse.CONTENT_TYPE)
                .putHeader("Content-Length", Integer.toString(exchange.body().length))
                .putHeader("x-amzn-RequestId", answer.requestId())
                .putHeader("x-amz-crc32", Long.toString(crc.getValue()));
        if (exchange.coding() != null) response.putHeader("Content-Encoding", exchange.coding().token);
        return response.build();
    }
}
