package io.dynabox.server;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectDecoder;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.Selector;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The HTTP door: DynamoDB's JSON 1.0 protocol on a Netty server, in front of an
 * {@link Engine}. Start it from the command line ({@link Main}) or from Java, on a chosen
 * port or on a free one (port 0), and close it to stop.
 */
public final class DynaboxServer implements AutoCloseable {
    /** The service refuses bodies over 16 MiB with a 413, without reading them. */
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    /**
     * Netty's defaults (4 KiB, 8 KiB) refused a query-signed request with a long session token,
     * which DynamoDB Local serves; these still bound what one connection can make the server hold.
     */
    static final int MAX_REQUEST_LINE_BYTES = 16 * 1024;
    static final int MAX_HEADER_BYTES = 64 * 1024;

    private final Engine engine;
    private final boolean ownsEngine;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    // closed before the threads stop, so no handler runs after its executor is gone
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel channel;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExecutorService offLoop;
    private final AtomicInteger open = new AtomicInteger();
    /** Counts a connection out; one listener for all of them. */
    private final ChannelFutureListener connectionClosed = f -> open.decrementAndGet();
    private final AtomicLong lastRefusalLog = new AtomicLong(System.nanoTime() - TimeUnit.SECONDS.toNanos(2));

    /** @param warmUp null for no warm-up; else what to wait for, after this server's own {@link SocketWarmUp}, before the port opens */
    private DynaboxServer(Engine engine, boolean ownsEngine, DynaboxOptions options, Runnable warmUp) {
        this.engine = engine;
        this.ownsEngine = ownsEngine;
        this.bossGroup = new NioEventLoopGroup(1);
        // one worker per core, not Netty's two: handlers never block, and a worker preempted while
        // it holds a table's lock only makes the others wait (put c8: 30 against 34 us of CPU per op)
        int workers = Runtime.getRuntime().availableProcessors();
        this.workerGroup = new NioEventLoopGroup(workers);
        this.offLoop = offLoopWorkers();
        HttpDoor door = new HttpDoor(engine, options.corsOrigins(), offLoop);
        try {
            initializeWhatFailuresNeed();
            startWorkerThreads();
            if (warmUp != null) {
                warmUpSockets(options, workers);
                warmUp.run();
            }
            this.channel = listener(options, door, options.maxConnections()).bind(options.host(), options.port()).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutdownGroups();
            if (ownsEngine) engine.close();
            throw e;
        }
    }

    /**
     * The listening side: connections on this server's event loops, each with its timeouts, the
     * HTTP handlers and {@code door}, counted, and refused past {@code maxConnections}.
     */
    private ServerBootstrap listener(DynaboxOptions options, HttpDoor door, int maxConnections) {
        return new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .handler(new AcceptErrors())
                // no TCP_NODELAY child option: Netty sets it on every connection itself (on all but Android), and
                // setting it again cost each new connection a second system call and Netty's option dispatch, interpreted
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (open.incrementAndGet() > maxConnections) {
                            open.decrementAndGet();
                            refused(ch, maxConnections);
                            return;
                        }
                        ch.closeFuture().addListener(connectionClosed);
                        connections.add(ch);
                        ConnectionTimeouts timeouts = new ConnectionTimeouts(options.idleTimeout(), options.requestTimeout());
                        ch.pipeline().addLast(timeouts.bytes);
                        addHandlers(ch.pipeline(), door);
                        ch.pipeline().addBefore("aggregator", "timeouts", timeouts.requests);
                    }
                });
    }

    /**
     * Before the port opens, so that a user's first connection is not the first on its event
     * loop; then waits (a moment at most) for the warm-up's connections to be closed on this
     * side too, so none counts against {@code --max-connections}.
     */
    private void warmUpSockets(DynaboxOptions options, int workers) {
        // counted (so the wait below sees them close) but never refused: a limit of one would refuse the
        // second while the first is still closing, and say so in the log
        SocketWarmUp.run(scratch -> listener(options, new HttpDoor(scratch, List.of(), offLoop), Integer.MAX_VALUE), workers);
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (open.get() > 0 && System.nanoTime() < giveUp) LockSupport.parkNanos(100_000);
    }

    /**
     * The handlers a connection's bytes pass through, from HTTP to the door. The decoder and the
     * encoder are apart rather than Netty's HttpServerCodec, whose encoder must see a response
     * object for every request: most answers go out as bytes ({@link AnswerBytes}). The door
     * drops the body of an answer to a HEAD itself.
     */
    static void addHandlers(ChannelPipeline pipeline, HttpDoor door) {
        pipeline.addLast(new HttpRequestDecoder(MAX_REQUEST_LINE_BYTES, MAX_HEADER_BYTES, HttpObjectDecoder.DEFAULT_MAX_CHUNK_SIZE))
                .addLast(new AnswerEncoder())
                .addLast(new WholeRequests(MAX_REQUEST_BYTES))
                .addLast("aggregator", door.aggregator(MAX_REQUEST_BYTES))
                .addLast("door", door);
    }

    /** Threads for the requests an event loop must not be held by (see {@link HttpDoor}); as many as cores. */
    private static ExecutorService offLoopWorkers() {
        AtomicInteger count = new AtomicInteger();
        int threads = Runtime.getRuntime().availableProcessors();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "dynabox-work-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // started now, not by the first CreateTable or Query, which would wait for a thread to be made
        workers.prestartAllCoreThreads();
        return workers;
    }

    /**
     * The JDK sets up what closing a socket or selector needs (a spare descriptor, in
     * {@code FileDispatcherImpl}) the first time something closes, and what a log line's
     * time needs (the time-zone file) the first time one is written: were that first time a
     * moment when descriptors have run out, the set-up would fail for good, every later
     * close or log line would throw, and the event loops would die. Done now, while
     * descriptors are free (the time zone off the start path: it takes a few milliseconds).
     */
    private void initializeWhatFailuresNeed() {
        try {
            Selector.open().close();
            java.nio.channels.SocketChannel.open().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector or a socket", e);
        }
        offLoop.execute(() -> ZoneId.systemDefault().getRules());
    }

    /** A connection over the limit: closed at once, said in the log once per second at most. */
    private void refused(SocketChannel ch, int maxConnections) {
        long now = System.nanoTime();
        long last = lastRefusalLog.get();
        if (now - last > TimeUnit.SECONDS.toNanos(1) && lastRefusalLog.compareAndSet(last, now)) {
            System.getLogger(DynaboxServer.class.getName()).log(System.Logger.Level.WARNING,
                    "refusing connections: " + maxConnections + " are open (--max-connections)");
        }
        ch.close();
    }

    /** Starts a server with its own engine, configured by {@code options}. */
    public static DynaboxServer start(DynaboxOptions options) {
        return new DynaboxServer(Engines.open(options), true, options, null);
    }

    /**
     * {@link #start(DynaboxOptions)} for the command line: the engine is opened and the server set
     * up while {@code otherWarmUps} (running on other threads) may still be under way, then a
     * {@link SocketWarmUp} runs on the server's event loops, and the port opens once
     * {@code otherWarmUps} returns. A test's own server, started many times, skips all of it.
     */
    static DynaboxServer startWarmedUp(DynaboxOptions options, Runnable otherWarmUps) {
        return new DynaboxServer(Engines.open(options), true, options, otherWarmUps);
    }

    /** Starts a server in front of an engine the caller keeps (and closes), on the engine's configured port. */
    public static DynaboxServer start(Engine engine) {
        return new DynaboxServer(engine, false, engine.options(), null);
    }

    /** Starts a server in front of an engine the caller keeps (and closes), on {@code port} (0 for a free one). */
    public static DynaboxServer start(Engine engine, int port) {
        return new DynaboxServer(engine, false, engine.options().toBuilder().port(port).build(), null);
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public String host() {
        return ((InetSocketAddress) channel.localAddress()).getHostString();
    }

    /** The endpoint to give a client, e.g. {@code http://127.0.0.1:8000}. */
    public URI endpoint() {
        String host = host();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    public Engine engine() {
        return engine;
    }

    /** Blocks until the server is closed. */
    public void awaitClose() {
        channel.closeFuture().syncUninterruptibly();
    }

    /** Stops the server; closing it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        channel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
        shutdownGroups();
        if (ownsEngine) engine.close();
    }

    /**
     * Starts every worker thread now and gives it its buffer arena: a thread's first pooled
     * allocation costs 3-4 ms, which the first request on each of its connections would
     * otherwise pay. The task runs ahead of any connection the thread is given later.
     */
    private void startWorkerThreads() {
        for (EventExecutor worker : workerGroup) {
            worker.execute(() -> ByteBufAllocator.DEFAULT.ioBuffer(2048).release());
        }
    }

    /**
     * Ends the event loops and waits for both groups: the listening socket's descriptor is
     * released by the accepting loop's last select after the channel closed (the JDK defers
     * closing a registered channel), so the port is free again only once that loop has ended.
     */
    private void shutdownGroups() {
        offLoop.shutdown();
        Future<?> accepting = bossGroup.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        workerGroup.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        accepting.syncUninterruptibly();
    }
}
