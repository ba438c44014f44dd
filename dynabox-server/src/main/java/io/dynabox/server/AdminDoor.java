package io.dynabox.server;

import io.dynabox.engine.admin.AdminApi;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.HashMap;
import java.util.Map;

/** The HTTP side of the admin front door: requests under {@code /dynabox/} go to the engine's {@link AdminApi}, never to a DynamoDB action. */
final class AdminDoor {
    private AdminDoor() {}

    /** True for the admin paths; cheap enough to ask of every request (DynamoDB requests go to {@code /}). */
    static boolean handles(String uri) {
        return uri.startsWith(AdminApi.PREFIX);
    }

    static AdminApi.Answer answer(AdminApi api, FullHttpRequest request) {
        QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
        Map<String, String> query = new HashMap<>();
        decoder.parameters().forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
        byte[] body = request.content().isReadable() ? ByteBufUtil.getBytes(request.content()) : new byte[0];
        return api.answer(request.method().name(), decoder.path(), query, body);
    }
}
