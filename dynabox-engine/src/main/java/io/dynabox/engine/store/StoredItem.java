package io.dynabox.engine.store;

import io.dynabox.engine.value.AttributeValue;
import java.util.Map;

/**
 * An item as a store keeps it: its encoded key, its DynamoDB JSON ({@link ItemJson}) and its
 * size by DynamoDB's rules. The arrays are never changed once stored.
 */
public record StoredItem(byte[] key, byte[] json, long size) {

    /** The item's values, decoded anew on each call: callers that need them more than once keep the map. */
    public Map<String, AttributeValue> item() {
        return ItemJson.decode(json);
    }
}
