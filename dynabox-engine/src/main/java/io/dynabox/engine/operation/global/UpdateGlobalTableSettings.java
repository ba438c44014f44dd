package io.dynabox.engine.operation.global;

import static io.dynabox.engine.table.TableGrammar.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.replication.Replicator;
import io.dynabox.engine.table.AutoScaling;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableLocks;
import io.dynabox.engine.table.Throughput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * UpdateGlobalTableSettings (version 2017.11.29): the billing mode and write capacity of every
 * replica (and of each global index), their write auto scaling, and per replica its read
 * capacity, read auto scaling and table class. Everything is checked before anything changes;
 * the changes apply at once.
 */
public final class UpdateGlobalTableSettings implements Operation {
    @Override
    public JsonNode execute(RequestContext context, JsonNode request) {
        String name = request.get("GlobalTableName").textValue();
        Replicator replicator = LegacyGlobalTables.replicator(context);
        synchronized (replicator) {
            Table any = LegacyGlobalTables.require(context, name);
            long now = context.nowMillis();
            double nowSeconds = context.nowEpochSeconds();
            TableDefinition model = any.definition();
            String billing = request.hasNonNull("GlobalTableBillingMode") ? request.get("GlobalTableBillingMode").textValue() : null;
            boolean onDemand = billing != null ? TableDefinition.PAY_PER_REQUEST.equals(billing) : model.payPerRequest();
            Long writeUnits = request.hasNonNull("GlobalTableProvisionedWriteCapacityUnits")
                    ? request.get("GlobalTableProvisionedWriteCapacityUnits").asLong() : null;
            if (onDemand && writeUnits != null) {
                throw DynamoException.validation(INVALID + "GlobalTableProvisionedWriteCapacityUnits cannot be specified when the billing mode is PAY_PER_REQUEST");
            }
            if (!onDemand && model.payPerRequest() && writeUnits == null) {
                throw DynamoException.validation(INVALID + "GlobalTableProvisionedWriteCapacityUnits must be specified when switching to PROVISIONED");
            }
            // every change, per member table, gathered first: a refused request changes nothing
            List<UnaryOperator<TableDefinition>> definitionChanges = new ArrayList<>();
            List<UnaryOperator<AutoScaling>> scalingChanges = new ArrayList<>();
            if (billing != null && onDemand != model.payPerRequest()) {
                definitionChanges.add(d -> onDemand
                        ? d.toBuilder().billingMode(TableDefinition.PAY_PER_REQUEST, nowSeconds).build()
                        : d.toBuilder().billingMode(TableDefinition.PROVISIONED, d.lastUpdateToPayPerRequestDateTime())
                                .throughput(Throughput.of(writeUnits, writeUnits)).build());
            }
            if (writeUnits != null) {
                definitionChanges.add(d -> d.toBuilder().throughput(Throughput.of(
                        d.throughput() == null ? writeUnits : d.throughput().readCapacityUnits(), writeUnits)).build());
            }
            JsonNode writeScaling = request.get("GlobalTableProvisionedWriteCapacityAutoScalingSettingsUpdate");
            if (writeScaling != null && !writeScaling.isNull()) {
                AutoScaling.Settings merged = AutoScalingDescriptions.merge(any.autoScaling().write(), writeScaling,
                        AutoScalingDescriptions.policyName(true, name, null), name);
                scalingChanges.add(s -> s.withWrite(merged));
            }
            for (JsonNode index : iterable(request.get("GlobalTableGlobalSecondaryIndexSettingsUpdate"))) {
                String indexName = index.get("IndexName").textValue();
                IndexDefinition found = model.index(indexName);
                if (found == null || !found.global()) throw indexNotFound(indexName);
                if (index.hasNonNull("ProvisionedWriteCapacityUnits")) {
                    if (onDemand) throw DynamoException.validation(INVALID + "ProvisionedWriteCapacityUnits cannot be specified for index: "
                            + indexName + " when the billing mode is PAY_PER_REQUEST");
                    long units = index.get("ProvisionedWriteCapacityUnits").asLong();
                    definitionChanges.add(d -> withIndexThroughput(d, indexName, null, units));
                }
                JsonNode scaling = index.get("ProvisionedWriteCapacityAutoScalingSettingsUpdate");
                if (scaling != null && !scaling.isNull()) {
                    AutoScaling.Settings merged = AutoScalingDescriptions.merge(any.autoScaling().indexWrite().get(indexName), scaling,
                            AutoScalingDescriptions.policyName(true, name, indexName), name);
                    scalingChanges.add(s -> s.withIndexWrite(indexName, merged));
                }
            }
            List<Table> members = LegacyGlobalTables.members(context, any);
            List<Runnable> perReplica = new ArrayList<>();
            for (JsonNode replica : iterable(request.get("ReplicaSettingsUpdate"))) {
                String region = replica.get("RegionName").textValue();
                Table member = members.stream().filter(t -> LegacyGlobalTables.regionOf(t.definition().arn()).equals(region)).findFirst().orElse(null);
                if (member == null || any.replicas().replica(region, now) == null) {
                    throw new DynamoException(ErrorCode.REPLICA_NOT_FOUND, "Replica not found in region: " + region);
                }
                List<UnaryOperator<TableDefinition>> own = new ArrayList<>();
                List<UnaryOperator<AutoScaling>> ownScaling = new ArrayList<>();
                if (replica.hasNonNull("ReplicaProvisionedReadCapacityUnits")) {
                    if (onDemand) throw DynamoException.validation(INVALID
                            + "ReplicaProvisionedReadCapacityUnits cannot be specified when the billing mode is PAY_PER_REQUEST");
                    long units = replica.get("ReplicaProvisionedReadCapacityUnits").asLong();
                    own.add(d -> d.toBuilder().throughput(Throughput.of(units, d.throughput().writeCapacityUnits())).build());
                }
                if (replica.hasNonNull("ReplicaTableClass")) {
                    String tableClass = replica.get("ReplicaTableClass").textValue();
                    own.add(d -> d.toBuilder().tableClass(tableClass, nowSeconds).build());
                }
                JsonNode readScaling = replica.get("ReplicaProvisionedReadCapacityAutoScalingSettingsUpdate");
                if (readScaling != null && !readScaling.isNull()) {
                    AutoScaling.Settings merged = AutoScalingDescriptions.merge(any.autoScaling().replicaRead().get(region), readScaling,
                            AutoScalingDescriptions.policyName(false, name, null), name);
                    scalingChanges.add(s -> s.withReplicaRead(region, merged));
                }
                for (JsonNode index : iterable(replica.get("ReplicaGlobalSecondaryIndexSettingsUpdate"))) {
                    String indexName = index.get("IndexName").textValue();
                    IndexDefinition found = model.index(indexName);
                    if (found == null || !found.global()) throw indexNotFound(indexName);
                    if (index.hasNonNull("ProvisionedReadCapacityUnits")) {
                        long units = index.get("ProvisionedReadCapacityUnits").asLong();
                        own.add(d -> withIndexThroughput(d, indexName, units, null));
                    }
                    JsonNode scaling = index.get("ProvisionedReadCapacityAutoScalingSettingsUpdate");
                    if (scaling != null && !scaling.isNull()) {
                        AutoScaling.Settings merged = AutoScalingDescriptions.merge(
                                any.autoScaling().replicaIndexRead().getOrDefault(region, java.util.Map.of()).get(indexName), scaling,
                                AutoScalingDescriptions.policyName(false, name, indexName), name);
                        scalingChanges.add(s -> s.withReplicaIndexRead(region, indexName, merged));
                    }
                }
                perReplica.add(() -> TableLocks.write(member, () -> {
                    for (UnaryOperator<TableDefinition> change : own) member.amend(change);
                    return null;
                }));
            }
            for (Table member : members) {
                TableLocks.write(member, () -> {
                    for (UnaryOperator<TableDefinition> change : definitionChanges) member.amend(change);
                    AutoScaling scaling = member.autoScaling();
                    for (UnaryOperator<AutoScaling> change : scalingChanges) scaling = change.apply(scaling);
                    if (!scalingChanges.isEmpty()) member.updateAutoScaling(scaling);
                    return null;
                });
            }
            perReplica.forEach(Runnable::run);
            return LegacyGlobalTables.settings(context, any);
        }
    }

    private static TableDefinition withIndexThroughput(TableDefinition d, String indexName, Long read, Long write) {
        List<IndexDefinition> indexes = new ArrayList<>();
        for (IndexDefinition index : d.globalIndexes()) {
            if (index.name().equals(indexName)) {
                Throughput t = index.throughput();
                long r = read != null ? read : t == null ? write : t.readCapacityUnits();
                long w = write != null ? write : t == null ? read : t.writeCapacityUnits();
                index = index.withThroughput(Throughput.of(r, w));
            }
            indexes.add(index);
        }
        return d.toBuilder().globalIndexes(indexes).build();
    }

    private static DynamoException indexNotFound(String indexName) {
        return new DynamoException(ErrorCode.INDEX_NOT_FOUND, "Requested resource not found: Index: " + indexName + " not found");
    }

    private static Iterable<JsonNode> iterable(JsonNode list) {
        return list == null || list.isNull() ? List.of() : list;
    }
}
