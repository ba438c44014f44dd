package io.dynabox.engine;

import io.dynabox.engine.clock.EngineClock;
import io.dynabox.engine.simulation.FaultRule;
import io.dynabox.engine.simulation.SimulationSettings;
import io.dynabox.engine.table.AccountQuotas;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every setting of a Dynabox instance, in one place: the command line and the Java builder
 * both fill this record, and nothing reads configuration from anywhere else.
 *
 * @param host                     address the HTTP door binds to
 * @param port                     port of the HTTP door (0 picks a free one)
 * @param dbPath                   directory of the SQLite files, or null to keep data in memory
 * @param sharedDb                 one namespace for every caller, whatever its credentials and region
 * @param delayTransientStatuses   how long tables stay CREATING, UPDATING and DELETING
 * @param strictMessages           error messages exactly as DynamoDB's, without Dynabox's explanation
 * @param corsOrigins              origins allowed by CORS; empty means no CORS answers
 * @param optimizeDbBeforeStartup  compact the database files before serving
 * @param clock                    {@code system}, {@code manual} (time stands still from start-up until moved) or
 *                                 {@code manual=ISO-8601} (stands still at that instant); see {@link EngineClock#parse}
 * @param simulation               throttling, consistency lag, conflicts and the seed; everything off by default
 * @param faults                   fault rules in force from start-up
 * @param credentials              file of access keys and secrets whose SigV4 signatures are verified; null
 *                                 (the default) checks no signature
 * @param consoleReadOnly          the web console shows data but changes nothing
 * @param idleTimeout              a keep-alive connection with no request under way for this long is closed
 * @param requestTimeout           a request must arrive whole within this time of its first byte, or its connection is closed
 * @param maxConnections           open connections beyond this many are closed as soon as they are accepted
 * @param fullIntegrityCheck       check every page of every database file at start, not only its structure's quick check
 * @param prices                   a prices file for the planning report instead of the bundled ones, or null
 * @param streamShardRollover      how long a stream's shard takes records before it closes and a child shard opens
 * @param ttlSweepDelay            how long after an item's Time to Live expires the sweeper deletes it, at most
 * @param replicationDelay         how long a write to a global table's replica takes to reach the other replicas
 * @param kinesisEndpoint          a Kinesis-compatible endpoint that Kinesis streaming destinations send the tables'
 *                                 changes to, or null (none: enabling a destination fails as for a missing stream)
 * @param logRequests              one line per answered request on standard output, whatever the door ({@code --log-requests})
 * @param s3Dir                    the directory that stands in for S3 in exports and imports, a bucket per subfolder; null
 *                                 for the default ({@code s3} under the db path, or {@code dynabox-s3} in the temporary directory)
 * @param s3Endpoint               an S3-compatible endpoint (URL) exports and imports use instead of the directory, or null
 * @param accountQuotas            the account's table quotas per namespace (tables, simultaneous table operations, simultaneous
 *                                 creations of tables with indexes); the service's defaults unless changed
 */
public record DynaboxOptions(String host, int port, Path dbPath, boolean sharedDb,
                             Duration delayTransientStatuses, boolean strictMessages,
                             List<String> corsOrigins, boolean optimizeDbBeforeStartup,
                             String clock, SimulationSettings simulation, List<FaultRule> faults, Path credentials,
                             boolean consoleReadOnly,
                             Duration idleTimeout, Duration requestTimeout, int maxConnections, boolean fullIntegrityCheck,
                             Path prices, Duration streamShardRollover, Duration ttlSweepDelay,
                             Duration replicationDelay, URI kinesisEndpoint,
                             boolean logRequests, Path s3Dir, String s3Endpoint, AccountQuotas accountQuotas) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    /** Longer than the AWS SDKs keep an idle pooled connection (60 s), so the client is the one to close it. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    /** The service rolls a stream's shard over about every four hours. */
    public static final Duration DEFAULT_STREAM_SHARD_ROLLOVER = Duration.ofHours(4);
    /** Expired items go within seconds (the service takes up to a few days). */
    public static final Duration DEFAULT_TTL_SWEEP_DELAY = Duration.ofSeconds(5);

    public DynaboxOptions {
        corsOrigins = List.copyOf(corsOrigins);
        faults = List.copyOf(faults);
        EngineClock.parse(clock); // refuses a malformed setting here rather than at start-up
        if (delayTransientStatuses.isNegative()) throw new IllegalArgumentException("delay must not be negative");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) throw new IllegalArgumentException("timeouts must be positive");
        if (maxConnections < 1) throw new IllegalArgumentException("the connection limit must be at least 1");
        if (streamShardRollover == null) streamShardRollover = DEFAULT_STREAM_SHARD_ROLLOVER;
        if (ttlSweepDelay == null) ttlSweepDelay = DEFAULT_TTL_SWEEP_DELAY;
        if (streamShardRollover.isNegative() || streamShardRollover.isZero()) {
            throw new IllegalArgumentException("the stream shard roll-over period must be positive");
        }
        if (ttlSweepDelay.isNegative()) throw new IllegalArgumentException("the TTL sweep delay must not be negative");
        if (replicationDelay == null) replicationDelay = Duration.ZERO;
        if (accountQuotas == null) accountQuotas = AccountQuotas.SERVICE;
        if (replicationDelay.isNegative()) throw new IllegalArgumentException("the replication delay must not be negative");
        if (kinesisEndpoint != null && (kinesisEndpoint.getHost() == null
                || !("http".equals(kinesisEndpoint.getScheme()) || "https".equals(kinesisEndpoint.getScheme())))) {
            throw new IllegalArgumentException("the Kinesis endpoint must be an http:// or https:// URL with a host: " + kinesisEndpoint);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static DynaboxOptions defaults() {
        return builder().build();
    }

    public boolean inMemory() {
        return dbPath == null;
    }

    /** The directory that stands in for S3: {@code s3Dir}, else {@code s3} under the db path, else {@code dynabox-s3} in the temporary directory. */
    public Path s3Directory() {
        if (s3Dir != null) return s3Dir;
        if (dbPath != null) return dbPath.resolve("s3");
        return Path.of(System.getProperty("java.io.tmpdir"), "dynabox-s3");
    }

    public Builder toBuilder() {
        return new Builder().host(host).port(port).dbPath(dbPath).sharedDb(sharedDb)
                .delayTransientStatuses(delayTransientStatuses).strictMessages(strictMessages)
                .corsOrigins(corsOrigins).optimizeDbBeforeStartup(optimizeDbBeforeStartup)
                .clock(clock).simulation(simulation).faults(faults).credentials(credentials)
                .consoleReadOnly(consoleReadOnly)
                .idleTimeout(idleTimeout).requestTimeout(requestTimeout).maxConnections(maxConnections)
                .fullIntegrityCheck(fullIntegrityCheck).prices(prices)
                .streamShardRollover(streamShardRollover).ttlSweepDelay(ttlSweepDelay)
                .replicationDelay(replicationDelay).kinesisEndpoint(kinesisEndpoint)
                .logRequests(logRequests)
                .s3Dir(s3Dir).s3Endpoint(s3Endpoint).accountQuotas(accountQuotas);
    }

    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private Path dbPath;
        private boolean sharedDb;
        private Duration delayTransientStatuses = Duration.ZERO;
        private boolean strictMessages;
        private List<String> corsOrigins = List.of();
        private boolean optimizeDbBeforeStartup;
        private String clock = EngineClock.SYSTEM_MODE;
        private SimulationSettings simulation = SimulationSettings.OFF;
        private List<FaultRule> faults = List.of();
        private Path credentials;
        private boolean consoleReadOnly;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private boolean fullIntegrityCheck;
        private Path prices;
        private Duration streamShardRollover = DEFAULT_STREAM_SHARD_ROLLOVER;
        private Duration ttlSweepDelay = DEFAULT_TTL_SWEEP_DELAY;
        private Duration replicationDelay = Duration.ZERO;
        private URI kinesisEndpoint;
        private boolean logRequests;
        private Path s3Dir;
        private String s3Endpoint;
        private AccountQuotas accountQuotas = AccountQuotas.SERVICE;

        public Builder host(String value) { host = value; return this; }
        public Builder port(int value) { port = value; return this; }
        public Builder dbPath(Path value) { dbPath = value; return this; }
        public Builder inMemory() { dbPath = null; return this; }
        public Builder sharedDb(boolean value) { sharedDb = value; return this; }
        public Builder delayTransientStatuses(Duration value) { delayTransientStatuses = value; return this; }
        public Builder strictMessages(boolean value) { strictMessages = value; return this; }
        public Builder corsOrigins(List<String> value) { corsOrigins = value; return this; }
        public Builder optimizeDbBeforeStartup(boolean value) { optimizeDbBeforeStartup = value; return this; }
        public Builder clock(String value) { clock = value; return this; }
        /** Manual time, standing still at {@code start} until a test moves it. */
        public Builder manualClock(Instant start) { clock = EngineClock.MANUAL_MODE + "=" + start; return this; }
        public Builder simulation(SimulationSettings value) { simulation = value; return this; }
        public Builder faults(List<FaultRule> value) { faults = value; return this; }
        public Builder credentials(Path value) { credentials = value; return this; }
        public Builder consoleReadOnly(boolean value) { consoleReadOnly = value; return this; }
        public Builder idleTimeout(Duration value) { idleTimeout = value; return this; }
        public Builder requestTimeout(Duration value) { requestTimeout = value; return this; }
        public Builder maxConnections(int value) { maxConnections = value; return this; }
        public Builder fullIntegrityCheck(boolean value) { fullIntegrityCheck = value; return this; }
        public Builder streamShardRollover(Duration value) { streamShardRollover = value; return this; }
        public Builder ttlSweepDelay(Duration value) { ttlSweepDelay = value; return this; }
        /** How long a write to a global table's replica takes to reach the others (0, the default: as soon as the replication thread runs). */
        public Builder replicationDelay(Duration value) { replicationDelay = value; return this; }
        public Builder kinesisEndpoint(URI value) { kinesisEndpoint = value; return this; }
        public Builder logRequests(boolean value) { logRequests = value; return this; }
        public Builder s3Dir(Path value) { s3Dir = value; return this; }
        public Builder s3Endpoint(String value) { s3Endpoint = value; return this; }
        public Builder accountQuotas(AccountQuotas value) { accountQuotas = value; return this; }

        public Builder prices(Path value) { prices = value; return this; }

        public DynaboxOptions build() {
            return new DynaboxOptions(host, port, dbPath, sharedDb, delayTransientStatuses, strictMessages,
                    corsOrigins, optimizeDbBeforeStartup, clock, simulation, faults, credentials, consoleReadOnly,
                    idleTimeout, requestTimeout, maxConnections, fullIntegrityCheck, prices,
                    streamShardRollover, ttlSweepDelay, replicationDelay, kinesisEndpoint, logRequests, s3Dir, s3Endpoint,
                    accountQuotas);
        }
    }
}
