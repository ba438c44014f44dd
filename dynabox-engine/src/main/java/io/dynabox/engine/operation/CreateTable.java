package io.dynabox.engine.operation;

import static io.dynabox.engine.table.TableGrammar.INVALID;
import static io.dynabox.engine.table.TableGrammar.attributeDefinitions;
import static io.dynabox.engine.table.TableGrammar.checkNoOnDemand;
import static io.dynabox.engine.table.TableGrammar.checkOnDemandRange;
import static io.dynabox.engine.table.TableGrammar.indexOnDemand;
import static io.dynabox.engine.table.TableGrammar.indexWarmThroughput;
import static io.dynabox.engine.table.TableGrammar.keySchema;
import static io.dynabox.engine.table.TableGrammar.present;
import static io.dynabox.engine.table.TableGrammar.projection;
import static io.dynabox.engine.table.TableGrammar.sseDescription;
import static io.dynabox.engine.table.TableGrammar.tags;
import static io.dynabox.engine.table.TableGrammar.text;
import static io.dynabox.engine.table.TableGrammar.throughput;
import static io.dynabox.engine.table.TableGrammar.warmThroughput;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.control.PolicyDocuments;
import io.dynabox.engine.operation.control.PutResourcePolicy;
import io.dynabox.engine.stream.Stream;
import io.dynabox.engine.table.ControlState;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Projection;
import io.dynabox.engine.table.ResourcePolicy;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableDescriptions;
import io.dynabox.engine.table.TableGrammar;
import io.dynabox.engine.table.TableIds;
import io.dynabox.engine.table.TableLimits;
import io.dynabox.engine.table.Throughput;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.Json;
import io.dynabox.engine.wire.PlainRequests;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CreateTable: validates the definition in the service's order (billing, attribute
 * definitions, key schemas, indexes, stream, encryption, tags, warm and on-demand
 * throughput), then adds the table as CREATING. Validation errors win over the name being
 * taken, as in the service.
 */
public final class CreateTable implements Operation, PlainOperation {
    private static final Set<String> BILLING_MODES = Set.of(TableDefinition.PAY_PER_REQUEST, TableDefinition.PROVISIONED);
    private static final Set<String> TABLE_CLASSES = Set.of("STANDARD", "STANDARD_INFREQUENT_ACCESS");

    /**
     * A request of the members most CreateTables have (keys, indexes, billing, a stream, the
     * table class, deletion protection), read into the same tree as the tree path's (see
     * {@link PlainTableMembers}): a test suite's early CreateTables, which run before the JIT has
     * compiled anything, skip the tree parser's and the model validator's walks.
     */
    static final class Plain implements PlainRequest {
        private final ObjectNode request = Json.object();
        private String tableName;

        @Override
        public String tableName() {
            return tableName;
        }

        @Override
        public void read(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "TableName" -> request.put(name, tableName = PlainRequests.tableName(parser));
                case "AttributeDefinitions" -> request.set(name, PlainTableMembers.attributeDefinitions(parser));
                case "KeySchema" -> request.set(name, PlainTableMembers.tableKeySchema(parser));
                case "BillingMode" -> request.put(name, PlainRequests.oneOf(parser, BILLING_MODES));
                case "ProvisionedThroughput" -> request.set(name, PlainTableMembers.throughput(parser));
                case "GlobalSecondaryIndexes" -> request.set(name, PlainTableMembers.indexes(parser, true));
                case "LocalSecondaryIndexes" -> request.set(name, PlainTableMembers.indexes(parser, false));
                case "StreamSpecification" -> request.set(name, PlainTableMembers.stream(parser));
                case "TableClass" -> request.put(name, PlainRequests.oneOf(parser, TABLE_CLASSES));
                case "DeletionProtectionEnabled" -> request.put(name, PlainRequests.bool(parser));
                default -> throw PlainRequests.NOT_PLAIN;
            }
        }

        @Override
        public boolean complete() {
            return tableName != null && request.has("AttributeDefinitions") && request.has("KeySchema");
        }

        @Override
        public JsonNode execute(RequestContext context) {
            return create(context, request);
        }
    }

    @Override
    public PlainRequest newPlainRequest() {
        return new Plain();
    }

    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        return create(context, request);
    }

    private static JsonNode create(RequestContext context, JsonNode request) {
        TableDefinition definition = definition(context, request);
        String name = definition.name();
        boolean streamEnabled = definition.streamEnabled();
        long settleAt = context.settlesAt(context.nowMillis());
        Table table = new Table(definition, context.store(), context.namespace().id(), Table.CREATING, settleAt);
        String policy = text(request, "ResourcePolicy");
        if (policy != null) {
            PutResourcePolicy.checkDocument(policy, false);
            // the policy is the table's from its creation, its revision the creation's millisecond (observed on the service in 2026)
            table.startWithControl(ControlState.NONE.withResourcePolicy("",
                    new ResourcePolicy(PolicyDocuments.canonical(policy), Long.toString(context.nowMillis()))));
        }
        Stream newStream;
        Table existing;
        // the account's quotas are checked and the table added under one lock, so two creations cannot both pass
        synchronized (context.namespace()) {
            if (context.namespace().table(name, context.nowMillis()) == null) {
                context.options().accountQuotas().checkNewTable(context.namespace(), context.nowMillis(), definition.hasIndexes());
                checkCapacityQuotas(definition, context.namespace().region());
            }
            // the stream takes the table's changes before anyone can write to it
            newStream = streamEnabled ? context.namespace().streams().enable(table, context.nowMillis()) : null;
            existing = context.namespace().addIfAbsent(table);
        }
        if (existing != null) {
            if (newStream != null) context.namespace().streams().forget(newStream);
            // a table being restored is 'used' in the service's words (observed in 2026, LAB 219)
            if (existing.restoreUnderWay(context.nowMillis()) != null) {
                throw DynamoException.resourceInUse("Table is being used: " + name);
            }
            if (Table.CREATING.equals(existing.status(context.nowMillis()))) {
                throw DynamoException.resourceInUse(
                        "Attempt to change a resource which is still in use: Table is being created: " + name);
            }
            throw DynamoException.resourceInUse("Table already exists: " + name);
        }
        return Json.object().set("TableDescription",
                TableDescriptions.asCreated(table, context.nowMillis(), present(request, "WarmThroughput") != null));
    }

    /** The account's quota on each provisioned capacity, the table's and then its global indexes'. */
    private static void checkCapacityQuotas(TableDefinition definition, String region) {
        TableLimits.checkCapacityQuota(definition.throughput(), null, region);
        for (IndexDefinition index : definition.globalIndexes()) TableLimits.checkCapacityQuota(index.throughput(), index.name(), region);
    }

    /**
     * The table a CreateTable request (or an ImportTable's TableCreationParameters, which have
     * the same members) defines, checked in the service's order; the name is not looked up.
     */
    public static TableDefinition definition(RequestContext context, JsonNode request) {
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
            for (JsonNode gsi : gsis) globalKeys.add(TableGrammar.globalIndexKeySchema(gsi.get("KeySchema"), definitions));
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
            localIndexes.add(new IndexDefinition(indexName, false, localKeys.get(i), projection, null, Table.ACTIVE, false, null, null));
        }
        for (int i = 0; i < globalKeys.size(); i++) {
            JsonNode gsi = gsis.get(i);
            String indexName = gsi.get("IndexName").textValue();
            Projection projection = projection(gsi.get("Projection"));
            Throughput indexThroughput = indexThroughput(gsi, indexName, payPerRequest);
            checkUniqueIndexName(indexNames, indexName);
            globalIndexes.add(new IndexDefinition(indexName, true, globalKeys.get(i), projection, indexThroughput, Table.ACTIVE, false,
                    indexOnDemand(present(gsi, "OnDemandThroughput"), indexName, payPerRequest),
                    indexWarmThroughput(present(gsi, "WarmThroughput"), indexName, payPerRequest, indexThroughput)));
        }
        checkProjectedAttributeCount(localIndexes, globalIndexes);
        if (localIndexes.size() > TableLimits.MAX_LOCAL_INDEXES) {
            throw DynamoException.validation(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of " + TableLimits.MAX_LOCAL_INDEXES);
        }
        if (globalIndexes.size() > TableLimits.MAX_GLOBAL_INDEXES) {
            throw DynamoException.validation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of " + TableLimits.MAX_GLOBAL_INDEXES);
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
        JsonNode sseDescription = sseDescription(context.namespace(), present(request, "SSESpecification"), context.options().sharedDb());
        List<Map.Entry<String, String>> tags = tags(present(request, "Tags"));
        TableDefinition.Warm warm = warmThroughput(present(request, "WarmThroughput"), payPerRequest, throughput);
        if (payPerRequest && onDemand != null) {
            checkOnDemandRange(onDemand, false);
            TableLimits.checkOnDemandQuota(onDemand, null, context.namespace().region());
        }

        double now = context.nowEpochSeconds();
        return new TableDefinition(name, TableIds.next(),
                context.namespace().arn(name), now, keySchema, definitions,
                payPerRequest ? TableDefinition.PAY_PER_REQUEST : TableDefinition.PROVISIONED,
                payPerRequest ? now : null, throughput, localIndexes, globalIndexes, streamEnabled,
                streamEnabled ? streamViewType : null,
                streamEnabled ? StreamLabels.label(context.nowMillis()) : null,
                sseDescription, tags, text(request, "TableClass"),
                request.path("DeletionProtectionEnabled").asBoolean(false),
                payPerRequest && onDemand != null && !onDemand.isEmpty() ? onDemand.deepCopy() : null, null, warm);
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
        for (KeySchema.Element element : key.elements()) {
            if (!used.contains(element.name())) used.add(element.name());
        }
    }

    /** At most 100 NonKeyAttributes summed over all indexes; a name projected twice counts twice. */
    private static void checkProjectedAttributeCount(List<IndexDefinition> lsis, List<IndexDefinition> gsis) {
        int total = 0;
        for (List<IndexDefinition> indexes : List.of(lsis, gsis)) {
            for (IndexDefinition index : indexes) {
                if (index.projection().nonKeyAttributes() != null) total += index.projection().nonKeyAttributes().size();
            }
        }
        if (total > TableLimits.MAX_PROJECTED_ATTRIBUTES) {
            throw new DynamoException(ErrorCode.VALIDATION,
                    INVALID + "Number of projected attributes in all indexes exceeds limit of " + TableLimits.MAX_PROJECTED_ATTRIBUTES,
                    "the service's exact wording for this limit is not recorded; " + total
                            + " NonKeyAttributes are projected in total, counting each index separately");
        }
    }
}
