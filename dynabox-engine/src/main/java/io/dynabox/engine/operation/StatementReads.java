package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.expression.Condition;
import io.dynabox.engine.expression.DocumentPath;
import io.dynabox.engine.expression.Evaluator;
import io.dynabox.engine.expression.Operand;
import io.dynabox.engine.expression.Projector;
import io.dynabox.engine.operation.PageReader.Select;
import io.dynabox.engine.partiql.Binder;
import io.dynabox.engine.partiql.Statement;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.KeyCodec;
import io.dynabox.engine.wire.AttributeValues;
import io.dynabox.engine.wire.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A PartiQL SELECT, planned on the table's key schema and run by the Query and Scan page
 * reader: a WHERE that pins the partition key (an equality joined by AND to the rest) reads
 * that partition's range of the keyspace, narrowed by a condition on the sort key when there
 * is one, like a Query; any other SELECT reads the whole table or index like a Scan. The
 * whole WHERE is the filter either way. Pages end by Limit (items evaluated) and at 1 MB;
 * {@code NextToken} carries the last key evaluated.
 */
final class StatementReads {
    static final String NO_TABLE = "Cannot do operations on a non-existent table";
    private static final String GSI_CONSISTENT = "Consistent read cannot be true when scanning a GSI";

    private StatementReads() {}

    /** The table a statement names; a missing one answers in the words PartiQL uses. */
    static Table table(RequestContext context, String name) {
        try {
            return context.usableTable(name);
        } catch (DynamoException e) {
            throw DynamoException.resourceNotFound(NO_TABLE);
        }
    }

    static ObjectNode select(RequestContext context, Statement.Select select, Binder binder, boolean consistent, Integer limit,
                             String nextToken, ConsumedCapacity.Detail detail) {
        Condition where = select.where() == null ? null : binder.condition(select.where());
        List<DocumentPath> paths = projection(select.projection());
        Table table = table(context, select.table());
        ReadSource source = ReadSource.of(table, select.index(), context.nowMillis());
        KeySchema schema = source.keySchema();
        KeyPlan plan = where == null ? new KeyPlan(null, null) : keyPlan(where, schema);
        KeyCondition key = plan.key();
        boolean descending = order(select, where, key, schema);

        ReadShape shape = new ReadShape(plan.filter(), paths, "FilterExpression");
        Select wanted = paths != null ? Select.SPECIFIC_ATTRIBUTES : source.isIndex() ? Select.ALL_PROJECTED_ATTRIBUTES : Select.ALL_ATTRIBUTES;
        boolean fetch = ReadRequests.checkIndexRead(source, consistent, wanted, shape.projectedAttributes(), shape.filterAttributes(),
                GSI_CONSISTENT);
        byte[] start = nextToken == null ? null : startKey(source, nextToken);
        byte[] from = null;
        byte[] to = null;
        Long partition = null;
        if (key != null) {
            byte[] prefix = source.partitionPrefix(key.partition());
            KeyCondition.Bounds bounds = key.bounds(prefix);
            from = bounds.from();
            to = bounds.to();
            partition = KeyCodec.hashOf(prefix);
        }
        context.admitRead(table, source.isIndex() ? source.name() : null, partition, CapacityUnits.readUnits(0, consistent));
        ObjectNode page = PageReader.read(new PageReader.Request(source, from, to, descending, start, limit,
                shape.predicate(), projector(select.projection()), wanted, consistent, fetch, detail, context.ledger(), partition,
                context.asOf(table, consistent)));
        ObjectNode answer = Json.object();
        answer.set("Items", page.get("Items"));
        JsonNode last = page.get("LastEvaluatedKey");
        if (last != null) answer.put("NextToken", nextToken(last));
        if (page.has("ConsumedCapacity")) answer.set("ConsumedCapacity", page.get("ConsumedCapacity"));
        return answer;
    }

    /** A WHERE split into the key range it reads ({@code key}, null to scan) and what is left to filter (null when nothing). */
    record KeyPlan(KeyCondition key, Condition filter) {
    }

    /**
     * The key condition a WHERE implies on {@code schema}: an equality of the partition key with
     * a value, and, when it has one, the first condition on the sort key that narrows a range;
     * the other conditions joined by AND are the filter. No key condition when the partition
     * key is not pinned (the SELECT scans, filtered by the whole WHERE).
     */
    static KeyPlan keyPlan(Condition where, KeySchema schema) {
        List<Condition> parts = new ArrayList<>();
        conjuncts(where, parts);
        AttributeValue partition = null;
        for (Condition part : parts) {
            AttributeValue value = equality(part, schema.partitionName());
            if (value != null) {
                if (value.type() != schema.partitionType()) throw keyType(schema.partitionName());
                partition = value;
                parts.remove(part);
                break;
            }
        }
        if (partition == null) return new KeyPlan(null, where);
        KeyCondition.Sort sort = null;
        if (schema.hasSort()) {
            for (Condition part : parts) {
                sort = sortCondition(part, schema.sortName(), schema.sortType());
                if (sort != null) {
                    parts.remove(part);
                    break;
                }
            }
        }
        Condition filter = null;
        for (Condition part : parts) filter = filter == null ? part : new Condition.And(filter, part);
        return new KeyPlan(new KeyCondition(schema.partitionName(), partition, sort), filter);
    }

    static DynamoException keyType(String name) {
        return DynamoException.validation("Key attribute's data type should match its data type in table's schema: Key " + name);
    }

    /** The conditions joined by AND at the top of a WHERE. */
    static void conjuncts(Condition c, List<Condition> parts) {
        if (c instanceof Condition.And and) {
            conjuncts(and.left(), parts);
            conjuncts(and.right(), parts);
        } else {
            parts.add(c);
        }
    }

    /** The value {@code attribute = value} (either way round) gives the top-level attribute, or null. */
    static AttributeValue equality(Condition c, String attribute) {
        if (!(c instanceof Condition.Compare compare) || compare.comparator() != Condition.Comparator.EQ) return null;
        if (names(compare.left(), attribute) && compare.right() instanceof Operand.Value v) return v.value();
        if (names(compare.right(), attribute) && compare.left() instanceof Operand.Value v) return v.value();
        return null;
    }

    private static boolean names(Operand o, String attribute) {
        return o instanceof Operand.Path p && p.path().size() == 1 && p.path().get(0) instanceof DocumentPath.Name n
                && n.name().equals(attribute);
    }

    private static KeyCondition.Sort sortCondition(Condition c, String name, AttributeValue.Type type) {
        if (c instanceof Condition.Compare compare && compare.comparator() != Condition.Comparator.NE) {
            boolean keyLeft = names(compare.left(), name) && compare.right() instanceof Operand.Value;
            boolean keyRight = names(compare.right(), name) && compare.left() instanceof Operand.Value;
            if (!keyLeft && !keyRight) return null;
            AttributeValue value = ((Operand.Value) (keyLeft ? compare.right() : compare.left())).value();
            if (value.type() != type) return null;
            KeyCondition.Operator operator = switch (compare.comparator()) {
                case EQ -> KeyCondition.Operator.EQ;
                case LT -> keyLeft ? KeyCondition.Operator.LT : KeyCondition.Operator.GT;
                case LE -> keyLeft ? KeyCondition.Operator.LE : KeyCondition.Operator.GE;
                case GT -> keyLeft ? KeyCondition.Operator.GT : KeyCondition.Operator.LT;
                default -> keyLeft ? KeyCondition.Operator.GE : KeyCondition.Operator.LE;
            };
            return new KeyCondition.Sort(name, operator, List.of(value));
        }
        if (c instanceof Condition.Between between && names(between.value(), name)
                && between.low() instanceof Operand.Value low && between.high() instanceof Operand.Value high
                && low.value().type() == type && high.value().type() == type) {
            // an empty range reads nothing rather than being refused as a Query's would be
            if (java.util.Arrays.compareUnsigned(KeyCondition.sortable(low.value()), KeyCondition.sortable(high.value())) > 0) return null;
            return new KeyCondition.Sort(name, KeyCondition.Operator.BETWEEN, List.of(low.value(), high.value()));
        }
        if (c instanceof Condition.Function f && f.name().equals("begins_with") && names(f.args().get(0), name)
                && f.args().get(1) instanceof Operand.Value prefix && prefix.value().type() == type && type != AttributeValue.Type.N) {
            return new KeyCondition.Sort(name, KeyCondition.Operator.BEGINS_WITH, List.of(prefix.value()));
        }
        return null;
    }

    /** ORDER BY: only on the key of the table or index read, and only when the partition key is pinned. True when descending. */
    private static boolean order(Statement.Select select, Condition where, KeyCondition key, KeySchema schema) {
        if (select.orderBy().isEmpty()) return false;
        if (where == null) throw DynamoException.validation("Must have WHERE clause in the statement when using ORDER BY clause.");
        boolean descending = false;
        for (Statement.OrderBy order : select.orderBy()) {
            boolean partition = order.attribute().equals(schema.partitionName());
            boolean sort = order.attribute().equals(schema.sortName());
            if (!partition && !sort) {
                throw DynamoException.validation("Variable reference " + order.attribute() + " in ORDER BY clause must be part of the primary key");
            }
            if (sort) descending = order.descending();
        }
        if (key == null) {
            throw DynamoException.validation("Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.",
                    "ORDER BY reads one partition in key order; the WHERE must hold " + schema.partitionName() + " = a value");
        }
        if (!schema.hasSort() && select.orderBy().size() == 1) descending = select.orderBy().get(0).descending();
        return descending;
    }

    private static List<DocumentPath> projection(List<Statement.Projected> projected) {
        if (projected == null) return null;
        Set<String> names = new HashSet<>();
        for (Statement.Projected p : projected) {
            if (!names.add(p.name())) throw DynamoException.validation("Duplicate identifiers in select clause: " + p.name());
        }
        List<DocumentPath> paths = projected.stream().map(Statement.Projected::path).toList();
        StatementWrites.checkPaths(paths);
        return paths;
    }

    /**
     * Each projected path under the name the service gives it: the value at the path up to
     * the name's end, keeping below it only what the rest of the path names.
     */
    private static UnaryOperator<Map<String, AttributeValue>> projector(List<Statement.Projected> projected) {
        if (projected == null) return null;
        return item -> {
            Map<String, AttributeValue> row = new LinkedHashMap<>();
            for (Statement.Projected p : projected) {
                int cut = nameEnd(p.path());
                DocumentPath head = new DocumentPath(p.path().elements().subList(0, cut));
                AttributeValue value = Evaluator.resolve(head, item);
                if (value == null) continue;
                if (cut < p.path().size()) {
                    if (!(value instanceof AttributeValue.M map)) continue;
                    DocumentPath rest = new DocumentPath(p.path().elements().subList(cut, p.path().size()));
                    Map<String, AttributeValue> kept = Projector.project(map.values(), List.of(rest));
                    if (kept.isEmpty()) continue;
                    value = new AttributeValue.M(kept);
                }
                row.put(p.name(), value);
            }
            return row;
        };
    }

    /** How many elements of the path its answer name covers: all of a path without list indexes, else up to its last index. */
    private static int nameEnd(DocumentPath path) {
        int lastIndex = -1;
        for (int i = 0; i < path.size(); i++) if (path.get(i) instanceof DocumentPath.Index) lastIndex = i;
        return lastIndex < 0 ? path.size() : lastIndex + 1;
    }

    // ---- NextToken: the last key evaluated, in a versioned document

    private static String nextToken(JsonNode lastEvaluatedKey) {
        ObjectNode token = Json.object();
        token.put("version", "V1");
        token.putObject("opIndexToExclusiveNextKey").set("0", lastEvaluatedKey);
        return Base64.getEncoder().encodeToString(Json.write(token));
    }

    private static byte[] startKey(ReadSource source, String nextToken) {
        Map<String, AttributeValue> key;
        try {
            JsonNode token = Json.parse(Base64.getDecoder().decode(nextToken.getBytes(StandardCharsets.US_ASCII)));
            key = AttributeValues.readItem(token.path("opIndexToExclusiveNextKey").get("0"));
        } catch (IOException | IllegalArgumentException | NullPointerException | DynamoException e) {
            throw DynamoException.validation("Invalid NextToken", "a NextToken is used as the previous answer gave it");
        }
        if (!key.keySet().equals(source.keyNames())) throw DynamoException.validation("Invalid NextToken", "the NextToken was given for another table or index");
        return ReadRequests.scanStartKey(source, key);
    }
}
