package io.dynabox.engine.simulation;

/**
 * Capacity units that refill at {@code rate} a second up to {@code capacity}: a request may go ahead while
 * some are left, and then takes what it consumed (the balance may go below zero, paid back by the refill),
 * as the service admits a request before it knows its size. Time is the engine's clock; a step back in time
 * refills nothing.
 */
final class Bucket {
    private double rate;
    private double capacity;
    private double units;
    private long refilledAt;

    /** A bucket holding {@code units} at {@code sinceMillis}, refilling from then on. */
    Bucket(double rate, double capacity, double units, long sinceMillis) {
        this.rate = rate;
        this.capacity = capacity;
        this.units = Math.min(units, capacity);
        this.refilledAt = sinceMillis;
    }

    /** Follows a change of throughput (UpdateTable) without losing what is saved. */
    void resize(double newRate, double newCapacity) {
        rate = newRate;
        capacity = newCapacity;
        units = Math.min(units, capacity);
    }

    double rate() {
        return rate;
    }

    /** True when, after what this request has already taken ({@code pending}), some capacity is left. */
    boolean hasRoom(double pending, long nowMillis) {
        refill(nowMillis);
        return units - pending > 0;
    }

    void take(double consumed, long nowMillis) {
        refill(nowMillis);
        units -= consumed;
    }

    private void refill(long nowMillis) {
        long elapsed = nowMillis - refilledAt;
        if (elapsed <= 0) return;
        units = Math.min(capacity, units + rate * elapsed / 1000.0);
        refilledAt = nowMillis;
    }
}
