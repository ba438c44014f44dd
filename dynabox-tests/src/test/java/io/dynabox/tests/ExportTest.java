package io.dynabox.tests;

import static io.dynabox.tests.DynamoJsonItems.gunzip;
import static io.dynabox.tests.DynamoJsonItems.lines;
import static io.dynabox.tests.DynamoJsonItems.parse;
import static io.dynabox.tests.TableFixtures.assertError;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.n;
import static io.dynabox.tests.TableFixtures.range;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.ion.IonReader;
import com.amazon.ion.IonType;
import com.amazon.ion.system.IonReaderBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportFormat;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ExportSummary;
import software.amazon.awssdk.services.dynamodb.model.ExportType;
import software.amazon.awssdk.services.dynamodb.model.S3SseAlgorithm;
import software.amazon.awssdk.services.dynamodb.model.ExportViewType;
import software.amazon.awssdk.services.dynamodb.model.ListExportsResponse;

/**
 * ExportTableToPointInTime, DescribeExport and ListExports through every door: a full export
 * read back file by file (manifests, checksums, data files) and compared item by item with the
 * table, ION, an incremental export, the statuses, the service's errors, a bucket that does not
 * exist, and the descriptions after a restart of a file store.
 */
@ParameterizedClass
@EnumSource(Door.class)
class ExportTest {
    @Parameter
    Door door;

    private TransferBox box;

    @BeforeEach
    void open() {
        box = new TransferBox(door);
        box.client.createTable(b -> b.tableName("orders").attributeDefinitions(s("pk"), n("sk")).keySchema(hash("pk"), range("sk"))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        box.bucket("exports");
    }

    @AfterEach
    void close() {
        box.close();
    }

    private String tableArn() {
        return box.client.describeTable(b -> b.tableName("orders")).table().tableArn();
    }

    private void enableRecovery() {
        box.client.updateContinuousBackups(b -> b.tableName("orders").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
    }

    private Map<String, AttributeValue> item(int i) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("customer-" + i % 7));
        item.put("sk", AttributeValue.fromN(Integer.toString(i)));
        item.put("name", AttributeValue.fromS("item ü " + i));
        item.put("price", AttributeValue.fromN(i + ".25"));
        item.put("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, (byte) i})));
        item.put("tags", AttributeValue.fromSs(List.of("a" + i, "b" + i)));
        item.put("sizes", AttributeValue.fromNs(List.of("1", Integer.toString(i + 2))));
        item.put("blobs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {9}), SdkBytes.fromByteArray(new byte[] {8, (byte) i}))));
        item.put("nested", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromS("x"))),
                "flag", AttributeValue.fromBool(i % 2 == 0), "none", AttributeValue.fromNul(true))));
        return item;
    }

    private void putItems(int from, int to) {
        for (int i = from; i < to; i++) {
            Map<String, AttributeValue> item = item(i);
            box.client.putItem(b -> b.tableName("orders").item(item));
        }
    }

    private List<Map<String, AttributeValue>> scan() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        box.client.scanPaginator(b -> b.tableName("orders")).items().forEach(items::add);
        return items;
    }

    private byte[] object(String bucket, String key) {
        try {
            return Files.readAllBytes(box.s3Dir.resolve(bucket).resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> objectKeys(String bucket) {
        Path root = box.s3Dir.resolve(bucket);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The export's data, read as a tool reading real exports reads it: summary, then manifest of files, then each file. */
    private List<JsonNode> readExport(ExportDescription export) {
        JsonNode summary = parse(object(export.s3Bucket(), export.exportManifest()));
        String summaryKey = export.exportManifest();
        String base = summaryKey.substring(0, summaryKey.length() - "manifest-summary.json".length());
        assertThat(new String(object(export.s3Bucket(), base + "manifest-summary.md5")).trim()).isEqualTo(md5(object(export.s3Bucket(), summaryKey)));
        byte[] files = object(export.s3Bucket(), summary.get("manifestFilesS3Key").textValue());
        assertThat(new String(object(export.s3Bucket(), base + "manifest-files.md5")).trim()).isEqualTo(md5(files));
        List<JsonNode> lines = new ArrayList<>();
        long total = 0;
        for (String line : lines(files)) {
            JsonNode file = parse(line);
            byte[] data = object(export.s3Bucket(), file.get("dataFileS3Key").textValue());
            assertThat(file.get("md5Checksum").textValue()).isEqualTo(md5(data));
            assertThat(file.get("etag").textValue()).isNotEmpty();
            List<String> dataLines = lines(gunzip(data));
            assertThat(file.get("itemCount").longValue()).isEqualTo(dataLines.size());
            total += dataLines.size();
            dataLines.forEach(l -> lines.add(parse(l)));
        }
        assertThat(summary.get("itemCount").longValue()).isEqualTo(total).isEqualTo(export.itemCount());
        return lines;
    }

    @Test
    void aFullExportHoldsTheTableAsItWasAtTheExportTimeFileByFile() {
        putItems(0, 40);
        enableRecovery();
        box.advance(Duration.ofMinutes(1));
        Instant exportTime = Instant.ofEpochMilli(box.nowMillis());
        List<Map<String, AttributeValue>> expected = scan();
        box.advance(Duration.ofMinutes(1));
        // changes after the export time are not in the export
        putItems(40, 50);
        box.client.deleteItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("customer-1"), "sk", AttributeValue.fromN("1"))));

        ExportDescription started = box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports")
                .s3Prefix("daily/orders").exportTime(exportTime)).exportDescription();
        assertThat(started.exportStatus()).isEqualTo(ExportStatus.IN_PROGRESS);
        assertThat(started.exportArn()).matches("arn:aws:dynamodb:us-east-1:000000000000:table/orders/export/\\d{14}-[0-9a-f]{8}");
        assertThat(started.clientToken()).isNotEmpty();
        assertThat(started.exportFormat()).isEqualTo(ExportFormat.DYNAMODB_JSON);
        assertThat(started.exportType()).as("the service never names the type").isNull();
        assertThat(started.s3SseAlgorithm()).as("S3's default encryption, filled in").isEqualTo(S3SseAlgorithm.AES256);
        assertThat(started.exportManifest()).isNull();

        // waited for as users wait: the SDK's waiter, polling DescribeExport until COMPLETED
        ExportDescription done = box.client.waiter().waitUntilExportCompleted(b -> b.exportArn(started.exportArn()), TransferWaits.QUICK)
                .matched().response().orElseThrow().exportDescription();
        assertThat(done.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(done.exportTime()).isEqualTo(exportTime);
        assertThat(done.itemCount()).isEqualTo(40);
        assertThat(done.billedSizeBytes()).isPositive();
        assertThat(done.endTime()).isNotNull();
        String base = "daily/orders/AWSDynamoDB/" + started.exportArn().substring(started.exportArn().lastIndexOf('/') + 1) + "/";
        assertThat(done.exportManifest()).isEqualTo(base + "manifest-summary.json");
        assertThat(objectKeys("exports")).contains(base + "_started", base + "manifest-files.json", base + "manifest-files.md5",
                base + "manifest-summary.json", base + "manifest-summary.md5");
        assertThat(objectKeys("exports")).filteredOn(k -> k.startsWith(base + "data/")).allMatch(k -> k.matches(".*/data/[a-z2-7]{26}\\.json\\.gz"));

        JsonNode summary = parse(object("exports", done.exportManifest()));
        assertThat(summary.get("exportArn").textValue()).isEqualTo(started.exportArn());
        assertThat(summary.get("tableArn").textValue()).isEqualTo(tableArn());
        assertThat(summary.get("s3Bucket").textValue()).isEqualTo("exports");
        assertThat(summary.get("s3Prefix").textValue()).isEqualTo("daily/orders");
        assertThat(summary.get("outputFormat").textValue()).isEqualTo("DYNAMODB_JSON");
        assertThat(Instant.parse(summary.get("exportTime").textValue())).isEqualTo(exportTime);

        Set<Map<String, AttributeValue>> exported = new HashSet<>();
        for (JsonNode line : readExport(done)) {
            assertThat(line.fieldNames()).toIterable().containsExactly("Item");
            exported.add(DynamoJsonItems.item(line.get("Item")));
        }
        assertThat(exported).containsExactlyInAnyOrderElementsOf(expected);
    }

    private void batchPut(int from, int to) {
        for (int i = from; i < to; i += 25) {
            List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> puts = new ArrayList<>();
            for (int k = i; k < Math.min(to, i + 25); k++) {
                Map<String, AttributeValue> item = item(k);
                puts.add(software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(item)).build());
            }
            box.client.batchWriteItem(b -> b.requestItems(Map.of("orders", puts)));
        }
    }

    @Test
    void anExportReadPageByPageHoldsTheTableAsItWasAtTheExportTime() {
        // 2,500 items: the export reads 1,000 keys a page, so the changes after the export time fall in every page
        batchPut(0, 2_500);
        enableRecovery();
        box.advance(Duration.ofMinutes(1));
        Instant exportTime = Instant.ofEpochMilli(box.nowMillis());
        List<Map<String, AttributeValue>> expected = scan();
        box.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 2_500; i += 97) {
            String sk = Integer.toString(i);
            box.client.deleteItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("customer-" + Integer.parseInt(sk) % 7),
                    "sk", AttributeValue.fromN(sk))));
        }
        for (int i = 5; i < 2_500; i += 89) {
            String sk = Integer.toString(i);
            box.client.updateItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("customer-" + Integer.parseInt(sk) % 7),
                    "sk", AttributeValue.fromN(sk))).updateExpression("SET price = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromN("-1"))));
        }
        batchPut(2_500, 2_700);

        ExportDescription done = TransferWaits.export(box.client, box.client.exportTableToPointInTime(b -> b.tableArn(tableArn())
                .s3Bucket("exports").exportTime(exportTime)).exportDescription().exportArn());
        assertThat(done.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(done.itemCount()).isEqualTo(2_500);
        List<Map<String, AttributeValue>> exported = new ArrayList<>();
        for (JsonNode line : readExport(done)) exported.add(DynamoJsonItems.item(line.get("Item")));
        assertThat(exported).hasSize(2_500).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anIonExportWritesItemsAsIonValues() throws IOException {
        putItems(0, 5);
        enableRecovery();
        ExportDescription started = box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports")
                .exportFormat(ExportFormat.ION)).exportDescription();
        ExportDescription done = TransferWaits.export(box.client, started.exportArn());
        assertThat(done.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(done.exportManifest()).startsWith("AWSDynamoDB/");
        JsonNode summary = parse(object("exports", done.exportManifest()));
        assertThat(summary.get("outputFormat").textValue()).isEqualTo("ION");
        List<String> skValues = new ArrayList<>();
        for (String line : lines(object("exports", summary.get("manifestFilesS3Key").textValue()))) {
            String key = parse(line).get("dataFileS3Key").textValue();
            assertThat(key).endsWith(".ion.gz");
            String text = new String(gunzip(object("exports", key)), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).startsWith("$ion_1_0");
            try (IonReader reader = IonReaderBuilder.standard().build(text)) {
                while (reader.next() != null) {
                    reader.stepIn();
                    assertThat(reader.next()).isEqualTo(IonType.STRUCT);
                    assertThat(reader.getFieldName()).isEqualTo("Item");
                    reader.stepIn();
                    while (reader.next() != null) {
                        if (reader.getFieldName().equals("sk")) skValues.add(reader.bigDecimalValue().toPlainString());
                        if (reader.getFieldName().equals("tags")) assertThat(reader.getTypeAnnotations()).containsExactly("$dynamodb_SS");
                        if (reader.getFieldName().equals("blob")) assertThat(reader.getType()).isEqualTo(IonType.BLOB);
                    }
                    reader.stepOut();
                    reader.stepOut();
                }
            }
        }
        assertThat(skValues).containsExactlyInAnyOrder("0", "1", "2", "3", "4");
    }

    @Test
    void anIncrementalExportHoldsWhatChangedInItsPeriod() {
        putItems(0, 5);
        enableRecovery();
        box.advance(Duration.ofMinutes(1));
        Instant from = Instant.ofEpochMilli(box.nowMillis());
        box.advance(Duration.ofSeconds(1));
        putItems(5, 7); // two new items
        box.client.updateItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("customer-1"), "sk", AttributeValue.fromN("1")))
                .updateExpression("SET price = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromN("99"))));
        box.client.deleteItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("customer-2"), "sk", AttributeValue.fromN("2"))));
        box.advance(Duration.ofMinutes(20));
        Instant to = Instant.ofEpochMilli(box.nowMillis());
        box.advance(Duration.ofSeconds(1));
        putItems(7, 8); // after the period: not exported

        ExportDescription started = box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports")
                .exportType(ExportType.INCREMENTAL_EXPORT)
                .incrementalExportSpecification(s -> s.exportFromTime(from).exportToTime(to).exportViewType(ExportViewType.NEW_AND_OLD_IMAGES)))
                .exportDescription();
        assertThat(started.exportType()).as("the service never names the type").isNull();
        ExportDescription done = TransferWaits.export(box.client, started.exportArn());
        assertThat(box.client.listExports(b -> b.tableArn(tableArn())).exportSummaries()).singleElement()
                .extracting(ExportSummary::exportType).as("the listing does").isEqualTo(ExportType.INCREMENTAL_EXPORT);
        assertThat(done.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(done.incrementalExportSpecification().exportFromTime()).isEqualTo(from);
        Map<String, JsonNode> bySk = new LinkedHashMap<>();
        for (JsonNode line : readExport(done)) bySk.put(line.get("Keys").get("sk").get("N").textValue(), line);
        assertThat(bySk).containsOnlyKeys("5", "6", "1", "2");
        assertThat(bySk.get("5").has("OldImage")).isFalse();
        assertThat(bySk.get("5").get("NewImage").get("name").get("S").textValue()).isEqualTo("item ü 5");
        assertThat(bySk.get("1").get("OldImage").get("price").get("N").textValue()).isEqualTo("1.25");
        assertThat(bySk.get("1").get("NewImage").get("price").get("N").textValue()).isEqualTo("99");
        assertThat(bySk.get("2").has("NewImage")).as("deleted").isFalse();
        assertThat(bySk.get("2").get("OldImage").get("sk").get("N").textValue()).isEqualTo("2");
        assertThat(bySk.get("1").get("Metadata").get("WriteTimestampMicros").get("N").textValue()).matches("\\d{16}");
        JsonNode summary = parse(object("exports", done.exportManifest()));
        assertThat(summary.get("exportType").textValue()).isEqualTo("INCREMENTAL_EXPORT");

        ExportDescription newOnly = TransferWaits.export(box.client, box.client.exportTableToPointInTime(b -> b.tableArn(tableArn())
                .s3Bucket("exports").exportType(ExportType.INCREMENTAL_EXPORT)
                .incrementalExportSpecification(s -> s.exportFromTime(from).exportToTime(to).exportViewType(ExportViewType.NEW_IMAGE)))
                .exportDescription().exportArn());
        assertThat(readExport(newOnly)).noneMatch(line -> line.has("OldImage"));

        assertError(() -> box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports")
                        .exportType(ExportType.INCREMENTAL_EXPORT)
                        .incrementalExportSpecification(s -> s.exportFromTime(from).exportToTime(from.plusSeconds(60)))),
                "InvalidExportTimeException", "Difference between export period from time and export period to time is less than 15 minutes");
        // the service's texts, observed in 2026: the start is checked first, then the end, then the length
        Instant early = from.minus(Duration.ofDays(1));
        assertError(() -> box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports")
                        .exportType(ExportType.INCREMENTAL_EXPORT)
                        .incrementalExportSpecification(s -> s.exportFromTime(early).exportToTime(early.plusSeconds(60)))),
                "InvalidExportTimeException", "Incremental export period from time cannot be less than the table creation time : "
                        + early.truncatedTo(ChronoUnit.SECONDS));
        Instant future = Instant.ofEpochMilli(box.nowMillis()).plus(Duration.ofHours(1));
        assertError(() -> box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports")
                        .exportType(ExportType.INCREMENTAL_EXPORT)
                        .incrementalExportSpecification(s -> s.exportFromTime(from).exportToTime(future))),
                "InvalidExportTimeException", "Incremental export period to time cannot be greater than the current time : "
                        + future.truncatedTo(ChronoUnit.SECONDS));
        assertError(() -> box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports")
                        .incrementalExportSpecification(s -> s.exportFromTime(from))),
                "ValidationException", "Invalid Request: Export Type expected to be Incremental Export when incremental export specification is provided");
        assertError(() -> box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports").exportType(ExportType.FULL_EXPORT)
                        .incrementalExportSpecification(s -> s.exportFromTime(from))),
                "ValidationException", "Invalid Request: When Export Type is Full Export , Incremental Export Specification should not be provided");
    }

    @Test
    void exportsNeedPointInTimeRecoveryAnExistingTableAndATimeInTheWindow() {
        assertError(() -> box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports")),
                "PointInTimeRecoveryUnavailableException", "Point in time recovery is not enabled for table 'orders'");
        assertError(() -> box.client.exportTableToPointInTime(b -> b.tableArn(tableArn().replace("orders", "missing")).s3Bucket("exports")),
                "TableNotFoundException", "Table not found: " + tableArn().replace("orders", "missing"));
        enableRecovery();
        assertError(() -> box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports")
                        .exportTime(Instant.ofEpochMilli(box.nowMillis()).minus(Duration.ofHours(1)))),
                "InvalidExportTimeException", "Export Time is invalid");
        assertError(() -> box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("bad bucket")),
                "ValidationException", "1 validation error detected: Value 'bad bucket' at 's3Bucket' failed to satisfy constraint");
        assertError(() -> box.client.describeExport(b -> b.exportArn(tableArn() + "/export/01700000000000-0000abcd")),
                "ExportNotFoundException", "Export not found: Export not found: " + tableArn() + "/export/01700000000000-0000abcd");
        assertError(() -> box.client.describeExport(b -> b.exportArn(tableArn().replace("us-east-1", "us-west-2") + "/export/01700000000000-0000abcd")),
                "ExportNotFoundException", "Export not found: Invalid export arn");
        assertError(() -> box.client.describeExport(b -> b.exportArn("arn:aws:dynamodb:us-east-1:000000000000:table/nonexistent_table_xyz")),
                "ValidationException", "Invalid Export ARN");
        // the service's texts, observed in 2026
        assertError(() -> box.client.exportTableToPointInTime(b -> b.tableArn("orders").s3Bucket("exports")),
                "ValidationException", "One or more parameter values were invalid: tableArn is not a valid ARN");
        assertError(() -> box.client.exportTableToPointInTime(b -> b.tableArn(tableArn() + "/index/byG").s3Bucket("exports")),
                "ValidationException", "Invalid Request: Table ARN is invalid.");
        assertError(() -> box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports").exportType(ExportType.INCREMENTAL_EXPORT)),
                "ValidationException", "Invalid Request: Incremental Export Specification expected when export type is set as Incremental Export");
        assertError(() -> box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports")
                        .s3SseAlgorithm("AES256").s3SseKmsKeyId("alias/mine")),
                "ValidationException", "Invalid Request: KMS Key Id is not supported for this encryption type");
        assertError(() -> box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports")
                        .exportType(ExportType.INCREMENTAL_EXPORT).incrementalExportSpecification(s -> s.exportViewType(ExportViewType.NEW_IMAGE))),
                "ValidationException", "Invalid Request: ExportFromTime must be provided in IncrementalExportSpecification");
    }

    @Test
    void anExportWithoutATimeIsOfTheMomentItStarted() {
        enableRecovery();
        box.advance(Duration.ofMillis(1_750));
        ExportDescription started = box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports")).exportDescription();
        // as the service answers (observed in 2026): ExportTime is StartTime, to the millisecond
        assertThat(started.startTime().toEpochMilli() % 1000).isNotZero();
        assertThat(started.exportTime()).isEqualTo(started.startTime());
        assertThat(TransferWaits.export(box.client, started.exportArn()).exportTime()).isEqualTo(started.startTime());
    }

    @Test
    void aBucketThatDoesNotExistFailsTheExport() {
        enableRecovery();
        String arn = box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("no-such-bucket")).exportDescription().exportArn();
        ExportDescription failed = TransferWaits.export(box.client, arn);
        assertThat(failed.exportStatus()).isEqualTo(ExportStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo("S3NoSuchBucket");
        assertThat(failed.failureMessage()).contains("bucket does not exist");
        String other = box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports").s3BucketOwner("123456789012"))
                .exportDescription().exportArn();
        assertThat(TransferWaits.export(box.client, other).failureCode()).isEqualTo("S3AccessDenied");
    }

    @Test
    void aClientTokenMakesTheRequestIdempotentAndADifferentRequestConflicts() {
        enableRecovery();
        ExportDescription first = box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports").clientToken("token-1"))
                .exportDescription();
        ExportDescription again = box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports").clientToken("token-1"))
                .exportDescription();
        assertThat(again.exportArn()).isEqualTo(first.exportArn());
        assertThat(again.clientToken()).isEqualTo("token-1");
        assertError(() -> box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports").clientToken("token-1")
                .exportFormat(ExportFormat.ION)), "ExportConflictException", "Export conflict: Duplicate request detected with conflicting parameters");
    }

    @Test
    void exportsStayInProgressForTheTransientDelayAndListInPages() {
        box.close();
        box = new TransferBox(door, o -> o.delayTransientStatuses(Duration.ofMinutes(1)));
        box.client.createTable(b -> b.tableName("orders").attributeDefinitions(s("pk"), n("sk")).keySchema(hash("pk"), range("sk"))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        box.advance(Duration.ofMinutes(2));
        enableRecovery();
        box.bucket("exports");
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            arns.add(box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports")).exportDescription().exportArn());
        }
        assertThat(box.client.describeExport(b -> b.exportArn(arns.get(0))).exportDescription().exportStatus()).isEqualTo(ExportStatus.IN_PROGRESS);
        ListExportsResponse page = box.client.listExports(b -> b.tableArn(tableArn()).maxResults(2));
        assertThat(page.exportSummaries()).extracting(ExportSummary::exportStatus).containsOnly(ExportStatus.IN_PROGRESS);
        box.advance(Duration.ofMinutes(2));
        for (String arn : arns) assertThat(TransferWaits.export(box.client, arn).exportStatus()).isEqualTo(ExportStatus.COMPLETED);

        List<String> listed = new ArrayList<>();
        box.client.listExportsPaginator(b -> b.tableArn(tableArn()).maxResults(2)).forEach(p -> {
            assertThat(p.exportSummaries()).hasSizeLessThanOrEqualTo(2);
            p.exportSummaries().forEach(e -> {
                assertThat(e.exportType()).isEqualTo(ExportType.FULL_EXPORT);
                assertThat(e.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
                listed.add(e.exportArn());
            });
        });
        // newest first, as the service lists them (observed in 2026): the id starts with the creation millisecond
        assertThat(listed).isSortedAccordingTo(Comparator.comparing((String arn) -> arn.substring(arn.lastIndexOf('/') + 1)).reversed())
                .containsExactlyInAnyOrderElementsOf(arns);
        assertThat(box.client.listExports(b -> b.tableArn(tableArn().replace("orders", "other"))).exportSummaries()).isEmpty();
        for (int i = 0; i < 6; i++) box.client.exportTableToPointInTime(b -> b.tableArn(tableArn()).s3Bucket("exports"));
        ListExportsResponse firstPage = box.client.listExports(b -> b.tableArn(tableArn()));
        assertThat(firstPage.exportSummaries()).as("ten to a page when not told").hasSize(10);
        assertThat(firstPage.nextToken()).isNotNull();
        // the other list's token, or none at all, is refused as the service refuses it (observed in 2026): starting over would loop a paginator
        assertError(() -> box.client.listImports(b -> b.nextToken(firstPage.nextToken())),
                "ValidationException", "Invalid Request: Provided nextToken is invalid: " + firstPage.nextToken());
        assertError(() -> box.client.listExports(b -> b.nextToken("not-a-token")),
                "ValidationException", "Invalid Request: Provided nextToken is invalid: not-a-token");
        assertThat(box.client.listExports(b -> b.tableArn(tableArn().replace("orders", "other")).nextToken(firstPage.nextToken())).exportSummaries())
                .as("another table's exports after the token: none").isEmpty();

        if (door == Door.HTTP_SQLITE) {
            box.restart();
            ExportDescription kept = box.client.describeExport(b -> b.exportArn(arns.get(2))).exportDescription();
            assertThat(kept.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
            assertThat(kept.exportManifest()).endsWith("manifest-summary.json");
            assertThat(box.client.listExports(b -> b.tableArn(tableArn()).maxResults(25)).exportSummaries()).hasSize(11);
        }
    }
}
