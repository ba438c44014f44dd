package io.dynabox.engine.store;

import io.dynabox.engine.value.AttributeValue;
import java.util.Map;

/** Put {@code item} (DynamoDB JSON, of {@code size} bytes by DynamoDB's rules) under {@code key}, or delete the key when {@code item} is null. */
public record Mutation(Keyspace keyspace, byte[] key, byte[] item, long size) {

    public static Mutation put(Keyspace keyspace, byte[] key, Map<String, AttributeValue> item, long size) {
        return new Mutation(keyspace, key, ItemJson.encode(item), size);
    }

    /** Puts an entry as another keyspace stores it (a snapshot, an undo). */
    public static Mutation put(Keyspace keyspace, StoredItem stored) {
        return new Mutation(keyspace, stored.key(), stored.json(), stored.size());
    }

    public static Mutation delete(Keyspace keyspace, byte[] key) {
        return new Mutation(keyspace, key, null, 0);
    }
}
