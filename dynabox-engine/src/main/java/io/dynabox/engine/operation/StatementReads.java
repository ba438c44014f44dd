package io.dynabox.engine.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.capacity.CapacityUnits;
import io.dynabox.engine.capacity.ConsumedCapacity;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ServiceTexts;
import io.dynabox.engine.expression.Condition;
import io.dynabox.engine.expression.DocumentPath;
import io.dynabox.engine.expression.Evaluator;
import io.dynabox.engine.expression.Operand;
import io.dynabox.engine.expression.Projector;
import io.dynabox.engine.operation.PageReader.Select;
import io.dynabox.engine.partiql.Binder;
import io.dynabox.engine.partiql.Statement;
import io.dynabox.engine.store.StoredItem;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.table.TableLocks;
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
 * A PartiQL SELECT, planned on the table's key schema as the service plans it: a WHERE that
 * pins the whole primary key of the table by equalities is one item read, like GetItem; a
 * WHERE that pins the partition key (an equality joined by AND to the rest) reads that
 * partition's range of the keyspace, narrowed by a condition on the sort key when there is
 * one, like a Query; {@code pk IN [...]} (up to {@value #MAX_IN_PARTITIONS} values) reads each
 * partition named, in the list's order, like one Query each; any other SELECT reads the whole
 * table or index like a Scan. What the key reads do not decide is the filter. Pages end by
 * Limit (items evaluated) and at 1 MB; {@code NextToken} carries the read it stopped in and
 * the last key evaluated there.
 */
final class StatementReads {
    /** The service's words (DynamoDB Local says "Consistent read cannot be true when scanning a GSI"). */
    private static final String GSI_CONSISTENT = ServiceTexts.PARTIQL_GSI_CONSISTENT_READ;
    /** The service reads at most 50 partitions named by {@code IN} (docs: PartiQL operators); a longer list is filtered. */
    static final int MAX_IN_PARTITIONS = 50;

    private StatementReads() {}

    /**
     * The table a statement names; a missing one is the service's ResourceNotFoundException
     * ("Requested resource not found", as the item actions say it; DynamoDB Local says
     * "Cannot do operations on a non-existent table").
     */
    static Table table(RequestContext context, String name) {
        return context.usableTable(name);
    }

    static ObjectNode select(RequestContext context, Statement.Select select, Binder binder, boolean consistent, Integer limit,
                             String nextToken, ConsumedCapacity.Detail detail) {
        Condition where = select.where() == null ? null : binder.condition(select.where());
        List<DocumentPath> paths = projection(select.projection());
        Table table = table(context, select.table());
        // the service's words here name no index (Query's add its name)
        if (select.index() != null && table.definition().index(select.index()) == null) {
            throw DynamoException.validation(ServiceTexts.PARTIQL_NO_SUCH_INDEX);
        }
        ReadSource source = ReadSource.of(table, select.index(), context.nowMillis());
        KeySchema schema = source.keySchema();
        KeyPlan plan = where == null ? new KeyPlan(null, null) : keyPlan(where, schema);
        KeyCondition key = plan.key();
        if (key == null && where != null && select.orderBy().isEmpty()) {
            List<KeyPlan> partitions = partitionsIn(where, schema);
            if (partitions != null) return selectPartitions(context, select, paths, source, partitions, consistent, limit, nextToken, detail);
        }
        boolean descending = order(select, where, key, schema);
        if (key != null && nextToken == null && limit == null && isWholeKey(source, key)) {
            return selectItem(context, select, source.table, key, plan.filter(), consistent, detail);
        }

        ReadShape shape = new ReadShape(plan.filter(), paths, "FilterExpression");
        Select wanted = paths != null ? Select.SPECIFIC_ATTRIBUTES : source.isIndex() ? Select.ALL_PROJECTED_ATTRIBUTES : Select.ALL_ATTRIBUTES;
        boolean fetch = ReadRequests.checkIndexRead(source, consistent, wanted, shape.projectedAttributes(), shape.filterAttributes(),
                GSI_CONSISTENT);
        checkFilterProjected(source, shape);
        byte[] start = nextToken == null ? null : startKey(source, nextToken);
        byte[] from = null;
        byte[] to = null;
        Long partition = null;
        if (key != null) {
            byte[] prefix = source.partitionPrefix(key);
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

    /**
     * A SELECT that names one item of the table by its whole key, answered as GetItem answers:
     * one look-up, charged as one item read (half a unit for a miss); without Limit or NextToken
     * the page can hold nothing more, so the answer is the same as a range read's.
     */
    private static ObjectNode selectItem(RequestContext context, Statement.Select select, Table table, KeyCondition key,
                                         Condition filter, boolean consistent, ConsumedCapacity.Detail detail) {
        Map<String, AttributeValue> itemKey = new LinkedHashMap<>();
        itemKey.put(key.partitionName(), key.partition());
        if (key.sort() != null) itemKey.put(key.sort().name(), key.sort().operands().get(0));
        byte[] storedKey = table.encodeKey(itemKey);
        Long partition = KeyCodec.hashOf(storedKey);
        context.admitRead(table, null, partition, storedKey, CapacityUnits.readUnits(0, false));
        StoredItem latest = TableLocks.read(table, () -> table.keyspace().find(storedKey));
        StoredItem stored = consistent ? latest : context.eventuallyConsistent(table, storedKey, latest);

        ObjectNode answer = Json.object();
        ArrayNode items = answer.putArray("Items");
        if (stored != null && (filter == null || Evaluator.test(filter, stored.item()))) {
            UnaryOperator<Map<String, AttributeValue>> projector = projector(select.projection());
            if (projector == null) items.addRawValue(Json.raw(stored.jsonArray(), stored.jsonOffset(), stored.jsonLength()));
            else items.add(AttributeValues.writeItem(projector.apply(stored.item())));
        }
        context.ledger().readItem(table, CapacityUnits.readUnits(stored == null ? 0 : stored.size(), consistent), partition, storedKey);
        ConsumedCapacity.add(answer, detail, context.ledger(), table.name());
        return answer;
    }

    /** True when the key condition is an equality on every key attribute of the table itself (not an index). */
    private static boolean isWholeKey(ReadSource source, KeyCondition key) {
        if (source.isIndex()) return false;
        KeySchema schema = source.keySchema();
        if (!schema.hasSort()) return true;
        return key.sort() != null && key.sort().operator() == KeyCondition.Operator.EQ;
    }

    /**
     * {@code pk IN [v1, ..., vn]} joined by AND to the rest, with no equality on the partition
     * key: one key plan per value, in the list's order, each narrowed by the first sort-key
     * condition and filtered by the rest; null when the WHERE has no such IN, when a value is
     * not of the key's type, or when the list is longer than the service reads by partition.
     */
    static List<KeyPlan> partitionsIn(Condition where, KeySchema schema) {
        if (schema.multiAttribute()) return null; // read by its key plan: every partition attribute pinned, or a scan
        List<Condition> parts = new ArrayList<>();
        conjuncts(where, parts);
        for (Condition part : parts) {
            if (!(part instanceof Condition.In in) || !names(in.value(), schema.partitionName())) continue;
            if (in.candidates().size() > MAX_IN_PARTITIONS) return null;
            List<AttributeValue> values = new ArrayList<>();
            for (Operand candidate : in.candidates()) {
                if (!(candidate instanceof Operand.Value v) || v.value().type() != schema.partitionType()) return null;
                ItemKeys.checkNotEmpty(schema.partitionName(), v.value());
                if (!values.contains(v.value())) values.add(v.value());
            }
            List<Condition> rest = new ArrayList<>(parts);
            rest.remove(part);
            KeyCondition.Sort sort = null;
            if (schema.hasSort()) {
                for (Condition other : rest) {
                    sort = sortCondition(other, schema.sortName(), schema.sortType());
                    if (sort != null) {
                        rest.remove(other);
                        break;
                    }
                }
            }
            Condition filter = null;
            for (Condition other : rest) filter = filter == null ? other : new Condition.And(filter, other);
            List<KeyPlan> plans = new ArrayList<>();
            for (AttributeValue value : values) plans.add(new KeyPlan(new KeyCondition(schema.partitionName(), value, sort), filter));
            return plans;
        }
        return null;
    }

    /**
     * The partitions an IN names, read one after the other in the list's order, as one page:
     * Limit and the 1 MB page budget count across them; {@code NextToken} names the read it
     * stopped in ({@code opIndexToExclusiveNextKey}: the read's position in the list, and the
     * last key evaluated there, or no key to start that read from its beginning).
     */
    private static ObjectNode selectPartitions(RequestContext context, Statement.Select select, List<DocumentPath> paths, ReadSource source,
                                               List<KeyPlan> plans, boolean consistent, Integer limit, String nextToken,
                                               ConsumedCapacity.Detail detail) {
        Select wanted = paths != null ? Select.SPECIFIC_ATTRIBUTES : source.isIndex() ? Select.ALL_PROJECTED_ATTRIBUTES : Select.ALL_ATTRIBUTES;
        ReadShape shape = new ReadShape(plans.get(0).filter(), paths, "FilterExpression");
        boolean fetch = ReadRequests.checkIndexRead(source, consistent, wanted, shape.projectedAttributes(), shape.filterAttributes(),
                GSI_CONSISTENT);
        checkFilterProjected(source, shape);
        int first = 0;
        byte[] start = null;
        if (nextToken != null) {
            Resume resume = resume(source, nextToken, plans.size());
            first = resume.read();
            start = resume.startKey();
        }
        ObjectNode answer = Json.object();
        ArrayNode items = answer.putArray("Items");
        int evaluated = 0;
        for (int i = first; i < plans.size(); i++) {
            if (limit != null && evaluated >= limit) {
                answer.put("NextToken", nextToken(Integer.toString(i), Json.object()));
                break;
            }
            KeyCondition key = plans.get(i).key();
            byte[] prefix = source.partitionPrefix(key);
            KeyCondition.Bounds bounds = key.bounds(prefix);
            Long partition = KeyCodec.hashOf(prefix);
            context.admitRead(source.table, source.isIndex() ? source.name() : null, partition);
            ObjectNode page = PageReader.read(new PageReader.Request(source, bounds.from(), bounds.to(), false, i == first ? start : null,
                    limit == null ? null : limit - evaluated, shape.predicate(), projector(select.projection()), wanted, consistent, fetch,
                    ConsumedCapacity.Detail.NONE, context.ledger(), partition, context.asOf(source.table, consistent)));
            page.withArray("Items").forEach(items::add);
            evaluated += page.get("ScannedCount").intValue();
            JsonNode last = page.get("LastEvaluatedKey");
            if (last != null) {
                answer.put("NextToken", nextToken(Integer.toString(i), last));
                break;
            }
        }
        ConsumedCapacity.add(answer, detail, context.ledger(), source.table.name());
        return answer;
    }

    /**
     * A SELECT from an index may filter only on what the index holds (a Query on a local
     * index would fetch the rest from the table; PartiQL refuses, in these words, for either kind).
     */
    private static void checkFilterProjected(ReadSource source, ReadShape shape) {
        if (!source.isIndex()) return;
        List<String> missing = new ArrayList<>();
        for (String name : shape.filterAttributes()) if (!source.holds(name)) missing.add(name);
        if (!missing.isEmpty()) {
            throw DynamoException.validation(String.format(ServiceTexts.PARTIQL_FILTER_NOT_PROJECTED, source.name(), missing));
        }
    }

    /** Where a NextToken of an IN read resumes: the read (its position in the list) and the stored key to resume after, or null. */
    private record Resume(int read, byte[] startKey) {
    }

    private static Resume resume(ReadSource source, String nextToken, int reads) {
        JsonNode exclusive;
        try {
            exclusive = Json.parse(Base64.getDecoder().decode(nextToken.getBytes(StandardCharsets.US_ASCII))).path("opIndexToExclusiveNextKey");
        } catch (IOException | IllegalArgumentException e) {
            throw invalidNextToken("a NextToken is used as the previous answer gave it");
        }
        if (exclusive.size() != 1) throw invalidNextToken("a NextToken is used as the previous answer gave it");
        String index = exclusive.fieldNames().next();
        int read;
        try {
            read = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            throw invalidNextToken("a NextToken is used as the previous answer gave it");
        }
        if (read < 0 || read >= reads) throw invalidNextToken("the NextToken was given for another statement");
        JsonNode key = exclusive.get(index);
        if (key.isObject() && key.isEmpty()) return new Resume(read, null);
        return new Resume(read, startKeyOf(source, key));
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
        if (schema.multiAttribute()) return multiAttributeKeyPlan(where, parts, schema);
        AttributeValue partition = null;
        for (Condition part : parts) {
            AttributeValue value = equality(part, schema.partitionName());
            if (value != null) {
                if (value.type() != schema.partitionType()) throw keyType(schema.partitionName());
                ItemKeys.checkNotEmpty(schema.partitionName(), value);
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

    /**
     * On a multi-attribute index key: one partition when the WHERE pins every partition
     * attribute by equality (the rest filters it), else a scan filtered by the whole WHERE.
     */
    private static KeyPlan multiAttributeKeyPlan(Condition where, List<Condition> parts, KeySchema schema) {
        List<AttributeValue> values = new ArrayList<>();
        for (KeySchema.Element e : schema.partitionElements()) {
            Condition pinned = null;
            for (Condition part : parts) {
                AttributeValue value = equality(part, e.name());
                if (value == null) continue;
                if (value.type() != e.type()) throw keyType(e.name());
                ItemKeys.checkNotEmpty(e.name(), value);
                values.add(value);
                pinned = part;
                break;
            }
            if (pinned == null) return new KeyPlan(null, where);
            parts.remove(pinned);
        }
        List<KeySchema.Element> elements = schema.partitionElements();
        List<KeyCondition.Equality> more = new ArrayList<>();
        for (int i = 1; i < elements.size(); i++) more.add(new KeyCondition.Equality(elements.get(i).name(), values.get(i)));
        Condition filter = null;
        for (Condition part : parts) filter = filter == null ? part : new Condition.And(filter, part);
        return new KeyPlan(new KeyCondition(elements.get(0).name(), values.get(0), null, more, List.of()), filter);
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
            // a value of another type than the key's is refused, as the service refuses it, not read as matching nothing
            if (value.type() != type) throw keyType(name);
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
                && between.low() instanceof Operand.Value low && between.high() instanceof Operand.Value high) {
            if (low.value().type() != type || high.value().type() != type) throw keyType(name);
            // an empty range reads nothing rather than being refused as a Query's would be
            if (java.util.Arrays.compareUnsigned(KeyCondition.sortable(low.value()), KeyCondition.sortable(high.value())) > 0) return null;
            return new KeyCondition.Sort(name, KeyCondition.Operator.BETWEEN, List.of(low.value(), high.value()));
        }
        if (c instanceof Condition.Function f && f.name().equals("begins_with") && names(f.args().get(0), name)
                && f.args().get(1) instanceof Operand.Value prefix) {
            if (prefix.value().type() != type) throw keyType(name);
            if (type != AttributeValue.Type.N) return new KeyCondition.Sort(name, KeyCondition.Operator.BEGINS_WITH, List.of(prefix.value()));
        }
        return null;
    }

    /** ORDER BY: only on the key of the table or index read, and only when the partition key is pinned. True when descending. */
    private static boolean order(Statement.Select select, Condition where, KeyCondition key, KeySchema schema) {
        if (select.orderBy().isEmpty()) return false;
        if (where == null) throw DynamoException.validation("Must have WHERE clause in the statement when using ORDER BY clause.");
        boolean descending = false;
        for (Statement.OrderBy order : select.orderBy()) {
            boolean sort = schema.sortElements().stream().anyMatch(e -> e.name().equals(order.attribute()));
            boolean partition = !sort && schema.isKeyAttribute(order.attribute());
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
        return nextToken("0", lastEvaluatedKey);
    }

    /** The token of a read that stopped in its read {@code read} after {@code exclusiveKey} (empty: before that read). */
    private static String nextToken(String read, JsonNode exclusiveKey) {
        ObjectNode token = Json.object();
        token.put("version", "V1");
        token.putObject("opIndexToExclusiveNextKey").set(read, exclusiveKey);
        return Base64.getEncoder().encodeToString(Json.write(token));
    }

    private static DynamoException invalidNextToken(String why) {
        return DynamoException.validation("Invalid NextToken", why);
    }

    private static byte[] startKey(ReadSource source, String nextToken) {
        JsonNode key;
        try {
            JsonNode token = Json.parse(Base64.getDecoder().decode(nextToken.getBytes(StandardCharsets.US_ASCII)));
            key = token.path("opIndexToExclusiveNextKey").get("0");
        } catch (IOException | IllegalArgumentException e) {
            throw invalidNextToken("a NextToken is used as the previous answer gave it");
        }
        return startKeyOf(source, key);
    }

    private static byte[] startKeyOf(ReadSource source, JsonNode exclusiveKey) {
        Map<String, AttributeValue> key;
        try {
            key = AttributeValues.readItem(exclusiveKey);
        } catch (IllegalArgumentException | NullPointerException | DynamoException e) {
            throw invalidNextToken("a NextToken is used as the previous answer gave it");
        }
        if (!key.keySet().equals(source.keyNames())) throw invalidNextToken("the NextToken was given for another table or index");
        return ReadRequests.scanStartKey(source, key);
    }
}
