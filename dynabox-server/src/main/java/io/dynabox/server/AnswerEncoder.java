package io.dynabox.server;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseEncoder;

/**
 * Netty's HTTP response encoder, which lets an answer already written as bytes
 * ({@link AnswerBytes}) through as it is: the encoder would take a lone buffer for a body
 * part of a response it has not seen begin.
 */
final class AnswerEncoder extends HttpResponseEncoder {
    @Override
    public boolean acceptOutboundMessage(Object msg) throws Exception {
        return !(msg instanceof ByteBuf) && super.acceptOutboundMessage(msg);
    }
}
