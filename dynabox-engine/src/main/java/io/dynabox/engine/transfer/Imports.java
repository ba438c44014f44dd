package io.dynabox.engine.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.s3.Buckets;
import io.dynabox.engine.s3.NoSuchBucketException;
import io.dynabox.engine.table.Lifecycle;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableLocks;
import java.util.List;

/**
 * Runs an import: checks the source (the bucket exists and is the caller's, objects are under
 * the prefix), reads it ({@link Importer}), adds the new table (CREATING until {@code settledAt})
 * and fills it, and records the counts in the import's finished description, or FAILED with
 * the reason when the source cannot be used at all (no table is made then).
 */
public final class Imports {
    private Imports() {}

    public static void run(RequestContext context, Buckets buckets, TableDefinition definition, long settledAt, ObjectNode finished) {
        JsonNode source = finished.get("S3BucketSource");
        String bucket = source.get("S3Bucket").textValue();
        JsonNode owner = source.get("S3BucketOwner");
        if (owner != null && !owner.textValue().equals(Namespace.ACCOUNT_ID)) {
            fail(finished, "S3AccessDenied", "Access Denied");
            return;
        }
        JsonNode prefixNode = source.get("S3KeyPrefix");
        JsonNode csv = finished.path("InputFormatOptions").path("Csv");
        List<String> header = null;
        if (csv.has("HeaderList")) {
            header = new java.util.ArrayList<>();
            for (JsonNode name : csv.get("HeaderList")) header.add(name.textValue());
        }
        Importer.Source from = new Importer.Source(bucket, prefixNode == null ? null : prefixNode.textValue(),
                finished.get("InputFormat").textValue(), finished.get("InputCompressionType").textValue(),
                csv.has("Delimiter") ? csv.get("Delimiter").textValue() : null, header);
        List<String> keys;
        try {
            keys = Importer.objects(buckets, from);
        } catch (NoSuchBucketException e) {
            fail(finished, "S3NoSuchBucket", "The specified bucket does not exist");
            return;
        }
        if (keys.isEmpty()) {
            fail(finished, "S3NoSuchKey", "No objects found under s3://" + bucket + "/" + (from.prefix() == null ? "" : from.prefix()));
            return;
        }
        Importer.Outcome outcome = Importer.read(buckets, from, keys, definition);
        Table table = new Table(definition, context.store(), context.namespace().id(), Lifecycle.starting(Table.CREATING, settledAt, null));
        if (context.namespace().addIfAbsent(table) != null) {
            throw DynamoException.resourceInUse("Table already exists: " + definition.name());
        }
        TableLocks.write(table, () -> {
            Importer.fill(table, outcome);
            return null;
        });
        finished.put("ProcessedSizeBytes", outcome.processedBytes);
        finished.put("ProcessedItemCount", outcome.processedItems);
        finished.put("ImportedItemCount", outcome.items.size());
        finished.put("ErrorCount", outcome.errors);
        if (outcome.errors > 0) {
            System.getLogger(Imports.class.getName()).log(System.Logger.Level.INFO, "import " + finished.get("ImportArn").textValue()
                    + " skipped " + outcome.errors + " items that were not valid; the first: " + outcome.firstError);
        }
    }

    private static void fail(ObjectNode finished, String code, String message) {
        finished.put("ImportStatus", Transfer.FAILED);
        finished.put("FailureCode", code);
        finished.put("FailureMessage", message);
        finished.put("ProcessedSizeBytes", 0);
        finished.put("ProcessedItemCount", 0);
        finished.put("ImportedItemCount", 0);
        finished.put("ErrorCount", 0);
    }
}
