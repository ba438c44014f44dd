package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import io.dynabox.engine.wire.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The engine CPU one GetRecords of 1,000 records of about 1 KB costs ({@link GetRecordsBenchmark}'s
 * set-up: a NEW_IMAGE stream, JSON in, the answer's bytes out): thread CPU time, not wall time,
 * so a machine loaded by other processes does not count its waiting. Blocks of calls, the median
 * of the blocks, and the bytes allocated a call (the thread's allocation counter). Then the first
 * read of 1,000 fresh records, which also makes their event ids, keys and sizes (the writer leaves
 * that to the first reader).
 *
 * <pre>java -XX:+UseSerialGC -Xmx2g -cp dynabox-bench/target/benchmarks.jar io.dynabox.bench.GetRecordsCpuCost</pre>
 */
public final class GetRecordsCpuCost {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String DATE = "20260101T000000Z";
    private static final int RECORDS = 1000;
    private static final String DATA = "x".repeat(960);
    private static final int BLOCK = 50;
    private static final int ROUNDS = 20;

    private GetRecordsCpuCost() {}

    public static void main(String[] args) throws IOException {
        long now = System.currentTimeMillis();
        try (Engine engine = new Engine(DynaboxOptions.defaults(), new MemoryStore(), () -> now)) {
            String arn = call(engine, "DynamoDB_20120810.CreateTable", """
                    {"TableName":"bench_stream","BillingMode":"PAY_PER_REQUEST",
                     "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
                     "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
                     "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_IMAGE"}}""")
                    .get("TableDescription").get("LatestStreamArn").textValue();
            for (int i = 0; i < RECORDS; i++) {
                call(engine, "DynamoDB_20120810.PutItem", "{\"TableName\":\"bench_stream\",\"Item\":{\"pk\":{\"S\":\"k" + i
                        + "\"},\"data\":{\"S\":\"" + DATA + "\"}}}");
            }
            String shard = call(engine, "DynamoDBStreams_20120810.DescribeStream", "{\"StreamArn\":\"" + arn + "\"}")
                    .get("StreamDescription").get("Shards").get(0).get("ShardId").textValue();
            String iterator = call(engine, "DynamoDBStreams_20120810.GetShardIterator", "{\"StreamArn\":\"" + arn + "\",\"ShardId\":\""
                    + shard + "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}").get("ShardIterator").textValue();
            byte[] getRecords = ("{\"ShardIterator\":\"" + iterator + "\",\"Limit\":1000}").getBytes(StandardCharsets.UTF_8);
            DynamoRequest request = new DynamoRequest("DynamoDBStreams_20120810.GetRecords", AUTHORIZATION, DATE, getRecords);
            int read = Json.parse(engine.handle(request).body()).get("Records").size();
            if (read != RECORDS) throw new IllegalStateException("GetRecords read " + read + " records, not " + RECORDS);

            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            for (int warm = 0; warm < 20 * BLOCK; warm++) engine.handle(request);
            double[] millis = new double[ROUNDS];
            double[] allocated = new double[ROUNDS];
            long id = Thread.currentThread().getId();
            for (int round = 0; round < ROUNDS; round++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long bytes = threads.getThreadAllocatedBytes(id);
                for (int i = 0; i < BLOCK; i++) engine.handle(request);
                millis[round] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / BLOCK;
                allocated[round] = (threads.getThreadAllocatedBytes(id) - bytes) / (double) BLOCK;
            }
            Arrays.sort(millis);
            Arrays.sort(allocated);
            System.out.printf("GetRecords of %d records: median %.3f ms CPU a call (fastest block %.3f, slowest %.3f), %.2f MB allocated a call%n",
                    RECORDS, millis[ROUNDS / 2], millis[0], millis[ROUNDS - 1], allocated[ROUNDS / 2] / 1e6);

            // a record's event id, keys and size are made when it is first read: the first read of fresh records pays that
            double[] first = new double[ROUNDS];
            for (int round = 0; round < ROUNDS + 5; round++) {
                String latest = call(engine, "DynamoDBStreams_20120810.GetShardIterator", "{\"StreamArn\":\"" + arn + "\",\"ShardId\":\""
                        + shard + "\",\"ShardIteratorType\":\"LATEST\"}").get("ShardIterator").textValue();
                for (int i = 0; i < RECORDS; i++) {
                    call(engine, "DynamoDB_20120810.PutItem", "{\"TableName\":\"bench_stream\",\"Item\":{\"pk\":{\"S\":\"k" + i
                            + "\"},\"n\":{\"N\":\"" + round + "\"},\"data\":{\"S\":\"" + DATA + "\"}}}");
                }
                DynamoRequest fresh = new DynamoRequest("DynamoDBStreams_20120810.GetRecords", AUTHORIZATION, DATE,
                        ("{\"ShardIterator\":\"" + latest + "\",\"Limit\":1000}").getBytes(StandardCharsets.UTF_8));
                long cpu = threads.getCurrentThreadCpuTime();
                DynamoResponse answer = engine.handle(fresh);
                if (round >= 5) first[round - 5] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
                if (answer.status() != 200) throw new IllegalStateException(new String(answer.body(), StandardCharsets.UTF_8));
            }
            Arrays.sort(first);
            System.out.printf("first GetRecords of %d fresh records: median %.3f ms CPU (fastest %.3f, slowest %.3f)%n",
                    RECORDS, first[ROUNDS / 2], first[0], first[ROUNDS - 1]);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode call(Engine engine, String target, String body) throws IOException {
        DynamoResponse response = engine.handle(new DynamoRequest(target, AUTHORIZATION, DATE, body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) throw new IllegalStateException(target + ": " + new String(response.body(), StandardCharsets.UTF_8));
        return Json.parse(response.body());
    }
}
