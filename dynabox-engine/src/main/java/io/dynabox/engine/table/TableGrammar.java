package io.dynabox.engine.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ServiceTexts;
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
 * The grammar of a table's definition as requests carry it: attribute definitions, key
 * schemas, projections, provisioned and on-demand throughput, warm throughput, encryption and
 * tags. Each reader checks its part in the service's order and with its words; CreateTable,
 * UpdateTable, the index updates and the restores compose them.
 */
public final class TableGrammar {
    public static final String INVALID = "One or more parameter values were invalid: ";
    // the characters AWS allows in tag keys and values
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private TableGrammar() {}

    /** Read and write capacity within the service's bounds (read checked first, whatever the JSON order). */
    public static Throughput throughput(JsonNode node) {
        long read = capacityUnits(node.get("ReadCapacityUnits"), "ReadCapacityUnits");
        long write = capacityUnits(node.get("WriteCapacityUnits"), "WriteCapacityUnits");
        return Throughput.of(read, write);
    }

    /** A capacity within the service's bound, 10^12; one past a long is out of it too, in the digits sent (not wrapped round). */
    private static long capacityUnits(JsonNode value, String member) {
        if (!value.canConvertToLong() || value.longValue() > TableLimits.MAX_CAPACITY_UNITS) {
            String given = value.isIntegralNumber() ? value.bigIntegerValue().toString() : value.asText();
            throw DynamoException.validation("Given value " + given + " for " + member + " is out of bounds");
        }
        return value.longValue();
    }

    /** On-demand limits on a provisioned table; {@code forIndex} is "" or " for index: NAME". */
    public static void checkNoOnDemand(JsonNode onDemand, String forIndex) {
        if (onDemand == null) return;
        String member = onDemand.hasNonNull("MaxReadRequestUnits") || !onDemand.hasNonNull("MaxWriteRequestUnits")
                ? "MaxReadRequestUnits" : "MaxWriteRequestUnits";
        throw DynamoException.validation(INVALID + member + " for OnDemandThroughput" + forIndex
                + " cannot be specified when table BillingMode is PROVISIONED.");
    }

    /** Each on-demand limit is positive; at UpdateTable, -1 clears a limit. */
    public static void checkOnDemandRange(JsonNode onDemand, boolean minusOneClears) {
        checkOnDemandRange(onDemand, minusOneClears, "for table");
    }

    /** The same for a table or a global index ({@code subject}: "for table", "for index : NAME"). */
    static void checkOnDemandRange(JsonNode onDemand, boolean minusOneClears, String subject) {
        for (String member : List.of("MaxReadRequestUnits", "MaxWriteRequestUnits")) {
            JsonNode value = onDemand.get(member);
            if (value == null || value.isNull()) continue;
            long units = value.asLong();
            if (units < 1 && !(minusOneClears && units == -1)) {
                throw DynamoException.validation(INVALID + "Requested " + member
                        + " for OnDemandThroughput " + subject + " is outside of valid range");
            }
        }
    }

    /**
     * A global index's own OnDemandThroughput as created (CreateTable, or a Create in
     * GlobalSecondaryIndexUpdates): refused on a provisioned table, each limit positive;
     * null when none was given or it names no limit.
     */
    public static JsonNode indexOnDemand(JsonNode onDemand, String indexName, boolean payPerRequest) {
        if (onDemand == null) return null;
        if (!payPerRequest) checkNoOnDemand(onDemand, " for index: " + indexName);
        checkOnDemandRange(onDemand, false, "for index : " + indexName);
        return withoutCleared(onDemand);
    }

    /**
     * A global index's OnDemandThroughput after an Update in GlobalSecondaryIndexUpdates: the
     * limits given replace those kept, -1 clears one; null when none is left.
     */
    public static JsonNode updatedIndexOnDemand(JsonNode kept, JsonNode requested, String indexName, boolean payPerRequest) {
        if (!payPerRequest) checkNoOnDemand(requested, " for index: " + indexName);
        checkOnDemandRange(requested, true, "for index : " + indexName);
        ObjectNode merged = Json.object();
        for (String member : List.of("MaxReadRequestUnits", "MaxWriteRequestUnits")) {
            JsonNode value = present(requested, member);
            if (value == null) value = kept == null ? null : present(kept, member);
            if (value != null) merged.put(member, value.asLong());
        }
        return withoutCleared(merged);
    }

    private static JsonNode withoutCleared(JsonNode onDemand) {
        ObjectNode kept = Json.object();
        onDemand.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull() && e.getValue().asLong() != -1) kept.put(e.getKey(), e.getValue().asLong());
        });
        return kept.isEmpty() ? null : kept;
    }

    /** A global index's own WarmThroughput as created: at least its capacity or the on-demand start; null when none was asked. */
    public static TableDefinition.Warm indexWarmThroughput(JsonNode requested, String indexName, boolean payPerRequest, Throughput throughput) {
        return requested == null ? null : warmThroughput(requested, payPerRequest, throughput, "for index " + indexName);
    }

    /** A global index's WarmThroughput raised by an Update: it only grows. */
    public static TableDefinition.Warm raisedIndexWarmThroughput(TableDefinition.Warm have, JsonNode requested, String indexName) {
        String[] members = {"ReadUnitsPerSecond", "WriteUnitsPerSecond"};
        long[] haveValues = {have.readUnitsPerSecond(), have.writeUnitsPerSecond()};
        for (int i = 0; i < 2; i++) {
            JsonNode value = present(requested, members[i]);
            if (value != null && value.asLong() < haveValues[i]) {
                throw DynamoException.validation(INVALID + "Requested " + members[i] + " for WarmThroughput for index " + indexName
                        + " is lower than current WarmThroughput, decreasing WarmThroughput is not supported");
            }
        }
        return have.atLeast(requested.path("ReadUnitsPerSecond").asLong(0), requested.path("WriteUnitsPerSecond").asLong(0));
    }

    /** The warm throughput a global index has: its own, or the default from its capacity or the on-demand start. */
    public static TableDefinition.Warm indexWarmThroughput(IndexDefinition index, boolean payPerRequest) {
        if (index.warmThroughput() != null) return index.warmThroughput();
        Throughput t = index.throughput();
        return payPerRequest || t == null ? TableDefinition.Warm.ON_DEMAND_INITIAL
                : new TableDefinition.Warm(t.readCapacityUnits(), t.writeCapacityUnits());
    }

    public static Map<String, AttributeValue.Type> attributeDefinitions(JsonNode list) {
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
    public static KeySchema keySchema(JsonNode elements, Map<String, AttributeValue.Type> definitions, boolean tableKey) {
        if (tableKey && elements.size() > definitions.size()) {
            throw DynamoException.validation(ServiceTexts.KEY_SCHEMA_UNDEFINED_COUNT);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode element : elements) names.add(element.get("AttributeName").textValue());
        if (!definitions.keySet().containsAll(names)) {
            throw DynamoException.validation(String.format(ServiceTexts.KEY_SCHEMA_NOT_DEFINED, names, new ArrayList<>(definitions.keySet())));
        }
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw DynamoException.validation(ServiceTexts.KEY_SCHEMA_HASH_AND_RANGE_SAME_NAME);
        }
        if (!"HASH".equals(elements.get(0).get("KeyType").textValue())) {
            throw DynamoException.validation(ServiceTexts.KEY_SCHEMA_FIRST_NOT_HASH);
        }
        if (elements.size() > 1 && !"RANGE".equals(elements.get(1).get("KeyType").textValue())) {
            throw DynamoException.validation(ServiceTexts.KEY_SCHEMA_SECOND_NOT_RANGE);
        }
        String hash = names.get(0);
        String range = names.size() > 1 ? names.get(1) : null;
        return new KeySchema(hash, definitions.get(hash), range, range == null ? null : definitions.get(range));
    }

    /**
     * A global index's key schema, which may be multi-attribute: one to four HASH elements,
     * then zero to four RANGE elements, every name distinct and defined. A one- or
     * two-element schema of the classic form gets exactly the classic checks and texts.
     */
    public static KeySchema globalIndexKeySchema(JsonNode elements, Map<String, AttributeValue.Type> definitions) {
        boolean classic = elements.size() == 1 || (elements.size() == 2 && "RANGE".equals(elements.get(1).get("KeyType").textValue()));
        if (classic) return keySchema(elements, definitions, false);
        List<String> names = new ArrayList<>();
        for (JsonNode element : elements) names.add(element.get("AttributeName").textValue());
        if (!definitions.keySet().containsAll(names)) {
            throw DynamoException.validation(String.format(ServiceTexts.KEY_SCHEMA_NOT_DEFINED, names, new ArrayList<>(definitions.keySet())));
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.indexOf(names.get(i)) != i) {
                throw DynamoException.validation(ServiceTexts.KEY_SCHEMA_SAME_NAME, "the attribute " + names.get(i) + " is named twice");
            }
        }
        if (!"HASH".equals(elements.get(0).get("KeyType").textValue())) {
            throw DynamoException.validation(ServiceTexts.KEY_SCHEMA_FIRST_NOT_HASH);
        }
        List<KeySchema.Element> partition = new ArrayList<>();
        List<KeySchema.Element> sort = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            KeySchema.Element element = new KeySchema.Element(names.get(i), definitions.get(names.get(i)));
            if ("HASH".equals(elements.get(i).get("KeyType").textValue())) {
                if (!sort.isEmpty()) throw DynamoException.validation(ServiceTexts.KEY_SCHEMA_HASH_AFTER_RANGE);
                partition.add(element);
            } else {
                sort.add(element);
            }
        }
        if (partition.size() > KeySchema.MAX_ATTRIBUTES_PER_ROLE) {
            throw DynamoException.validation(String.format(ServiceTexts.KEY_SCHEMA_TOO_MANY, "HASH"), "a key has at most 4 HASH attributes; this one has " + partition.size());
        }
        if (sort.size() > KeySchema.MAX_ATTRIBUTES_PER_ROLE) {
            throw DynamoException.validation(String.format(ServiceTexts.KEY_SCHEMA_TOO_MANY, "RANGE"), "a key has at most 4 RANGE attributes; this one has " + sort.size());
        }
        return KeySchema.of(partition, sort);
    }

    public static Projection projection(JsonNode node) {
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
                // a null in the list passes the model's checks; the service names what is missing
                if (!n.isTextual()) throw DynamoException.validation("Attribute name must be specified.");
                if (names.contains(n.textValue())) {
                    throw DynamoException.validation(INVALID + "Duplicate element in NonKeyAttributes: " + n.textValue());
                }
                names.add(n.textValue());
            }
        }
        return new Projection(type, Projection.INCLUDE.equals(type) ? names : null);
    }

    /**
     * The SSEDescription for a request's SSESpecification, or null for the default
     * AWS-owned key. Request-level rules shared by CreateTable, UpdateTable and the restores.
     */
    public static JsonNode sseDescription(Namespace namespace, JsonNode sse, boolean sharedDb) {
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
        if (!sharedDb) checkKeyRegion(namespace, keyId);
        ObjectNode description = Json.object();
        description.put("KMSMasterKeyArn", kmsKeyArn(namespace, keyId));
        description.put("SSEType", "KMS");
        description.put("Status", "ENABLED");
        return description;
    }

    /** Whether a table's encryption uses a customer managed key: neither the AWS-owned key nor the AWS-managed one. */
    public static boolean customerManagedKey(Namespace namespace, JsonNode sseDescription) {
        return sseDescription != null && sseDescription.hasNonNull("KMSMasterKeyArn")
                && !sseDescription.get("KMSMasterKeyArn").asText().equals(kmsKeyArn(namespace, null));
    }

    /**
     * A key ARN of another region is one KMS does not find in this one, in the service's words
     * (observed in 2026, LAB 020/021/328; the request id is KMS's own, a new one each time).
     */
    private static void checkKeyRegion(Namespace namespace, String keyId) {
        if (keyId == null || !keyId.startsWith("arn:")) return;
        String[] parts = keyId.split(":", 6);
        if (parts.length < 6 || !parts[2].equals("kms") || parts[3].equals(namespace.region())) return;
        throw DynamoException.validation("KMS validation error: com.amazonaws.services.kms.model.NotFoundException: Invalid arn " + parts[3]
                + " (Service: AWSKMS; Status Code: 400; Error Code: NotFoundException; Request ID: " + UUID.randomUUID() + "; Proxy: null)",
                "the key's ARN names region " + parts[3] + ", and the table is in " + namespace.region());
    }

    /**
     * The ARN of a KMS key as the service reports it. Dynabox has no KMS: a key id becomes a
     * key ARN in the caller's region; an alias is resolved to a key, as the service resolves it
     * (observed in 2026), the AWS-managed key's ({@code alias/aws/dynamodb}, or none given) having
     * a fixed id per namespace and any other alias one of its own.
     */
    private static String kmsKeyArn(Namespace namespace, String keyId) {
        if (keyId != null && keyId.startsWith("arn:")) return keyId;
        String prefix = "arn:aws:kms:" + namespace.region() + ":" + Namespace.ACCOUNT_ID + ":";
        if (keyId != null && !keyId.startsWith("alias/")) return prefix + "key/" + keyId;
        String alias = keyId == null ? "alias/aws/dynamodb" : keyId;
        // the managed key's seed is the one Dynabox has always used, so that tables it described keep their key
        String seed = alias.equals("alias/aws/dynamodb") ? "aws/dynamodb " + namespace.id() : alias + " " + namespace.id();
        return prefix + "key/" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }

    /** Tags, checked whole: any bad tag rejects the request. */
    public static List<Map.Entry<String, String>> tags(JsonNode list) {
        List<Map.Entry<String, String>> tags = new ArrayList<>();
        if (list == null) return tags;
        if (list.size() > TableLimits.MAX_TAGS) {
            throw DynamoException.validation("Number of Tags exceed the current limit for the provided ResourceArn");
        }
        Set<String> keys = new HashSet<>();
        for (JsonNode tag : list) {
            String key = tag.get("Key").textValue();
            String value = tag.get("Value").textValue();
            checkTagKey(key);
            if (value.length() > TableLimits.MAX_TAG_VALUE_LENGTH || !TAG_TEXT.matcher(value).matches()) {
                throw DynamoException.validation("The Tag Value provided is invalid, Value: " + value);
            }
            if (!keys.add(key)) {
                throw DynamoException.validation("Duplicate Tag Keys provided as input: Duplicate Tag Key found " + key);
            }
            tags.add(Map.entry(key, value));
        }
        return tags;
    }

    /** A tag key: not AWS's own, 1 to 128 allowed characters. */
    public static void checkTagKey(String key) {
        // in any case (observed in 2026, LAB 105)
        if (key.regionMatches(true, 0, "aws:", 0, 4)) throw DynamoException.validation("Tag Key cannot be prefixed with aws:, Key: " + key);
        if (key.isEmpty() || key.length() > TableLimits.MAX_TAG_KEY_LENGTH || !TAG_TEXT.matcher(key).matches()) {
            throw DynamoException.validation("The Tag Key provided is invalid, Key: " + key);
        }
    }

    /** The table's starting warm throughput: at least the on-demand start or the provisioned capacity. */
    public static TableDefinition.Warm warmThroughput(JsonNode requested, boolean payPerRequest, Throughput throughput) {
        return warmThroughput(requested, payPerRequest, throughput, "for table");
    }

    private static TableDefinition.Warm warmThroughput(JsonNode requested, boolean payPerRequest, Throughput throughput, String subject) {
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
            throw DynamoException.validation(INVALID + "Requested " + members[i][0] + " for WarmThroughput " + subject + " is lower than "
                    + (payPerRequest
                    ? "initial throughput for OnDemand. See: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode.html#on-demand-capacity-mode-initial"
                    : members[i][1] + " of ProvisionedThroughput"));
        }
        return floor.atLeast(read, write);
    }

    /** A member that is present and not JSON null, or null. */
    public static JsonNode present(JsonNode node, String member) {
        JsonNode value = node == null ? null : node.get(member);
        return value == null || value.isNull() ? null : value;
    }

    public static String text(JsonNode node, String member) {
        JsonNode value = present(node, member);
        return value == null ? null : value.textValue();
    }
}
