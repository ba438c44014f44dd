package io.dynabox.engine.operation.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.transfer.Transfer;
import io.dynabox.engine.transfer.TransferArns;
import io.dynabox.engine.wire.Json;

/** DescribeImport: an import's description now (IN_PROGRESS until its delay is over, then COMPLETED or FAILED). */
public final class DescribeImport implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String arn = request.get("ImportArn").textValue();
        if (!TransferArns.isJobArn(arn, "import")) throw TransferArns.invalidImportArn(arn);
        Transfer found = context.namespace().transfers().find(Transfer.Kind.IMPORT, arn);
        if (found == null) throw new DynamoException(ErrorCode.IMPORT_NOT_FOUND, "Import not found: " + arn);
        return Json.object().set("ImportTableDescription", found.description(context.nowMillis()));
    }
}
