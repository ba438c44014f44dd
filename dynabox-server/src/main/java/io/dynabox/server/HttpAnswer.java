package io.dynabox.server;

import io.netty.handler.codec.http.HttpResponseStatus;

/** An answer of one of Dynabox's own paths: status, content type and body. */
public record HttpAnswer(HttpResponseStatus status, String contentType, byte[] body) {
}
