package io.dynabox.bench;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * PartiQL's cost against the item actions' (#20: a point SELECT at most 1.3x a GetItem, an UPDATE at most 1.3x
 * an UpdateItem), in the engine thread's CPU time ({@link CpuCost}: thread CPU, not wall time, rotating turns of
 * blocks, medians of the per-round ratios), on {@link CpuCost}'s table of 10,000 items of ~1 KB. The request
 * bodies are made before the measurement, so a block is the engine's work alone: bytes in, bytes out.
 *
 * <pre>java -XX:+UseSerialGC -Xmx2g -cp dynabox-bench/target/benchmarks.jar io.dynabox.bench.PartiqlCpuCost [rounds]</pre>
 */
public final class PartiqlCpuCost {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final List<String> NAMES = List.of("GetItem", "SELECT (whole key)", "UpdateItem", "UPDATE");

    private PartiqlCpuCost() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        try (Engine engine = new Engine(DynaboxOptions.defaults())) {
            CpuCost.createTable(engine, "");
            DynamoRequest[][] requests = new DynamoRequest[NAMES.size()][CpuCost.ITEMS];
            for (int i = 0; i < CpuCost.ITEMS; i++) {
                String key = "k" + i;
                requests[0][i] = request("GetItem", CpuCost.get(key));
                requests[1][i] = request("ExecuteStatement",
                        "{\"Statement\":\"SELECT * FROM bench_kv WHERE pk = ?\",\"Parameters\":[{\"S\":\"" + key + "\"}]}");
                requests[2][i] = request("UpdateItem", "{\"TableName\":\"bench_kv\",\"Key\":{\"pk\":{\"S\":\"" + key + "\"}},"
                        + "\"UpdateExpression\":\"SET n = :one\",\"ConditionExpression\":\"attribute_exists(pk)\","
                        + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}}}");
                requests[3][i] = request("ExecuteStatement",
                        "{\"Statement\":\"UPDATE bench_kv SET n = 1 WHERE pk = ?\",\"Parameters\":[{\"S\":\"" + key + "\"}]}");
            }
            for (DynamoRequest[] variant : requests) check(engine, variant[0]);
            for (int warm = 0; warm < 8; warm++) for (DynamoRequest[] variant : requests) block(engine, variant);
            double[][] micros = CpuCost.measure(rounds, requests.length, which -> block(engine, requests[which]), which -> { });
            for (int k = 0; k < NAMES.size(); k++) System.out.printf("%-20s %6.2f us CPU%n", NAMES.get(k), CpuCost.median(micros[k]));
            System.out.printf("SELECT / GetItem: %s%nUPDATE / UpdateItem: %s%n",
                    CpuCost.ratios(micros[1], micros[0]), CpuCost.ratios(micros[3], micros[2]));
        }
    }

    private static DynamoRequest request(String action, String body) {
        return new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, "20260101T000000Z", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void block(Engine engine, DynamoRequest[] requests) {
        for (int i = 0; i < CpuCost.BLOCK; i++) engine.handle(requests[i % requests.length]);
    }

    private static void check(Engine engine, DynamoRequest request) {
        DynamoResponse response = engine.handle(request);
        if (response.status() != 200) throw new IllegalStateException(new String(response.body(), StandardCharsets.UTF_8));
    }
}
