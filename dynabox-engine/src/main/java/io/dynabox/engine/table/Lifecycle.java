package io.dynabox.engine.table;

/**
 * Where a table is in its life, as one immutable value: CREATING (made, or being restored)
 * and UPDATING (a change in flight) until a moment of the engine's clock, ACTIVE after it,
 * DELETING from DeleteTable on until the table vanishes. Statuses follow from timestamps, so
 * no background thread moves a table on; a {@link Table} swaps its lifecycle whole, so a
 * reader never sees the status of one state with the shown values of another.
 *
 * <pre>
 *   created / restored ──▶ CREATING ──(settles)──▶ ACTIVE ◀──(settles)── UPDATING ◀── UpdateTable
 *                                                    │
 *                                   DeleteTable ──▶ DELETING ──(time passes)──▶ gone
 * </pre>
 *
 * @param status           the status until {@code settledAtMillis} (ACTIVE while only an index changes)
 * @param settledAtMillis  when the table becomes ACTIVE
 * @param shown            what descriptions show until then instead of the definition (old throughput, old class), or null
 * @param change           which change is in flight (one of the {@code CHANGING_} names), or null
 * @param deletingUntil    from DeleteTable on, when the table vanishes; -1 while it lives
 */
public record Lifecycle(String status, long settledAtMillis, TableDefinition shown, String change, long deletingUntil) {
    public static final String CREATING = "CREATING";
    public static final String UPDATING = "UPDATING";
    public static final String DELETING = "DELETING";
    public static final String ACTIVE = "ACTIVE";

    // what a table is busy with while UPDATING or CREATING
    public static final String CHANGING_THROUGHPUT = "throughput";
    public static final String CHANGING_STREAM = "stream";
    public static final String CHANGING_TABLE_CLASS = "tableClass";
    /** A global index's throughput or limits changing: the table stays ACTIVE, the index is UPDATING. */
    public static final String CHANGING_INDEX = "index";
    /** A global index being created or deleted: the table is UPDATING meanwhile. */
    public static final String CHANGING_INDEXES = "indexes";
    /** A table being filled from a backup or a point in time: CREATING, with RestoreInProgress. */
    public static final String RESTORING = "restore";

    /** A new table, {@code status} (CREATING, or ACTIVE for a snapshot's copy) until {@code settledAt}. */
    public static Lifecycle starting(String status, long settledAt, String change) {
        return new Lifecycle(status, settledAt, null, change, -1);
    }

    public String statusAt(long nowMillis) {
        if (deletingUntil >= 0) return DELETING;
        return nowMillis < settledAtMillis ? status : ACTIVE;
    }

    /** The change in flight, or null once the table is settled. */
    public String changeAt(long nowMillis) {
        return nowMillis < settledAtMillis ? change : null;
    }

    /** What a description shows now: {@code current}, or the old values while a change is in flight. */
    public TableDefinition shownAt(long nowMillis, TableDefinition current) {
        return shown != null && nowMillis < settledAtMillis ? shown : current;
    }

    /** The same state with the shown values changed too (a synchronous change such as deletion protection). */
    public Lifecycle withShown(TableDefinition newShown) {
        return new Lifecycle(status, settledAtMillis, newShown, change, deletingUntil);
    }

    /** DELETING until {@code untilMillis}; a deletion without delay ({@link io.dynabox.engine.clock.TransientStatus}) is gone at once. */
    public Lifecycle deleting(long untilMillis) {
        return new Lifecycle(status, settledAtMillis, shown, change, Math.max(0, untilMillis));
    }

    /** True once a deleted table should vanish from its namespace. */
    public boolean goneAt(long nowMillis) {
        return deletingUntil >= 0 && nowMillis >= deletingUntil;
    }
}
