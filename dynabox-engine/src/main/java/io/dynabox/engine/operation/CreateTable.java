package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Projection;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableDescriptions;
import io.dynabox.engine.table.TableIds;
import io.dynabox.engine.table.Throughput;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * CreateTable: validates the definition in the service's order (billing, attribute
 * definitions, key schemas, indexes, stream, encryption, tags, warm and on-demand
 * throughput), then adds the table as CREATING. Validation errors win over the name being
 * taken, as in the service.
 */
public final class CreateTable implements Operation {
    static final String INVALID = "One or more parameter values were invalid: ";
    private static final long MAX_CAPACITY_UNITS = 1_000_000_000_000L;
    private static final int MAX_LOCAL_INDEXES = 5;
    private static final int MAX_GLOBAL_INDEXES = 20;
    private static final int MAX_PROJECTED_ATTRIBUTES = 100;
    private static final int MAX_TAGS = 50;
    // the characters AWS allows in tag keys and values
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String name = context.tableName(request.get("TableName").textValue());
        boolean payPerRequest = TableDefinition.PAY_PER_REQUEST.equals(text(request, "BillingMode"));
        Throughput throughput = checkBillingMode(payPerRequest, present(request, "ProvisionedThroughput"));
        JsonNode onDemand = present(request, "OnDemandThroughput");
        if (!payPerRequest) checkNoOnDemand(onDemand, "");

        Map<String, AttributeValue.Type> definitions = attributeDefinitions(present(request, "AttributeDefinitions"));
        JsonNode keyElements = request.get("KeySchema");
        KeySchema keySchema = keySchema(keyElements, definitions, true);
        JsonNode lsis = present(request, "LocalSecondaryIndexes");
        JsonNode gsis = present(request, "GlobalSecondaryIndexes");
        if (lsis == null && gsis == null && keyElements.size() != definitions.size()) {
            throw DynamoException.validation(INVALID
                    + "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
        // key structure of every index first; projections, throughput and names after the unused-definitions check
        List<KeySchema> localKeys = new ArrayList<>();
        if (lsis != null) {
            if (lsis.isEmpty()) throw DynamoException.validation(INVALID + "List of LocalSecondaryIndexes is empty");
            if (!keySchema.hasSort()) {
                throw DynamoException.validation(INVALID
                        + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
            }
            for (JsonNode lsi : lsis) localKeys.add(localIndexKey(lsi, keySchema, definitions));
        }
        List<KeySchema> globalKeys = new ArrayList<>();
        if (gsis != null) {
            if (gsis.isEmpty()) throw DynamoException.validation(INVALID + "List of GlobalSecondaryIndexes is empty");
            for (JsonNode gsi : gsis) globalKeys.add(keySchema(gsi.get("KeySchema"), definitions, false));
        }
        if (lsis != null || gsis != null) checkAllDefinitionsUsed(definitions, keySchema, localKeys, globalKeys);

        List<IndexDefinition> localIndexes = new ArrayList<>();
        List<IndexDefinition> globalIndexes = new ArrayList<>();
        Set<String> indexNames = new HashSet<>();
        for (int i = 0; i < localKeys.size(); i++) {
            JsonNode lsi = lsis.get(i);
            String indexName = lsi.get("IndexName").textValue();
            Projection projection = projection(lsi.get("Projection"));
            checkUniqueIndexName(indexNames, indexName);
            localIndexes.add(new IndexDefinition(indexName, false, localKeys.get(i), projection, null, Table.ACTIVE, false));
        }
        for (int i = 0; i < globalKeys.size(); i++) {
            JsonNode gsi = gsis.get(i);
            String indexName = gsi.get("IndexName").textValue();
            Projection projection = projection(gsi.get("Projection"));
            Throughput indexThroughput = indexThroughput(gsi, indexName, payPerRequest);
            checkUniqueIndexName(indexNames, indexName);
            globalIndexes.add(new IndexDefinition(indexName, true, globalKeys.get(i), projection, indexThroughput, Table.ACTIVE, false));
        }
        checkProjectedAttributeCount(localIndexes, globalIndexes);
        if (localIndexes.size() > MAX_LOCAL_INDEXES) {
            throw DynamoException.validation(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of " + MAX_LOCAL_INDEXES);
        }
        if (globalIndexes.size() > MAX_GLOBAL_INDEXES) {
            throw DynamoException.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GLOBAL_INDEXES);
        }

        JsonNode stream = present(request, "StreamSpecification");
        boolean streamEnabled = stream != null && stream.path("StreamEnabled").asBoolean(false);
        String streamViewType = text(stream, "StreamViewType");
        if (stream != null && streamEnabled && streamViewType == null) {
            throw DynamoException.validation(INVALID + "Table is being created with a stream enabled, UpdateViewType is required");
        }
        if (stream != null && !streamEnabled && streamViewType != null) {
            throw DynamoException.validation(INVALID
                    + "Table is being created with a stream disabled, UpdateViewType should not be specified");
        }
        JsonNode sseDescription = sseDescription(context, present(request, "SSESpecification"));
        List<Map.Entry<String, String>> tags = tags(present(request, "Tags"));
        TableDefinition.Warm warm = warmThroughput(present(request, "WarmThroughput"), payPerRequest, throughput);
        if (payPerRequest && onDemand != null) checkOnDemandRange(onDemand, false);

        double now = context.nowEpochSeconds();
        TableDefinition definition = new TableDefinition(name, TableIds.next(),
                context.namespace().arn(name), now, keySchema, definitions,
                payPerRequest ? TableDefinition.PAY_PER_REQUEST : TableDefinition.PROVISIONED,
                payPerRequest ? now : null, throughput, localIndexes, globalIndexes, streamEnabled,
                streamEnabled ? streamViewType : null,
                streamEnabled ? StreamLabels.label(context.nowMillis()) : null,
                sseDescription, tags, text(request, "TableClass"),
                request.path("DeletionProtectionEnabled").asBoolean(false),
                payPerRequest && onDemand != null && !onDemand.isEmpty() ? onDemand.deepCopy() : null, null, warm);
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
        return Json.object().set("TableDescription",
                TableDescriptions.asCreated(table, context.nowMillis(), present(request, "WarmThroughput") != null));
    }

    private static Throughput checkBillingMode(boolean payPerRequest, JsonNode throughputNode) {
        if (payPerRequest && throughputNode != null) {
            throw DynamoException.validation(INVALID
                    + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        if (!payPerRequest && throughputNode == null) {
            throw DynamoException.validation(INVALID
                    + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        return payPerRequest ? null : throughput(throughputNode);
    }

    /** Read and write capacity within the service's bounds (read checked first, whatever the JSON order). */
    static Throughput throughput(JsonNode node) {
        long read = node.get("ReadCapacityUnits").asLong();
        long write = node.get("WriteCapacityUnits").asLong();
        if (read > MAX_CAPACITY_UNITS) {
            throw DynamoException.validation("Given value " + read + " for ReadCapacityUnits is out of bounds");
        }
        if (write > MAX_CAPACITY_UNITS) {
            throw DynamoException.validation("Given value " + write + " for WriteCapacityUnits is out of bounds");
        }
        return Throughput.of(read, write);
    }

    /** On-demand limits on a provisioned table; {@code forIndex} is "" or " for index: NAME". */
    private static void checkNoOnDemand(JsonNode onDemand, String forIndex) {
        if (onDemand == null) return;
        String member = onDemand.hasNonNull("MaxReadRequestUnits") || !onDemand.hasNonNull("MaxWriteRequestUnits")
                ? "MaxReadRequestUnits" : "MaxWriteRequestUnits";
        throw DynamoException.validation(INVALID + member + " for OnDemandThroughput" + forIndex
                + " cannot be specified when table BillingMode is PROVISIONED.");
    }

    /** Each on-demand limit is positive; at UpdateTable, -1 clears a limit. */
    static void checkOnDemandRange(JsonNode onDemand, boolean minusOneClears) {
        for (String member : List.of("MaxReadRequestUnits", "MaxWriteRequestUnits")) {
            JsonNode value = onDemand.get(member);
            if (value == null || value.isNull()) continue;
            long units = value.asLong();
            if (units < 1 && !(minusOneClears && units == -1)) {
                throw DynamoException.validation(INVALID + "Requested " + member
                        + " for OnDemandThroughput for table is outside of valid range");
            }
        }
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

    /**
     * Checks a one- or two-element key schema against the definitions, in the service's
     * order. Only the table's own key gets the "have no definition" count check.
     */
    static KeySchema keySchema(JsonNode elements, Map<String, AttributeValue.Type> definitions, boolean tableKey) {
        if (tableKey && elements.size() > definitions.size()) {
            throw DynamoException.validation("Invalid KeySchema: Some index key attribute have no definition");
        }
        List<String> names = keyNames(elements);
        if (!definitions.keySet().containsAll(names)) {
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

    private static List<String> keyNames(JsonNode elements) {
        List<String> names = new ArrayList<>();
        for (JsonNode element : elements) names.add(element.get("AttributeName").textValue());
        return names;
    }

    private static KeySchema localIndexKey(JsonNode lsi, KeySchema table, Map<String, AttributeValue.Type> definitions) {
        String name = lsi.get("IndexName").textValue();
        KeySchema key = keySchema(lsi.get("KeySchema"), definitions, false);
        if (!key.hasSort()) {
            throw DynamoException.validation(INVALID + "Index KeySchema does not have a range key for index: " + name);
        }
        if (!key.partitionName().equals(table.partitionName())) {
            throw DynamoException.validation(INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                    + name + ". index hash key: " + key.partitionName() + ", table hash key: " + table.partitionName());
        }
        return key;
    }

    static Projection projection(JsonNode node) {
        String type = text(node, "ProjectionType");
        JsonNode nonKey = present(node, "NonKeyAttributes");
        if (type == null) throw DynamoException.validation(INVALID + "Unknown ProjectionType: null");
        if (!Projection.INCLUDE.equals(type) && nonKey != null) {
            throw DynamoException.validation(INVALID + "ProjectionType is " + type + ", but NonKeyAttributes is specified");
        }
        if (Projection.INCLUDE.equals(type) && nonKey == null) {
            throw DynamoException.validation(INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        }
        List<String> names = new ArrayList<>();
        if (nonKey != null) {
            for (JsonNode n : nonKey) {
                if (names.contains(n.textValue())) {
                    throw DynamoException.validation(INVALID + "Duplicate element in NonKeyAttributes: " + n.textValue());
                }
                names.add(n.textValue());
            }
        }
        return new Projection(type, Projection.INCLUDE.equals(type) ? names : null);
    }

    private static Throughput indexThroughput(JsonNode gsi, String indexName, boolean payPerRequest) {
        JsonNode throughputNode = present(gsi, "ProvisionedThroughput");
        if (payPerRequest && throughputNode != null) {
            throw DynamoException.validation(INVALID + "ProvisionedThroughput should not be specified for index: " + indexName
                    + " when BillingMode is PAY_PER_REQUEST");
        }
        if (!payPerRequest && throughputNode == null) {
            throw DynamoException.validation(INVALID + "ProvisionedThroughput is not specified for index: " + indexName);
        }
        if (!payPerRequest) checkNoOnDemand(present(gsi, "OnDemandThroughput"), " for index: " + indexName);
        return payPerRequest ? null : throughput(throughputNode);
    }

    private static void checkUniqueIndexName(Set<String> seen, String indexName) {
        if (!seen.add(indexName)) throw DynamoException.validation(INVALID + "Duplicate index name: " + indexName);
    }

    /** Every definition must be used by a key; keys are listed table first, then LSIs, then GSIs. */
    private static void checkAllDefinitionsUsed(Map<String, AttributeValue.Type> definitions, KeySchema table,
                                                List<KeySchema> localKeys, List<KeySchema> globalKeys) {
        List<String> used = new ArrayList<>();
        addKeys(used, table);
        localKeys.forEach(k -> addKeys(used, k));
        globalKeys.forEach(k -> addKeys(used, k));
        if (!used.containsAll(definitions.keySet())) {
            throw DynamoException.validation(INVALID + "Some AttributeDefinitions are not used. AttributeDefinitions: "
                    + new ArrayList<>(definitions.keySet()) + ", keys used: " + used);
        }
    }

    private static void addKeys(List<String> used, KeySchema key) {
        if (!used.contains(key.partitionName())) used.add(key.partitionName());
        if (key.hasSort() && !used.contains(key.sortName())) used.add(key.sortName());
    }

    /** At most 100 NonKeyAttributes summed over all indexes; a name projected twice counts twice. */
    private static void checkProjectedAttributeCount(List<IndexDefinition> lsis, List<IndexDefinition> gsis) {
        int total = 0;
        for (List<IndexDefinition> indexes : List.of(lsis, gsis)) {
            for (IndexDefinition index : indexes) {
                if (index.projection().nonKeyAttributes() != null) total += index.projection().nonKeyAttributes().size();
            }
        }
        if (total > MAX_PROJECTED_ATTRIBUTES) {
            throw new DynamoException(ErrorCode.VALIDATION,
                    INVALID + "Number of projected attributes in all indexes exceeds limit of " + MAX_PROJECTED_ATTRIBUTES,
                    "the service's exact wording for this limit is not recorded; " + total
                            + " NonKeyAttributes are projected in total, counting each index separately");
        }
    }

    /**
     * The SSEDescription for a request's SSESpecification, or null for the default
     * AWS-owned key. Request-level rules shared with UpdateTable.
     */
    static JsonNode sseDescription(RequestContext context, JsonNode sse) {
        if (sse == null) return null;
        JsonNode enabledNode = present(sse, "Enabled");
        boolean disabled = enabledNode != null && !enabledNode.booleanValue();
        String type = text(sse, "SSEType");
        String keyId = text(sse, "KMSMasterKeyId");
        if (disabled && type != null) throw DynamoException.validation(INVALID + "SSEType can not be specified if Enabled is false");
        if (disabled && keyId != null) {
            throw DynamoException.validation(INVALID + "KMSMasterKeyId can not be specified if Enabled is false");
        }
        if ("AES256".equals(type)) throw DynamoException.validation(INVALID + "SSEType AES256 is not supported");
        if (keyId != null && !"KMS".equals(type)) {
            throw DynamoException.validation(INVALID + "SSEType KMS is required if KMSMasterKeyId is specified");
        }
        boolean kms = "KMS".equals(type) || (enabledNode != null && enabledNode.booleanValue());
        if (!kms) return null;
        ObjectNode description = Json.object();
        description.put("KMSMasterKeyArn", kmsKeyArn(context, keyId));
        description.put("SSEType", "KMS");
        description.put("Status", "ENABLED");
        return description;
    }

    /**
     * The ARN of a KMS key as the service reports it. Dynabox has no KMS: a key id becomes a
     * key ARN in the caller's region, and the AWS-managed key has a fixed id per namespace.
     */
    private static String kmsKeyArn(RequestContext context, String keyId) {
        if (keyId != null && keyId.startsWith("arn:")) return keyId;
        String prefix = "arn:aws:kms:" + context.namespace().region() + ":" + io.dynabox.engine.table.Namespace.ACCOUNT_ID + ":";
        if (keyId != null) return prefix + (keyId.startsWith("alias/") ? keyId : "key/" + keyId);
        UUID managed = UUID.nameUUIDFromBytes(("aws/dynamodb " + context.namespace().id()).getBytes(StandardCharsets.UTF_8));
        return prefix + "key/" + managed;
    }

    /** Tags, checked whole: any bad tag rejects the table. */
    private static List<Map.Entry<String, String>> tags(JsonNode list) {
        List<Map.Entry<String, String>> tags = new ArrayList<>();
        if (list == null) return tags;
        if (list.size() > MAX_TAGS) {
            throw DynamoException.validation("Number of Tags exceed the current limit for the provided ResourceArn");
        }
        Set<String> keys = new HashSet<>();
        for (JsonNode tag : list) {
            String key = tag.get("Key").textValue();
            String value = tag.get("Value").textValue();
            if (key.startsWith("aws:")) throw DynamoException.validation("Tag Key cannot be prefixed with aws:, Key: " + key);
            if (key.isEmpty() || key.length() > 128 || !TAG_TEXT.matcher(key).matches()) {
                throw DynamoException.validation("The Tag Key provided is invalid, Key: " + key);
            }
            if (value.length() > 256 || !TAG_TEXT.matcher(value).matches()) {
                throw DynamoException.validation("The Tag Value provided is invalid, Value: " + value);
            }
            if (!keys.add(key)) {
                throw DynamoException.validation("Duplicate Tag Keys provided as input: Duplicate Tag Key found " + key);
            }
            tags.add(Map.entry(key, value));
        }
        return tags;
    }

    /** The table's starting warm throughput: at least the on-demand start or the provisioned capacity. */
    private static TableDefinition.Warm warmThroughput(JsonNode requested, boolean payPerRequest, Throughput throughput) {
        TableDefinition.Warm floor = payPerRequest ? TableDefinition.Warm.ON_DEMAND_INITIAL
                : new TableDefinition.Warm(throughput.readCapacityUnits(), throughput.writeCapacityUnits());
        if (requested == null) return floor;
        long read = requested.path("ReadUnitsPerSecond").asLong(0);
        long write = requested.path("WriteUnitsPerSecond").asLong(0);
        String[][] members = {{"ReadUnitsPerSecond", "ReadCapacityUnits"}, {"WriteUnitsPerSecond", "WriteCapacityUnits"}};
        long[] values = {read, write};
        long[] floors = {floor.readUnitsPerSecond(), floor.writeUnitsPerSecond()};
        for (int i = 0; i < 2; i++) {
            if (!requested.hasNonNull(members[i][0]) || values[i] >= floors[i]) continue;
            throw DynamoException.validation(INVALID + "Requested " + members[i][0] + " for WarmThroughput for table is lower than "
                    + (payPerRequest
                    ? "initial throughput for OnDemand. See: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode.html#on-demand-capacity-mode-initial"
                    : members[i][1] + " of ProvisionedThroughput"));
        }
        return floor.atLeast(read, write);
    }

    /** A member that is present and not JSON null, or null. */
    static JsonNode present(JsonNode node, String member) {
        JsonNode value = node == null ? null : node.get(member);
        return value == null || value.isNull() ? null : value;
    }

    static String text(JsonNode node, String member) {
        JsonNode value = present(node, member);
        return value == null ? null : value.textValue();
    }
}
