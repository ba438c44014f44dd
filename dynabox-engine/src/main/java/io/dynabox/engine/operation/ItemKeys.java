package io.dynabox.engine.operation;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ServiceTexts;
import io.dynabox.engine.table.IndexDefinition;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.table.TableDefinition;
import io.dynabox.engine.table.TableLimits;
import io.dynabox.engine.value.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checks of keys and items against a table's key schema, in the service's order and words. */
public final class ItemKeys {

    private ItemKeys() {}

    /** A {@code Key} member (GetItem, DeleteItem, UpdateItem): exactly the key attributes, of the declared types. */
    public static void checkKey(TableDefinition table, Map<String, AttributeValue> key) {
        KeySchema schema = table.keySchema();
        int expected = schema.hasSort() ? 2 : 1;
        if (key.size() != expected) throw mismatch(schema, key);
        checkKeyElement(schema, key, schema.partitionName(), schema.partitionType(), true);
        if (schema.hasSort()) checkKeyElement(schema, key, schema.sortName(), schema.sortType(), false);
    }

    /** True when {@code key} holds exactly the table's key attributes, with their declared types. */
    public static boolean matchesSchema(KeySchema schema, Map<String, AttributeValue> key) {
        if (key.size() != (schema.hasSort() ? 2 : 1)) return false;
        AttributeValue partition = key.get(schema.partitionName());
        if (partition == null || partition.type() != schema.partitionType()) return false;
        if (!schema.hasSort()) return true;
        AttributeValue sort = key.get(schema.sortName());
        return sort != null && sort.type() == schema.sortType();
    }

    /** The table key attributes an item carries, as a key map. */
    public static Map<String, AttributeValue> keyOf(KeySchema schema, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        AttributeValue partition = item.get(schema.partitionName());
        if (partition != null) key.put(schema.partitionName(), partition);
        if (schema.hasSort()) {
            AttributeValue sort = item.get(schema.sortName());
            if (sort != null) key.put(schema.sortName(), sort);
        }
        return key;
    }

    /**
     * The values of the key attributes present with their declared types: not empty, not too
     * long. Transactions check these for the whole request before any action runs, while a
     * key that does not match the schema cancels only its own action.
     */
    public static void checkKeyValues(KeySchema schema, Map<String, AttributeValue> keyOrItem) {
        AttributeValue partition = keyOrItem.get(schema.partitionName());
        if (partition != null && partition.type() == schema.partitionType()) checkKeyValue(schema.partitionName(), partition, true);
        if (!schema.hasSort()) return;
        AttributeValue sort = keyOrItem.get(schema.sortName());
        if (sort != null && sort.type() == schema.sortType()) checkKeyValue(schema.sortName(), sort, false);
    }

    private static void checkKeyElement(KeySchema schema, Map<String, AttributeValue> key, String name,
                                        AttributeValue.Type type, boolean partition) {
        AttributeValue value = key.get(name);
        if (value == null || value.type() != type) throw mismatch(schema, key);
        checkKeyValue(name, value, partition);
    }

    private static DynamoException mismatch(KeySchema schema, Map<String, AttributeValue> key) {
        StringBuilder given = new StringBuilder();
        key.forEach((name, value) -> given.append(given.length() == 0 ? "" : ", ").append(name).append(" (").append(value.type()).append(')'));
        return DynamoException.validation(ServiceTexts.KEY_NOT_SCHEMA,
                "the table's key is " + schema.describe() + "; the request gave " + (key.isEmpty() ? "no attributes" : given));
    }

    /** An item to put: its key attributes present with the declared types, and index keys of the right types. */
    public static void checkItem(TableDefinition table, Map<String, AttributeValue> item) {
        KeySchema schema = table.keySchema();
        checkItemKey(schema, item, schema.partitionName(), schema.partitionType(), true);
        if (schema.hasSort()) checkItemKey(schema, item, schema.sortName(), schema.sortType(), false);
        checkIndexKeys(table, item);
    }

    private static void checkItemKey(KeySchema schema, Map<String, AttributeValue> item, String name,
                                     AttributeValue.Type type, boolean partition) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw DynamoException.validation(String.format(ServiceTexts.ITEM_KEY_MISSING, name),
                    "the table's key is " + schema.describe());
        }
        if (value.type() != type) {
            throw DynamoException.validation(String.format(ServiceTexts.ITEM_KEY_TYPE_MISMATCH, name, type, value.type()));
        }
        checkKeyValue(name, value, partition);
    }

    /** Index key attributes present in an item must have the index's types and must not be empty. */
    public static void checkIndexKeys(TableDefinition table, Map<String, AttributeValue> item) {
        List<IndexDefinition> globals = table.globalIndexes();
        for (int i = globals.size() - 1; i >= 0; i--) {
            IndexDefinition index = globals.get(i);
            KeySchema key = index.keySchema();
            if (key.multiAttribute()) {
                // each attribute of a multi-attribute key is checked as a key attribute of its role
                for (KeySchema.Element e : key.partitionElements()) checkIndexKey(index, item, e.name(), e.type(), true);
                for (KeySchema.Element e : key.sortElements()) checkIndexKey(index, item, e.name(), e.type(), false);
                continue;
            }
            checkIndexKey(index, item, key.partitionName(), key.partitionType(), true);
            if (key.hasSort()) checkIndexKey(index, item, key.sortName(), key.sortType(), false);
        }
        List<IndexDefinition> locals = table.localIndexes();
        for (int i = locals.size() - 1; i >= 0; i--) {
            IndexDefinition index = locals.get(i);
            checkIndexKey(index, item, index.keySchema().sortName(), index.keySchema().sortType(), false);
        }
    }

    /**
     * No index key attribute of an item is an empty string or binary (of the index's type; another type is
     * {@link #checkIndexKeys}' to refuse): the service checks this before anything else of a transaction's
     * Put, and refuses the whole request, and an update that empties one in its own words.
     */
    public static void checkIndexKeysNotEmpty(TableDefinition table, Map<String, AttributeValue> item, boolean byUpdate) {
        for (IndexDefinition index : table.globalIndexes()) {
            for (KeySchema.Element e : index.keySchema().elements()) checkIndexKeyNotEmpty(index, item, e, byUpdate);
        }
        for (IndexDefinition index : table.localIndexes()) checkIndexKeyNotEmpty(index, item, index.keySchema().sortElements().get(0), byUpdate);
    }

    private static void checkIndexKeyNotEmpty(IndexDefinition index, Map<String, AttributeValue> item, KeySchema.Element key, boolean byUpdate) {
        AttributeValue value = item.get(key.name());
        if (value == null || value.type() != key.type() || !isEmpty(value)) return;
        throw DynamoException.validation(byUpdate ? String.format(ServiceTexts.UPDATE_INDEX_KEY_EMPTY, emptyKind(value))
                : String.format(ServiceTexts.INDEX_KEY_EMPTY, emptyKind(value), index.name(), key.name()));
    }

    private static void checkIndexKey(IndexDefinition index, Map<String, AttributeValue> item, String name, AttributeValue.Type type,
                                      boolean partition) {
        AttributeValue value = item.get(name);
        if (value == null) return; // sparse: the item is simply not in this index
        if (value.type() != type) {
            throw DynamoException.validation(String.format(ServiceTexts.INDEX_KEY_TYPE_MISMATCH, name, type, value.type(), index.name()));
        }
        if (isEmpty(value)) {
            throw DynamoException.validation(String.format(ServiceTexts.INDEX_KEY_EMPTY, emptyKind(value), index.name(), name));
        }
        long size = TableLimits.keyBytes(value);
        int max = partition ? TableLimits.MAX_PARTITION_KEY_BYTES : TableLimits.MAX_SORT_KEY_BYTES;
        if (size > max) {
            throw DynamoException.validation(String.format(ServiceTexts.INDEX_KEY_TOO_LARGE, name, size, max, index.name()));
        }
    }

    private static void checkKeyValue(String name, AttributeValue value, boolean partition) {
        checkNotEmpty(name, value);
        checkKeySize(name, value, partition);
    }

    /** A key attribute's value is never an empty string or binary, in a write or in the key a read names. */
    static void checkNotEmpty(String name, AttributeValue value) {
        if (isEmpty(value)) {
            throw DynamoException.validation(String.format(ServiceTexts.KEY_EMPTY, emptyKind(value), name));
        }
    }

    /** A value a Query names for a key attribute is never empty either: of the table's key, or (index not null) of that index's. */
    static void checkNotEmpty(String index, String name, AttributeValue value) {
        if (index == null) {
            checkNotEmpty(name, value);
        } else if (isEmpty(value)) {
            throw DynamoException.validation(String.format(ServiceTexts.INDEX_KEY_EMPTY, emptyKind(value), index, name));
        }
    }

    private static void checkKeySize(String name, AttributeValue value, boolean partition) {
        long size = TableLimits.keyBytes(value);
        if (partition && size > TableLimits.MAX_PARTITION_KEY_BYTES) {
            throw DynamoException.validation(ServiceTexts.PARTITION_KEY_TOO_LARGE,
                    "partition key " + name + " is " + size + " bytes");
        }
        if (!partition && size > TableLimits.MAX_SORT_KEY_BYTES) {
            throw DynamoException.validation(ServiceTexts.SORT_KEY_TOO_LARGE,
                    "sort key " + name + " is " + size + " bytes");
        }
    }

    private static String emptyKind(AttributeValue value) {
        return value.type() == AttributeValue.Type.S ? "string" : "binary";
    }

    private static boolean isEmpty(AttributeValue value) {
        return (value instanceof AttributeValue.S s && s.value().isEmpty())
                || (value instanceof AttributeValue.B b && b.value().length() == 0);
    }
}
