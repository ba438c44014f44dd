package io.dynabox.tests;

import static io.dynabox.tests.TableFixtures.hash;
import static io.dynabox.tests.TableFixtures.n;
import static io.dynabox.tests.TableFixtures.range;
import static io.dynabox.tests.TableFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;

/**
 * Exports and imports through an S3-compatible endpoint ({@code --s3-endpoint}): a small S3
 * server started by the test ({@link FakeS3}) receives the export's objects through the AWS
 * SDK's S3 client, the import reads them back, and a bucket it does not have fails the export.
 */
@ParameterizedClass
@EnumSource(Door.class)
class S3EndpointTest {
    @Parameter
    Door door;

    private FakeS3 s3;
    private TransferBox box;

    @BeforeEach
    void open() {
        s3 = new FakeS3();
        s3.createBucket("lake");
        box = new TransferBox(door, o -> o.s3Endpoint(s3.endpoint()));
    }

    @AfterEach
    void close() {
        box.close();
        s3.close();
    }

    private List<Map<String, AttributeValue>> scan(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(box.client.scan(b -> b.tableName(table)).items());
        items.sort(Comparator.comparing(i -> i.get("pk").s() + "/" + i.get("sk").n()));
        return items;
    }

    @Test
    void anExportGoesToTheEndpointAndAnImportReadsItBack() {
        box.client.createTable(b -> b.tableName("events").attributeDefinitions(s("pk"), n("sk")).keySchema(hash("pk"), range("sk"))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        for (int i = 0; i < 30; i++) {
            int k = i;
            box.client.putItem(b -> b.tableName("events").item(Map.of("pk", AttributeValue.fromS("p" + k % 4), "sk", AttributeValue.fromN("" + k),
                    "body", AttributeValue.fromS("event " + k), "tags", AttributeValue.fromSs(List.of("a", "b" + k)))));
        }
        box.client.updateContinuousBackups(b -> b.tableName("events").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        String tableArn = box.client.describeTable(b -> b.tableName("events")).table().tableArn();
        String arn = box.client.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket("lake").s3Prefix("exports"))
                .exportDescription().exportArn();
        ExportDescription export = TransferWaits.export(box.client, arn);
        assertThat(export.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(export.itemCount()).isEqualTo(30);
        String base = export.exportManifest().replace("manifest-summary.json", "");
        assertThat(s3.objects.get("lake")).containsKeys(base + "_started", base + "manifest-files.json", base + "manifest-files.md5",
                base + "manifest-summary.json", base + "manifest-summary.md5");
        assertThat(DynamoJsonItems.parse(s3.objects.get("lake").get(export.exportManifest())).get("itemCount").longValue()).isEqualTo(30);

        String importArn = box.client.importTable(b -> b.s3BucketSource(s -> s.s3Bucket("lake").s3KeyPrefix(base + "data/"))
                .inputFormat(InputFormat.DYNAMODB_JSON).inputCompressionType(InputCompressionType.GZIP)
                .tableCreationParameters(t -> t.tableName("copy").attributeDefinitions(s("pk"), n("sk")).keySchema(hash("pk"), range("sk"))
                        .billingMode(BillingMode.PAY_PER_REQUEST))).importTableDescription().importArn();
        ImportTableDescription imported = TransferWaits.imported(box.client, importArn);
        assertThat(imported.importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(imported.importedItemCount()).isEqualTo(30);
        assertThat(scan("copy")).isEqualTo(scan("events"));

        // AES256 is S3's default for every object: asked of no local S3, which may have no keys for it
        assertThat(s3.encryption).as("no S3SseAlgorithm, no encryption asked").isEmpty();
        String plain = box.client.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket("lake").s3Prefix("plain")
                .s3SseAlgorithm("AES256")).exportDescription().exportArn();
        assertThat(TransferWaits.export(box.client, plain).exportStatus()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(s3.encryption).as("AES256, nothing asked").isEmpty();
        String encrypted = box.client.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket("lake").s3Prefix("sealed")
                .s3SseAlgorithm("KMS").s3SseKmsKeyId("alias/exports")).exportDescription().exportArn();
        String sealedSummary = TransferWaits.export(box.client, encrypted).exportManifest();
        assertThat(s3.encryption).containsEntry("lake/" + sealedSummary, "aws:kms");
        assertThat(s3.encryption.keySet()).allMatch(k -> k.startsWith("lake/sealed/"));

        String missing = box.client.exportTableToPointInTime(b -> b.tableArn(tableArn).s3Bucket("no-such-bucket")).exportDescription().exportArn();
        ExportDescription failed = TransferWaits.export(box.client, missing);
        assertThat(failed.exportStatus()).isEqualTo(ExportStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo("S3NoSuchBucket");
    }
}
