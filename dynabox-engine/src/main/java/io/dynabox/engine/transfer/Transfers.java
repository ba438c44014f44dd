package io.dynabox.engine.transfer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.s3.Buckets;
import io.dynabox.engine.wire.Json;
import java.util.TreeMap;
import io.dynabox.engine.store.Store;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * A namespace's exports and imports, by ARN, kept by a store that outlives the process
 * (documents of kinds {@code export} and {@code import}), and the buckets they write and read.
 * A ClientToken names one job of its kind for eight hours, as in the service: the same request
 * again answers that job, a different one is a conflict.
 */
public final class Transfers {
    /** How long a ClientToken stays tied to its job. */
    public static final long CLIENT_TOKEN_MILLIS = 8 * 3_600_000L;

    private final Store store;
    private final String namespaceId;
    private final Map<Transfer.Kind, ConcurrentSkipListMap<String, Transfer>> byArn = new ConcurrentHashMap<>();
    private volatile Supplier<Buckets> buckets;
    private volatile TransferJobs jobs;

    private Transfers(Store store, String namespaceId) {
        this.store = store;
        this.namespaceId = namespaceId;
        for (Transfer.Kind kind : Transfer.Kind.values()) byArn.put(kind, new ConcurrentSkipListMap<>());
    }

    /** The jobs a store kept for the namespace. */
    public static Transfers load(Store store, String namespaceId) {
        Transfers transfers = new Transfers(store, namespaceId);
        for (Transfer.Kind kind : Transfer.Kind.values()) {
            store.loadDocuments(namespaceId, kind.word).values().forEach(document -> {
                Transfer kept = Transfer.read(document);
                transfers.byArn.get(kind).put(kept.arn(), kept);
            });
        }
        return transfers;
    }

    /** Where the buckets come from (the engine's, made on first use), and who runs the jobs. */
    public void connect(Supplier<Buckets> source, TransferJobs runner) {
        buckets = source;
        jobs = runner;
    }

    /** Who runs this namespace's jobs off the request thread. */
    public TransferJobs jobs() {
        TransferJobs runner = jobs;
        if (runner == null) throw new IllegalStateException("no job runner connected to namespace " + namespaceId);
        return runner;
    }

    public Buckets buckets() {
        Supplier<Buckets> source = buckets;
        if (source == null) throw new IllegalStateException("no buckets connected to namespace " + namespaceId);
        return source.get();
    }

    /** Keeps a job (and saves it, with a store that keeps documents). */
    public void add(Transfer transfer) {
        byArn.get(transfer.kind()).put(transfer.arn(), transfer);
        store.saveDocument(namespaceId, transfer.kind().word, transfer.arn(), transfer.document());
    }

    public Transfer find(Transfer.Kind kind, String arn) {
        return byArn.get(kind).get(arn);
    }

    /** The job a ClientToken still names at {@code nowMillis}, or null. */
    public Transfer byClientToken(Transfer.Kind kind, String clientToken, long nowMillis) {
        for (Transfer transfer : byArn.get(kind).values()) {
            if (transfer.clientToken().equals(clientToken) && nowMillis - transfer.startMillis() < CLIENT_TOKEN_MILLIS) return transfer;
        }
        return null;
    }

    /** How many jobs of a kind are still at work. */
    public int running(Transfer.Kind kind) {
        int count = 0;
        for (Transfer transfer : byArn.get(kind).values()) if (transfer.running()) count++;
        return count;
    }

    /** Every job of a kind, in ARN order. */
    public Collection<Transfer> all(Transfer.Kind kind) {
        return byArn.get(kind).values();
    }

    /** A request as a key to compare retries by: every member but the ClientToken, objects' members in name order. */
    public static String requestKey(JsonNode request) {
        ObjectNode copy = ((ObjectNode) canonical(request));
        copy.remove("ClientToken");
        return copy.toString();
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = Json.object();
            new TreeMap<String, JsonNode>(Json.MAPPER.convertValue(node, new TypeReference<Map<String, JsonNode>>() {}))
                    .forEach((name, value) -> sorted.set(name, canonical(value)));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode list = Json.array();
            node.forEach(element -> list.add(canonical(element)));
            return list;
        }
        return node;
    }
}
