package io.dynabox.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Sits between the HTTP decoder and {@link io.netty.handler.codec.http.HttpObjectAggregator}:
 * a request whose whole body the decoder hands over in one piece (every body up to the
 * decoder's 8 KB chunk size, so nearly every DynamoDB request) is joined with its head into a
 * {@link FullHttpRequest} here, which the aggregator lets through untouched. The aggregator
 * would gather that one piece into a composite buffer of its own, made, filled and freed per
 * request. Anything else (a body in several pieces, no {@code Content-Length}, an
 * {@code Expect} header, a body over the limit, a decoding failure) goes on as it came, and
 * the aggregator answers it as before.
 */
final class WholeRequests extends ChannelInboundHandlerAdapter {
    private final long maxBodyBytes;
    /** A request head waiting for its body, or null. */
    private HttpRequest head;

    WholeRequests(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (head != null) {
            HttpRequest waiting = head;
            head = null;
            if (msg instanceof LastHttpContent last && last.decoderResult().isSuccess()) {
                ctx.fireChannelRead(new DefaultFullHttpRequest(waiting.protocolVersion(), waiting.method(), waiting.uri(), last.content(),
                        waiting.headers(), last.trailingHeaders()));
                return;
            }
            ctx.fireChannelRead(waiting); // the body comes in pieces: the aggregator gathers them
        } else if (msg instanceof HttpRequest request && !(msg instanceof FullHttpRequest) && joinable(request)) {
            head = request;
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * Whether the request's body can only come as one piece or several, with nothing to answer
     * before it: a client that sent {@code Expect: 100-continue} waits for the aggregator's
     * {@code 100 Continue}, and a body over the limit gets its 413 before being read.
     */
    private boolean joinable(HttpRequest request) {
        if (!request.decoderResult().isSuccess() || request.headers().contains(HttpHeaderNames.EXPECT)
                || request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            return false;
        }
        long length = HttpUtil.getContentLength(request, -1L);
        return length >= 0 && length <= maxBodyBytes;
    }
}
