package io.dynabox.engine.operation.transfer;

import static io.dynabox.engine.table.TableGrammar.present;
import static io.dynabox.engine.table.TableGrammar.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.CreateTable;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.Lifecycle;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.transfer.Imports;
import io.dynabox.engine.transfer.Transfer;
import io.dynabox.engine.transfer.TransferArns;
import io.dynabox.engine.transfer.Transfers;
import io.dynabox.engine.wire.Json;

/**
 * ImportTable: a new table, defined by TableCreationParameters as CreateTable defines one,
 * filled from the objects under the S3 source's prefix. The request adds the table (CREATING)
 * and answers the import IN_PROGRESS at once; the reading is done off the request thread
 * ({@link io.dynabox.engine.transfer.TransferJobs}), and the table stays CREATING and the import
 * IN_PROGRESS until it is done and {@code --delay-transient-statuses} has passed. A table of that
 * name gives ResourceInUseException; a ClientToken makes the request idempotent for eight hours,
 * and the same token with another request is an ImportConflictException. The account's table
 * quotas apply as to CreateTable, and at most {@link #MAX_CONCURRENT_IMPORTS} imports (the
 * service's quota, 50 per account) are IN_PROGRESS at once. A bucket that does not exist, a
 * bucket owner that is not the caller, or a prefix with no object FAIL the import, and its table
 * is dropped.
 */
public final class ImportTable implements Operation {
    /** "up to 50 simultaneous import table operations are allowed per account" (API reference, LimitExceededException). */
    public static final int MAX_CONCURRENT_IMPORTS = 50;

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        long now = context.nowMillis();
        Transfers transfers = context.namespace().transfers();
        String token = text(request, "ClientToken");
        String requestKey = Transfers.requestKey(withoutKeyPrefix(request));
        if (token != null) {
            Transfer earlier = transfers.byClientToken(Transfer.Kind.IMPORT, token, now);
            if (earlier != null) {
                if (!earlier.requestKey().equals(requestKey)) {
                    throw new DynamoException(ErrorCode.IMPORT_CONFLICT, "Import conflict: Duplicate request detected with conflicting parameters",
                            "the ClientToken " + token + " named the import " + earlier.arn() + " with other parameters in the last 8 hours");
                }
                return Json.object().set("ImportTableDescription", earlier.description(now));
            }
        }
        JsonNode formatOptions = present(request, "InputFormatOptions");
        if (formatOptions != null && !"CSV".equals(text(request, "InputFormat"))) {
            // the service's words (observed in 2026)
            throw DynamoException.validation("Invalid Request: Unsupported InputFormatOptions for the given input format: "
                    + text(request, "InputFormat") + ".");
        }
        JsonNode parameters = request.get("TableCreationParameters");
        TableDefinition definition = CreateTable.definition(context, parameters);
        if (context.namespace().table(definition.name(), now) != null) {
            throw DynamoException.resourceInUse("Table already exists: " + definition.name());
        }
        JsonNode source = request.get("S3BucketSource");
        String id = TransferArns.newId(now);
        String arn = definition.arn() + "/import/" + id;
        ObjectNode description = Json.object();
        description.put("ImportArn", arn);
        description.put("ImportStatus", Transfer.IN_PROGRESS);
        description.put("TableArn", definition.arn());
        description.put("TableId", definition.tableId());
        description.put("ClientToken", token != null ? token : TransferArns.newClientToken());
        ObjectNode bucketSource = (ObjectNode) source.deepCopy();
        // the service names the bucket's owner, the caller's account when the request did not (observed in 2026)
        if (!bucketSource.hasNonNull("S3BucketOwner")) bucketSource.put("S3BucketOwner", Namespace.ACCOUNT_ID);
        description.set("S3BucketSource", bucketSource);
        description.put("CloudWatchLogGroupArn", "arn:aws:logs:" + context.namespace().region() + ":" + Namespace.ACCOUNT_ID
                + ":log-group:/aws-dynamodb/imports:*");
        description.put("InputFormat", text(request, "InputFormat"));
        JsonNode options = present(request, "InputFormatOptions");
        if (options != null) description.set("InputFormatOptions", options.deepCopy());
        String compression = text(request, "InputCompressionType");
        description.put("InputCompressionType", compression == null ? "NONE" : compression);
        description.set("TableCreationParameters", parameters.deepCopy());
        description.put("StartTime", now / 1000.0);

        long settledAt = context.settlesAt(now);
        Table table = new Table(definition, context.store(), context.namespace().id(),
                Lifecycle.starting(Table.CREATING, Imports.UNTIL_IMPORTED, null));
        Transfer started = new Transfer(Transfer.Kind.IMPORT, arn, description.get("ClientToken").textValue(), definition.arn(),
                requestKey, now, settledAt, description);
        // the quotas are checked and the table added under one lock, so two creations cannot both pass
        synchronized (context.namespace()) {
            if (context.namespace().table(definition.name(), now) != null) {
                throw DynamoException.resourceInUse("Table already exists: " + definition.name());
            }
            int running = transfers.running(Transfer.Kind.IMPORT);
            if (running >= MAX_CONCURRENT_IMPORTS) {
                throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "Up to " + MAX_CONCURRENT_IMPORTS
                        + " simultaneous import table operations are allowed per account",
                        "the service's exact wording is not recorded (its documentation's sentence); " + running + " imports are IN_PROGRESS");
            }
            context.options().accountQuotas().checkNewTable(context.namespace(), now, definition.hasIndexes());
            if (context.namespace().addIfAbsent(table) != null) {
                throw DynamoException.resourceInUse("Table already exists: " + definition.name());
            }
            transfers.add(started);
        }
        transfers.jobs().start(context.namespace(), started);
        return Json.object().set("ImportTableDescription", started.started());
    }

    /**
     * The request as its ClientToken is compared by: the service answers a retry that names
     * another S3KeyPrefix with the first import, and refuses one that names another table
     * (observed in 2026, LAB IMPORT-017).
     */
    private static JsonNode withoutKeyPrefix(JsonNode request) {
        JsonNode source = request.get("S3BucketSource");
        if (!(source instanceof ObjectNode) || !source.has("S3KeyPrefix")) return request;
        ObjectNode copy = ((ObjectNode) request).deepCopy();
        ((ObjectNode) copy.get("S3BucketSource")).remove("S3KeyPrefix");
        return copy;
    }
}
