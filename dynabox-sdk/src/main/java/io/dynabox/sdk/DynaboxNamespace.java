package io.dynabox.sdk;

import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.admin.Admin;
import io.dynabox.engine.clock.EngineClock;
import io.dynabox.engine.simulation.FaultRule;
import io.dynabox.engine.simulation.SimulationEvent;
import io.dynabox.engine.simulation.SimulationSettings;
import io.dynabox.engine.table.NamespaceSnapshot;
import io.dynabox.sdk.streams.DynaboxStreams;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;

/**
 * One isolated set of tables in a Dynabox: what callers with one access key and region
 * see, as in DynamoDB Local. Clients made here carry the namespace's credentials, so they
 * see only its tables. Opening one costs microseconds (nothing exists until it is used).
 *
 * <p>{@link #reset()} empties it; {@link #snapshot()} and {@link #restore} copy its tables
 * and items out and back, in time proportional to the data, so a fixture is loaded once and
 * restored for every test. {@link #close()} closes the clients made here; {@link #drop()}
 * also forgets the data.
 */
public final class DynaboxNamespace implements AutoCloseable {
    private final Dynabox dynabox;
    private final String accessKeyId;
    private final Region region;
    /** What this namespace's clients sign with; handed to the next namespace with them by {@link #handOver}. */
    private NamespaceCredentials credentials;
    private volatile DynamoDbClient client;
    private volatile DynamoDbAsyncClient asyncClient;
    private volatile DynamoDbStreamsClient streamsClient;
    private volatile DynamoDbStreamsAsyncClient streamsAsyncClient;

    DynaboxNamespace(Dynabox dynabox, String accessKeyId, Region region) {
        this(dynabox, accessKeyId, region, new NamespaceCredentials(accessKeyId));
    }

    private DynaboxNamespace(Dynabox dynabox, String accessKeyId, Region region, NamespaceCredentials credentials) {
        this.dynabox = dynabox;
        this.accessKeyId = accessKeyId;
        this.region = region;
        this.credentials = credentials;
    }

    /**
     * A namespace under {@code nextAccessKeyId} (same region) that takes over the clients made
     * here and their credentials, which point at it from now on; this namespace keeps its name,
     * gets credentials of its own, and makes new clients if asked again.
     */
    synchronized DynaboxNamespace handOver(String nextAccessKeyId) {
        NamespaceCredentials handed = credentials;
        handed.pointTo(nextAccessKeyId);
        DynaboxNamespace next = new DynaboxNamespace(dynabox, nextAccessKeyId, region, handed);
        next.client = client;
        next.asyncClient = asyncClient;
        next.streamsClient = streamsClient;
        next.streamsAsyncClient = streamsAsyncClient;
        client = null;
        asyncClient = null;
        streamsClient = null;
        streamsAsyncClient = null;
        credentials = new NamespaceCredentials(accessKeyId);
        return next;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    /** Any secret works: Dynabox does not check signatures (which is what lets its own clients skip computing them). */
    public String secretAccessKey() {
        return Dynabox.SECRET_KEY;
    }

    public Region region() {
        return region;
    }

    /** Credentials that name this namespace, for clients of your own (or of other languages, through the server). */
    public synchronized AwsCredentialsProvider credentialsProvider() {
        return credentials;
    }

    public Dynabox dynabox() {
        return dynabox;
    }

    /**
     * A client builder wired to this namespace through the in-process door; change anything but the credentials and region.
     * It skips two costs of the SDK that buy nothing in-process (together a third of the time of an in-process call): endpoint rules (a
     * fixed endpoint provider) and signature computation ({@link InProcessSigning}: the headers of SigV4 without the hashing).
     */
    public DynamoDbClientBuilder dynamoDbClientBuilder() {
        return DynamoDbClient.builder()
                .httpClient(dynabox.httpClient())
                .endpointProvider(Dynabox.IN_PROCESS_ENDPOINT_PROVIDER)
                .putAuthScheme(InProcessSigning.SCHEME)
                .region(region)
                .credentialsProvider(credentialsProvider());
    }

    public DynamoDbAsyncClientBuilder dynamoDbAsyncClientBuilder() {
        return DynamoDbAsyncClient.builder()
                .httpClient(dynabox.asyncHttpClient())
                .endpointProvider(Dynabox.IN_PROCESS_ENDPOINT_PROVIDER)
                .putAuthScheme(InProcessSigning.SCHEME)
                .region(region)
                .credentialsProvider(credentialsProvider());
    }

    /** This namespace's client, made on first use and closed with the namespace. */
    public DynamoDbClient dynamoDbClient() {
        DynamoDbClient made = client;
        if (made == null) {
            synchronized (this) {
                if (client == null) client = dynamoDbClientBuilder().build();
                made = client;
            }
        }
        return made;
    }

    /** This namespace's asynchronous client, made on first use and closed with the namespace. */
    public DynamoDbAsyncClient dynamoDbAsyncClient() {
        DynamoDbAsyncClient made = asyncClient;
        if (made == null) {
            synchronized (this) {
                if (asyncClient == null) asyncClient = dynamoDbAsyncClientBuilder().build();
                made = asyncClient;
            }
        }
        return made;
    }

    /** A DynamoDB Streams client builder wired to this namespace through the in-process door. */
    public DynamoDbStreamsClientBuilder dynamoDbStreamsClientBuilder() {
        return DynamoDbStreamsClient.builder()
                .httpClient(dynabox.httpClient())
                .endpointProvider(Dynabox.IN_PROCESS_STREAMS_ENDPOINT_PROVIDER)
                .putAuthScheme(InProcessSigning.SCHEME)
                .region(region)
                .credentialsProvider(credentialsProvider());
    }

    public DynamoDbStreamsAsyncClientBuilder dynamoDbStreamsAsyncClientBuilder() {
        return DynamoDbStreamsAsyncClient.builder()
                .httpClient(dynabox.asyncHttpClient())
                .endpointProvider(Dynabox.IN_PROCESS_STREAMS_ENDPOINT_PROVIDER)
                .putAuthScheme(InProcessSigning.SCHEME)
                .region(region)
                .credentialsProvider(credentialsProvider());
    }

    /** This namespace's DynamoDB Streams client, made on first use and closed with the namespace. */
    public DynamoDbStreamsClient dynamoDbStreamsClient() {
        DynamoDbStreamsClient made = streamsClient;
        if (made == null) {
            synchronized (this) {
                if (streamsClient == null) streamsClient = dynamoDbStreamsClientBuilder().build();
                made = streamsClient;
            }
        }
        return made;
    }

    /** This namespace's asynchronous DynamoDB Streams client, made on first use and closed with the namespace. */
    public DynamoDbStreamsAsyncClient dynamoDbStreamsAsyncClient() {
        DynamoDbStreamsAsyncClient made = streamsAsyncClient;
        if (made == null) {
            synchronized (this) {
                if (streamsAsyncClient == null) streamsAsyncClient = dynamoDbStreamsAsyncClientBuilder().build();
                made = streamsAsyncClient;
            }
        }
        return made;
    }

    /** Streams for tests: a table's stream as a list of records, and handlers fed like stream-triggered functions. */
    public DynaboxStreams streams() {
        return new DynaboxStreams(dynamoDbClient(), dynamoDbStreamsClient());
    }

    /** An Enhanced Client over {@link #dynamoDbClient()} (needs {@code software.amazon.awssdk:dynamodb-enhanced}). */
    public DynamoDbEnhancedClient enhancedClient() {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDbClient()).build();
    }

    /** An Enhanced Async Client over {@link #dynamoDbAsyncClient()} (needs {@code software.amazon.awssdk:dynamodb-enhanced}). */
    public DynamoDbEnhancedAsyncClient enhancedAsyncClient() {
        return DynamoDbEnhancedAsyncClient.builder().dynamoDbClient(dynamoDbAsyncClient()).build();
    }

    /** Drops every table of this namespace at once (no DELETING period). */
    public void reset() {
        admin().reset(accessKeyId, region.id());
    }

    /** The tables of this namespace and all their items, frozen; restore it here or into any other namespace. */
    public NamespaceSnapshot snapshot() {
        return admin().snapshot(accessKeyId, region.id());
    }

    /** Replaces this namespace's tables by those of the snapshot, ACTIVE at once. */
    public void restore(NamespaceSnapshot snapshot) {
        admin().restore(accessKeyId, region.id(), snapshot);
    }

    /** The engine's one clock (shared by every namespace). */
    public EngineClock clock() {
        return admin().clock();
    }

    /** The simulation settings this namespace's requests meet: its own, else the server's. */
    public SimulationSettings simulation() {
        return admin().simulation(accessKeyId, region.id());
    }

    /** Gives this namespace simulation settings of its own, in place of the server's. */
    public void simulation(SimulationSettings settings) {
        admin().simulation(accessKeyId, region.id(), settings);
    }

    /** Adds a fault rule for this namespace's requests alone; the answer carries its id. */
    public FaultRule addFault(FaultRule rule) {
        return admin().addFault(accessKeyId, region.id(), rule);
    }

    /** This namespace's own fault rules (server-wide rules apply too). */
    public List<FaultRule> faults() {
        return admin().faults(accessKeyId, region.id());
    }

    public boolean removeFault(String id) {
        return admin().removeFault(accessKeyId, region.id(), id);
    }

    public void clearFaults() {
        admin().clearFaults(accessKeyId, region.id());
    }

    /** What the simulation did to this namespace's requests, oldest first. */
    public List<SimulationEvent> simulationEvents() {
        return admin().events(accessKeyId, region.id());
    }

    /**
     * Sends one DynamoDB request as JSON (the body the service receives, e.g. an AWS CLI
     * {@code --cli-input-json} document) and returns the JSON answer; an error answer throws
     * {@link DynaboxRequestException}.
     */
    public String call(String action, String requestJson) {
        String date = "20000101T000000Z";
        String authorization = "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/20000101/" + region.id()
                + "/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=in-process";
        DynamoResponse answer = engine().handle(new DynamoRequest("DynamoDB_20120810." + action, authorization, date,
                requestJson.getBytes(StandardCharsets.UTF_8)));
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        if (answer.status() != 200) throw new DynaboxRequestException(action, answer.status(), body);
        return body;
    }

    /**
     * Creates tables from JSON: one CreateTable request as the AWS CLI's
     * {@code --cli-input-json} reads it, or an array of them; returns when they are ACTIVE.
     * Returns the names of the tables created.
     */
    public List<String> createTables(String createTableJson) {
        return JsonFixtures.createTables(this, createTableJson);
    }

    /**
     * Puts items from JSON in BatchWriteItem's shape (as {@code aws dynamodb batch-write-item
     * --request-items} reads it): {@code {"table": [{"PutRequest": {"Item": {...}}}, ...]}},
     * optionally wrapped in {@code {"RequestItems": ...}}. Returns how many were put.
     */
    public int putItems(String requestItemsJson) {
        return JsonFixtures.putItems(this, requestItemsJson);
    }

    /** Closes the clients made by this namespace, then forgets its tables and items. */
    public void drop() {
        close();
        engine().dropNamespace(accessKeyId, region.id());
    }

    /** Closes the clients made by this namespace; its tables stay. */
    @Override
    public synchronized void close() {
        if (client != null) client.close();
        if (asyncClient != null) asyncClient.close();
        if (streamsClient != null) streamsClient.close();
        if (streamsAsyncClient != null) streamsAsyncClient.close();
        client = null;
        asyncClient = null;
        streamsClient = null;
        streamsAsyncClient = null;
    }

    private Admin admin() {
        return engine().admin();
    }

    private Engine engine() {
        return dynabox.engine();
    }

    @Override
    public String toString() {
        return "DynaboxNamespace[" + accessKeyId + ", " + region.id() + "]";
    }
}
