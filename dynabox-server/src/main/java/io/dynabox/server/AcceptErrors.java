package io.dynabox.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;

/**
 * On the listening channel: an accept that fails (most often because the process has run
 * out of file descriptors) pauses accepting for a moment and is logged at most every ten
 * seconds, and the event loop carries on. Netty's own handling would log every failure,
 * and its logging needs resources (the time-zone file on first use) that are not there
 * at that moment: the Error that followed killed the accepting thread for good.
 */
final class AcceptErrors extends ChannelInboundHandlerAdapter {
    private static final long PAUSE_MILLIS = 100;
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private long lastLog = System.nanoTime() - LOG_EVERY_NANOS;
    private long failuresSinceLog;

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // the backlog keeps the connections that wait; they are accepted once descriptors free up
        ctx.channel().config().setAutoRead(false);
        ctx.executor().schedule(() -> ctx.channel().config().setAutoRead(true), PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        failuresSinceLog++;
        long now = System.nanoTime();
        if (now - lastLog < LOG_EVERY_NANOS) return;
        lastLog = now;
        try {
            System.getLogger(DynaboxServer.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot accept connections (" + cause + "); " + failuresSinceLog + " attempts failed, retrying every "
                            + PAUSE_MILLIS + " ms");
            failuresSinceLog = 0;
        } catch (Throwable logFailed) { // NOPMD: with no descriptor left even a log line may fail; accepting matters more
            // said at the next attempt
        }
    }
}
