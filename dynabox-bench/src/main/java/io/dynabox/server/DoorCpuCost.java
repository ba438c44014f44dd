package io.dynabox.server;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * Dynabox's own CPU per request through its HTTP door, without the kernel: the bytes of a
 * GetItem (one of 10,000 items of ~1 KB) or a PutItem (a new ~1 KB item), with an AWS SDK's
 * headers, go through a connection's real handlers (timeouts, HTTP codec, aggregator, door,
 * engine) on an in-memory channel, and through the same codec and aggregator in front of
 * {@code shared/bench}'s ceiling (an answer of {} with the ceiling's headers, no work). Both in
 * the same thread, in turns of blocks; the thread's CPU time and allocated bytes per request.
 * The difference is what Dynabox itself costs a request; a socket's wake-ups and system calls,
 * the same for both and most of {@code compare.sh}'s server CPU at one client, are left out, so
 * a loaded machine moves these figures little. The collector's pauses in each kind of block are
 * reported apart (the serial collector's CPU is not the thread's, but {@code compare.sh} counts
 * it); with the launcher's heap flags they are what a server pays.
 *
 * <p>{@code java -XX:+UseSerialGC -cp dynabox-bench/target/benchmarks.jar io.dynabox.server.DoorCpuCost [ROUNDS]}
 * (add the heap flags of {@code ./dynabox} for the server's collector figures)
 */
public final class DoorCpuCost {
    private static final int ITEMS = 10_000;
    private static final int BLOCK = 20_000;
    private static final String DATA = "x".repeat(1000);
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-date;x-amz-target, "
            + "Signature=6d2a0c1a9c6a7b2f1e0e3c5d4b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a";
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private DoorCpuCost() {}

    public static void main(String[] args) throws InterruptedException {
        // as the server's command line does: the leak detector's sampling would be measured with the door
        if (System.getProperty("io.netty.leakDetection.level") == null) System.setProperty("io.netty.leakDetection.level", "disabled");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        // on a thread of Netty's kind, as an event loop is: Netty's pooled allocator keeps a buffer cache only
        // for those, and without one every answer's buffer came from the shared arena under its lock
        Thread measuring = new FastThreadLocalThread(() -> run(rounds), "door-cpu-cost");
        measuring.start();
        measuring.join();
    }

    private static void run(int rounds) {
        ExecutorService offLoop = Executors.newSingleThreadExecutor();
        try (Engine engine = new Engine(DynaboxOptions.builder().delayTransientStatuses(Duration.ZERO).build())) {
            EmbeddedChannel door = doorChannel(engine, offLoop);
            EmbeddedChannel ceiling = new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(16 << 20), new CeilingAnswer());
            send(door, request("CreateTable", "{\"TableName\":\"bench_kv\",\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                    + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}"));
            for (int i = 0; i < ITEMS; i++) send(door, put("k" + i));
            byte[][] gets = new byte[ITEMS][];
            for (int i = 0; i < ITEMS; i++) gets[i] = request("GetItem", "{\"TableName\":\"bench_kv\",\"Key\":{\"pk\":{\"S\":\"k" + i + "\"}}}");
            NewItems puts = new NewItems();
            Random random = new Random(1);
            measure("GetItem", rounds, door, ceiling, channel -> send(channel, gets[random.nextInt(ITEMS)]));
            measure("PutItem", rounds, door, ceiling, channel -> send(channel, puts.next()));
            door.finishAndReleaseAll();
            ceiling.finishAndReleaseAll();
        } finally {
            offLoop.shutdown();
        }
    }

    /** A connection's handlers as the server sets them up, in front of {@code engine}. */
    private static EmbeddedChannel doorChannel(Engine engine, ExecutorService offLoop) {
        EmbeddedChannel channel = new EmbeddedChannel();
        ConnectionTimeouts timeouts = new ConnectionTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(1));
        channel.pipeline().addLast(timeouts.bytes);
        DynaboxServer.addHandlers(channel.pipeline(), new HttpDoor(engine, List.of(), offLoop));
        channel.pipeline().addBefore("aggregator", "timeouts", timeouts.requests);
        return channel;
    }

    private interface Request {
        void sendTo(EmbeddedChannel channel);
    }

    private static void measure(String action, int rounds, EmbeddedChannel door, EmbeddedChannel ceiling, Request request) {
        EmbeddedChannel[] channels = {door, ceiling};
        double[][] micros = new double[2][rounds];
        double[][] bytes = new double[2][rounds];
        double[][] collector = new double[2][rounds];
        for (int r = -3; r < rounds; r++) { // three rounds of warm-up
            for (int k = 0; k < 2; k++) {
                int which = (k + Math.max(r, 0)) % 2;
                long cpu = THREADS.getCurrentThreadCpuTime();
                long allocated = THREADS.getCurrentThreadAllocatedBytes();
                long collected = collectorMillis();
                for (int i = 0; i < BLOCK; i++) request.sendTo(channels[which]);
                if (r < 0) continue;
                micros[which][r] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1000.0 / BLOCK;
                bytes[which][r] = (THREADS.getCurrentThreadAllocatedBytes() - allocated) / (double) BLOCK;
                collector[which][r] = (collectorMillis() - collected) * 1000.0 / BLOCK;
            }
        }
        double[] own = new double[rounds];
        for (int r = 0; r < rounds; r++) own[r] = micros[0][r] - micros[1][r];
        System.out.printf("%s: door %.3f us, ceiling %.3f us, Dynabox's own %.3f us (rounds %.3f to %.3f); allocated %.0f and %.0f bytes; "
                        + "collector pauses %.3f and %.3f us%n",
                action, median(micros[0]), median(micros[1]), median(own), Arrays.stream(own).min().orElse(0),
                Arrays.stream(own).max().orElse(0), median(bytes[0]), median(bytes[1]), mean(collector[0]), mean(collector[1]));
    }

    /** Sends the request's bytes and drops the answer; a door's answer other than 200 stops the run. */
    private static void send(EmbeddedChannel channel, byte[] request) {
        channel.writeInbound(Unpooled.wrappedBuffer(request));
        boolean first = true;
        for (Object out; (out = channel.readOutbound()) != null; first = false) {
            if (first && !startsWith200((ByteBuf) out)) {
                String answer = ((ByteBuf) out).toString(StandardCharsets.UTF_8);
                ReferenceCountUtil.release(out);
                throw new IllegalStateException("the door answered: " + answer);
            }
            ReferenceCountUtil.release(out);
        }
    }

    private static boolean startsWith200(ByteBuf answer) {
        return answer.readableBytes() > 12 && answer.getByte(answer.readerIndex() + 9) == '2' && answer.getByte(answer.readerIndex() + 10) == '0';
    }

    private static byte[] put(String key) {
        return request("PutItem", "{\"TableName\":\"bench_kv\",\"Item\":{\"pk\":{\"S\":\"" + key + "\"},\"counter\":{\"N\":\"0\"},\"data\":{\"S\":\"" + DATA + "\"}}}");
    }

    /** PutItems of new keys: one request's bytes, its key's digits written over for each. */
    private static final class NewItems {
        private final byte[] template = put("p000000000");
        private final int digits = new String(template, StandardCharsets.ISO_8859_1).indexOf("p000000000") + 1;
        private long next;

        byte[] next() {
            long n = next++;
            for (int d = 8; d >= 0; d--, n /= 10) template[digits + d] = (byte) ('0' + n % 10);
            return template;
        }
    }

    /** An HTTP request as the AWS SDK for Java v2 sends one. */
    private static byte[] request(String action, String body) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1:8000\r\namz-sdk-invocation-id: " + UUID.randomUUID()
                + "\r\namz-sdk-request: attempt=1; max=4\r\nAuthorization: " + AUTHORIZATION
                + "\r\nContent-Type: application/x-amz-json-1.0\r\nUser-Agent: aws-sdk-java/2.59.1 md/io#sync md/http#Apache ua/2.1 os/Linux#6 lang/java#17\r\n"
                + "X-Amz-Date: 20260101T000000Z\r\nX-Amz-Target: DynamoDB_20120810." + action + "\r\nContent-Length: " + json.length + "\r\n\r\n";
        byte[] bytes = Arrays.copyOf(head.getBytes(StandardCharsets.US_ASCII), head.length() + json.length);
        System.arraycopy(json, 0, bytes, head.length(), json.length);
        return bytes;
    }

    /** The collectors' pauses so far: the serial collector runs while this thread waits, so its CPU is not in the thread's. */
    private static long collectorMillis() {
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) millis += Math.max(0, collector.getCollectionTime());
        return millis;
    }

    /** Pauses are rare and whole milliseconds: the mean over the rounds, not the median, says what a request costs. */
    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** {@code shared/bench/ceiling}'s answer to a POST: 200 with {} and the headers a DynamoDB client expects. */
    @ChannelHandler.Sharable
    private static final class CeilingAnswer extends SimpleChannelInboundHandler<FullHttpRequest> {
        private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);
        private static final ByteBuf SHARED_BODY = Unpooled.unreleasableBuffer(Unpooled.directBuffer(BODY.length).writeBytes(BODY).asReadOnly());
        private static final String BODY_CRC32 = crc32(BODY);

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.OK, SHARED_BODY.duplicate());
            ThreadLocalRandom random = ThreadLocalRandom.current();
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-amz-json-1.0").set("x-amz-crc32", BODY_CRC32)
                    .set("x-amzn-RequestId", new UUID(random.nextLong(), random.nextLong()).toString())
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length);
            ctx.writeAndFlush(response);
        }

        private static String crc32(byte[] bytes) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return Long.toString(crc.getValue());
        }
    }
}
