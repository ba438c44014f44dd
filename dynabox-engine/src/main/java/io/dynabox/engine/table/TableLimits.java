package io.dynabox.engine.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;

/**
 * The service's fixed limits on a table's definition, its key values and its control-plane
 * resources, in one place: the definition reader and the item checks read them, and
 * DescribeLimits reports the account ones.
 */
public final class TableLimits {
    private TableLimits() {}

    /** A partition key value (of the table or an index), in bytes; numbers are not counted. */
    public static final int MAX_PARTITION_KEY_BYTES = 2048;
    /** A sort key value (of the table or an index), in bytes; numbers are not counted. */
    public static final int MAX_SORT_KEY_BYTES = 1024;

    /** The bytes a key value counts against its limit: a number none, a string or binary its length. */
    public static long keyBytes(io.dynabox.engine.value.AttributeValue value) {
        return value.type() == io.dynabox.engine.value.AttributeValue.Type.N ? 0 : io.dynabox.engine.value.ItemSize.of(value);
    }

    /**
     * Whether a value can be a key of an index: not an empty string or binary, and within the
     * limit. An index backfilled on existing items leaves out those whose values cannot
     * (the service's index key violations: the item stays in the table, not in the index).
     */
    public static boolean fitsKey(io.dynabox.engine.value.AttributeValue value, boolean partition) {
        long bytes = keyBytes(value);
        if (value.type() != io.dynabox.engine.value.AttributeValue.Type.N && bytes == 0) return false;
        return bytes <= (partition ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES);
    }

    /** Provisioned capacity units per table or index, read or write. */
    public static final long MAX_CAPACITY_UNITS = 1_000_000_000_000L;
    public static final int MAX_LOCAL_INDEXES = 5;
    public static final int MAX_GLOBAL_INDEXES = 20;
    /** NonKeyAttributes summed over every index of a table. */
    public static final int MAX_PROJECTED_ATTRIBUTES = 100;

    /** Tags per resource, and the lengths of a key and a value. */
    public static final int MAX_TAGS = 50;
    public static final int MAX_TAG_KEY_LENGTH = 128;
    public static final int MAX_TAG_VALUE_LENGTH = 256;

    /** A resource policy document, in bytes. */
    public static final int MAX_RESOURCE_POLICY_BYTES = 20 * 1024;

    /** DescribeLimits: the default quotas of an account in a region, in capacity units. */
    public static final long ACCOUNT_MAX_READ_CAPACITY_UNITS = 80_000;
    public static final long ACCOUNT_MAX_WRITE_CAPACITY_UNITS = 80_000;
    public static final long TABLE_MAX_READ_CAPACITY_UNITS = 40_000;
    public static final long TABLE_MAX_WRITE_CAPACITY_UNITS = 40_000;

    /**
     * The account's default quota on a table's (or, {@code index} not null, a global index's)
     * provisioned capacity, which the service applies after a request's validation: read first,
     * then write. The table's text is recorded from the service (tables.md §1.4); the index's
     * begins as recorded and ends by analogy.
     */
    public static void checkCapacityQuota(Throughput throughput, String index, String region) {
        if (throughput == null) return;
        checkCapacityQuota("ReadCapacityUnits", throughput.readCapacityUnits(), TABLE_MAX_READ_CAPACITY_UNITS, index, region);
        checkCapacityQuota("WriteCapacityUnits", throughput.writeCapacityUnits(), TABLE_MAX_WRITE_CAPACITY_UNITS, index, region);
    }

    /**
     * On-demand limits of a table or a global index ({@code index} null for the table) above the
     * account's per-table maximum, in the service's words (observed in 2026).
     */
    public static void checkOnDemandQuota(JsonNode onDemand, String index, String region) {
        if (onDemand == null) return;
        checkRateQuota(onDemand, "MaxReadRequestUnits", TABLE_MAX_READ_CAPACITY_UNITS, "TableMaxReadCapacityUnits",
                "for OnDemandThroughput for " + (index == null ? "table" : "index : " + index), region);
        checkRateQuota(onDemand, "MaxWriteRequestUnits", TABLE_MAX_WRITE_CAPACITY_UNITS, "TableMaxWriteCapacityUnits",
                "for OnDemandThroughput for " + (index == null ? "table" : "index : " + index), region);
    }

    /** The same for a global index's warm throughput (the table's is checked against its own limits). */
    public static void checkIndexWarmQuota(JsonNode warm, String index, String region) {
        if (warm == null) return;
        checkRateQuota(warm, "ReadUnitsPerSecond", TABLE_MAX_READ_CAPACITY_UNITS, "TableMaxReadCapacityUnits",
                "for WarmThroughput for index " + index, region);
        checkRateQuota(warm, "WriteUnitsPerSecond", TABLE_MAX_WRITE_CAPACITY_UNITS, "TableMaxWriteCapacityUnits",
                "for WarmThroughput for index " + index, region);
    }

    private static void checkRateQuota(JsonNode node, String member, long max, String quota, String subject, String region) {
        JsonNode value = node.get(member);
        if (value == null || !value.isNumber() || value.asLong() <= max) return;
        throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "Subscriber limit exceeded: Requested " + member + " " + subject
                + " exceeds " + quota + " of the account in region " + region);
    }

    private static void checkCapacityQuota(String member, long requested, long max, String index, String region) {
        if (requested <= max) return;
        String refer = ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.";
        if (index == null) {
            throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "The requested " + member + ", " + requested
                    + ", is above the per table maximum for the account in " + region + ". Per table maximum: " + max + refer);
        }
        // the service's words, "Per table maximum" after the index's (observed in 2026, LAB 170)
        throw new DynamoException(ErrorCode.LIMIT_EXCEEDED, "The requested " + member + " for index " + index + ", " + requested
                + ", is above the per index maximum for the account in " + region + ". Per table maximum: " + max + refer);
    }
}
