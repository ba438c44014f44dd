package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The server CPU a PutItem costs on a global table with one replica, against the same table
 * without one (and, to show where the difference comes from, with only the NEW_AND_OLD_IMAGES
 * stream a replica turns on): thread CPU time of the request thread (not wall time, so a loaded
 * machine's waiting does not count), and separately the CPU of applying the writes in the
 * replica, per PutItem. {@link ThrottlingCpuCost}'s ~1 KB replaces of one of 10,000 items; the
 * engines measured in alternating blocks in one JVM so drift hits all alike. The replicated
 * engine's replication delay is an hour, so its replication thread stays out of the block (two
 * busy threads on a loaded machine slow each other through the caches and the scheduler); after
 * each block its writes are applied on this thread ({@code flush}) and that CPU is measured too.
 *
 * <pre>java -XX:+UseSerialGC -Xmx3g -cp dynabox-bench/target/benchmarks.jar io.dynabox.bench.ReplicationCpuCost</pre>
 */
public final class ReplicationCpuCost {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String DATA = "x".repeat(970);
    private static final int ITEMS = 10_000;
    private static final int BLOCK = 20_000;
    private static final int ROUNDS = Integer.getInteger("rounds", 11);
    private static final String[] NAMES = {"none", "stream", "replica"};

    private ReplicationCpuCost() {}

    public static void main(String[] args) {
        Engine[] engines = new Engine[3];
        for (int e = 0; e < 3; e++) {
            engines[e] = new Engine(DynaboxOptions.builder().replicationDelay(Duration.ofHours(e == 2 ? 1 : 0)).build());
            String stream = e == 0 ? "" : ",\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}";
            call(engines[e], "CreateTable", "{\"TableName\":\"bench_kv\",\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                    + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]" + stream + "}");
            for (int i = 0; i < ITEMS; i++) call(engines[e], "PutItem", put("k" + i));
        }
        call(engines[2], "UpdateTable", "{\"TableName\":\"bench_kv\",\"ReplicaUpdates\":[{\"Create\":{\"RegionName\":\"eu-west-1\"}}]}");
        SplittableRandom random = new SplittableRandom(1);
        for (int warm = 0; warm < 8; warm++) {
            for (Engine engine : engines) {
                block(engine, random);
                engine.replicator().flush();
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] micros = new double[3][ROUNDS];
        double[] applying = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < 3; k++) {
                int which = (k + round) % 3;
                long start = threads.getCurrentThreadCpuTime();
                block(engines[which], random);
                long written = threads.getCurrentThreadCpuTime();
                micros[which][round] = (written - start) / 1000.0 / BLOCK;
                engines[which].replicator().flush();
                if (which == 2) applying[round] = (threads.getCurrentThreadCpuTime() - written) / 1000.0 / BLOCK;
            }
        }
        for (int e = 0; e < 3; e++) System.out.printf("%-8s request thread: median %.2f us CPU a PutItem%n", NAMES[e], median(micros[e]));
        System.out.printf("replica  applying in the replica: median %.2f us CPU a PutItem%n", median(applying));
        double[] vsNone = new double[ROUNDS];
        double[] vsStream = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            vsNone[round] = micros[2][round] / micros[0][round];
            vsStream[round] = micros[2][round] / micros[1][round];
        }
        System.out.printf("replica/none (request thread): median %.3f (rounds %.3f to %.3f)%n", median(vsNone),
                Arrays.stream(vsNone).min().orElse(0), Arrays.stream(vsNone).max().orElse(0));
        System.out.printf("replica/stream (request thread): median %.3f (rounds %.3f to %.3f)%n", median(vsStream),
                Arrays.stream(vsStream).min().orElse(0), Arrays.stream(vsStream).max().orElse(0));
        for (Engine engine : engines) engine.close();
    }

    private static void block(Engine engine, SplittableRandom random) {
        for (int i = 0; i < BLOCK; i++) call(engine, "PutItem", put("k" + random.nextInt(ITEMS), random.nextLong()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String put(String key) {
        return put(key, 0);
    }

    /** Each write changes the item (a new counter), so each one is a change to replicate. */
    private static String put(String key, long counter) {
        return "{\"TableName\":\"bench_kv\",\"Item\":{\"pk\":{\"S\":\"" + key + "\"},\"n\":{\"N\":\"" + counter
                + "\"},\"data\":{\"S\":\"" + DATA + "\"}}}";
    }

    private static void call(Engine engine, String action, String body) {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, "20260101T000000Z",
                body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) throw new IllegalStateException(new String(response.body(), StandardCharsets.UTF_8));
    }
}
