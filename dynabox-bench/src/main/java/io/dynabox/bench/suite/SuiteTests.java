package io.dynabox.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The user's-suite benchmark's tests: ten kinds of test, each repeated 100 times, each starting
 * from the same 5 tables of 100 items and doing a few reads and writes, as an application's
 * repository tests do. Subclasses give the data store ({@link #db()}).
 */
abstract class SuiteTests {
    static final int REPEATS = 100;

    abstract SuiteDb db();

    @RepeatedTest(REPEATS)
    void readsAnItem() {
        Map<String, AttributeValue> item = db().get("users", "p1", 2);
        assertEquals("users 1/2", item.get("name").s());
        assertNull(db().get("users", "p9", 0));
    }

    @RepeatedTest(REPEATS)
    void writesThenReads() {
        db().put("orders", SuiteDb.item("p0", 9, "new order", 1));
        assertEquals("new order", db().get("orders", "p0", 9).get("name").s());
        assertEquals(SuiteDb.ITEMS_PER_PARTITION + 1, db().query("orders", "p0").size());
    }

    @RepeatedTest(REPEATS)
    void countsUp() {
        assertEquals(3, db().add("items", "p2", 3, "count", 0));
        assertEquals(5, db().add("items", "p2", 3, "count", 2));
        assertEquals(5, Long.parseLong(db().get("items", "p2", 3).get("count").n()));
    }

    @RepeatedTest(REPEATS)
    void queriesAPartition() {
        List<Map<String, AttributeValue>> events = db().query("events", "p3");
        assertEquals(SuiteDb.ITEMS_PER_PARTITION, events.size());
        assertEquals("events 3/0", events.get(0).get("name").s());
        assertEquals("events 3/4", events.get(events.size() - 1).get("name").s());
    }

    @RepeatedTest(REPEATS)
    void deletes() {
        db().delete("sessions", "p0", 0);
        assertNull(db().get("sessions", "p0", 0));
        assertEquals(SuiteDb.ITEMS_PER_PARTITION - 1, db().query("sessions", "p0").size());
    }

    @RepeatedTest(REPEATS)
    void refusesADuplicate() {
        assertFalse(db().putIfAbsent("users", SuiteDb.item("p0", 0, "someone else", 0)));
        assertTrue(db().putIfAbsent("users", SuiteDb.item("p0", 7, "new user", 0)));
        assertEquals("users 0/0", db().get("users", "p0", 0).get("name").s());
    }

    @RepeatedTest(REPEATS)
    void countsATable() {
        assertEquals(SuiteDb.PARTITIONS * SuiteDb.ITEMS_PER_PARTITION, db().count("events"));
        db().put("events", SuiteDb.item("p7", 0, "late event", 0));
        assertEquals(SuiteDb.PARTITIONS * SuiteDb.ITEMS_PER_PARTITION + 1, db().count("events"));
    }

    @RepeatedTest(REPEATS)
    void replacesAnItem() {
        db().put("sessions", SuiteDb.item("p2", 1, "renewed", 42));
        Map<String, AttributeValue> item = db().get("sessions", "p2", 1);
        assertEquals("renewed", item.get("name").s());
        assertEquals("42", item.get("count").n());
    }

    @RepeatedTest(REPEATS)
    void startsCounterFromNothing() {
        assertEquals(1, db().add("orders", "p5", 0, "visits", 1));
        assertNotNull(db().get("orders", "p5", 0));
    }

    @RepeatedTest(REPEATS)
    void seesNoEarlierTestsWrites() {
        // every test starts from the same data: another test's order, delete and counters are not here
        assertNull(db().get("orders", "p0", 9));
        assertNotNull(db().get("sessions", "p0", 0));
        assertEquals("2", db().get("items", "p2", 2).get("count").n());
    }
}
