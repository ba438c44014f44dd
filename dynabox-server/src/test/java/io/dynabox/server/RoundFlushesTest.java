package io.dynabox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/**
 * Answers written during a round of reads reach the socket when the round is over (the loop's
 * tasks), all of them and in order; none is left behind when another loop shares the thread.
 * Through Netty's in-memory channel, whose loop runs on the test's thread.
 */
class RoundFlushesTest {
    /** Answers every message it reads with the message itself, as the door answers a request. */
    private static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg, ctx.voidPromise());
            RoundFlushes.flushAfterRound(ctx);
        }
    }

    @Test
    void anAnswerWaitsForTheEndOfTheRound() {
        EmbeddedChannel channel = new EmbeddedChannel(new Echo());
        channel.pipeline().fireChannelRead("answer");
        assertThat(channel.outboundMessages()).isEmpty();

        channel.runPendingTasks();

        assertThat(channel.outboundMessages()).containsExactly("answer");
        channel.finishAndReleaseAll();
    }

    @Test
    void everyRoundIsFlushed() {
        EmbeddedChannel channel = new EmbeddedChannel(new Echo());
        // two reads, then the loop's tasks (an in-memory channel also runs them before each write)
        channel.writeInbound("a", "b");
        assertThat(channel.outboundMessages()).containsExactly("a", "b");

        channel.writeInbound("c");
        assertThat(channel.outboundMessages()).containsExactly("a", "b", "c");
        channel.finishAndReleaseAll();
    }

    @Test
    void anotherLoopOnTheSameThreadIsFlushedAtOnce() {
        EmbeddedChannel first = new EmbeddedChannel(new Echo());
        EmbeddedChannel second = new EmbeddedChannel(new Echo());
        first.pipeline().fireChannelRead("to first");
        second.pipeline().fireChannelRead("to second");

        assertThat(second.outboundMessages()).containsExactly("to second");
        assertThat(first.outboundMessages()).isEmpty();
        first.runPendingTasks();
        assertThat(first.outboundMessages()).containsExactly("to first");
        first.finishAndReleaseAll();
        second.finishAndReleaseAll();
    }
}
