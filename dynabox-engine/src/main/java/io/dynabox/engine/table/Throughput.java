package io.dynabox.engine.table;

/** Provisioned read and write capacity, with the service's record of its changes. */
public record Throughput(long readCapacityUnits, long writeCapacityUnits,
                         Double lastIncreaseDateTime, Double lastDecreaseDateTime,
                         long numberOfDecreasesToday) {

    public static Throughput of(long read, long write) {
        return new Throughput(read, write, null, null, 0);
    }

    /** The same record after a change to new values at {@code epochSeconds}. */
    public Throughput changedTo(long read, long write, double epochSeconds) {
        boolean increase = read > readCapacityUnits || write > writeCapacityUnits;
        boolean decrease = read < readCapacityUnits || write < writeCapacityUnits;
        return new Throughput(read, write,
                increase ? Double.valueOf(epochSeconds) : lastIncreaseDateTime,
                decrease ? Double.valueOf(epochSeconds) : lastDecreaseDateTime,
                decrease ? numberOfDecreasesToday + 1 : numberOfDecreasesToday);
    }
}
