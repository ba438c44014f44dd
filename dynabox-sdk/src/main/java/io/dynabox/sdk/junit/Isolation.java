package io.dynabox.sdk.junit;

/** How test methods share Dynabox data. */
public enum Isolation {
    /**
     * Each test (each invocation of a parameterized or repeated test) works in a fresh
     * namespace holding a copy of the class's tables and items, restored in microseconds.
     */
    PER_TEST,
    /** The tests of a class share one namespace, set up once; changes carry over from test to test. */
    PER_CLASS
}
