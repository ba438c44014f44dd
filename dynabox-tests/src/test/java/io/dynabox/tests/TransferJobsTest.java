package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.assertError;
import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Exports and imports run off the request thread, through every door: the request answers
 * IN_PROGRESS at once, the job is seen IN_PROGRESS (its new table CREATING, refusing item
 * reads) while its S3 reads are held, then COMPLETED with its counts; an import interrupted by a
 * stop of a file store is resumed by the next start; the service's quota of 50 imports at once.
 */
@ParameterizedClass
@EnumSource(Door.class)
class TransferJobsTest {
    private static final int ITEMS = 2500;

    @Parameter
    Door door;

    private FakeS3 s3;
    private TransferBox box;

    @BeforeEach
    void open() {
        s3 = new FakeS3();
        s3.createBucket("lake");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < ITEMS; i++) lines.append("{\"Item\":{\"pk\":{\"S\":\"k").append(i).append("\"},\"n\":{\"N\":\"").append(i).append("\"}}}\n");
        s3.objects.get("lake").put("in/part-1.json", lines.toString().getBytes(StandardCharsets.UTF_8));
        box = new TransferBox(door, o -> o.s3Endpoint(s3.endpoint()));
    }

    @AfterEach
    void close() {
        box.close();
        s3.close();
    }

    private String startImport(String table) {
        ImportTableDescription started = box.client.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("lake").s3KeyPrefix("in/"))
                .inputFormat(InputFormat.DYNAMODB_JSON)
                .tableCreationParameters(t -> t.tableName(table).attributeDefinitions(s("pk")).keySchema(hash("pk"))
                        .billingMode(BillingMode.PAY_PER_REQUEST))).importTableDescription();
        assertThat(started.importStatus()).isEqualTo(ImportStatus.IN_PROGRESS);
        assertThat(started.importedItemCount()).isNull();
        return started.importArn();
    }

    private void awaitHeldRead() throws InterruptedException {
        assertThat(s3.getsWaiting.tryAcquire(30, TimeUnit.SECONDS)).as("the job reads its source").isTrue();
    }

    @Test
    void anImportIsInProgressAndItsTableCreatingUntilItsWorkIsDone() throws InterruptedException {
        s3.hold();
        String arn = startImport("imported");
        awaitHeldRead();
        ImportTableDescription during = box.client.describeImport(b -> b.importArn(arn)).importTableDescription();
        assertThat(during.importStatus()).isEqualTo(ImportStatus.IN_PROGRESS);
        assertThat(during.endTime()).isNull();
        assertThat(during.processedItemCount()).isNull();
        assertThat(box.client.listImports(b -> b.tableArn(during.tableArn())).importSummaryList()).singleElement()
                .satisfies(summary -> assertThat(summary.importStatus()).isEqualTo(ImportStatus.IN_PROGRESS));
        assertThat(box.client.describeTable(b -> b.tableName("imported")).table().tableStatus()).isEqualTo(TableStatus.CREATING);
        assertError(() -> box.client.getItem(b -> b.tableName("imported").key(Map.of("pk", AttributeValue.fromS("k1")))),
                "ResourceNotFoundException", "Requested resource not found");
        assertError(() -> box.client.deleteTable(b -> b.tableName("imported")),
                "ResourceInUseException", "Attempt to change a resource which is still in use: Table is being created: imported");

        s3.open();
        ImportTableDescription done = box.client.waiter().waitUntilImportCompleted(b -> b.importArn(arn), TransferWaits.QUICK)
                .matched().response().orElseThrow().importTableDescription();
        assertThat(done.importedItemCount()).isEqualTo(ITEMS);
        assertThat(done.processedItemCount()).isEqualTo(ITEMS);
        assertThat(done.errorCount()).isZero();
        assertThat(done.endTime()).isAfterOrEqualTo(done.startTime());
        assertThat(box.client.describeTable(b -> b.tableName("imported")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(box.client.getItem(b -> b.tableName("imported").key(Map.of("pk", AttributeValue.fromS("k7")))).item().get("n").n())
                .isEqualTo("7");
    }

    @Test
    void anExportIsInProgressUntilItsFilesAreWritten() {
        box.client.createTable(b -> b.tableName("source").attributeDefinitions(s("pk")).keySchema(hash("pk")).billingMode(BillingMode.PAY_PER_REQUEST));
        for (int i = 0; i < 30; i++) {
            int k = i;
            box.client.putItem(b -> b.tableName("source").item(Map.of("pk", AttributeValue.fromS("k" + k))));
        }
        box.client.updateContinuousBackups(b -> b.tableName("source").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        String tableArn = box.client.describeTable(b -> b.tableName("source")).table().tableArn();
        ExportDescription started = box.client.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket("lake").s3Prefix("out"))
                .exportDescription();
        assertThat(started.exportStatus()).isEqualTo(ExportStatus.IN_PROGRESS);
        assertThat(started.itemCount()).isNull();
        ExportDescription done = box.client.waiter().waitUntilExportCompleted(b -> b.exportArn(started.exportArn()), TransferWaits.QUICK)
                .matched().response().orElseThrow().exportDescription();
        assertThat(done.itemCount()).isEqualTo(30);
        assertThat(s3.objects.get("lake")).containsKey("out/" + done.exportManifest().substring("out/".length()));
        assertThat(done.endTime()).isAfterOrEqualTo(done.startTime());
    }

    @Test
    void anImportStoppedWithTheServerIsResumedByTheNextStart() throws Exception {
        s3.hold();
        String arn = startImport("resumed");
        awaitHeldRead();
        // the held read goes on while the server stops: the job stops before its first batch and stays IN_PROGRESS
        CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            s3.open();
        });
        box.restart();
        release.get(30, TimeUnit.SECONDS);
        if (door != Door.HTTP_SQLITE) {
            assertError(() -> box.client.describeImport(b -> b.importArn(arn)), "ImportNotFoundException", "Import not found");
            return;
        }
        ImportTableDescription done = TransferWaits.imported(box.client, arn);
        assertThat(done.importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.importedItemCount()).isEqualTo(ITEMS);
        assertThat(box.client.describeTable(b -> b.tableName("resumed")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(box.client.scan(b -> b.tableName("resumed").select("COUNT")).count()).isEqualTo(ITEMS);
    }

    @Test
    void atMostFiftyImportsRunAtOnce() throws InterruptedException {
        s3.hold();
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 50; i++) arns.add(startImport("table" + i));
        awaitHeldRead();
        assertError(() -> startImport("one_too_many"), "LimitExceededException",
                "Up to 50 simultaneous import table operations are allowed per account");
        assertError(() -> box.client.describeTable(b -> b.tableName("one_too_many")), "ResourceNotFoundException", "Requested resource not found");
        s3.open();
        for (String arn : arns) assertThat(TransferWaits.imported(box.client, arn).importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(TransferWaits.imported(box.client, startImport("one_more_later")).importedItemCount()).isEqualTo(ITEMS);
    }
}
