package io.dynabox.tests;

import java.time.Duration;
import java.util.function.Consumer;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;

/**
 * Waiting for an export or import as users wait for one: DescribeExport / DescribeImport again
 * until the job is no longer IN_PROGRESS. (The SDK's waiters {@code waitUntilExportCompleted} and
 * {@code waitUntilImportCompleted} do the same and fail on FAILED; {@link #QUICK} makes them poll
 * every 20 ms instead of the service's 20 s.)
 */
final class TransferWaits {
    static final Consumer<WaiterOverrideConfiguration.Builder> QUICK = w -> w
            .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(20))).maxAttempts(3000);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private TransferWaits() {}

    /** The export once it is COMPLETED or FAILED. */
    static ExportDescription export(DynamoDbClient client, String arn) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            ExportDescription now = client.describeExport(b -> b.exportArn(arn)).exportDescription();
            if (now.exportStatus() != ExportStatus.IN_PROGRESS) return now;
            pause(deadline, arn);
        }
    }

    /** The import once it is COMPLETED or FAILED. */
    static ImportTableDescription imported(DynamoDbClient client, String arn) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            ImportTableDescription now = client.describeImport(b -> b.importArn(arn)).importTableDescription();
            if (now.importStatus() != ImportStatus.IN_PROGRESS) return now;
            pause(deadline, arn);
        }
    }

    private static void pause(long deadline, String arn) {
        if (System.nanoTime() > deadline) throw new AssertionError(arn + " still IN_PROGRESS after " + PATIENCE);
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
