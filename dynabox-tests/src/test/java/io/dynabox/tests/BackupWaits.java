package io.dynabox.tests;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;

/** Waiting for a backup to be AVAILABLE, as a client of the service does: a file store writes a backup in the background. */
final class BackupWaits {
    private BackupWaits() {}

    /** Polls (a bounded number of times) until the backup is AVAILABLE; answers its description. */
    static BackupDescription available(DynamoDbClient client, String arn) {
        for (int i = 0; i < 500; i++) {
            BackupDescription d = client.describeBackup(b -> b.backupArn(arn)).backupDescription();
            if (d.backupDetails().backupStatus() == BackupStatus.AVAILABLE) return d;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("backup " + arn + " never became AVAILABLE");
    }
}
