package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TransactWriteItems' {@code ClientRequestToken}s, per namespace. A token is valid for ten
 * minutes after the request that used it finished: the same token with the same request
 * is a replay (answered without writing again); with a different request it is refused; a
 * token whose transaction is still running refuses a second use. A transaction that failed
 * leaves no trace, so its token can be used again. Each token changes atomically in a
 * concurrent map: no lock of its own (the data locks are all in TableLocks).
 */
final class ClientRequestTokens {
    static final long VALID_MILLIS = 10 * 60 * 1000;
    private static final long RUNNING = -1;

    private final Map<String, Use> uses = new ConcurrentHashMap<>();
    private final AtomicInteger claimsSincePurge = new AtomicInteger();

    /** What a request with a token should do. */
    enum Claim { RUN, REPLAY }

    /**
     * Claims {@code token} for {@code request} (compared without the token and without
     * ReturnConsumedCapacity, which a replay may change; field order never matters).
     */
    Claim claim(String namespace, String token, JsonNode request, long nowMillis) {
        if (claimsSincePurge.incrementAndGet() >= 1024) purge(nowMillis);
        JsonNode parameters = parameters(request);
        Claim[] claim = new Claim[1];
        uses.compute(namespace + '\u0000' + token, (id, use) -> {
            if (use == null || (use.finishedAt != RUNNING && nowMillis - use.finishedAt >= VALID_MILLIS)) {
                claim[0] = Claim.RUN;
                return new Use(parameters, RUNNING);
            }
            if (!use.parameters.equals(parameters)) {
                throw new DynamoException(ErrorCode.IDEMPOTENT_PARAMETER_MISMATCH,
                        "Specified idempotent token was used with different request parameters within the idempotency window",
                        "ClientRequestToken " + token + " was used with another request in the last ten minutes");
            }
            if (use.finishedAt == RUNNING) {
                throw new DynamoException(ErrorCode.TRANSACTION_IN_PROGRESS, "Transaction from previous request is still in progress");
            }
            claim[0] = Claim.REPLAY;
            return use;
        });
        return claim[0];
    }

    /** The claimed request succeeded: its token is spent for ten minutes from now. */
    void succeeded(String namespace, String token, long nowMillis) {
        uses.computeIfPresent(namespace + '\u0000' + token, (id, use) -> new Use(use.parameters, nowMillis));
    }

    /** The claimed request failed: the token is free again. */
    void failed(String namespace, String token) {
        uses.remove(namespace + '\u0000' + token);
    }

    private void purge(long nowMillis) {
        claimsSincePurge.set(0);
        uses.values().removeIf(use -> use.finishedAt != RUNNING && nowMillis - use.finishedAt >= VALID_MILLIS);
    }

    private static JsonNode parameters(JsonNode request) {
        ObjectNode copy = request.deepCopy();
        copy.remove("ClientRequestToken");
        copy.remove("ReturnConsumedCapacity");
        return copy;
    }

    private record Use(JsonNode parameters, long finishedAt) {
    }
}
