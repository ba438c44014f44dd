package io.dynabox.engine.operation.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.table.TableLimits;
import io.dynabox.engine.wire.Json;

/** DescribeLimits: the default provisioned-capacity quotas of an account in a region, as the service reports them. */
public final class DescribeLimits implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        return Json.object()
                .put("AccountMaxReadCapacityUnits", TableLimits.ACCOUNT_MAX_READ_CAPACITY_UNITS)
                .put("AccountMaxWriteCapacityUnits", TableLimits.ACCOUNT_MAX_WRITE_CAPACITY_UNITS)
                .put("TableMaxReadCapacityUnits", TableLimits.TABLE_MAX_READ_CAPACITY_UNITS)
                .put("TableMaxWriteCapacityUnits", TableLimits.TABLE_MAX_WRITE_CAPACITY_UNITS);
    }
}
