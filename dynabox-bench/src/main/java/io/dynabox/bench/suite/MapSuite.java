package io.dynabox.bench.suite;

import org.junit.jupiter.api.BeforeEach;

/** The baseline: the same tests over plain maps, each test starting from a copy of the loaded maps. */
public class MapSuite extends SuiteTests {
    private static final MapDb LOADED = loaded();
    private SuiteDb db;

    private static MapDb loaded() {
        MapDb db = new MapDb();
        SuiteDb.load(db);
        return db;
    }

    @BeforeEach
    void open() {
        db = LOADED.copy();
    }

    @Override
    SuiteDb db() {
        return db;
    }
}
