package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.operation.BatchGetItem;
import io.dynabox.engine.operation.PlainOperation;
import io.dynabox.engine.operation.Query;
import io.dynabox.engine.wire.PlainRequests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The streamed request path of Query and BatchGetItem against the tree path, in the engine thread's CPU time
 * ({@link CpuCost}: thread CPU, rotating turns of blocks, medians of the per-round ratios). Each request is sent
 * as it is (streamed) and with one more member the service ignores ({@code "Unread":0}), which only the tree path
 * reads, so the two differ only in how the request is read: same answers, same table. Query: the shared bench's
 * {@code query_c8} shape (20 items of a 100-item partition by {@code sk BETWEEN}, ~1 KB items); BatchGetItem: 25
 * random keys of {@link CpuCost}'s 10,000 items of ~1 KB. Bodies are made beforehand.
 *
 * <pre>java -XX:+UseSerialGC -Xmx2g -cp dynabox-bench/target/benchmarks.jar io.dynabox.bench.StreamedReadCpuCost [rounds]</pre>
 */
public final class StreamedReadCpuCost {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final List<String> NAMES = List.of("Query streamed", "Query tree", "BatchGetItem streamed", "BatchGetItem tree");
    private static final int PARTITIONS = 50;
    private static final int PER_PARTITION = 100;
    private static final int VARIANTS_PER_ACTION = 1000;

    private StreamedReadCpuCost() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        try (Engine engine = new Engine(DynaboxOptions.defaults())) {
            CpuCost.createTable(engine, "");
            createQueryTable(engine);
            Random random = new Random(7);
            String[] queries = new String[VARIANTS_PER_ACTION];
            String[] batches = new String[VARIANTS_PER_ACTION];
            for (int i = 0; i < VARIANTS_PER_ACTION; i++) {
                int from = random.nextInt(PER_PARTITION - 20);
                queries[i] = "{\"TableName\":\"bench_q\",\"KeyConditionExpression\":\"pk = :pk AND sk BETWEEN :a AND :b\","
                        + "\"ExpressionAttributeValues\":{\":pk\":{\"S\":\"p" + random.nextInt(PARTITIONS) + "\"},\":a\":{\"N\":\"" + from
                        + "\"},\":b\":{\"N\":\"" + (from + 19) + "\"}}}";
                StringBuilder keys = new StringBuilder();
                random.ints(0, CpuCost.ITEMS).distinct().limit(25).forEach(k ->
                        keys.append(keys.length() == 0 ? "" : ",").append("{\"pk\":{\"S\":\"k").append(k).append("\"}}"));
                batches[i] = "{\"RequestItems\":{\"bench_kv\":{\"Keys\":[" + keys + "]}}}";
            }
            DynamoRequest[][] requests = {
                    requests("Query", queries, false), requests("Query", queries, true),
                    requests("BatchGetItem", batches, false), requests("BatchGetItem", batches, true)};
            checkStreamed(new Query(), queries[0]);
            checkStreamed(new BatchGetItem(), batches[0]);
            for (DynamoRequest[] variant : requests) check(engine, variant[0]);
            for (int warm = 0; warm < 5; warm++) for (DynamoRequest[] variant : requests) block(engine, variant);
            double[][] micros = CpuCost.measure(rounds, requests.length, which -> block(engine, requests[which]), which -> { });
            for (int k = 0; k < NAMES.size(); k++) System.out.printf("%-22s %7.2f us CPU%n", NAMES.get(k), CpuCost.median(micros[k]));
            System.out.printf("Query streamed / tree: %s%nBatchGetItem streamed / tree: %s%n",
                    CpuCost.ratios(micros[0], micros[1]), CpuCost.ratios(micros[2], micros[3]));
        }
    }

    /** {@code bench_q}: hash key {@code pk}, number sort key {@code sk}, 50 partitions of 100 items of ~1 KB. */
    private static void createQueryTable(Engine engine) {
        CpuCost.call(engine, "CreateTable", "{\"TableName\":\"bench_q\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]}");
        String data = "y".repeat(970);
        for (int p = 0; p < PARTITIONS; p++) {
            for (int s = 0; s < PER_PARTITION; s++) {
                CpuCost.call(engine, "PutItem", "{\"TableName\":\"bench_q\",\"Item\":{\"pk\":{\"S\":\"p" + p + "\"},\"sk\":{\"N\":\"" + s
                        + "\"},\"data\":{\"S\":\"" + data + "\"}}}");
            }
        }
    }

    private static DynamoRequest[] requests(String action, String[] bodies, boolean tree) {
        DynamoRequest[] requests = new DynamoRequest[bodies.length];
        for (int i = 0; i < bodies.length; i++) {
            String body = tree ? "{\"Unread\":0," + bodies[i].substring(1) : bodies[i];
            requests[i] = new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, "20260101T000000Z", body.getBytes(StandardCharsets.UTF_8));
        }
        return requests;
    }

    /** The streamed variant must take the streamed path (the reader throws otherwise). */
    private static void checkStreamed(PlainOperation operation, String body) {
        PlainRequests.read(body.getBytes(StandardCharsets.UTF_8), operation.newPlainRequest());
    }

    private static void block(Engine engine, DynamoRequest[] requests) {
        for (int i = 0; i < CpuCost.BLOCK; i++) engine.handle(requests[i % requests.length]);
    }

    private static void check(Engine engine, DynamoRequest request) {
        DynamoResponse response = engine.handle(request);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.status() != 200) throw new IllegalStateException(body);
        boolean full = body.contains("\"Count\":20,") || body.split("\"pk\"", -1).length - 1 == 25;
        if (!full) throw new IllegalStateException("an answer without its 20 or 25 items: " + body.substring(0, Math.min(200, body.length())));
    }
}
