package io.dynabox.engine.store;

import io.dynabox.engine.value.AttributeValue;
import java.util.Map;

/** An item with its encoded key and its size by DynamoDB's rules. */
public record StoredItem(byte[] key, Map<String, AttributeValue> item, long size) {
}
