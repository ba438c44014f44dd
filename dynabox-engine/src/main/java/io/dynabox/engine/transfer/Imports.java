package io.dynabox.engine.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.s3.Buckets;
import io.dynabox.engine.s3.NoSuchBucketException;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.ItemWriter;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
import java.util.ArrayList;
import java.util.List;

/**
 * An import's work, on the job thread: checks the source (the bucket exists and is the caller's,
 * objects are under the prefix), reads it into the new table ({@link Importer}; the table is
 * CREATING from the request on), builds its global indexes, and records the counts in the
 * import's description, or FAILED with the reason when the source cannot be used at all (the
 * table is dropped then, so no table is left). Items that are not valid are counted and fail the
 * import, which keeps the table with the valid ones, as the service's does.
 */
public final class Imports {
    /** The table an import is creating, until the import is done. */
    public static final long UNTIL_IMPORTED = Long.MAX_VALUE;

    private Imports() {}

    /** Runs the import {@code state} describes into its table; answers the filled table, or null when the import FAILED without one. */
    static Table run(Namespace namespace, Buckets buckets, String tableArn, ObjectNode state, Runnable checkNotStopping) {
        Table table = namespace.tableMap().get(tableName(tableArn));
        if (table == null) {
            fail(state, "InternalError", "the table the import was creating is gone");
            return null;
        }
        JsonNode source = state.get("S3BucketSource");
        String bucket = source.get("S3Bucket").textValue();
        JsonNode owner = source.get("S3BucketOwner");
        if (owner != null && !owner.textValue().equals(Namespace.ACCOUNT_ID)) {
            return failAndDrop(namespace, table, state, "S3AccessDenied", "Access Denied");
        }
        JsonNode prefixNode = source.get("S3KeyPrefix");
        JsonNode csv = state.path("InputFormatOptions").path("Csv");
        List<String> header = null;
        if (csv.has("HeaderList")) {
            header = new ArrayList<>();
            for (JsonNode name : csv.get("HeaderList")) header.add(name.textValue());
        }
        Importer.Source from = new Importer.Source(bucket, prefixNode == null ? null : prefixNode.textValue(),
                state.get("InputFormat").textValue(), state.get("InputCompressionType").textValue(),
                csv.has("Delimiter") ? csv.get("Delimiter").textValue() : null, header);
        List<String> keys;
        try {
            keys = Importer.objects(buckets, from);
        } catch (NoSuchBucketException e) {
            return failAndDrop(namespace, table, state, "S3NoSuchBucket", "The specified bucket does not exist");
        }
        // no objects under the prefix is an empty table, as the service's import makes it (observed in 2026)
        Importer.Counts counts = Importer.read(buckets, from, keys, table, checkNotStopping);
        checkNotStopping.run();
        TableLocks.write(table, () -> {
            for (IndexDefinition index : table.definition().globalIndexes()) ItemWriter.backfill(table, index);
            return null;
        });
        table.store().awaitDurable();
        state.put("ProcessedSizeBytes", counts.processedBytes);
        state.put("ProcessedItemCount", counts.processedItems);
        // the table was empty and nobody else writes to it: its items are the imported ones, duplicates counted once
        state.put("ImportedItemCount", table.keyspace().itemCount());
        state.put("ErrorCount", counts.errors);
        if (counts.errors > 0) {
            System.getLogger(Imports.class.getName()).log(System.Logger.Level.INFO, "import " + state.get("ImportArn").textValue()
                    + " skipped " + counts.errors + " items that were not valid; the first: " + counts.firstError);
            // the service keeps the table and its valid items, and fails the import (observed in 2026)
            state.put("ImportStatus", Transfer.FAILED);
            state.put("FailureCode", "ItemValidationError");
            state.put("FailureMessage", "Some of the items failed validation checks and were not imported. "
                    + "Please check CloudWatch error logs for more details.");
        }
        return table;
    }

    /** The imported table shows CREATING until {@code atMillis}, then ACTIVE. */
    static void settle(Table table, long atMillis) {
        TableLocks.write(table, () -> {
            table.update(table.definition(), Table.CREATING, atMillis);
            return null;
        });
    }

    /** Drops the table a failed import was creating. */
    static void dropTable(Namespace namespace, String tableArn) {
        Table table = namespace.tableMap().get(tableName(tableArn));
        if (table != null && table.lifecycle().settledAtMillis() == UNTIL_IMPORTED) {
            TableLocks.write(table, () -> {
                table.store().dropTable(namespace.id(), table.name());
                return null;
            });
            namespace.remove(table);
        }
    }

    private static Table failAndDrop(Namespace namespace, Table table, ObjectNode state, String code, String message) {
        dropTable(namespace, table.definition().arn());
        fail(state, code, message);
        return null;
    }

    private static String tableName(String tableArn) {
        return tableArn.substring(tableArn.indexOf(":table/") + ":table/".length());
    }

    private static void fail(ObjectNode state, String code, String message) {
        state.put("ImportStatus", Transfer.FAILED);
        state.put("FailureCode", code);
        state.put("FailureMessage", message);
        state.put("ProcessedSizeBytes", 0);
        state.put("ProcessedItemCount", 0);
        state.put("ImportedItemCount", 0);
        state.put("ErrorCount", 0);
    }
}
