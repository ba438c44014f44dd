package io.dynabox.sdk.junit;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.clock.EngineClock;
import io.dynabox.engine.simulation.FaultRule;
import io.dynabox.engine.simulation.SimulationSettings;
import io.dynabox.engine.wire.Json;
import io.dynabox.engine.table.NamespaceSnapshot;
import io.dynabox.sdk.Dynabox;
import io.dynabox.sdk.DynaboxNamespace;
import io.dynabox.sdk.streams.DynaboxStreams;
import io.dynabox.server.DynaboxServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * The JUnit 5 extension behind {@link DynaboxTest}; register it yourself with
 * {@code @RegisterExtension static DynaboxExtension dynabox = DynaboxExtension.builder()...build();}
 * to configure it in code.
 *
 * <p>How it keeps tests apart: one Dynabox engine serves every test class of the run that
 * uses the same options, except a class that sets the clock or simulates, or that takes the
 * engine's clock or the {@link Dynabox} (it could move time for the others): that class gets an
 * engine of its own, closed when it ends. Each test class (each {@code @Nested} class too, from a
 * copy of its enclosing class's setup) sets its tables and items up once, in a namespace
 * of its own; with {@link Isolation#PER_TEST}, the first test takes a snapshot of that
 * namespace (after every {@code @BeforeAll} method has run) and every test works in a fresh
 * namespace restored from it. Nothing is shared between namespaces, so concurrent tests
 * cannot see each other's data. Namespaces are dropped when their test or class ends.
 */
public final class DynaboxExtension implements BeforeAllCallback, BeforeEachCallback, TestInstancePostProcessor, ParameterResolver {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(DynaboxExtension.class);

    /** Injectable types, by name: the Enhanced Client is optional, so its classes may be missing. */
    private static final Set<String> INJECTABLE = Set.of(
            "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
            "software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient",
            "software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient",
            "software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient",
            "software.amazon.awssdk.auth.credentials.AwsCredentialsProvider",
            "software.amazon.awssdk.regions.Region",
            DynaboxNamespace.class.getName(),
            DynaboxStreams.class.getName(),
            Dynabox.class.getName(),
            "io.dynabox.server.DynaboxServer", // optional: named, so that this class loads without it
            EngineClock.class.getName(),
            URI.class.getName());

    private final Settings configured;

    /** The extension as {@link DynaboxTest} registers it: settings come from the annotation. */
    public DynaboxExtension() {
        this(null);
    }

    private DynaboxExtension(Settings configured) {
        this.configured = configured;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ClassSetup setup = classSetup(context);
        for (Field field : injectedFields(context.getRequiredTestClass(), true)) {
            if (setup.settings.isolation() == Isolation.PER_TEST) {
                throw new ExtensionConfigurationException("@DynaboxInject static field " + field.getName()
                        + ": every test would share it, but Isolation.PER_TEST gives each test its own namespace; "
                        + "make it an instance field, take it as a parameter, or use Isolation.PER_CLASS");
            }
            inject(field, null, setup.namespace, setup);
        }
    }

    /**
     * Fields get the class's namespace when the class shares it, and also when one instance serves
     * the whole class ({@code @TestInstance(PER_CLASS)}): its non-static {@code @BeforeAll} methods
     * read the fields, and load the class's fixture through them; each test then gets its own.
     */
    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        ClassSetup setup = classSetup(context);
        boolean instancePerClass = context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
                == TestInstance.Lifecycle.PER_CLASS;
        if (setup.settings.isolation() == Isolation.PER_CLASS || instancePerClass) {
            for (Field field : injectedFields(testInstance.getClass(), false)) inject(field, testInstance, setup.namespace, setup);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ClassSetup setup = classSetup(context);
        // a @Nested class starts from its enclosing class's setup as it was before the first test changed it
        if (setup.hasNestedClasses) setup.snapshot();
        if (setup.settings.isolation() != Isolation.PER_TEST) return;
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            List<Field> fields = injectedFields(instance.getClass(), false);
            if (fields.isEmpty()) continue;
            boolean sharedInstance = context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
                    == TestInstance.Lifecycle.PER_CLASS;
            if (sharedInstance && context.getExecutionMode() == ExecutionMode.CONCURRENT) {
                throw new ExtensionConfigurationException("@DynaboxInject fields of " + instance.getClass().getName()
                        + " would be shared by tests running at once (one test instance per class, concurrent execution); "
                        + "take the clients as test parameters instead");
            }
            DynaboxNamespace namespace = namespaceOf(context, setup);
            for (Field field : fields) inject(field, instance, namespace, setup);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return INJECTABLE.contains(parameterContext.getParameter().getType().getName());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ClassSetup setup = classSetup(extensionContext);
        if (parameterContext.getDeclaringExecutable() instanceof Constructor && setup.settings.isolation() == Isolation.PER_TEST) {
            throw new ParameterResolutionException("Dynabox cannot inject into a constructor with Isolation.PER_TEST: "
                    + "the test's namespace does not exist yet; take " + parameterContext.getParameter().getType().getSimpleName()
                    + " as a test or @BeforeEach parameter, or in a @DynaboxInject field");
        }
        return value(parameterContext.getParameter().getType(), namespaceOf(extensionContext, setup), setup);
    }

    /** The namespace code running in this context works in: the test's own, or the class's. */
    private static DynaboxNamespace namespaceOf(ExtensionContext context, ClassSetup setup) {
        if (setup.settings.isolation() == Isolation.PER_CLASS || context.getTestMethod().isEmpty()) return setup.namespace;
        return context.getStore(STORE).getOrComputeIfAbsent(TestNamespace.class,
                key -> new TestNamespace(setup.freshNamespace(), setup.engine), TestNamespace.class).namespace;
    }

    private static Object value(Class<?> type, DynaboxNamespace namespace, ClassSetup setup) {
        switch (type.getName()) {
            case "software.amazon.awssdk.services.dynamodb.DynamoDbClient": return namespace.dynamoDbClient();
            case "software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient": return namespace.dynamoDbAsyncClient();
            case "software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient": return namespace.dynamoDbStreamsClient();
            case "software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient": return namespace.dynamoDbStreamsAsyncClient();
            case "software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient": return namespace.enhancedClient();
            case "software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient": return namespace.enhancedAsyncClient();
            case "software.amazon.awssdk.auth.credentials.AwsCredentialsProvider": return namespace.credentialsProvider();
            case "software.amazon.awssdk.regions.Region": return namespace.region();
            case "java.net.URI": return setup.engine.server().endpoint();
            case "io.dynabox.server.DynaboxServer": return setup.engine.server();
            default:
                if (type == DynaboxNamespace.class) return namespace;
                if (type == DynaboxStreams.class) return namespace.streams();
                if (type == Dynabox.class) return setup.engine.dynabox;
                if (type == EngineClock.class) return setup.engine.dynabox.clock();
                throw new ParameterResolutionException("Dynabox does not inject " + type.getName());
        }
    }

    private static void inject(Field field, Object instance, DynaboxNamespace namespace, ClassSetup setup) {
        if (!INJECTABLE.contains(field.getType().getName())) {
            throw new ExtensionConfigurationException("@DynaboxInject field " + field.getName() + " has type "
                    + field.getType().getName() + ", which Dynabox does not inject");
        }
        try {
            field.setAccessible(true);
            field.set(instance, value(field.getType(), namespace, setup));
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("cannot set @DynaboxInject field " + field.getName(), e);
        }
    }

    private static List<Field> injectedFields(Class<?> type, boolean statics) {
        List<Field> fields = new ArrayList<>();
        for (Field field : AnnotationSupport.findAnnotatedFields(type, DynaboxInject.class)) {
            if (Modifier.isStatic(field.getModifiers()) == statics) fields.add(field);
        }
        return fields;
    }

    /**
     * The class's setup, made once per test class and per {@code @Nested} class. It is keyed by the
     * class: a store's look-up falls back to the enclosing context's store, and a nested class took
     * its enclosing class's setup (its {@code @BeforeAll} items went there, or to a sibling's).
     */
    private ClassSetup classSetup(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) classContext = classContext.getParent().orElseThrow();
        ExtensionContext owner = classContext;
        Class<?> testClass = owner.getRequiredTestClass();
        return owner.getStore(STORE).getOrComputeIfAbsent(new SetupKey(testClass), key -> {
            Settings settings = configured != null ? configured : Settings.fromAnnotation(testClass);
            ClassSetup enclosing = isNested(testClass) ? owner.getParent()
                    .filter(parent -> parent.getTestClass().orElse(null) == testClass.getEnclosingClass())
                    .map(this::classSetup).orElse(null) : null;
            // a class that sets the clock, simulates, or can move the engine's clock or server-wide settings
            // (it takes EngineClock or Dynabox) gets an engine of its own, closed with the class:
            // other classes must not see its time or faults
            DynaboxOptions options = settings.options();
            boolean ownEngine = !options.clock().equals(EngineClock.SYSTEM_MODE) || options.simulation().anyOn()
                    || !options.faults().isEmpty() || takesEngineWide(testClass);
            EngineResource engine = ownEngine ? new EngineResource(options) : owner.getRoot().getStore(STORE)
                    .getOrComputeIfAbsent("engine " + options, k -> new EngineResource(options), EngineResource.class);
            try {
                return new ClassSetup(engine, ownEngine, settings, testClass, enclosing, configured == null);
            } catch (RuntimeException | Error e) {
                if (ownEngine) engine.close();
                throw e;
            }
        }, ClassSetup.class);
    }

    private record SetupKey(Class<?> testClass) {}

    private static boolean isNested(Class<?> testClass) {
        return testClass.isMemberClass() && !Modifier.isStatic(testClass.getModifiers()) && AnnotationSupport.isAnnotated(testClass, Nested.class);
    }

    /** Types whose holder can change the whole engine: its clock, its server-wide faults and simulation. */
    private static final Set<Class<?>> ENGINE_WIDE = Set.of(EngineClock.class, Dynabox.class);

    /** Whether the class, or a class it is nested in, takes an {@link #ENGINE_WIDE} type as a parameter or a field. */
    private static boolean takesEngineWide(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = isNested(c) ? c.getEnclosingClass() : null) {
            boolean takes = !ReflectionSupport.findMethods(c, DynaboxExtension::hasEngineWideParameter, HierarchyTraversalMode.TOP_DOWN).isEmpty();
            for (Constructor<?> constructor : c.getDeclaredConstructors()) takes |= hasEngineWideParameter(constructor);
            for (Field field : AnnotationSupport.findAnnotatedFields(c, DynaboxInject.class)) takes |= ENGINE_WIDE.contains(field.getType());
            if (takes) return true;
        }
        return false;
    }

    private static boolean hasEngineWideParameter(Executable executable) {
        for (Class<?> type : executable.getParameterTypes()) if (ENGINE_WIDE.contains(type)) return true;
        return false;
    }

    /** Everything the extension was told, by the annotation or by the builder. */
    private record Settings(DynaboxOptions options, Isolation isolation, Region region, List<String> tableResources,
                            List<String> itemResources, List<Consumer<DynaboxNamespace>> setups) {

        static Settings fromAnnotation(Class<?> testClass) {
            DynaboxTest test = findOnClassOrEnclosing(testClass).orElseThrow(() -> new ExtensionConfigurationException(
                    "DynaboxExtension without settings: annotate " + testClass.getName()
                            + " with @DynaboxTest, or register the extension with DynaboxExtension.builder()"));
            SimulationSettings simulation = SimulationSettings.OFF.withSeed(test.seed()).withThrottling(test.throttling())
                    .withConsistencyLagMillis(test.consistencyLagMillis()).withTransactionConflicts(test.transactionConflicts())
                    .withTransactionConflictRate(test.transactionConflictRate());
            List<FaultRule> faults = new ArrayList<>();
            for (String resource : test.faults()) {
                try {
                    for (JsonNode rule : Json.parse(read(testClass, resource).getBytes(StandardCharsets.UTF_8))) faults.add(FaultRule.fromJson(rule));
                } catch (IOException | IllegalArgumentException e) {
                    throw new ExtensionConfigurationException("fault rules in " + resource + ": " + e.getMessage(), e);
                }
            }
            DynaboxOptions options = DynaboxOptions.builder().strictMessages(test.strictMessages()).clock(test.clock())
                    .simulation(simulation).faults(faults).build();
            return new Settings(options, test.isolation(), Region.of(test.region()), List.of(test.tables()),
                    List.of(test.items()), List.of());
        }

        private static Optional<DynaboxTest> findOnClassOrEnclosing(Class<?> testClass) {
            for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
                Optional<DynaboxTest> found = AnnotationSupport.findAnnotation(c, DynaboxTest.class);
                if (found.isPresent()) return found;
            }
            return Optional.empty();
        }
    }

    // Store values implement both close interfaces: JUnit before 5.13 closes CloseableResource,
    // 5.13 and later AutoCloseable; every close here may safely run twice.

    /** One engine for every class of the run with the same options, and the HTTP server in front of it once asked for. */
    private static final class EngineResource implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final Dynabox dynabox;
        private DynaboxServer server;
        /**
         * Empty namespaces holding the clients of finished tests ({@link Dynabox#renewNamespace}): the
         * next test takes one, so a suite builds a client per test running at once, not per test.
         */
        private final Deque<DynaboxNamespace> renewed = new ConcurrentLinkedDeque<>();

        EngineResource(DynaboxOptions options) {
            this.dynabox = Dynabox.withOptions(options);
        }

        /** A fresh, empty namespace in {@code region}, with the clients of a finished test when one is free. */
        DynaboxNamespace freshNamespace(Region region) {
            for (Iterator<DynaboxNamespace> free = renewed.iterator(); free.hasNext(); ) {
                DynaboxNamespace namespace = free.next();
                if (namespace.region().equals(region) && renewed.removeFirstOccurrence(namespace)) return namespace;
            }
            return dynabox.newNamespace(region);
        }

        /** A test's namespace is done: its data goes, its clients wait, in a fresh namespace, for the next test. */
        void finished(DynaboxNamespace namespace) {
            renewed.push(dynabox.renewNamespace(namespace));
        }

        synchronized DynaboxServer server() {
            if (!Dynabox.serverAvailable()) {
                throw new ParameterResolutionException("Injecting a URI or a DynaboxServer starts Dynabox's HTTP server, which is not"
                        + " on the classpath: add the dependency io.dynabox:dynabox-server (test scope, the version of dynabox-sdk)");
            }
            if (server == null) server = dynabox.startServer();
            return server;
        }

        @Override
        public void close() {
            for (DynaboxNamespace namespace; (namespace = renewed.poll()) != null; ) namespace.close();
            dynabox.close();
        }
    }

    /**
     * A test class's namespace with its tables and items, and the snapshot each test starts from.
     * A {@code @Nested} class's namespace starts as a copy of its enclosing class's setup, to which
     * it adds its own tables and its own {@code @BeforeAll} items; nothing of it reaches the
     * enclosing class or a sibling.
     */
    private static final class ClassSetup implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final EngineResource engine;
        /** Whether the engine is this class's alone, and closes with it. */
        private final boolean ownEngine;
        final Settings settings;
        final DynaboxNamespace namespace;
        final boolean hasNestedClasses;
        private NamespaceSnapshot snapshot;

        ClassSetup(EngineResource engine, boolean ownEngine, Settings settings, Class<?> testClass, ClassSetup enclosing,
                   boolean fromAnnotation) {
            this.engine = engine;
            this.ownEngine = ownEngine;
            this.settings = settings;
            this.hasNestedClasses = Arrays.stream(testClass.getDeclaredClasses()).anyMatch(DynaboxExtension::isNested);
            this.namespace = engine.dynabox.newNamespace(settings.region());
            try {
                if (enclosing == null) {
                    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) createTables(c);
                    loadSettings(testClass);
                } else {
                    NamespaceSnapshot start = enclosing.snapshot();
                    if (!start.tableNames().isEmpty()) namespace.restore(start);
                    createTables(testClass);
                    // the enclosing class loaded its settings' files and setups; an annotation of the nested class's own adds its files
                    if (fromAnnotation && AnnotationSupport.findAnnotation(testClass, DynaboxTest.class).isPresent()) loadSettings(testClass);
                }
            } catch (RuntimeException e) {
                namespace.drop();
                throw new ExtensionConfigurationException("Dynabox could not set up the tables of " + testClass.getName()
                        + ": " + e.getMessage(), e);
            }
        }

        private void createTables(Class<?> c) {
            for (DynaboxTable table : AnnotationSupport.findRepeatableAnnotations(c, DynaboxTable.class)) {
                namespace.createTables(TableAnnotations.createTableJson(table));
            }
        }

        private void loadSettings(Class<?> testClass) {
            for (String resource : settings.tableResources()) namespace.createTables(read(testClass, resource));
            for (Consumer<DynaboxNamespace> setup : settings.setups()) setup.accept(namespace);
            for (String resource : settings.itemResources()) namespace.putItems(read(testClass, resource));
        }

        /** The class's tables and items as they were when first asked for: after its {@code @BeforeAll} methods, before any test. */
        synchronized NamespaceSnapshot snapshot() {
            if (snapshot == null) snapshot = namespace.snapshot();
            return snapshot;
        }

        /** A new namespace holding a copy of the class's tables and items as they were when the first test started. */
        DynaboxNamespace freshNamespace() {
            NamespaceSnapshot start = snapshot();
            DynaboxNamespace fresh = engine.freshNamespace(settings.region());
            if (!start.tableNames().isEmpty()) fresh.restore(start);
            return fresh;
        }

        @Override
        public void close() {
            namespace.drop();
            // an engine of the class's own goes with it, threads and clients: kept to the end of the run, they piled up
            if (ownEngine) engine.close();
        }
    }

    /** A test's own namespace, dropped when the test ends; its clients serve a later test. */
    private static final class TestNamespace implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final DynaboxNamespace namespace;
        private final EngineResource engine;
        private boolean closed;

        TestNamespace(DynaboxNamespace namespace, EngineResource engine) {
            this.namespace = namespace;
            this.engine = engine;
        }

        @Override
        public synchronized void close() {
            if (closed) return;
            closed = true;
            engine.finished(namespace);
        }
    }

    private static String read(Class<?> testClass, String resource) {
        String path = resource.startsWith("/") ? resource : "/" + resource;
        try (InputStream in = testClass.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no classpath resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + path, e);
        }
    }

    /** Settings in code, for {@code @RegisterExtension}. */
    public static final class Builder {
        private DynaboxOptions options = DynaboxOptions.defaults();
        private Isolation isolation = Isolation.PER_TEST;
        private Region region = Region.US_EAST_1;
        private final List<String> tableResources = new ArrayList<>();
        private final List<String> itemResources = new ArrayList<>();
        private final List<Consumer<DynaboxNamespace>> setups = new ArrayList<>();

        private Builder() {}

        /** The Dynabox options (strict messages, transient status delays, ...); the port does not matter here. */
        public Builder options(DynaboxOptions value) {
            options = value;
            return this;
        }

        /** Manual time, standing still at {@code start} until the test moves it ({@code dynabox.clock().advance(...)}). */
        public Builder manualClock(Instant start) {
            options = options.toBuilder().manualClock(start).build();
            return this;
        }

        /** Simulation settings (throttling, consistency lag, conflicts, seed) for the engine of this class. */
        public Builder simulation(SimulationSettings value) {
            options = options.toBuilder().simulation(value).build();
            return this;
        }

        /** A fault rule in force from the start. */
        public Builder fault(FaultRule rule) {
            List<FaultRule> faults = new ArrayList<>(options.faults());
            faults.add(rule);
            options = options.toBuilder().faults(faults).build();
            return this;
        }

        public Builder isolation(Isolation value) {
            isolation = value;
            return this;
        }

        public Builder region(Region value) {
            region = value;
            return this;
        }

        /** A table to create for each test class, as an SDK request. */
        public Builder table(CreateTableRequest request) {
            setups.add(namespace -> {
                namespace.dynamoDbClient().createTable(request);
                namespace.dynamoDbClient().waiter().waitUntilTableExists(b -> b.tableName(request.tableName()));
            });
            return this;
        }

        /** A classpath resource of CreateTable requests in {@code --cli-input-json} shape (one, or an array). */
        public Builder tables(String resource) {
            tableResources.add(resource);
            return this;
        }

        /** A classpath resource of items in BatchWriteItem's {@code RequestItems} shape, loaded after every table is made. */
        public Builder items(String resource) {
            itemResources.add(resource);
            return this;
        }

        /** Code that loads a fixture, run once per test class on the class's namespace (after the tables, before the item files). */
        public Builder setup(Consumer<DynaboxNamespace> setup) {
            setups.add(setup);
            return this;
        }

        public DynaboxExtension build() {
            return new DynaboxExtension(new Settings(options, isolation, region, List.copyOf(tableResources),
                    List.copyOf(itemResources), List.copyOf(setups)));
        }
    }
}
