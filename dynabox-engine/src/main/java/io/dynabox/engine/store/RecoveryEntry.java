package io.dynabox.engine.store;

/**
 * One change of a table with point-in-time recovery on, as its recovery log keeps it: when
 * it was committed (engine time), the item's key, and the item as it was before (its DynamoDB
 * JSON, null when it did not exist), which is what undoing the change puts back.
 */
public record RecoveryEntry(long timeMillis, byte[] key, byte[] oldImage, long oldSize) {
}
