package io.dynabox.server;

import io.dynabox.engine.wire.RequestIds;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The two clocks of one connection: while no request is under way, the idle timeout (a
 * keep-alive connection nobody uses is closed); from the first byte of a request until its
 * last, the request timeout (a client that stalls halfway gets a 408 and is closed). While
 * the server works on a request neither runs. Two handlers share this state: {@link #bytes}
 * before the HTTP decoder sees a request begin, {@link #requests} after it sees one end.
 *
 * <p>A request only moves the deadline; one timer per connection checks it. Scheduling and
 * cancelling a timer at each of a request's three steps (four queue changes and two
 * allocations per request on the event loop) was a measurable part of a PutItem's server
 * CPU. The timer never fires later than a deadline: it is set at most the shorter timeout
 * ahead, which no deadline set later can come before, and when it fires early it is set again
 * for the rest.
 */
final class ConnectionTimeouts {
    private enum State { IDLE, RECEIVING, WORKING }

    private final long idleNanos;
    private final long requestNanos;
    private final long checkNanos;
    private State state = State.IDLE;
    private long deadline; // System.nanoTime() when the state's timeout ends (IDLE and RECEIVING)
    private ScheduledFuture<?> timer;

    ConnectionTimeouts(Duration idle, Duration request) {
        this.idleNanos = idle.toNanos();
        this.requestNanos = request.toNanos();
        this.checkNanos = Math.min(idleNanos, requestNanos);
    }

    /** Goes before the HTTP decoder: raw bytes start a request; answers sent end the work on one. */
    final ChannelDuplexHandler bytes = new ChannelDuplexHandler() {
        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            enter(ctx, State.IDLE, idleNanos);
            super.channelActive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (state == State.IDLE && msg instanceof ByteBuf bytes && bytes.isReadable()) enter(ctx, State.RECEIVING, requestNanos);
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            // the door answers requests in order, one at a time: an answer ends the work on the one under way
            if (state == State.WORKING && msg instanceof ByteBuf) enter(ctx, State.IDLE, idleNanos);
            super.write(ctx, msg, promise);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
            super.channelInactive(ctx);
        }
    };

    /** Goes after the HTTP decoder: the last part of a request has arrived. */
    final ChannelInboundHandlerAdapter requests = new ChannelInboundHandlerAdapter() {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof LastHttpContent && state == State.RECEIVING) state = State.WORKING;
            super.channelRead(ctx, msg);
        }
    };

    private void enter(ChannelHandlerContext ctx, State next, long timeoutNanos) {
        state = next;
        deadline = System.nanoTime() + timeoutNanos;
        if (timer == null) timer = ctx.executor().schedule(() -> check(ctx), checkNanos, TimeUnit.NANOSECONDS);
    }

    /** The timer: acts on a deadline that has passed, or waits for the rest of it; while the server works, none runs. */
    private void check(ChannelHandlerContext ctx) {
        timer = null;
        if (state == State.WORKING || !ctx.channel().isActive()) return; // the answer's write sets the timer again
        long left = deadline - System.nanoTime();
        if (left > 0) {
            timer = ctx.executor().schedule(() -> check(ctx), Math.min(left, checkNanos), TimeUnit.NANOSECONDS);
        } else if (state == State.IDLE) {
            log().log(System.Logger.Level.DEBUG, "closing " + ctx.channel().remoteAddress() + ": idle for " + Duration.ofNanos(idleNanos));
            ctx.close();
        } else {
            requestTimedOut(ctx);
        }
    }

    private void requestTimedOut(ChannelHandlerContext ctx) {
        log().log(System.Logger.Level.DEBUG, "closing " + ctx.channel().remoteAddress() + ": its request did not arrive whole within "
                + Duration.ofNanos(requestNanos));
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set("x-amzn-RequestId", RequestIds.next()).set("x-amz-crc32", "0");
        // written below the HTTP encoder's place in the pipeline would skip it: written from the channel's end
        ctx.channel().writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static System.Logger log() {
        return System.getLogger(ConnectionTimeouts.class.getName());
    }
}
