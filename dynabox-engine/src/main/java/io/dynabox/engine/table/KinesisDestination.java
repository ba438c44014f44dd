package io.dynabox.engine.table;

/**
 * A Kinesis data stream a table streams its changes to (EnableKinesisStreamingDestination), as
 * the control plane keeps it: {@code shownStatus} (ENABLING, UPDATING, DISABLING) until
 * {@code settlesAtMillis} of the engine's clock, then {@code settledStatus} (ACTIVE,
 * ENABLE_FAILED with {@code failure} as its description, or DISABLED). Changes committed from
 * {@code sinceMillis} on are delivered while the destination delivers. {@code precision} is the
 * ApproximateCreationDateTimePrecision set by Enable or Update (null: never set, which the
 * service treats as MILLISECOND and does not show).
 */
public record KinesisDestination(String streamArn, String shownStatus, String settledStatus, long settlesAtMillis,
                                 String failure, String precision, long sinceMillis) {
    public static final String ENABLING = "ENABLING";
    public static final String ACTIVE = "ACTIVE";
    public static final String ENABLE_FAILED = "ENABLE_FAILED";
    public static final String UPDATING = "UPDATING";
    public static final String DISABLING = "DISABLING";
    public static final String DISABLED = "DISABLED";
    public static final String MICROSECOND = "MICROSECOND";

    public String statusAt(long nowMillis) {
        return nowMillis < settlesAtMillis ? shownStatus : settledStatus;
    }

    /** In use: not DISABLED or ENABLE_FAILED. A table has at most one destination in use. */
    public boolean inUseAt(long nowMillis) {
        String status = statusAt(nowMillis);
        return !DISABLED.equals(status) && !ENABLE_FAILED.equals(status);
    }

    /** Whether the table's changes go to this stream now (from the Enable that succeeds until the Disable). */
    public boolean delivers() {
        return ACTIVE.equals(settledStatus);
    }

    /** Enabled at {@code nowMillis}: ENABLING until {@code settlesAt}, then ACTIVE, or ENABLE_FAILED when {@code failure} is not null. */
    public static KinesisDestination enabled(String streamArn, String failure, String precision, long nowMillis, long settlesAt) {
        return new KinesisDestination(streamArn, ENABLING, failure == null ? ACTIVE : ENABLE_FAILED, settlesAt, failure,
                precision, nowMillis);
    }

    public KinesisDestination disabled(long settlesAt) {
        // disabling forgets the precision: a later Enable without one shows none
        return new KinesisDestination(streamArn, DISABLING, DISABLED, settlesAt, null, null, sinceMillis);
    }

    public KinesisDestination withPrecision(String newPrecision, long settlesAt) {
        return new KinesisDestination(streamArn, UPDATING, ACTIVE, settlesAt, null, newPrecision, sinceMillis);
    }
}
