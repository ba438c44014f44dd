package io.dynabox.engine.operation;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.store.Keyspace;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.Projection;
import io.dynabox.engine.table.Table;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.KeyCodec;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a Query or Scan reads: a table, or one of its indexes. It knows the keyspace, the
 * key schema the read is ordered by, which attributes the entries hold, and the keys that
 * name a place in the keyspace ({@code ExclusiveStartKey}, {@code LastEvaluatedKey}: the
 * table key, plus the index key for an index).
 */
final class ReadSource {
    final Table table;
    final IndexDefinition index;

    private ReadSource(Table table, IndexDefinition index) {
        this.table = table;
        this.index = index;
    }

    /**
     * The table, or the named index of it; an index created by UpdateTable cannot be read
     * until its backfill is over.
     */
    static ReadSource of(Table table, String indexName, long nowMillis) {
        if (indexName == null) return new ReadSource(table, null);
        IndexDefinition index = table.definition().index(indexName);
        if (index == null) throw DynamoException.validation("The table does not have the specified index: " + indexName);
        IndexDefinition shown = table.shownDefinition(nowMillis).index(indexName);
        if (shown != null && shown.backfilling()) throw DynamoException.validation("Cannot read from backfilling global secondary index");
        return new ReadSource(table, index);
    }

    boolean isIndex() {
        return index != null;
    }

    boolean isGlobalIndex() {
        return index != null && index.global();
    }

    boolean isLocalIndex() {
        return index != null && !index.global();
    }

    KeySchema keySchema() {
        return index == null ? table.definition().keySchema() : index.keySchema();
    }

    Keyspace keyspace() {
        return index == null ? table.keyspace() : table.indexKeyspace(index.name());
    }

    /** The attributes of a key: the table key, then (for an index) the index key attributes. */
    Set<String> keyNames() {
        Set<String> names = new LinkedHashSet<>();
        KeySchema tableKey = table.definition().keySchema();
        names.add(tableKey.partitionName());
        if (tableKey.hasSort()) names.add(tableKey.sortName());
        if (index != null) {
            for (KeySchema.Element e : index.keySchema().elements()) names.add(e.name());
        }
        return names;
    }

    /** The type each key attribute must have. */
    AttributeValue.Type keyType(String name) {
        KeySchema tableKey = table.definition().keySchema();
        if (name.equals(tableKey.partitionName())) return tableKey.partitionType();
        if (name.equals(tableKey.sortName())) return tableKey.sortType();
        return index.keySchema().typeOf(name);
    }

    /** Whether the entries read hold this attribute (an index holds its keys, the table's keys, and its projection). */
    boolean holds(String attribute) {
        if (index == null || Projection.ALL.equals(index.projection().type())) return true;
        if (keyNames().contains(attribute)) return true;
        return index.projection().nonKeyAttributes() != null && index.projection().nonKeyAttributes().contains(attribute);
    }

    boolean projectsAll() {
        return index == null || Projection.ALL.equals(index.projection().type());
    }

    /** The stored key of an item (or of a complete start key) in this source's keyspace. */
    byte[] storedKey(Map<String, AttributeValue> item) {
        return index == null ? table.encodeKey(item) : table.encodeIndexKey(index, item);
    }

    /** The keyspace prefix of the partition a key condition reads (its partition attributes' values, in schema order). */
    byte[] partitionPrefix(KeyCondition condition) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        if (condition.morePartition().isEmpty()) KeyCodec.writePartition(out, condition.partition());
        else KeyCodec.writePartition(out, condition.partitionValues());
        return out.toByteArray();
    }

    /** The LastEvaluatedKey for an entry: its key attributes. */
    Map<String, AttributeValue> keyOf(Map<String, AttributeValue> entry) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : keyNames()) key.put(name, entry.get(name));
        return key;
    }

    String name() {
        return index == null ? table.name() : index.name();
    }
}
