package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Projection;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableDescriptions;
import io.dynabox.engine.table.Throughput;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** CreateTable: validates the definition in the service's order, then adds the table as CREATING. */
public final class CreateTable implements Operation {
    private static final String INVALID = "One or more parameter values were invalid: ";

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String name = context.tableName(request.get("TableName").textValue());
        boolean payPerRequest = TableDefinition.PAY_PER_REQUEST.equals(text(request, "BillingMode"));
        JsonNode throughputNode = request.get("ProvisionedThroughput");
        Throughput throughput = checkBillingMode(payPerRequest, throughputNode);

        Map<String, AttributeValue.Type> definitions = attributeDefinitions(request.get("AttributeDefinitions"));
        KeySchema keySchema = keySchema(request.get("KeySchema"), definitions);
        List<IndexDefinition> localIndexes = new ArrayList<>();
        List<IndexDefinition> globalIndexes = new ArrayList<>();
        JsonNode lsis = request.get("LocalSecondaryIndexes");
        JsonNode gsis = request.get("GlobalSecondaryIndexes");
        if (isAbsent(lsis) && isAbsent(gsis) && request.get("KeySchema").size() != definitions.size()) {
            throw DynamoException.validation(INVALID
                    + "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
        if (!isAbsent(lsis)) {
            if (lsis.isEmpty()) throw DynamoException.validation(INVALID + "List of LocalSecondaryIndexes is empty");
            if (!keySchema.hasSort()) {
                throw DynamoException.validation(INVALID
                        + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
            }
            for (JsonNode lsi : lsis) localIndexes.add(localIndex(lsi, keySchema, definitions));
        }
        if (!isAbsent(gsis)) {
            if (gsis.isEmpty()) throw DynamoException.validation(INVALID + "List of GlobalSecondaryIndexes is empty");
            for (JsonNode gsi : gsis) globalIndexes.add(globalIndex(gsi, definitions, payPerRequest));
        }
        checkAllDefinitionsUsed(definitions, keySchema, localIndexes, globalIndexes);
        if (localIndexes.size() > 5) {
            throw DynamoException.validation(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
        }
        if (globalIndexes.size() > 20) {
            throw DynamoException.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20");
        }

        boolean streamEnabled = false;
        String streamViewType = null;
        JsonNode stream = request.get("StreamSpecification");
        if (!isAbsent(stream)) {
            streamEnabled = stream.get("StreamEnabled").booleanValue();
            streamViewType = text(stream, "StreamViewType");
            if (streamEnabled && streamViewType == null) {
                throw DynamoException.validation(INVALID + "Table is being created with a stream enabled, UpdateViewType is required");
            }
            if (!streamEnabled && streamViewType != null) {
                throw DynamoException.validation(INVALID
                        + "Table is being created with a stream disabled, UpdateViewType should not be specified");
            }
        }
        List<Map.Entry<String, String>> tags = new ArrayList<>();
        JsonNode tagList = request.get("Tags");
        if (!isAbsent(tagList)) for (JsonNode tag : tagList) tags.add(Map.entry(tag.get("Key").textValue(), tag.get("Value").textValue()));

        double now = context.nowEpochSeconds();
        TableDefinition definition = new TableDefinition(name, UUID.randomUUID().toString(),
                context.namespace().arn(name), now, keySchema, definitions,
                payPerRequest ? TableDefinition.PAY_PER_REQUEST : TableDefinition.PROVISIONED,
                payPerRequest ? now : null, throughput, localIndexes, globalIndexes, streamEnabled, streamViewType,
                streamEnabled ? StreamLabels.label(context.nowMillis()) : null,
                null, tags, text(request, "TableClass"),
                request.path("DeletionProtectionEnabled").asBoolean(false), request.get("OnDemandThroughput"));
        long settleAt = context.nowMillis() + context.options().delayTransientStatuses().toMillis();
        Table table = new Table(definition, context.store(), context.namespace().id(), Table.CREATING, settleAt);
        Table existing = context.namespace().addIfAbsent(table);
        if (existing != null) {
            if (Table.CREATING.equals(existing.status(context.nowMillis()))) {
                throw DynamoException.resourceInUse(
                        "Attempt to change a resource which is still in use: Table is being created: " + name);
            }
            throw DynamoException.resourceInUse("Table already exists: " + name);
        }
        return Json.object().set("TableDescription", TableDescriptions.asChanged(table, Table.CREATING));
    }

    private static Throughput checkBillingMode(boolean payPerRequest, JsonNode throughputNode) {
        if (payPerRequest && !isAbsent(throughputNode)) {
            throw DynamoException.validation(INVALID
                    + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        if (!payPerRequest && isAbsent(throughputNode)) {
            throw DynamoException.validation(INVALID
                    + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        return payPerRequest ? null : throughput(throughputNode);
    }

    static Throughput throughput(JsonNode node) {
        long read = node.get("ReadCapacityUnits").asLong();
        long write = node.get("WriteCapacityUnits").asLong();
        if (read > 1_000_000_000_000L) {
            throw DynamoException.validation("Given value " + read + " for ReadCapacityUnits is out of bounds");
        }
        if (write > 1_000_000_000_000L) {
            throw DynamoException.validation("Given value " + write + " for WriteCapacityUnits is out of bounds");
        }
        return Throughput.of(read, write);
    }

    private static Map<String, AttributeValue.Type> attributeDefinitions(JsonNode list) {
        Map<String, AttributeValue.Type> definitions = new LinkedHashMap<>();
        for (JsonNode definition : list) {
            String name = definition.get("AttributeName").textValue();
            if (definitions.put(name, AttributeValue.Type.valueOf(definition.get("AttributeType").textValue())) != null) {
                throw DynamoException.validation("Attribute Name is duplicated: " + name);
            }
        }
        return definitions;
    }

    /** Checks a key schema (the table's or an index's) against the definitions: steps 3a to 3e of the service. */
    static KeySchema keySchema(JsonNode elements, Map<String, AttributeValue.Type> definitions) {
        if (elements.size() > definitions.size()) {
            throw DynamoException.validation("Invalid KeySchema: Some index key attribute have no definition");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode element : elements) names.add(element.get("AttributeName").textValue());
        List<String> undefined = names.stream().filter(n -> !definitions.containsKey(n)).toList();
        if (!undefined.isEmpty()) {
            throw DynamoException.validation(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: "
                    + names + ", AttributeDefinitions: " + new ArrayList<>(definitions.keySet()));
        }
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw DynamoException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!"HASH".equals(elements.get(0).get("KeyType").textValue())) {
            throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (elements.size() > 1 && !"RANGE".equals(elements.get(1).get("KeyType").textValue())) {
            throw DynamoException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        String hash = names.get(0);
        String range = names.size() > 1 ? names.get(1) : null;
        return new KeySchema(hash, definitions.get(hash), range, range == null ? null : definitions.get(range));
    }

    private static IndexDefinition localIndex(JsonNode lsi, KeySchema table, Map<String, AttributeValue.Type> definitions) {
        String name = lsi.get("IndexName").textValue();
        KeySchema key = keySchema(lsi.get("KeySchema"), definitions);
        if (!key.hasSort()) {
            throw DynamoException.validation(INVALID + "Index KeySchema does not have a range key for index: " + name);
        }
        if (!key.partitionName().equals(table.partitionName())) {
            throw DynamoException.validation(INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                    + name + ". index hash key: " + key.partitionName() + ", table hash key: " + table.partitionName());
        }
        return new IndexDefinition(name, false, key, projection(lsi.get("Projection")), null, Table.ACTIVE, false);
    }

    private static IndexDefinition globalIndex(JsonNode gsi, Map<String, AttributeValue.Type> definitions, boolean payPerRequest) {
        String name = gsi.get("IndexName").textValue();
        KeySchema key = keySchema(gsi.get("KeySchema"), definitions);
        JsonNode throughputNode = gsi.get("ProvisionedThroughput");
        if (payPerRequest && !isAbsent(throughputNode)) {
            throw DynamoException.validation(INVALID + "ProvisionedThroughput should not be specified for index: " + name
                    + " when BillingMode is PAY_PER_REQUEST");
        }
        if (!payPerRequest && isAbsent(throughputNode)) {
            throw DynamoException.validation(INVALID + "ProvisionedThroughput is not specified for index: " + name);
        }
        Throughput throughput = payPerRequest ? null : throughput(throughputNode);
        return new IndexDefinition(name, true, key, projection(gsi.get("Projection")), throughput, Table.ACTIVE, false);
    }

    static Projection projection(JsonNode node) {
        String type = text(node, "ProjectionType");
        JsonNode nonKey = node.get("NonKeyAttributes");
        if (type == null) throw DynamoException.validation(INVALID + "Unknown ProjectionType: null");
        if (!Projection.INCLUDE.equals(type) && !isAbsent(nonKey)) {
            throw DynamoException.validation(INVALID + "ProjectionType is " + type + ", but NonKeyAttributes is specified");
        }
        if (Projection.INCLUDE.equals(type) && isAbsent(nonKey)) {
            throw DynamoException.validation(INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        }
        List<String> names = new ArrayList<>();
        if (!isAbsent(nonKey)) {
            for (JsonNode n : nonKey) {
                if (names.contains(n.textValue())) {
                    throw DynamoException.validation(INVALID + "Duplicate element in NonKeyAttributes: " + n.textValue());
                }
                names.add(n.textValue());
            }
        }
        return new Projection(type, Projection.INCLUDE.equals(type) ? names : null);
    }

    private static void checkAllDefinitionsUsed(Map<String, AttributeValue.Type> definitions, KeySchema table,
                                                List<IndexDefinition> lsis, List<IndexDefinition> gsis) {
        if (lsis.isEmpty() && gsis.isEmpty()) return;
        List<String> used = new ArrayList<>();
        addKeys(used, table);
        lsis.forEach(i -> addKeys(used, i.keySchema()));
        gsis.forEach(i -> addKeys(used, i.keySchema()));
        if (!used.containsAll(definitions.keySet())) {
            throw DynamoException.validation(INVALID + "Some AttributeDefinitions are not used. AttributeDefinitions: "
                    + new ArrayList<>(definitions.keySet()) + ", keys used: " + used);
        }
        List<String> seen = new ArrayList<>();
        for (IndexDefinition index : concat(lsis, gsis)) {
            if (seen.contains(index.name())) throw DynamoException.validation(INVALID + "Duplicate index name: " + index.name());
            seen.add(index.name());
        }
    }

    private static List<IndexDefinition> concat(List<IndexDefinition> a, List<IndexDefinition> b) {
        List<IndexDefinition> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void addKeys(List<String> used, KeySchema key) {
        if (!used.contains(key.partitionName())) used.add(key.partitionName());
        if (key.hasSort() && !used.contains(key.sortName())) used.add(key.sortName());
    }

    static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull();
    }

    static String text(JsonNode node, String member) {
        JsonNode value = node == null ? null : node.get(member);
        return value == null || value.isNull() ? null : value.textValue();
    }
}
