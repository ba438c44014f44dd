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
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.transfer.Imports;
import io.dynabox.engine.transfer.Transfer;
import io.dynabox.engine.transfer.TransferArns;
import io.dynabox.engine.transfer.Transfers;
import io.dynabox.engine.wire.Json;

/**
 * ImportTable: a new table, defined by TableCreationParameters as CreateTable defines one,
 * filled from the objects under the S3 source's prefix ({@link Imports}). The table is
 * CREATING and the import IN_PROGRESS until {@code --delay-transient-statuses} has passed
 * (the reading is done while the request is answered). A table of that name gives
 * ResourceInUseException; a ClientToken makes the request idempotent for eight hours, and the
 * same token with another request is an ImportConflictException. A bucket that does not exist,
 * a bucket owner that is not the caller, or a prefix with no object FAIL the import, and no
 * table is left.
 */
public final class ImportTable implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        long now = context.nowMillis();
        Transfers transfers = context.namespace().transfers();
        String token = text(request, "ClientToken");
        String requestKey = Transfers.requestKey(request);
        if (token != null) {
            Transfer earlier = transfers.byClientToken(Transfer.Kind.IMPORT, token, now);
            if (earlier != null) {
                if (!earlier.requestKey().equals(requestKey)) {
                    throw new DynamoException(ErrorCode.IMPORT_CONFLICT, "There was a conflict when importing from the specified S3 source",
                            "the ClientToken " + token + " named the import " + earlier.arn() + " with other parameters in the last 8 hours");
                }
                return Json.object().set("ImportTableDescription", earlier.description(now));
            }
        }
        JsonNode parameters = request.get("TableCreationParameters");
        TableDefinition definition = CreateTable.definition(context, parameters);
        if (context.namespace().table(definition.name(), now) != null) {
            throw DynamoException.resourceInUse("Table already exists: " + definition.name());
        }
        JsonNode source = request.get("S3BucketSource");
        String id = TransferArns.newId(now);
        String arn = definition.arn() + "/import/" + id;
        ObjectNode finished = Json.object();
        finished.put("ImportArn", arn);
        finished.put("ImportStatus", Transfer.COMPLETED);
        finished.put("TableArn", definition.arn());
        finished.put("TableId", definition.tableId());
        finished.put("ClientToken", token != null ? token : TransferArns.newClientToken());
        finished.set("S3BucketSource", source.deepCopy());
        finished.put("CloudWatchLogGroupArn", "arn:aws:logs:" + context.namespace().region() + ":" + Namespace.ACCOUNT_ID
                + ":log-group:/aws-dynamodb/imports:*");
        finished.put("InputFormat", text(request, "InputFormat"));
        JsonNode options = present(request, "InputFormatOptions");
        if (options != null) finished.set("InputFormatOptions", options.deepCopy());
        String compression = text(request, "InputCompressionType");
        finished.put("InputCompressionType", compression == null ? "NONE" : compression);
        finished.set("TableCreationParameters", parameters.deepCopy());
        finished.put("StartTime", now / 1000.0);

        long settledAt = now + context.options().delayTransientStatuses().toMillis();
        Imports.run(context, transfers.buckets(), definition, settledAt, finished);
        finished.put("EndTime", settledAt / 1000.0);
        Transfer started = new Transfer(Transfer.Kind.IMPORT, arn, finished.get("ClientToken").textValue(), definition.arn(),
                requestKey, now, settledAt, finished);
        transfers.add(started);
        return Json.object().set("ImportTableDescription", started.started());
    }
}
