package io.dynabox.sdk;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.clock.EngineClock;
import io.dynabox.engine.simulation.FaultRule;
import io.dynabox.engine.simulation.SimulationEvent;
import io.dynabox.engine.simulation.SimulationSettings;
import io.dynabox.engine.table.NamespaceSnapshot;
import io.dynabox.server.DynaboxServer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointParams;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.endpoints.DynamoDbStreamsEndpointParams;
import software.amazon.awssdk.services.dynamodb.streams.endpoints.DynamoDbStreamsEndpointProvider;

/**
 * Dynabox in your JVM: {@code Dynabox.inMemory().dynamoDbClient()} is a real
 * {@link DynamoDbClient} whose requests are answered in-process, with no server.
 *
 * <p>The clients made here work in the default namespace (region us-east-1, fake
 * credentials). {@link #newNamespace()} opens a fresh isolated one, in microseconds;
 * {@link #httpClient()} and {@link #asyncHttpClient()} plug Dynabox into client builders of
 * your own, with your region, credentials, overrides and interceptors (each access key and
 * region sees its own tables). {@link #startServer()} opens the HTTP door to the same data.
 * Closing the Dynabox closes its clients and servers.
 */
public final class Dynabox implements AutoCloseable {
    /** Any endpoint will do: requests never leave the JVM, but the SDK needs one to sign for. */
    static final URI IN_PROCESS_ENDPOINT = URI.create("http://dynabox.in-process");
    /**
     * The endpoint of the clients Dynabox builds, fixed: the SDK's endpoint rules, and its parsing of an endpoint
     * override on every request, cost more than a PutItem in the engine. An override set on the builder still wins.
     */
    static final DynamoDbEndpointProvider IN_PROCESS_ENDPOINT_PROVIDER = new DynamoDbEndpointProvider() {
        private final CompletableFuture<Endpoint> fixed = CompletableFuture.completedFuture(Endpoint.builder().url(IN_PROCESS_ENDPOINT).build());

        @Override
        public CompletableFuture<Endpoint> resolveEndpoint(DynamoDbEndpointParams params) {
            return params.endpoint() == null ? fixed : CompletableFuture.completedFuture(Endpoint.builder().url(URI.create(params.endpoint())).build());
        }
    };
    /** The same fixed endpoint for DynamoDB Streams clients. */
    static final DynamoDbStreamsEndpointProvider IN_PROCESS_STREAMS_ENDPOINT_PROVIDER = new DynamoDbStreamsEndpointProvider() {
        private final CompletableFuture<Endpoint> fixed = CompletableFuture.completedFuture(Endpoint.builder().url(IN_PROCESS_ENDPOINT).build());

        @Override
        public CompletableFuture<Endpoint> resolveEndpoint(DynamoDbStreamsEndpointParams params) {
            return params.endpoint() == null ? fixed : CompletableFuture.completedFuture(Endpoint.builder().url(URI.create(params.endpoint())).build());
        }
    };
    static final Region DEFAULT_REGION = Region.US_EAST_1;
    static final String DEFAULT_ACCESS_KEY = "dynabox";
    static final String SECRET_KEY = "dynabox";

    private final Engine engine;
    private final InProcessHttpClient httpClient;
    private final InProcessAsyncHttpClient asyncHttpClient;
    private final DynaboxNamespace defaultNamespace;
    private final AtomicLong namespaceCount = new AtomicLong();
    /** Closeables, not servers: this class must load without the optional dynabox-server on the classpath. */
    private final List<AutoCloseable> servers = new CopyOnWriteArrayList<>();

    private Dynabox(Engine engine) {
        this.engine = engine;
        this.httpClient = new InProcessHttpClient(engine);
        this.asyncHttpClient = new InProcessAsyncHttpClient(engine);
        this.defaultNamespace = new DynaboxNamespace(this, DEFAULT_ACCESS_KEY, DEFAULT_REGION);
    }

    /** A Dynabox with its data in memory and default options. */
    public static Dynabox inMemory() {
        return new Dynabox(new Engine(DynaboxOptions.defaults()));
    }

    /** A Dynabox configured by {@code options} (the same options as the command line's). */
    public static Dynabox withOptions(DynaboxOptions options) {
        return new Dynabox(new Engine(options));
    }

    public Engine engine() {
        return engine;
    }

    /** The in-process HTTP client, for a {@code DynamoDbClient} builder of your own. */
    public SdkHttpClient httpClient() {
        return httpClient;
    }

    /** The in-process asynchronous HTTP client, for a {@code DynamoDbAsyncClient} builder of your own. */
    public SdkAsyncHttpClient asyncHttpClient() {
        return asyncHttpClient;
    }

    /** The endpoint the in-process clients name; any other endpoint works as well, nothing is sent over a network. */
    public URI endpoint() {
        return IN_PROCESS_ENDPOINT;
    }

    /** The namespace of the clients made by this Dynabox: region us-east-1 and fake credentials. */
    public DynaboxNamespace defaultNamespace() {
        return defaultNamespace;
    }

    /** A fresh, empty namespace of its own: nothing else sees its tables. Close it to close its clients; drop it to forget its data. */
    public DynaboxNamespace newNamespace() {
        return newNamespace(DEFAULT_REGION);
    }

    /** A fresh, empty namespace in {@code region}. */
    public DynaboxNamespace newNamespace(Region region) {
        return new DynaboxNamespace(this, nextAccessKeyId(), region);
    }

    /**
     * A fresh, empty namespace, as {@link #newNamespace(Region)} makes in {@code finished}'s region, that
     * takes over the clients {@code finished} made (and the credentials provider it gave out): they
     * work in the new namespace from now on, and {@code finished}'s tables and items are dropped.
     * Building a {@code DynamoDbClient} costs more than most requests, so a suite that gives every
     * test a namespace of its own builds its clients once this way (the JUnit extension does). Code
     * that still holds the finished namespace's clients sees the new namespace's tables.
     */
    public DynaboxNamespace renewNamespace(DynaboxNamespace finished) {
        if (finished.dynabox() != this) throw new IllegalArgumentException(finished + " belongs to another Dynabox");
        DynaboxNamespace fresh = finished.handOver(nextAccessKeyId());
        engine.dropNamespace(finished.accessKeyId(), finished.region().id());
        return fresh;
    }

    /** The access key of a namespace never used before. */
    private String nextAccessKeyId() {
        return "dynabox-" + namespaceCount.incrementAndGet();
    }

    /** The namespace that clients signing with this access key and region see. Close it to close the clients it made. */
    public DynaboxNamespace namespace(String accessKeyId, Region region) {
        return new DynaboxNamespace(this, accessKeyId, region);
    }

    /** Fake credentials of the default namespace. */
    public AwsCredentialsProvider credentialsProvider() {
        return defaultNamespace.credentialsProvider();
    }

    /** A client builder wired to the default namespace; set your own region, credentials, overrides as you like. */
    public DynamoDbClientBuilder dynamoDbClientBuilder() {
        return defaultNamespace.dynamoDbClientBuilder();
    }

    public DynamoDbAsyncClientBuilder dynamoDbAsyncClientBuilder() {
        return defaultNamespace.dynamoDbAsyncClientBuilder();
    }

    /** The client of the default namespace; made once, closed with this Dynabox. */
    public DynamoDbClient dynamoDbClient() {
        return defaultNamespace.dynamoDbClient();
    }

    /** The asynchronous client of the default namespace; made once, closed with this Dynabox. */
    public DynamoDbAsyncClient dynamoDbAsyncClient() {
        return defaultNamespace.dynamoDbAsyncClient();
    }

    /** The default namespace's DynamoDB Streams client, answered in-process. */
    public DynamoDbStreamsClient dynamoDbStreamsClient() {
        return defaultNamespace.dynamoDbStreamsClient();
    }

    /** The default namespace's asynchronous DynamoDB Streams client. */
    public DynamoDbStreamsAsyncClient dynamoDbStreamsAsyncClient() {
        return defaultNamespace.dynamoDbStreamsAsyncClient();
    }

    /** An Enhanced Client over {@link #dynamoDbClient()} (needs {@code software.amazon.awssdk:dynamodb-enhanced}). */
    public DynamoDbEnhancedClient enhancedClient() {
        return defaultNamespace.enhancedClient();
    }

    public DynamoDbEnhancedAsyncClient enhancedAsyncClient() {
        return defaultNamespace.enhancedAsyncClient();
    }

    /** The engine's one clock: {@code dynabox.clock().advance(Duration.ofHours(2))}, {@code set(instant)}, {@code useSystemTime()}. */
    public EngineClock clock() {
        return engine.admin().clock();
    }

    /** The server-wide simulation settings (throttling, consistency lag, conflicts, seed). */
    public SimulationSettings simulation() {
        return engine.admin().simulation(null, null);
    }

    /** Replaces the server-wide simulation settings; namespaces with settings of their own keep theirs. */
    public void simulation(SimulationSettings settings) {
        engine.admin().simulation(null, null, settings);
    }

    /** Adds a server-wide fault rule; the answer carries its id, for {@link #removeFault}. */
    public FaultRule addFault(FaultRule rule) {
        return engine.admin().addFault(null, null, rule);
    }

    /** The server-wide fault rules in force. */
    public List<FaultRule> faults() {
        return engine.admin().faults(null, null);
    }

    public boolean removeFault(String id) {
        return engine.admin().removeFault(null, null, id);
    }

    public void clearFaults() {
        engine.admin().clearFaults(null, null);
    }

    /** What the simulation did to requests (throttles, faults, conflicts, stale reads), oldest first, each with its request id. */
    public List<SimulationEvent> simulationEvents() {
        return engine.admin().events(null, null);
    }

    /**
     * Waits until every write made so far to a global table's replica has reached the other
     * replicas, at most {@code timeout}; true when caught up. Each write waits for the
     * replication delay to pass by the engine's clock (move a manual clock, or {@link #flushReplication}).
     */
    public boolean awaitReplication(java.time.Duration timeout) {
        return engine.admin().awaitReplication(timeout);
    }

    /** Applies every pending replicated write now, whatever the replication delay; returns how many. */
    public int flushReplication() {
        return engine.admin().flushReplication();
    }

    /** Changes the replication delay (the {@code --replication-delay} setting) for writes from now on. */
    public void replicationDelay(java.time.Duration delay) {
        engine.admin().replication().delay(delay);
    }

    /** How far the replicas are behind: the engine time since the oldest write not yet replicated, 0 when caught up. */
    public long replicationLagMillis() {
        return engine.admin().replication().lagMillis();
    }

    /** Empties the default namespace. */
    public void reset() {
        defaultNamespace.reset();
    }

    /** The default namespace's tables and items, frozen. */
    public NamespaceSnapshot snapshot() {
        return defaultNamespace.snapshot();
    }

    /** Replaces the default namespace's tables by the snapshot's. */
    public void restore(NamespaceSnapshot snapshot) {
        defaultNamespace.restore(snapshot);
    }

    /**
     * The planning report of everything this Dynabox served (README, "The planning report"):
     * the same JSON as {@code GET /dynabox/report.json}.
     */
    public com.fasterxml.jackson.databind.node.ObjectNode planningReport() {
        return planningReport(io.dynabox.engine.accounting.PlanningReport.Settings.defaults());
    }

    /** The planning report of one namespace or table, scaled as {@code settings} say. */
    public com.fasterxml.jackson.databind.node.ObjectNode planningReport(io.dynabox.engine.accounting.PlanningReport.Settings settings) {
        return io.dynabox.engine.accounting.PlanningReport.json(engine, settings);
    }

    /** The planning report as the HTML page {@code GET /dynabox/report} serves. */
    public String planningReportHtml() {
        return io.dynabox.engine.accounting.ReportHtml.render(planningReport());
    }

    /** Starts the HTTP door in front of this Dynabox's data on a free loopback port; see {@link DynaboxServer#endpoint()}. */
    public DynaboxServer startServer() {
        return startServer(0);
    }

    /**
     * Starts the HTTP door in front of this Dynabox's data on {@code port} (0 for a free one); it stops when closed, or with this Dynabox.
     *
     * @throws IllegalStateException when the optional {@code io.dynabox:dynabox-server} artifact is not on the classpath
     */
    public DynaboxServer startServer(int port) {
        requireServer();
        DynaboxServer server = DynaboxServer.start(engine, port);
        servers.add(server);
        return server;
    }

    /** Whether the optional HTTP server ({@code io.dynabox:dynabox-server}) is on the classpath. */
    public static boolean serverAvailable() {
        try {
            Class.forName(SERVER_CLASS, false, Dynabox.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static final String SERVER_CLASS = "io.dynabox.server.DynaboxServer";
    static final String SERVER_MISSING = "Dynabox's HTTP server is not on the classpath: add the dependency"
            + " io.dynabox:dynabox-server (test scope, the version of dynabox-sdk) to start one; README, \"Programmatic server\", shows it";

    /** One clear message instead of a NoClassDefFoundError from deep inside. */
    static void requireServer() {
        if (!serverAvailable()) throw new IllegalStateException(SERVER_MISSING);
    }

    /**
     * Stops the servers and the engine (its threads, its store), and closes the default
     * namespace's clients. Nothing is erased: in-memory data goes with this object, a
     * {@code dbPath} store's stays on disk; {@link DynaboxNamespace#drop()} and {@link #reset()}
     * drop data.
     */
    @Override
    public void close() {
        for (AutoCloseable server : servers) closeServer(server);
        servers.clear();
        defaultNamespace.close();
        engine.close();
    }

    private static void closeServer(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the server", e);
        }
    }
}
