package io.dynabox.engine.table;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.store.Store;
import io.dynabox.engine.wire.Json;
import java.io.IOException;

/**
 * A table's metadata as a JSON document, for stores that keep it: the definition (every
 * record component, by Jackson's record support, so fields added later persist without
 * changes here) and the status with the time it settles. Unknown members are ignored and
 * missing ones take their defaults, so documents of older and newer versions still load.
 */
public final class TableDocuments {
    private static final ObjectMapper MAPPER = Json.MAPPER.copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    private TableDocuments() {}

    public static byte[] write(Table table) {
        ObjectNode document = Json.object();
        document.set("definition", MAPPER.valueToTree(table.definition()));
        Lifecycle lifecycle = table.lifecycle();
        document.put("status", lifecycle.status());
        document.put("settledAtMillis", lifecycle.settledAtMillis());
        if (lifecycle.change() != null) document.put("change", lifecycle.change());
        if (!ControlState.NONE.equals(table.control())) document.set("control", MAPPER.valueToTree(table.control()));
        TimeToLive ttl = table.timeToLive();
        if (ttl != TimeToLive.NEVER_SET) document.set("timeToLive", MAPPER.valueToTree(ttl));
        if (table.replicas() != null) document.set("replicas", MAPPER.valueToTree(table.replicas()));
        if (!AutoScaling.NONE.equals(table.autoScaling())) document.set("autoScaling", MAPPER.valueToTree(table.autoScaling()));
        return Json.write(document);
    }

    /** A backup's description, for stores that keep backups. */
    public static byte[] writeBackup(Backup backup) {
        return Json.write(MAPPER.valueToTree(backup));
    }

    public static Backup readBackup(byte[] document) {
        try {
            return MAPPER.readValue(document, Backup.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the stored description of a backup cannot be read: " + e.getMessage(), e);
        }
    }

    /** The live table a document describes, on {@code store}. */
    public static Table read(byte[] document, Store store, String namespaceId) {
        try {
            JsonNode node = MAPPER.readTree(document);
            TableDefinition definition = MAPPER.treeToValue(node.get("definition"), TableDefinition.class);
            String change = node.hasNonNull("change") ? node.get("change").textValue() : null;
            Table table = new Table(definition, store, namespaceId,
                    Lifecycle.starting(node.get("status").textValue(), node.get("settledAtMillis").longValue(), change));
            if (node.hasNonNull("control")) {
                ControlState control = MAPPER.treeToValue(node.get("control"), ControlState.class);
                table.startWithControl(control);
                ContinuousBackups pitr = control.continuousBackups();
                if (pitr != null && pitr.enabled()) {
                    table.startRecoveryLog(pitr.recoveryPeriodInDays(), store.loadRecoveryLog(namespaceId, definition.name()));
                }
            }
            if (node.hasNonNull("timeToLive")) table.restoreTimeToLive(MAPPER.treeToValue(node.get("timeToLive"), TimeToLive.class));
            if (node.hasNonNull("replicas")) table.restoreReplicas(MAPPER.treeToValue(node.get("replicas"), ReplicaGroup.class));
            if (node.hasNonNull("autoScaling")) table.restoreAutoScaling(MAPPER.treeToValue(node.get("autoScaling"), AutoScaling.class));
            return table;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the stored metadata of a table cannot be read: " + e.getMessage(), e);
        }
    }
}
