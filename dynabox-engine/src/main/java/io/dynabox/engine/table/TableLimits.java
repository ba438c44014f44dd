package io.dynabox.engine.table;

/**
 * The service's fixed limits on a table's definition and its control-plane resources, in
 * one place: the definition reader checks them, and DescribeLimits reports the account ones.
 */
public final class TableLimits {
    private TableLimits() {}

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
}
