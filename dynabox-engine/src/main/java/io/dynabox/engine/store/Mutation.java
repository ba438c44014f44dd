package io.dynabox.engine.store;

import io.dynabox.engine.value.AttributeValue;
import java.util.Map;

/** Put {@code item} (of {@code size} bytes) under {@code key}, or delete the key when {@code item} is null. */
public record Mutation(Keyspace keyspace, byte[] key, Map<String, AttributeValue> item, long size) {

    public static Mutation put(Keyspace keyspace, byte[] key, Map<String, AttributeValue> item, long size) {
        return new Mutation(keyspace, key, item, size);
    }

    public static Mutation delete(Keyspace keyspace, byte[] key) {
        return new Mutation(keyspace, key, null, 0);
    }
}
