package io.dynabox.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import io.dynabox.engine.wire.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's time for one GetRecords of 1,000 records of about 1 KB (a NEW_IMAGE stream,
 * under the 1 MB page limit), through its front door: JSON in, the answer's JSON bytes out.
 * The clock stands still, so the same iterator serves every call.
 *
 * <pre>java -jar dynabox-bench/target/benchmarks.jar GetRecordsBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx2g"})
public class GetRecordsBenchmark {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String DATE = "20260101T000000Z";
    private static final int RECORDS = 1000;
    private static final String DATA = "x".repeat(960);

    Engine engine;
    byte[] getRecords;

    @Setup(Level.Trial)
    public void load() throws IOException {
        long now = System.currentTimeMillis();
        engine = new Engine(DynaboxOptions.defaults(), new MemoryStore(), () -> now);
        JsonNode table = call("DynamoDB_20120810.CreateTable", """
                {"TableName":"bench_stream","BillingMode":"PAY_PER_REQUEST",
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
                 "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
                 "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_IMAGE"}}""");
        String arn = table.get("TableDescription").get("LatestStreamArn").textValue();
        for (int i = 0; i < RECORDS; i++) {
            call("DynamoDB_20120810.PutItem", "{\"TableName\":\"bench_stream\",\"Item\":{\"pk\":{\"S\":\"k" + i
                    + "\"},\"data\":{\"S\":\"" + DATA + "\"}}}");
        }
        String shard = call("DynamoDBStreams_20120810.DescribeStream", "{\"StreamArn\":\"" + arn + "\"}")
                .get("StreamDescription").get("Shards").get(0).get("ShardId").textValue();
        String iterator = call("DynamoDBStreams_20120810.GetShardIterator", "{\"StreamArn\":\"" + arn + "\",\"ShardId\":\"" + shard
                + "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}").get("ShardIterator").textValue();
        getRecords = ("{\"ShardIterator\":\"" + iterator + "\",\"Limit\":1000}").getBytes(StandardCharsets.UTF_8);
        int read = Json.parse(getRecords().body()).get("Records").size();
        if (read != RECORDS) throw new IllegalStateException("GetRecords read " + read + " records, not " + RECORDS);
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    @Benchmark
    public DynamoResponse getRecords() {
        return engine.handle(new DynamoRequest("DynamoDBStreams_20120810.GetRecords", AUTHORIZATION, DATE, getRecords));
    }

    private JsonNode call(String target, String body) throws IOException {
        DynamoResponse response = engine.handle(new DynamoRequest(target, AUTHORIZATION, DATE, body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) throw new IllegalStateException(new String(response.body(), StandardCharsets.UTF_8));
        return Json.parse(response.body());
    }
}
