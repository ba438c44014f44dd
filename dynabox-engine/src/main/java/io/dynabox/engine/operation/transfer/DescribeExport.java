package io.dynabox.engine.operation.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.transfer.Transfer;
import io.dynabox.engine.transfer.TransferArns;
import io.dynabox.engine.wire.Json;

/** DescribeExport: an export's description now (IN_PROGRESS until its delay is over, then COMPLETED or FAILED). */
public final class DescribeExport implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String arn = request.get("ExportArn").textValue();
        if (!TransferArns.isJobArn(arn, "export")) throw TransferArns.invalidExportArn(arn);
        String arnRegion = arn.split(":", 5)[3];
        if (!context.options().sharedDb() && !arnRegion.equals(context.namespace().region())) {
            // the service's words for another region's export, real or not (observed in 2026, LAB EXPORT-006)
            throw new DynamoException(ErrorCode.EXPORT_NOT_FOUND, "Export not found: Invalid export arn", context.otherRegion(arnRegion));
        }
        Transfer export = context.namespace().transfers().find(Transfer.Kind.EXPORT, arn);
        // the service repeats its first words (observed in 2026)
        if (export == null) throw new DynamoException(ErrorCode.EXPORT_NOT_FOUND, "Export not found: Export not found: " + arn);
        return Json.object().set("ExportDescription", export.description(context.nowMillis()));
    }
}
