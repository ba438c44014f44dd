package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.all;
import static io.dynabox.tests.TableFixtures.assertError;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.n;
import static io.dynabox.tests.TableFixtures.range;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
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
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportSummary;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.ImportTableRequest;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * ImportTable, DescribeImport and ListImports through every door: an export re-imported into
 * an identical table (compared item by item, JSON and ION), bad lines counted and skipped, CSV
 * with a header line or a HeaderList and another delimiter, GZIP / ZSTD / no compression, the
 * statuses, the service's errors, and the descriptions after a restart of a file store.
 */
@ParameterizedClass
@EnumSource(Door.class)
class ImportTest {
    @Parameter
    Door door;

    private TransferBox box;

    @BeforeEach
    void open() {
        box = new TransferBox(door);
        box.bucket("data");
    }

    @AfterEach
    void close() {
        box.close();
    }

    private void putObject(String key, byte[] bytes) {
        try {
            Path file = box.s3Dir.resolve("data").resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Imports into table {@code name} (hash pk S, range sk N) and answers the import once it is done. */
    private ImportTableDescription importInto(String name, Consumer<ImportTableRequest.Builder> source) {
        ImportTableDescription started = box.client.importTable(b -> {
            b.tableCreationParameters(t -> t.tableName(name).attributeDefinitions(s("pk"), n("sk")).keySchema(hash("pk"), range("sk"))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            source.accept(b);
        }).importTableDescription();
        assertThat(started.importStatus()).isEqualTo(ImportStatus.IN_PROGRESS);
        return TransferWaits.imported(box.client, started.importArn());
    }

    private List<Map<String, AttributeValue>> scan(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        box.client.scanPaginator(b -> b.tableName(table)).items().forEach(items::add);
        items.sort(Comparator.comparing(i -> i.get("pk").s() + "/" + i.get("sk").n()));
        return items;
    }

    private Map<String, AttributeValue> item(int i) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("customer-" + i % 5));
        item.put("sk", AttributeValue.fromN(Integer.toString(i)));
        item.put("city", AttributeValue.fromS("city-" + i % 3));
        item.put("price", AttributeValue.fromN(i + ".5"));
        item.put("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {7, (byte) i})));
        item.put("tags", AttributeValue.fromSs(List.of("x" + i, "y")));
        item.put("sizes", AttributeValue.fromNs(List.of("1", Integer.toString(i + 2))));
        item.put("blobs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}), SdkBytes.fromByteArray(new byte[] {2, (byte) i}))));
        item.put("nested", AttributeValue.fromM(Map.of("l", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromNul(true))),
                "ok", AttributeValue.fromBool(i % 2 == 0))));
        return item;
    }

    private void roundTrip(ExportFormat format, InputFormat inputFormat) {
        box.client.createTable(b -> b.tableName("source").attributeDefinitions(s("pk"), n("sk")).keySchema(hash("pk"), range("sk"))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        for (int i = 0; i < 60; i++) {
            Map<String, AttributeValue> item = item(i);
            box.client.putItem(b -> b.tableName("source").item(item));
        }
        box.client.updateContinuousBackups(b -> b.tableName("source").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        String tableArn = box.client.describeTable(b -> b.tableName("source")).table().tableArn();
        String exportArn = box.client.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket("data").s3Prefix("backups")
                .exportFormat(format)).exportDescription().exportArn();
        ExportDescription export = TransferWaits.export(box.client, exportArn);
        String dataPrefix = export.exportManifest().replace("manifest-summary.json", "data/");

        String importArn = box.client.importTable(b -> b
                .s3BucketSource(s -> s.s3Bucket("data").s3KeyPrefix(dataPrefix))
                .inputFormat(inputFormat).inputCompressionType(InputCompressionType.GZIP)
                .tableCreationParameters(t -> t.tableName("copy").attributeDefinitions(s("pk"), n("sk"), s("city"))
                        .keySchema(hash("pk"), range("sk")).billingMode(BillingMode.PAY_PER_REQUEST)
                        .globalSecondaryIndexes(g -> g.indexName("byCity").keySchema(hash("city"), range("sk")).projection(all()))))
                .importTableDescription().importArn();
        // waited for as users wait: the SDK's waiter, polling DescribeImport until COMPLETED
        ImportTableDescription done = box.client.waiter().waitUntilImportCompleted(b -> b.importArn(importArn), TransferWaits.QUICK)
                .matched().response().orElseThrow().importTableDescription();
        assertThat(done.importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.processedItemCount()).isEqualTo(60);
        assertThat(done.importedItemCount()).isEqualTo(60);
        assertThat(done.errorCount()).isZero();
        assertThat(done.processedSizeBytes()).isPositive();
        assertThat(done.tableArn()).endsWith(":table/copy");
        assertThat(box.client.describeTable(b -> b.tableName("copy")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(scan("copy")).isEqualTo(scan("source"));
        assertThat(box.client.query(b -> b.tableName("copy").indexName("byCity").keyConditionExpression("city = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("city-1")))).count()).isEqualTo(20);
    }

    @Test
    void anExportReImportedHoldsTheSameItems() {
        roundTrip(ExportFormat.DYNAMODB_JSON, InputFormat.DYNAMODB_JSON);
    }

    @Test
    void anIonExportReImportedHoldsTheSameItems() {
        roundTrip(ExportFormat.ION, InputFormat.ION);
    }

    @Test
    void badLinesAreCountedAndSkippedAndTheImportGoesOn() {
        putObject("bad/part-1.json", utf8(String.join("\n",
                "{\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}}",
                "this is not JSON",
                "{\"NotItem\":{}}",
                "{\"Item\":{\"sk\":{\"N\":\"2\"}}}",
                "{\"Item\":{\"pk\":{\"N\":\"5\"},\"sk\":{\"N\":\"2\"}}}",
                "{\"Item\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"3\"},\"s\":{\"SS\":[]}}}",
                "",
                "{\"Item\":{\"pk\":{\"S\":\"c\"},\"sk\":{\"N\":\"4\"}}}",
                "{\"Item\":{\"pk\":{\"S\":\"c\"},\"sk\":{\"N\":\"4\"},\"v\":{\"S\":\"again\"}}}")));
        ImportTableDescription done = importInto("imported", b -> b.s3BucketSource(s -> s.s3Bucket("data").s3KeyPrefix("bad/"))
                .inputFormat(InputFormat.DYNAMODB_JSON));
        // the service fails an import with items that are not valid, and keeps the table with the valid ones (observed in 2026)
        assertThat(done.importStatus()).isEqualTo(ImportStatus.FAILED);
        assertThat(done.failureCode()).isEqualTo("ItemValidationError");
        assertThat(done.failureMessage()).isEqualTo("Some of the items failed validation checks and were not imported. "
                + "Please check CloudWatch error logs for more details.");
        assertThat(box.client.describeTable(b -> b.tableName("imported")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(done.inputCompressionType()).isEqualTo(InputCompressionType.NONE);
        assertThat(done.processedItemCount()).isEqualTo(8);
        assertThat(done.errorCount()).isEqualTo(5);
        assertThat(done.importedItemCount()).as("a duplicate key overwrites, uncounted").isEqualTo(2);
        assertThat(scan("imported")).extracting(i -> i.get("pk").s()).containsExactly("a", "c");
        assertThat(scan("imported").get(1).get("v").s()).isEqualTo("again");
    }

    @Test
    void ionThatStopsParsingSkipsTheRestOfItsObject() {
        putObject("ion/a.ion", utf8("$ion_1_0 {Item:{pk:\"a\",sk:1.,tags:$dynamodb_SS::[\"x\",\"y\"],raw:{{aGk=}}}}\n"
                + "{Item:{pk:\"b\"}}\n{Item:{pk:\"c\",sk:3}}\n{Item:{pk:\"d\",sk: }\n{Item:{pk:\"e\",sk:5}}\n"));
        ImportTableDescription done = importInto("fromIon", b -> b.s3BucketSource(s -> s.s3Bucket("data").s3KeyPrefix("ion/"))
                .inputFormat(InputFormat.ION));
        assertThat(done.importStatus()).isEqualTo(ImportStatus.FAILED);
        assertThat(done.importedItemCount()).isEqualTo(2);
        assertThat(done.errorCount()).as("a missing key, then Ion that stops parsing").isEqualTo(2);
        List<Map<String, AttributeValue>> items = scan("fromIon");
        assertThat(items).extracting(i -> i.get("pk").s()).containsExactly("a", "c");
        assertThat(items.get(0).get("tags").ss()).containsExactlyInAnyOrder("x", "y");
        assertThat(items.get(0).get("raw").b().asUtf8String()).isEqualTo("hi");
    }

    @Test
    void csvWithAHeaderLineOrAHeaderListAndEveryCompression() {
        String withHeader = "pk,sk,name,note\nalice,1,Alice,\"said \"\"hi\"\", left\"\nbob,2,Bob,\n";
        putObject("csv/header/a.csv.gz", gzip(utf8(withHeader)));
        ImportTableDescription gz = importInto("fromCsv", b -> b.s3BucketSource(s -> s.s3Bucket("data").s3KeyPrefix("csv/header/"))
                .inputFormat(InputFormat.CSV).inputCompressionType(InputCompressionType.GZIP));
        assertThat(gz.importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(gz.importedItemCount()).isEqualTo(2);
        List<Map<String, AttributeValue>> items = scan("fromCsv");
        assertThat(items.get(0)).isEqualTo(Map.of("pk", AttributeValue.fromS("alice"), "sk", AttributeValue.fromN("1"),
                "name", AttributeValue.fromS("Alice"), "note", AttributeValue.fromS("said \"hi\", left")));
        assertThat(items.get(1)).as("an empty column is left out").doesNotContainKey("note");

        putObject("csv/list/b.csv.zst", Zstd.compress(utf8("carol;3;x\ndave;4;y\nerin;not-a-number;z\n")));
        ImportTableDescription zstd = importInto("fromList", b -> b.s3BucketSource(s -> s.s3Bucket("data").s3KeyPrefix("csv/list/"))
                .inputFormat(InputFormat.CSV).inputCompressionType(InputCompressionType.ZSTD)
                .inputFormatOptions(o -> o.csv(c -> c.delimiter(";").headerList("pk", "sk", "letter"))));
        assertThat(zstd.processedItemCount()).isEqualTo(3);
        assertThat(zstd.errorCount()).as("sk is a number key").isEqualTo(1);
        assertThat(zstd.importStatus()).isEqualTo(ImportStatus.FAILED);
        assertThat(zstd.inputFormatOptions().csv().headerList()).containsExactly("pk", "sk", "letter");
        assertThat(scan("fromList")).extracting(i -> i.get("letter").s()).containsExactly("x", "y");

        putObject("plain/c.json", utf8("{\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"9\"}}}\n"));
        ImportTableDescription none = importInto("fromPlain", b -> b.s3BucketSource(s -> s.s3Bucket("data").s3KeyPrefix("plain/"))
                .inputFormat(InputFormat.DYNAMODB_JSON).inputCompressionType(InputCompressionType.NONE));
        assertThat(none.importedItemCount()).isEqualTo(1);

        putObject("wrong/d.json", utf8("{\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"9\"}}}\n"));
        ImportTableDescription notGzip = importInto("fromWrong", b -> b.s3BucketSource(s -> s.s3Bucket("data").s3KeyPrefix("wrong/"))
                .inputFormat(InputFormat.DYNAMODB_JSON).inputCompressionType(InputCompressionType.GZIP));
        assertThat(notGzip.errorCount()).as("an object that is not gzip").isEqualTo(1);
        assertThat(notGzip.importedItemCount()).isZero();
    }

    @Test
    void theServicesErrorsAndFailures() {
        putObject("one/a.json", utf8("{\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"9\"}}}\n"));
        box.client.createTable(b -> b.tableName("taken").attributeDefinitions(s("pk")).keySchema(hash("pk")).billingMode(BillingMode.PAY_PER_REQUEST));
        assertError(() -> importInto("taken", b -> b.s3BucketSource(s -> s.s3Bucket("data")).inputFormat(InputFormat.DYNAMODB_JSON)),
                "ResourceInUseException", "Table already exists: taken");
        assertError(() -> box.client.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("data")).inputFormat(InputFormat.DYNAMODB_JSON)
                        .tableCreationParameters(t -> t.tableName("noBilling").attributeDefinitions(s("pk")).keySchema(hash("pk")))),
                "ValidationException", "One or more parameter values were invalid");

        ImportTableDescription noBucket = importInto("nowhere", b -> b.s3BucketSource(s -> s.s3Bucket("no-such-bucket"))
                .inputFormat(InputFormat.DYNAMODB_JSON));
        assertThat(noBucket.importStatus()).isEqualTo(ImportStatus.FAILED);
        assertThat(noBucket.failureCode()).isEqualTo("S3NoSuchBucket");
        assertError(() -> box.client.describeTable(b -> b.tableName("nowhere")), "ResourceNotFoundException", "Requested resource not found");
        // no object under the prefix: an empty table, as the service makes it (observed in 2026)
        ImportTableDescription empty = importInto("empty", b -> b.s3BucketSource(s -> s.s3Bucket("data").s3KeyPrefix("nothing/"))
                .inputFormat(InputFormat.DYNAMODB_JSON));
        assertThat(empty.importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(empty.importedItemCount()).isZero();
        assertThat(scan("empty")).isEmpty();

        assertError(() -> box.client.describeImport(b -> b.importArn(noBucket.importArn().replace("nowhere", "elsewhere"))),
                "ImportNotFoundException", "Import not found");
        // the service's texts and members, observed in 2026
        assertError(() -> box.client.describeImport(b -> b.importArn("arn:aws:dynamodb:us-east-1:000000000000:table/nowhere")),
                "ValidationException", "Invalid Import ARN");
        assertError(() -> importInto("csvOptions", b -> b.s3BucketSource(s -> s.s3Bucket("data").s3KeyPrefix("one/"))
                        .inputFormat(InputFormat.DYNAMODB_JSON).inputFormatOptions(o -> o.csv(c -> c.delimiter(";")))),
                "ValidationException", "Invalid Request: Unsupported InputFormatOptions for the given input format: DYNAMODB_JSON.");
        assertThat(noBucket.s3BucketSource().s3BucketOwner()).isEqualTo("000000000000");

        ImportTableDescription first = importInto("tokened", b -> b.clientToken("t-1").s3BucketSource(s -> s.s3Bucket("data").s3KeyPrefix("one/"))
                .inputFormat(InputFormat.DYNAMODB_JSON));
        ImportTableDescription again = box.client.importTable(b -> b.clientToken("t-1").s3BucketSource(s -> s.s3Bucket("data").s3KeyPrefix("one/"))
                .inputFormat(InputFormat.DYNAMODB_JSON).tableCreationParameters(t -> t.tableName("tokened").attributeDefinitions(s("pk"), n("sk"))
                        .keySchema(hash("pk"), range("sk")).billingMode(BillingMode.PAY_PER_REQUEST))).importTableDescription();
        assertThat(again.importArn()).isEqualTo(first.importArn());
        // another prefix under the same token is the same import; another table is a conflict (observed in 2026)
        ImportTableDescription otherPrefix = box.client.importTable(b -> b.clientToken("t-1").s3BucketSource(s -> s.s3Bucket("data").s3KeyPrefix("two/"))
                .inputFormat(InputFormat.DYNAMODB_JSON).tableCreationParameters(t -> t.tableName("tokened").attributeDefinitions(s("pk"), n("sk"))
                        .keySchema(hash("pk"), range("sk")).billingMode(BillingMode.PAY_PER_REQUEST))).importTableDescription();
        assertThat(otherPrefix.importArn()).isEqualTo(first.importArn());
        assertThat(otherPrefix.s3BucketSource().s3KeyPrefix()).isEqualTo("one/");
        assertError(() -> importInto("tokened2", b -> b.clientToken("t-1").s3BucketSource(s -> s.s3Bucket("data").s3KeyPrefix("one/"))
                .inputFormat(InputFormat.DYNAMODB_JSON)), "ImportConflictException", "Import conflict: Duplicate request detected with conflicting parameters");
    }

    @Test
    void importsStayInProgressForTheTransientDelayListInPagesAndSurviveARestart() {
        box.close();
        box = new TransferBox(door, o -> o.delayTransientStatuses(Duration.ofMinutes(1)));
        box.bucket("data");
        putObject("one/a.json", utf8("{\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"9\"}}}\n"));
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            arns.add(box.client.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("data").s3KeyPrefix("one/")).inputFormat(InputFormat.DYNAMODB_JSON)
                    .tableCreationParameters(t -> t.tableName("tab" + n).attributeDefinitions(s("pk"), n("sk")).keySchema(hash("pk"), range("sk"))
                            .billingMode(BillingMode.PAY_PER_REQUEST))).importTableDescription().importArn());
        }
        assertThat(box.client.describeImport(b -> b.importArn(arns.get(0))).importTableDescription().importStatus()).isEqualTo(ImportStatus.IN_PROGRESS);
        assertThat(box.client.describeTable(b -> b.tableName("tab0")).table().tableStatus()).isEqualTo(TableStatus.CREATING);
        box.advance(Duration.ofMinutes(2));
        for (String arn : arns) TransferWaits.imported(box.client, arn);
        ImportTableDescription done = box.client.describeImport(b -> b.importArn(arns.get(0))).importTableDescription();
        assertThat(done.importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.importedItemCount()).isEqualTo(1);
        assertThat(box.client.describeTable(b -> b.tableName("tab0")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);

        List<String> listed = new ArrayList<>();
        box.client.listImportsPaginator(b -> b.pageSize(3)).forEach(p -> {
            assertThat(p.importSummaryList()).hasSizeLessThanOrEqualTo(3);
            p.importSummaryList().stream().map(ImportSummary::importArn).forEach(listed::add);
        });
        // newest first, as the service lists them (observed in 2026): the id starts with the creation millisecond
        assertThat(listed).isSortedAccordingTo(Comparator.comparing((String arn) -> arn.substring(arn.lastIndexOf('/') + 1)).reversed())
                .containsExactlyInAnyOrderElementsOf(arns);
        String t2 = box.client.describeTable(b -> b.tableName("tab2")).table().tableArn();
        assertThat(box.client.listImports(b -> b.tableArn(t2)).importSummaryList()).extracting(ImportSummary::importArn).containsExactly(arns.get(2));

        if (door == Door.HTTP_SQLITE) {
            box.restart();
            ImportTableDescription kept = box.client.describeImport(b -> b.importArn(arns.get(3))).importTableDescription();
            assertThat(kept.importStatus()).isEqualTo(ImportStatus.COMPLETED);
            assertThat(kept.processedItemCount()).isEqualTo(1);
            assertThat(box.client.getItem(b -> b.tableName("tab3").key(Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromN("9")))).hasItem()).isTrue();
        }
    }
}
