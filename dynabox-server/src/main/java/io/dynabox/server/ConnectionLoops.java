package io.dynabox.server;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorChooserFactory;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Which event loop serves a new connection: one with the fewest connections open, and of those
 * the loop that accepted it (the listening channel is on one of the loops), which then sets the
 * connection up and reads its first request itself. A connection handed to another loop waits
 * for that thread to wake up, and every step of a new connection runs interpreted for a while
 * after start-up: a test suite's or a script's short connections, one after the other, were
 * each handed over. Many connections at once (a client's pool) still spread evenly.
 *
 * <p>For one group of event loops: the group asks it for its chooser once. A connection is counted
 * when its loop is chosen, and {@link #closed} counts it out.
 */
final class ConnectionLoops implements EventExecutorChooserFactory {
    private EventExecutor[] loops;
    private AtomicIntegerArray open;

    @Override
    public EventExecutorChooser newChooser(EventExecutor[] executors) {
        loops = executors.clone();
        open = new AtomicIntegerArray(executors.length);
        return this::next;
    }

    /** Asked by the accepting loop for each new connection (a registration that then fails stays counted: rare, and harmless). */
    private EventExecutor next() {
        int chosen = 0;
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < loops.length; i++) {
            int count = open.get(i);
            if (count < fewest || count == fewest && loops[i].inEventLoop()) {
                chosen = i;
                fewest = count;
            }
        }
        open.incrementAndGet(chosen);
        return loops[chosen];
    }

    /** A connection on {@code loop} has closed. */
    void closed(EventLoop loop) {
        for (int i = 0; i < loops.length; i++) {
            if (loops[i] == loop) {
                open.decrementAndGet(i);
                return;
            }
        }
    }
}
