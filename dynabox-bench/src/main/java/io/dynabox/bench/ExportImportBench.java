package io.dynabox.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.wire.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Wall time of an export and of an import of 100,000 items of about 1 KB each (issue 28's target:
 * within 3 s each): an in-memory engine, its S3 directory in a temporary folder, the export a
 * full DYNAMODB_JSON export (gzip data files, manifests), the import that export's data files
 * into a new table (GZIP, DYNAMODB_JSON, every item checked as PutItem checks one). Dynabox runs
 * each job off the request thread: the time measured is from the request to the first
 * DescribeExport / DescribeImport that shows the job COMPLETED (polled every millisecond).
 * Several rounds after a warm-up round; prints each round and the median.
 *
 * <p>With a data size (third argument, 960 characters by default) and {@code export} as fourth, only the exports run:
 * with many small items and a small heap ({@code -Xmx}) it shows whether an export holds the whole table besides it.
 *
 * <pre>java -XX:+UseSerialGC -Xmx3g -cp dynabox-bench/target/benchmarks.jar io.dynabox.bench.ExportImportBench [items] [rounds] [data size] [export]</pre>
 */
public final class ExportImportBench {
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";

    private ExportImportBench() {}

    public static void main(String[] args) throws IOException {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String data = "x".repeat(args.length > 2 ? Integer.parseInt(args[2]) : 960);
        boolean exportOnly = args.length > 3 && args[3].equals("export");
        Path s3 = Files.createTempDirectory("dynabox-bench-s3");
        Files.createDirectories(s3.resolve("bench"));
        try (Engine engine = new Engine(DynaboxOptions.builder().s3Dir(s3).build())) {
            call(engine, "CreateTable", "{\"TableName\":\"bench_kv\",\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                    + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}");
            call(engine, "UpdateContinuousBackups", "{\"TableName\":\"bench_kv\","
                    + "\"PointInTimeRecoverySpecification\":{\"PointInTimeRecoveryEnabled\":true}}");
            for (int i = 0; i < items; i += 25) {
                StringBuilder batch = new StringBuilder("{\"RequestItems\":{\"bench_kv\":[");
                for (int k = i; k < Math.min(items, i + 25); k++) {
                    if (k > i) batch.append(',');
                    batch.append("{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"key-").append(k).append("\"},\"n\":{\"N\":\"").append(k)
                            .append("\"},\"data\":{\"S\":\"").append(data).append("\"}}}}");
                }
                call(engine, "BatchWriteItem", batch.append("]}}").toString());
            }
            String tableArn = call(engine, "DescribeTable", "{\"TableName\":\"bench_kv\"}").get("Table").get("TableArn").textValue();
            System.out.printf("%d items, %s of table data%n", items,
                    call(engine, "DescribeTable", "{\"TableName\":\"bench_kv\"}").get("Table").get("TableSizeBytes").asText() + " bytes");
            double[] exportSeconds = new double[rounds];
            double[] importSeconds = new double[rounds];
            for (int round = -1; round < rounds; round++) {
                long start = System.nanoTime();
                JsonNode export = call(engine, "ExportTableToPointInTime",
                        "{\"TableArn\":\"" + tableArn + "\",\"S3Bucket\":\"bench\",\"S3Prefix\":\"r" + round + "\"}").get("ExportDescription");
                JsonNode described = settled(engine, "DescribeExport", "{\"ExportArn\":\"" + export.get("ExportArn").textValue() + "\"}",
                        "ExportDescription", "ExportStatus");
                double exported = (System.nanoTime() - start) / 1e9;
                if (described.get("ItemCount").longValue() != items) throw new IllegalStateException("exported " + described);
                if (exportOnly) {
                    System.out.printf("%s: export %.2f s%n", round < 0 ? "warm-up" : "round " + (round + 1), exported);
                    if (round >= 0) exportSeconds[round] = exported;
                    continue;
                }
                String dataPrefix = described.get("ExportManifest").textValue().replace("manifest-summary.json", "data/");
                start = System.nanoTime();
                JsonNode imported = call(engine, "ImportTable", "{\"S3BucketSource\":{\"S3Bucket\":\"bench\",\"S3KeyPrefix\":\"" + dataPrefix
                        + "\"},\"InputFormat\":\"DYNAMODB_JSON\",\"InputCompressionType\":\"GZIP\",\"TableCreationParameters\":{"
                        + "\"TableName\":\"copy" + (round + 1) + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}}").get("ImportTableDescription");
                JsonNode done = settled(engine, "DescribeImport", "{\"ImportArn\":\"" + imported.get("ImportArn").textValue() + "\"}",
                        "ImportTableDescription", "ImportStatus");
                double importTook = (System.nanoTime() - start) / 1e9;
                if (done.get("ImportedItemCount").longValue() != items) throw new IllegalStateException("imported " + done);
                call(engine, "DeleteTable", "{\"TableName\":\"copy" + (round + 1) + "\"}");
                if (round < 0) {
                    System.out.printf("warm-up: export %.2f s, import %.2f s%n", exported, importTook);
                    continue;
                }
                exportSeconds[round] = exported;
                importSeconds[round] = importTook;
                System.out.printf("round %d: export %.2f s, import %.2f s%n", round + 1, exported, importTook);
            }
            if (exportOnly) System.out.printf("median: export %.2f s%n", median(exportSeconds));
            else System.out.printf("median: export %.2f s, import %.2f s (target: within 3 s each)%n", median(exportSeconds), median(importSeconds));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The job's description once it is no longer IN_PROGRESS, asked for every millisecond, as a user polls. */
    private static JsonNode settled(Engine engine, String action, String body, String member, String status) throws IOException {
        while (true) {
            JsonNode description = call(engine, action, body).get(member);
            if (!"IN_PROGRESS".equals(description.get(status).textValue())) return description;
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonNode call(Engine engine, String action, String body) throws IOException {
        DynamoResponse response = engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTHORIZATION, "20260101T000000Z",
                body.getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) throw new IllegalStateException(action + ": " + new String(response.body(), StandardCharsets.UTF_8));
        return Json.parse(response.body());
    }
}
