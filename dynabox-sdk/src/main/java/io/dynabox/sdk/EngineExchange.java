package io.dynabox.sdk;

import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * What both in-process clients do with one marshalled request: hand the headers the engine
 * reads and the body to it, and dress its answer as the HTTP response the server would send.
 */
final class EngineExchange {
    private EngineExchange() {}

    static DynamoResponse call(Engine engine, SdkHttpRequest http, byte[] body) {
        String date = http.firstMatchingHeader("X-Amz-Date").orElseGet(() -> http.firstMatchingHeader("Date").orElse(null));
        return engine.handle(new DynamoRequest(http.firstMatchingHeader("X-Amz-Target").orElse(null),
                http.firstMatchingHeader("Authorization").orElse(null), date, body));
    }

    static SdkHttpResponse responseHeaders(DynamoResponse answer) {
        return SdkHttpResponse.builder()
                .statusCode(answer.status())
                .putHeader("Content-Type", DynamoResponse.CONTENT_TYPE)
                .putHeader("Content-Length", Integer.toString(answer.body().length))
                .putHeader("x-amzn-RequestId", answer.requestId())
                .putHeader("x-amz-crc32", Long.toString(answer.crc32()))
                .build();
    }
}
