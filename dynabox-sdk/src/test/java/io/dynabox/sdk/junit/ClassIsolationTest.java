package io.dynabox.sdk.junit;

import static io.dynabox.sdk.junit.DynaboxExtensionTest.SCENARIO;
import static io.dynabox.sdk.junit.DynaboxExtensionTest.assertAllPassed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.dynabox.engine.clock.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What is one test class's own under the extension: a {@code @Nested} class's tables and
 * {@code @BeforeAll} items, a clock a class moves, an engine a class was given (closed with it),
 * and the fields a {@code @TestInstance(PER_CLASS)} class's {@code @BeforeAll} reads.
 */
class ClassIsolationTest {
    /** The scenario classes, run in one launcher run one after the other, in the order of their names. */
    static TestExecutionSummary runInOrder(Class<?>... scenarios) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(scenarios).map(c -> selectClass(c)).toList())
                .configurationParameters(Map.of("junit.jupiter.testclass.order.default", ClassOrderer.ClassName.class.getName()))
                .build(), listener);
        return listener.getSummary();
    }

    static Set<String> ids(DynamoDbClient client) {
        return client.scan(b -> b.tableName("items")).items().stream().map(i -> i.get("id").s()).collect(Collectors.toSet());
    }

    static void put(DynamoDbClient client, String id) {
        client.putItem(b -> b.tableName("items").item(Map.of("id", AttributeValue.fromS(id))));
    }

    @Test
    void nestedClassesHaveTheirOwnTablesAndFixtures() {
        assertAllPassed(runInOrder(Nesting.class), 4);
    }

    @DynaboxTest
    @DynaboxTable(name = "items", hashKey = "id")
    @TestClassOrder(ClassOrderer.OrderAnnotation.class)
    @Tag(SCENARIO)
    static class Nesting {
        @BeforeAll
        static void fixture(DynamoDbClient client) {
            put(client, "outer");
        }

        @Test
        void seesOnlyItsOwnFixture(DynamoDbClient client) {
            assertThat(ids(client)).containsExactly("outer");
            assertThat(client.listTables().tableNames()).containsExactly("items");
        }

        @Nested
        @Order(1)
        @DynaboxTable(name = "a-only", hashKey = "id")
        class A {
            @BeforeAll
            static void fixture(DynamoDbClient client) {
                put(client, "a");
            }

            @Test
            void seesTheEnclosingFixtureAndItsOwn(DynamoDbClient client) {
                assertThat(ids(client)).containsExactlyInAnyOrder("outer", "a");
                assertThat(client.listTables().tableNames()).containsExactly("a-only", "items");
            }

            @Nested
            class Deeper {
                @Test
                void seesEveryEnclosingFixture(DynamoDbClient client) {
                    assertThat(ids(client)).containsExactlyInAnyOrder("outer", "a");
                }
            }
        }

        @Nested
        @Order(2)
        class B {
            @BeforeAll
            static void fixture(DynamoDbClient client) {
                put(client, "b");
            }

            @Test
            void seesNothingOfItsSibling(DynamoDbClient client) {
                assertThat(ids(client)).containsExactlyInAnyOrder("outer", "b");
                assertThat(client.listTables().tableNames()).containsExactly("items");
            }
        }
    }

    @Test
    void aClassThatMovesTheClockMovesItsOwn() {
        assertAllPassed(runInOrder(Clock1Moves.class, Clock2Reads.class), 2);
    }

    @DynaboxTest
    @Tag(SCENARIO)
    static class Clock1Moves {
        @Test
        void movesTenDays(EngineClock clock) {
            clock.advance(Duration.ofDays(10));
        }
    }

    @DynaboxTest
    @DynaboxTable(name = "items", hashKey = "id")
    @Tag(SCENARIO)
    static class Clock2Reads {
        @Test
        void seesTheSystemsTime(DynamoDbClient client) {
            Instant created = client.describeTable(b -> b.tableName("items")).table().creationDateTime();
            assertThat(Duration.between(Instant.now(), created).abs()).isLessThan(Duration.ofMinutes(1));
        }
    }

    /** TTL sweeper threads (one per engine) alive before the scenarios ran, and those alive while the later class ran. */
    static final Set<Thread> BEFORE = ConcurrentHashMap.newKeySet();
    static final Set<Thread> SEEN_LATER = ConcurrentHashMap.newKeySet();

    static Set<Thread> sweepers() {
        Set<Thread> sweepers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("dynabox-ttl-sweeper")).collect(Collectors.toSet());
        sweepers.removeAll(BEFORE);
        return sweepers;
    }

    @Test
    void anEngineOfAClassOwnClosesWithTheClass() {
        BEFORE.clear();
        BEFORE.addAll(sweepers());
        SEEN_LATER.clear();
        assertAllPassed(runInOrder(Engine1Own.class, Engine2After.class), 2);
        // the later class's (shared) engine alone, not the earlier class's engine of its own as well
        assertThat(SEEN_LATER).hasSize(1);
    }

    @DynaboxTest(clock = "manual=2030-01-01T00:00:00Z")
    @Tag(SCENARIO)
    static class Engine1Own {
        @Test
        void runs(DynamoDbClient client) {
            assertThat(client.listTables().tableNames()).isEmpty();
        }
    }

    @DynaboxTest
    @Tag(SCENARIO)
    static class Engine2After {
        @Test
        void runs(DynamoDbClient client) throws InterruptedException {
            assertThat(client.listTables().tableNames()).isEmpty();
            // a closed engine's sweeper is interrupted, and ends within moments
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline && sweepers().size() > 1) Thread.sleep(20);
            SEEN_LATER.addAll(sweepers());
        }
    }

    @Test
    void fieldsAreSetForANonStaticBeforeAll() {
        assertAllPassed(runInOrder(InstancePerClass.class), 2);
    }

    @DynaboxTest
    @DynaboxTable(name = "items", hashKey = "id")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @Tag(SCENARIO)
    static class InstancePerClass {
        @DynaboxInject
        DynamoDbClient client;

        @BeforeAll
        void fixture() {
            assertThat(client).isNotNull();
            put(client, "fixture");
        }

        @Test
        void seesTheFixture() {
            assertThat(ids(client)).containsExactly("fixture");
            put(client, "mine");
        }

        @Test
        void startsFromTheFixtureToo() {
            assertThat(ids(client)).contains("fixture").doesNotContain("mine");
        }
    }
}
