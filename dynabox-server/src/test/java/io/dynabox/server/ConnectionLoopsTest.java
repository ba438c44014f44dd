package io.dynabox.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultSelectStrategyFactory;
import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which event loop a new connection goes to, asked as the accepting loop asks it. */
class ConnectionLoopsTest {
    private final ConnectionLoops connectionLoops = new ConnectionLoops();
    private NioEventLoopGroup group;
    private EventLoop accepting;
    private EventLoop other;

    @BeforeEach
    void startLoops() {
        group = new NioEventLoopGroup(2, (Executor) null, connectionLoops, SelectorProvider.provider(), DefaultSelectStrategyFactory.INSTANCE);
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor loop : group) loops.add((EventLoop) loop);
        accepting = loops.get(1); // not the first: the choice must not be the first loop by default
        other = loops.get(0);
    }

    @AfterEach
    void stopLoops() {
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The loop the group gives a connection accepted on {@link #accepting}. */
    private EventExecutor chosenByAcceptingLoop() throws Exception {
        return accepting.submit(() -> group.next()).get();
    }

    @Test
    void connectionsOneAfterTheOtherStayOnTheAcceptingLoop() throws Exception {
        for (int i = 0; i < 5; i++) {
            EventExecutor chosen = chosenByAcceptingLoop();
            assertThat(chosen).isSameAs(accepting);
            connectionLoops.closed((EventLoop) chosen);
        }
    }

    @Test
    void connectionsOpenTogetherSpreadOverTheLoops() throws Exception {
        List<EventExecutor> chosen = new ArrayList<>();
        for (int i = 0; i < 6; i++) chosen.add(chosenByAcceptingLoop());
        assertThat(chosen).containsExactly(accepting, other, accepting, other, accepting, other);
        // two close on the accepting loop: the next two go there, then the turns go on
        connectionLoops.closed(accepting);
        connectionLoops.closed(accepting);
        assertThat(List.of(chosenByAcceptingLoop(), chosenByAcceptingLoop(), chosenByAcceptingLoop()))
                .containsExactly(accepting, accepting, accepting);
        assertThat(chosenByAcceptingLoop()).isSameAs(other);
    }

    @Test
    void aConnectionAcceptedElsewhereGoesToTheLoopWithFewest() throws Exception {
        // asked from no loop at all (a thread of its own accepting): the fewest, the first of equals
        EventExecutor first = group.next();
        EventExecutor second = group.next();
        assertThat(List.of(first, second)).containsExactlyInAnyOrder(accepting, other);
    }
}
