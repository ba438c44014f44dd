package io.dynabox.tests.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls to Dynabox's own paths, as a browser or a Prometheus server makes them. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {}

    static HttpResponse<String> get(URI endpoint, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path)).GET();
        if (headers.length > 0) request.headers(headers);
        return send(request.build());
    }

    static HttpResponse<String> post(URI endpoint, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) request.headers(headers);
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
