package io.dynabox.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.admin.Admin;
import io.dynabox.engine.accounting.Accounting;
import io.dynabox.engine.accounting.ContributorInsightsKeys;
import io.dynabox.engine.accounting.ReportRoutes;
import io.dynabox.engine.admin.AdminApi;
import io.dynabox.engine.capacity.CapacityLedger;
import io.dynabox.engine.capacity.CapacityListener;
import io.dynabox.engine.capacity.ThrottlePolicy;
import io.dynabox.engine.clock.EngineClock;
import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.feed.ChangeFeed;
import io.dynabox.engine.operation.Operation;
import io.dynabox.engine.operation.Operations;
import io.dynabox.engine.operation.PlainOperation;
import io.dynabox.engine.operation.PlainOperation.PlainRequest;
import io.dynabox.engine.operation.RequestContext;
import io.dynabox.engine.replication.Replicator;
import io.dynabox.engine.simulation.FaultRule;
import io.dynabox.engine.simulation.InjectedError;
import io.dynabox.engine.simulation.Simulation;
import io.dynabox.engine.simulation.SimulationEvent;
import io.dynabox.engine.simulation.StaleReads;
import io.dynabox.engine.simulation.TransactionConflicts;
import io.dynabox.engine.store.MemoryStore;
import io.dynabox.engine.store.SqliteStore;
import io.dynabox.engine.store.StoreException;
import io.dynabox.engine.store.Store;
import io.dynabox.engine.s3.Buckets;
import io.dynabox.engine.table.Namespace;
import io.dynabox.engine.table.NamespaceSnapshot;
import io.dynabox.engine.wire.ContentCoding;
import io.dynabox.engine.kinesis.KinesisDelivery;
import io.dynabox.engine.transfer.TransferJobs;
import io.dynabox.engine.ttl.TimeToLiveSweeper;
import io.dynabox.engine.wire.Credentials;
import io.dynabox.engine.wire.ErrorWire;
import io.dynabox.engine.wire.Json;
import io.dynabox.engine.wire.PlainRequests;
import io.dynabox.engine.wire.RegionNames;
import io.dynabox.engine.wire.RequestIds;
import io.dynabox.engine.wire.ShapeValidator;
import java.util.Collection;
import io.dynabox.engine.wire.SignatureCheck;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The one entry point every door calls: a DynamoDB request in (target, credentials, JSON
 * body), a DynamoDB response out. Steps, in the service's order: the body parses, the
 * action is known, the caller is authenticated, the body fits the service model's shapes,
 * then the action itself runs in the caller's namespace.
 */
public final class Engine implements AutoCloseable {
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final String STREAMS_TARGET_PREFIX = "DynamoDBStreams_20120810.";
    private static final String SHARED_NAMESPACE = "shared";
    private static final String DEFAULT_REGION = "us-east-1";

    private final DynaboxOptions options;
    private final Store store;
    private final EngineClock clock;
    private final Simulation simulation;
    private final Admin admin;
    private final List<CapacityListener> capacityListeners = new CopyOnWriteArrayList<>();
    private final AdminApi adminApi;
    private final Map<String, Operation> operations = Operations.all();
    private final Map<String, Operation> streamOperations = Operations.streams();
    private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();
    private final ChangeFeed changeFeed;
    private final Accounting accounting;
    private final ContributorInsightsKeys insightsKeys;
    // parts that live as long as the engine and are made on first use (metrics, console), by type
    private final Map<Class<?>, Object> extensions = new ConcurrentHashMap<>();
    private volatile RequestObserver observer;
    /** Null unless signatures are to be verified ({@code --credentials}). */
    private final SignatureCheck signatureCheck;
    private final TimeToLiveSweeper sweeper;
    private final Replicator replicator;
    private final KinesisDelivery kinesis;
    // runs exports and imports off the request thread
    private final TransferJobs transferJobs;
    // where exports and imports go: made on first use (an S3 endpoint's client costs start-up time)
    private Buckets buckets;
    // set once the sweeper has loaded every namespace the store kept
    private volatile boolean storedNamespacesLoaded;

    public Engine(DynaboxOptions options) {
        this(options, options.inMemory() ? new MemoryStore()
                        : new SqliteStore(options.dbPath(), options.optimizeDbBeforeStartup(), options.fullIntegrityCheck()),
                EngineClock.parse(options.clock()));
    }

    /** An engine over {@code store} whose time is {@code clock}: an {@link EngineClock}, or any source of epoch milliseconds. */
    public Engine(DynaboxOptions options, Store store, LongSupplier clock) {
        this.options = options;
        this.store = store;
        this.clock = EngineClock.following(clock);
        this.changeFeed = new ChangeFeed(this.clock);
        this.simulation = new Simulation(this.clock, changeFeed, options.simulation(), options.faults());
        this.admin = new Admin(this);
        this.adminApi = new AdminApi(admin);
        this.accounting = new Accounting(this);
        this.insightsKeys = new ContributorInsightsKeys(this);
        ReportRoutes.register(adminApi, this);
        this.signatureCheck = options.credentials() == null ? null : SignatureCheck.fromFile(options.credentials());
        Buckets.checkEndpointSupport(options);
        this.sweeper = new TimeToLiveSweeper(this::sweptNamespaces, this.clock, options.ttlSweepDelay());
        sweeper.start();
        this.replicator = new Replicator(this::namespace, this::regionsOf, this.clock, options.replicationDelay());
        replicator.chargeTo((namespaceId, action, requestId, ledger) -> {
            for (CapacityListener listener : capacityListeners) listener.consumed(namespaceId, action, requestId, ledger);
        });
        replicator.start();
        this.kinesis = KinesisDelivery.to(options.kinesisEndpoint(), this.clock, options.strictMessages());
        this.transferJobs = new TransferJobs(this.clock);
        if (options.logRequests()) addObserver(new RequestLog(System.out, this.clock));
        if (!options.sharedDb() && store.namespaceIds().contains(SHARED_NAMESPACE)) {
            log().log(System.Logger.Level.WARNING, "the data in " + options.dbPath() + " was written with --shared-db: without it, "
                    + "requests reach a namespace of their own credentials and region, not those tables; start with --shared-db to use them");
        }
    }

    public DynaboxOptions options() {
        return options;
    }

    /** Runs the request and answers once what it wrote is durable. */
    public DynamoResponse handle(DynamoRequest request) {
        return handleAsync(request).join();
    }

    /**
     * Runs the request on the calling thread; the answer completes once what it wrote is
     * durable: at once for reads and in memory, later with a file store, whose committer
     * completes it, so a server needs no thread waiting for the disk per write. The future
     * never completes exceptionally.
     */
    public CompletableFuture<DynamoResponse> handleAsync(DynamoRequest request) {
        return handleAsync(request, null);
    }

    /**
     * Runs a request in the namespace given (by its id, as {@link #namespaceIds()} lists
     * them) rather than the one its credentials name: for Dynabox's own tools, such as the
     * console, that act on a namespace chosen by the person using them. No signature is checked.
     */
    public CompletableFuture<DynamoResponse> handleAsync(String namespaceId, String action, byte[] body) {
        return handleAsync(new DynamoRequest(TARGET_PREFIX + action, null, null, body), namespaceId);
    }

    private CompletableFuture<DynamoResponse> handleAsync(DynamoRequest request, String namespaceId) {
        long started = System.nanoTime();
        String requestId = RequestIds.next();
        Observed observed = new Observed();
        DynamoResponse answer;
        // a fault rule's latency, in milliseconds; only the simulation sets it
        long[] latency = simulation.active() ? new long[1] : null;
        try {
            answer = new DynamoResponse(200, Json.write(execute(request, requestId, namespaceId, observed, latency)), requestId);
        } catch (DynamoException e) {
            observed.errorType = e.code().shortType();
            answer = new DynamoResponse(e.code().status, ErrorWire.body(e, options.strictMessages()), requestId);
        } catch (RuntimeException | StackOverflowError e) {
            observed.errorType = ErrorCode.INTERNAL_SERVER_ERROR.shortType();
            answer = internalError(requestId, "Dynabox", e);
        }
        // acknowledge only what is on disk (an error answer too may follow a write); no lock is held here
        CompletableFuture<Void> durable = store.durable();
        CompletableFuture<DynamoResponse> done;
        if (durable == null) {
            done = CompletableFuture.completedFuture(answer);
        } else {
            DynamoResponse ready = answer;
            done = durable.handle((written, failure) -> {
                if (failure != null) observed.errorType = ErrorCode.INTERNAL_SERVER_ERROR.shortType();
                return failure == null ? ready : internalError(requestId, "the store", failure);
            });
        }
        if (latency != null && latency[0] > 0) {
            // injected latency delays the answer on a timer thread: no door's thread waits for it
            done = done.thenApplyAsync(ready -> ready, CompletableFuture.delayedExecutor(latency[0], TimeUnit.MILLISECONDS));
        }
        // a transaction's items stay in flight until its answer is out
        if (latency != null) done = done.whenComplete((ready, failure) -> simulation.requestDone(requestId));
        RequestObserver told = observer;
        if (told == null) return done;
        if (done.isDone()) {
            observed.report(told, requestId, done.join().status(), started);
            return done;
        }
        return done.thenApply(ready -> {
            observed.report(told, requestId, ready.status(), started);
            return ready;
        });
    }

    /** What an observer is told about a request, gathered as it runs. */
    private static final class Observed {
        String namespaceId;
        String requestedAction;
        String action;
        String tableName;
        String errorType;

        void report(RequestObserver observer, String requestId, int status, long started) {
            observer.answered(new RequestObserver.Answered(requestId, namespaceId, requestedAction, action, tableName, status,
                    errorType, System.nanoTime() - started));
        }
    }

    /** Adds an observer told about every request from now on. */
    public synchronized void addObserver(RequestObserver added) {
        RequestObserver current = observer;
        observer = current == null ? added : current.andThen(added);
    }

    /**
     * The engine's one instance of {@code type}, made by {@code create} on first use: parts
     * that live as long as the engine (its metrics, its console) without the engine knowing them.
     */
    public <T> T extension(Class<T> type, Function<Engine, T> create) {
        return type.cast(extensions.computeIfAbsent(type, t -> create.apply(this)));
    }

    /**
     * The answer to a request that failed inside Dynabox ({@code where} names the part), logged
     * and written by the one error writer, as every other error is; doors use it for their own failures.
     */
    public DynamoResponse internalError(String requestId, String where, Throwable cause) {
        StoreException store = storeFailure(cause);
        String explanation;
        if (store != null) { // the store said what and why when it happened: each request only names it
            log().log(System.Logger.Level.WARNING, "request " + requestId + " failed: " + store.getMessage());
            explanation = store.getMessage() + " (request id " + requestId + ")";
        } else {
            log().log(System.Logger.Level.ERROR, "request " + requestId + " failed inside " + where, cause);
            explanation = "request id " + requestId + " failed inside " + where + "; the server log has the details";
        }
        DynamoException internal = new DynamoException(ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error", explanation);
        return new DynamoResponse(500, ErrorWire.body(internal, options.strictMessages()), requestId);
    }

    /** The store's failure behind an exception (a disk full, a database refusing writes), or null. */
    private static StoreException storeFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof StoreException s) return s;
        }
        return null;
    }


    private JsonNode execute(DynamoRequest request, String requestId, String namespaceId, Observed observed, long[] latency) {
        RequestHead head = request.head();
        byte[] body = head == null ? request.body() : ContentCoding.decode(head.header("content-encoding"), request.body());
        boolean hasBody = body != null && body.length > 0;
        String target = request.target();
        // a hot action's request of the plain shape is read straight from its bytes (see PlainOperation);
        // any other takes the tree path, and so does every request while a fault rule (which reads the tree) is in force
        boolean streams = target != null && target.startsWith(STREAMS_TARGET_PREFIX);
        String action = streams ? target.substring(STREAMS_TARGET_PREFIX.length()) : actionOf(target);
        Operation operation = action == null ? null : (streams ? streamOperations : operations).get(action);
        PlainRequest plain = hasBody && (latency == null || !simulation.anyFaults()) ? readPlain(operation, body) : null;
        // the service parses a body before it looks at the target, and authenticates after
        JsonNode json = hasBody && plain == null ? ShapeValidator.parseBody(body) : null;
        observed.requestedAction = action;
        ShapeValidator validator = streams ? ShapeValidator.streams() : ShapeValidator.instance();
        // an action of the service that Dynabox has not built is known to the service: it authenticates first
        if (operation == null && (action == null || !validator.isServiceAction(action))) {
            throw new DynamoException(ErrorCode.UNKNOWN_OPERATION, null);
        }
        Credentials credentials = namespaceId == null ? authenticate(request) : null;
        if (operation == null) throw notBuiltYet(action);
        observed.action = action;
        if (plain != null) {
            observed.tableName = plain.tableName(); // valid by the model's shapes: a plain request is one the validator accepts
        } else {
            if (json == null) throw DynamoException.serialization(null);
            JsonNode tableName = json.get("TableName");
            if (tableName != null && tableName.isTextual()) observed.tableName = tableName.textValue();
            validator.validate(action, json);
        }
        Namespace namespace = namespaceId == null ? namespace(credentials) : namespace(namespaceId);
        observed.namespaceId = namespace.id();
        ThrottlePolicy throttle = null;
        TransactionConflicts conflicts = null;
        StaleReads staleReads = null;
        if (latency != null) {
            injectFault(namespace, action, json, requestId, latency);
            throttle = simulation.throttleFor(namespace.id());
            conflicts = simulation.conflictsFor(namespace.id());
            staleReads = simulation.staleReadsFor(namespace.id());
        }
        long now = clock.getAsLong();
        RequestContext context = new RequestContext(namespace, store, options, now, requestId, action, new CapacityLedger(now),
                throttle, conflicts, staleReads);
        try {
            JsonNode answer = plain != null ? plain.execute(context) : operation.execute(context, json);
            // a multi-Region strongly consistent table's write reaches its replicas before the answer
            replicator.settleStrong();
            return answer;
        } finally {
            // a request that failed may still have consumed (a failed condition) or been refused (a throttle): settled and told too
            settle(context, namespaceId, action);
        }
    }

    private void settle(RequestContext context, String namespaceId, String action) {
        if (context.throttle() != null) context.throttle().settle(context, context.ledger());
        // what Dynabox's own tools read (the console) is not the application's traffic: accounting leaves it out
        if (namespaceId == null && !capacityListeners.isEmpty() && !context.ledger().isEmpty()) {
            for (CapacityListener listener : capacityListeners) listener.consumed(context.namespace().id(), action, context.requestId(), context.ledger());
        }
    }

    /** The request read from its bytes when its action has a streamed path and it has the plain shape; null otherwise. */
    private static PlainRequest readPlain(Operation operation, byte[] body) {
        if (!(operation instanceof PlainOperation plain)) return null;
        try {
            return PlainRequests.read(body, plain.newPlainRequest());
        } catch (PlainRequests.NotPlain e) {
            return null;
        }
    }

    /**
     * The caller's credentials; with {@code --credentials}, the signature of a request that came
     * through a door is verified too. Calls with no request head come from Dynabox's own Java
     * API (fixtures, warm-up), which is no authentication boundary.
     */
    private Credentials authenticate(DynamoRequest request) {
        Credentials credentials = Credentials.of(request.authorization(), request.date(), request.query());
        RegionNames.check(credentials.region());
        if (signatureCheck != null && request.head() != null) {
            boolean header = request.authorization() != null;
            signatureCheck.verify(request.head(), header ? request.authorization() : Credentials.queryAsHeader(request.query()),
                    header ? request.date() : request.query().get("X-Amz-Date"), request.body(), clock.getAsLong());
        }
        return credentials;
    }

    /** Answers with a fault rule's error, or notes its latency, when one hits this request. */
    private void injectFault(Namespace namespace, String action, JsonNode body, String requestId, long[] latency) {
        FaultRule fault = simulation.fireFault(namespace.id(), action, body);
        if (fault == null) return;
        latency[0] = fault.latencyMillis();
        String table = fault.table();
        simulation.record(new SimulationEvent(clock.getAsLong(), "fault", requestId, namespace.id(), action, table,
                "rule " + fault.id() + (fault.error() != null ? " answered " + fault.error() : "")
                        + (fault.latencyMillis() > 0 ? " after " + fault.latencyMillis() + " ms more" : "")));
        if (fault.error() != null) throw InjectedError.named(fault.error()).exception(fault.id(), action);
    }

    /**
     * An action of the service's model that Dynabox has not built: the service's answer to an
     * action it does not have (a bare UnknownOperationException), with a note naming the action,
     * which CLIs and web GUIs show (they show only the message).
     */
    private static DynamoException notBuiltYet(String action) {
        return new DynamoException(ErrorCode.UNKNOWN_OPERATION, null,
                action + " is not built in Dynabox yet; README's compatibility table lists what is");
    }

    private static String actionOf(String target) {
        if (target == null || !target.startsWith(TARGET_PREFIX)) return null;
        return target.substring(TARGET_PREFIX.length());
    }

    private Namespace namespace(Credentials credentials) {
        return namespace(credentials.accessKeyId(), credentials.region());
    }

    /** The namespace callers with this access key and region work in; loaded from the store, or made empty, on first use. */
    public Namespace namespace(String accessKeyId, String region) {
        return namespaceById(namespaceId(accessKeyId, region), region);
    }

    private Namespace namespaceById(String id, String region) {
        return namespaces.computeIfAbsent(id, key -> {
            Namespace loaded = Namespace.load(key, region, store, changeFeed);
            loaded.streams().configure(options.streamShardRollover(), options.delayTransientStatuses());
            loaded.streams().resume(store, key, loaded.tableMap().values(), clock.getAsLong());
            loaded.joinReplication(replicator);
            loaded.deliverKinesisWith(kinesis);
            kinesis.resume(loaded);
            loaded.transfers().connect(this::buckets, transferJobs);
            transferJobs.resume(loaded);
            return loaded;
        });
    }

    /**
     * The namespaces the Time to Live sweeper walks: on its first sweep, every namespace the
     * store kept is loaded, so expired items of a namespace nobody has called since the
     * restart are deleted too; after that, those loaded (a new one is loaded by its first request).
     */
    private Collection<Namespace> sweptNamespaces() {
        if (!storedNamespacesLoaded) {
            for (String id : store.namespaceIds()) {
                try {
                    namespace(id);
                } catch (RuntimeException e) {
                    log().log(System.Logger.Level.WARNING, "the namespace " + id + " could not be loaded for Time to Live: " + e.getMessage());
                }
            }
            storedNamespacesLoaded = true;
        }
        return namespaces.values();
    }

    /** The namespaces used since start-up (or loaded from the store on first use). */
    public Collection<Namespace> namespaces() {
        return namespaces.values();
    }

    /** A namespace by its id ({@code ACCESSKEY_REGION}, or {@code shared}): loaded from the store, or made empty, on first use. */
    public Namespace namespace(String namespaceId) {
        Namespace used = namespaces.get(namespaceId);
        if (used != null) return used;
        if (options.sharedDb()) return namespace(SHARED_NAMESPACE, DEFAULT_REGION);
        // the files of a server started with --shared-db, opened without it: readable (the report, the
        // sweeper), though no caller's requests reach it
        if (namespaceId.equals(SHARED_NAMESPACE)) return namespaceById(SHARED_NAMESPACE, DEFAULT_REGION);
        int underscore = namespaceId.lastIndexOf('_');
        if (underscore <= 0) throw new IllegalArgumentException("not a namespace id: " + namespaceId);
        return namespace(namespaceId.substring(0, underscore), regionOf(namespaceId));
    }

    /** The region of a namespace id ({@code ACCESSKEY_REGION}; the shared namespace's is the default region), without using the namespace. */
    public String regionOf(String namespaceId) {
        int underscore = namespaceId.lastIndexOf('_');
        if (options.sharedDb() || underscore <= 0) return DEFAULT_REGION;
        // a region that is not valid had its underscores and percent signs escaped (see namespaceId)
        return namespaceId.substring(underscore + 1).replace("%5F", "_").replace("%25", "%");
    }

    /**
     * The ids of the namespaces this engine knows: those used since it started and those its
     * store kept from before, in name order.
     */
    public java.util.SortedSet<String> namespaceIds() {
        java.util.SortedSet<String> ids = new java.util.TreeSet<>(namespaces.keySet());
        ids.addAll(store.namespaceIds());
        return ids;
    }

    /** The id of the namespace callers with this access key and region work in. */
    public String namespaceId(String accessKeyId, String region) {
        return namespaceId(accessKeyId, region, options.sharedDb());
    }

    /**
     * Forgets a namespace: its tables, backups, store file and simulation settings; the next call
     * with its credentials starts empty.
     */
    public void dropNamespace(String accessKeyId, String region) {
        String id = namespaceId(accessKeyId, region);
        Namespace namespace = namespaces.remove(id);
        Namespace dropped = namespace != null ? namespace : Namespace.load(id, region, store);
        NamespaceSnapshot.clear(dropped, store);
        dropped.backups().clear();
        store.dropNamespace(id);
        simulation.forget(id);
    }

    /**
     * {@code ACCESSKEY_region}, DynamoDB Local's naming (and so its file names). A valid
     * region has no underscore, so the id splits back at its last one; a region that is not
     * valid (only Java callers can give one) has its underscores escaped, so the access key
     * {@code a_b} in region {@code c} and {@code a} in {@code b_c} never share tables.
     */
    static String namespaceId(String accessKeyId, String region, boolean shared) {
        if (shared) return SHARED_NAMESPACE;
        return accessKeyId + "_" + (RegionNames.isValid(region) ? region : region.replace("%", "%25").replace("_", "%5F"));
    }

    public Store store() {
        return store;
    }

    /** What every namespace, table and index served: the planning report's figures (see {@code PlanningReport}). */
    public Accounting accounting() {
        return accounting;
    }

    /** Contributor insights' most accessed and most throttled keys of the tables and indexes that have them on. */
    public ContributorInsightsKeys contributorInsights() {
        return insightsKeys;
    }

    /** Where Kinesis streaming destinations send the tables' changes ({@code --kinesis-endpoint}). */
    public KinesisDelivery kinesisDelivery() {
        return kinesis;
    }

    /** Every committed write of every table, in order: see {@link ChangeFeed} for how to subscribe. */
    public ChangeFeed changeFeed() {
        return changeFeed;
    }

    /**
     * Deletes every item whose Time to Live has passed by the engine's clock, now, on the
     * calling thread (the sweeper does it every {@code ttlSweepDelay} by itself); returns how
     * many it deleted. The same sweep forgets the streams of deleted tables past their 24
     * hours and SYSTEM backups past their 35 days (see {@link Namespace#forgetExpired}). For
     * tests that move the clock.
     */
    public int sweepExpiredItems() {
        return sweeper.sweep();
    }

    /** The regions in which {@code accessKeyId} has a namespace (used since start-up, or kept by the store). */
    private List<String> regionsOf(String accessKeyId) {
        List<String> regions = new java.util.ArrayList<>();
        String prefix = accessKeyId + "_";
        for (String id : namespaceIds()) {
            String region = id.substring(prefix.length());
            if (id.startsWith(prefix) && RegionNames.isValid(region)) regions.add(region);
        }
        return regions;
    }

    /** Global tables' replication between the namespaces of one access key: its delay, what is pending, waiting for it. */
    public Replicator replicator() {
        return replicator;
    }

    /** The engine's clock, in epoch milliseconds. */
    public long nowMillis() {
        return clock.getAsLong();
    }

    /** The engine's one clock: system time, or manual time that tests set and advance. */
    public EngineClock clock() {
        return clock;
    }

    /**
     * Receives what every request consumed (its {@link CapacityLedger}), for accounting and insights; close the
     * answer to stop. Listeners run on the request's thread after the action, so they must be quick.
     */
    public AutoCloseable onCapacity(CapacityListener listener) {
        capacityListeners.add(listener);
        return () -> capacityListeners.remove(listener);
    }

    public Simulation simulation() {
        return simulation;
    }

    /** The admin front door: reset, snapshots, clock, simulation settings and faults; every door's admin calls come here. */
    public Admin admin() {
        return admin;
    }

    /** The admin front door's HTTP paths ({@code /dynabox/...}), for doors that speak HTTP. */
    public AdminApi adminApi() {
        return adminApi;
    }

    /** The S3 buckets exports write to and imports read from: the {@code --s3-dir} directory or the {@code --s3-endpoint} server. */
    public synchronized Buckets buckets() {
        if (buckets == null) buckets = Buckets.open(options);
        return buckets;
    }

    @Override
    public void close() {
        accounting.close();
        insightsKeys.close();
        sweeper.close();
        transferJobs.close();
        replicator.close();
        kinesis.close();
        synchronized (this) {
            if (buckets != null) buckets.close();
        }
        store.close();
    }

    /** Fetched when there is something to say: finding the platform's logger costs start-up time. */
    private static System.Logger log() {
        return System.getLogger(Engine.class.getName());
    }
}
