package io.dynabox.bench.suite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The baseline: the same data in sorted maps, one per table, copied from a template for each test as Dynabox copies a namespace. */
final class MapDb implements SuiteDb {
    private record Key(String pk, int sk) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::pk).thenComparingInt(Key::sk);
    }

    private final Map<String, TreeMap<Key, Map<String, AttributeValue>>> tables = new HashMap<>();

    MapDb() {
        for (String table : TABLES) tables.put(table, new TreeMap<>(Key.ORDER));
    }

    /** A copy with the same items. */
    MapDb copy() {
        MapDb copy = new MapDb();
        tables.forEach((name, items) -> copy.tables.get(name).putAll(items));
        return copy;
    }

    private static Key key(Map<String, AttributeValue> item) {
        return new Key(item.get("pk").s(), Integer.parseInt(item.get("sk").n()));
    }

    @Override
    public Map<String, AttributeValue> get(String table, String pk, int sk) {
        return tables.get(table).get(new Key(pk, sk));
    }

    @Override
    public void put(String table, Map<String, AttributeValue> item) {
        tables.get(table).put(key(item), item);
    }

    @Override
    public boolean putIfAbsent(String table, Map<String, AttributeValue> item) {
        return tables.get(table).putIfAbsent(key(item), item) == null;
    }

    @Override
    public void delete(String table, String pk, int sk) {
        tables.get(table).remove(new Key(pk, sk));
    }

    @Override
    public List<Map<String, AttributeValue>> query(String table, String pk) {
        return new ArrayList<>(tables.get(table).subMap(new Key(pk, Integer.MIN_VALUE), new Key(pk, Integer.MAX_VALUE)).values());
    }

    @Override
    public long add(String table, String pk, int sk, String attribute, long delta) {
        Key key = new Key(pk, sk);
        Map<String, AttributeValue> item = new HashMap<>(tables.get(table).getOrDefault(key, Map.of("pk", AttributeValue.fromS(pk),
                "sk", AttributeValue.fromN(Integer.toString(sk)))));
        AttributeValue old = item.get(attribute);
        long value = (old == null ? 0 : Long.parseLong(old.n())) + delta;
        item.put(attribute, AttributeValue.fromN(Long.toString(value)));
        tables.get(table).put(key, item);
        return value;
    }

    @Override
    public int count(String table) {
        return tables.get(table).size();
    }
}
