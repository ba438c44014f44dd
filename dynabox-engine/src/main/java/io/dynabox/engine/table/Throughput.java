package io.dynabox.engine.table;

/**
 * Provisioned read and write capacity, with the service's record of its changes. The
 * decrease counter is per UTC day: it starts again from zero at midnight UTC.
 */
public record Throughput(long readCapacityUnits, long writeCapacityUnits,
                         Double lastIncreaseDateTime, Double lastDecreaseDateTime,
                         long numberOfDecreasesToday) {

    private static final long SECONDS_PER_DAY = 86_400;

    public static Throughput of(long read, long write) {
        return new Throughput(read, write, null, null, 0);
    }

    /**
     * The same record after a change to new values at {@code epochSeconds}. A change that
     * lowers either value counts as one decrease, even if the other value goes up.
     */
    public Throughput changedTo(long read, long write, double epochSeconds) {
        boolean increase = read > readCapacityUnits || write > writeCapacityUnits;
        boolean decrease = read < readCapacityUnits || write < writeCapacityUnits;
        long decreases = decreasesToday(epochSeconds);
        return new Throughput(read, write,
                increase ? Double.valueOf(epochSeconds) : lastIncreaseDateTime,
                decrease ? Double.valueOf(epochSeconds) : lastDecreaseDateTime,
                decrease ? decreases + 1 : decreases);
    }

    /** The same record with other values and its history kept, as a switch from on-demand sets them. */
    public Throughput withValues(long read, long write) {
        return new Throughput(read, write, lastIncreaseDateTime, lastDecreaseDateTime, numberOfDecreasesToday);
    }

    /** The decreases counted on the UTC day of {@code epochSeconds}. */
    public long decreasesToday(double epochSeconds) {
        if (lastDecreaseDateTime == null) return numberOfDecreasesToday;
        boolean sameDay = Math.floorDiv((long) Math.floor(lastDecreaseDateTime), SECONDS_PER_DAY)
                == Math.floorDiv((long) Math.floor(epochSeconds), SECONDS_PER_DAY);
        return sameDay ? numberOfDecreasesToday : 0;
    }

    public boolean sameValues(long read, long write) {
        return read == readCapacityUnits && write == writeCapacityUnits;
    }
}
