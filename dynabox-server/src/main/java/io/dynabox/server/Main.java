package io.dynabox.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.WarmUp;
import io.dynabox.engine.accounting.Prices;
import io.dynabox.engine.simulation.FaultRule;
import io.dynabox.engine.simulation.SimulationSettings;
import io.dynabox.engine.table.AccountQuotas;
import io.dynabox.engine.wire.Json;
import io.dynabox.engine.wire.SignatureCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: Dynabox's own options, and DynamoDB Local's spellings of the same
 * settings, so Dynabox drops in wherever DynamoDB Local is started.
 */
@Command(name = "dynabox", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, subcommands = ReportCommand.class,
        description = "DynamoDB in a box: answers the Amazon DynamoDB API on HTTP, in memory or in SQLite files.",
        sortOptions = false)
public final class Main implements Callable<Integer> {
    /** How long tables stay CREATING, UPDATING or DELETING when the delay flag is given without a value. */
    static final long DEFAULT_TRANSIENT_DELAY_MILLIS = 1000;

    @Option(names = {"--port", "-port"}, paramLabel = "PORT", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = DynaboxOptions.DEFAULT_PORT;

    @Option(names = {"--host", "-host"}, paramLabel = "ADDRESS", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host = DynaboxOptions.DEFAULT_HOST;

    @Option(names = {"--in-memory", "-inMemory"}, description = "Keep all data in memory (the default).")
    boolean inMemory;

    @Option(names = {"--db-path", "-dbPath"}, paramLabel = "DIR", description = "Keep data in SQLite files in DIR.")
    Path dbPath;

    @Option(names = {"--shared-db", "-sharedDb"}, description = "One database for all credentials and regions.")
    boolean sharedDb;

    @Option(names = {"--delay-transient-statuses", "-delayTransientStatuses"}, arity = "0..1", paramLabel = "MILLIS",
            fallbackValue = "" + DEFAULT_TRANSIENT_DELAY_MILLIS,
            description = "Keep tables CREATING, UPDATING and DELETING for MILLIS ms (${FALLBACK-VALUE} when no value is given; default 0).")
    long delayTransientStatusesMillis;

    @Option(names = {"--strict-messages"}, description = "Error messages exactly as DynamoDB's, without Dynabox's explanations.")
    boolean strictMessages;

    @Option(names = {"--cors", "-cors"}, split = ",", paramLabel = "ORIGINS",
            description = "Answer CORS requests from these origins (comma-separated, or *). None by default.")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = {"--optimize-db-before-startup", "-optimizeDbBeforeStartup"},
            description = "Compact the database files before serving (with --db-path).")
    boolean optimizeDbBeforeStartup;

    @Option(names = {"--clock"}, paramLabel = "MODE", arity = "0..1", fallbackValue = "manual",
            description = "system (the default), or manual[=ISO-8601]: time stands still (at start-up, or at that instant) until moved with POST /dynabox/clock.")
    String clock = "system";

    @Option(names = {"--seed"}, paramLabel = "N", description = "Seed of every random draw of the simulation: the same seed and the same requests give the same answers (default 0).")
    Long seed;

    @Option(names = {"--throttling"}, description = "Throttle provisioned and on-demand tables and indexes as the service does (off by default).")
    boolean throttling;

    @Option(names = {"--consistency-lag"}, paramLabel = "MILLIS",
            description = "The most an eventually consistent read or a global secondary index may lag the table (default 0: every read is current).")
    Long consistencyLagMillis;

    @Option(names = {"--transaction-conflicts"},
            description = "Transactions conflict as the service's do (TransactionConflictException, cancellation reason TransactionConflict) instead of waiting for each other.")
    boolean transactionConflicts;

    @Option(names = {"--transaction-conflict-rate"}, paramLabel = "RATE",
            description = "Share (0 to 1) of single-item writes and transactions refused with a conflict even when none met (default 0).")
    Double transactionConflictRate;

    @Option(names = {"--simulation"}, paramLabel = "FILE",
            description = "The simulation settings document (the JSON of GET /dynabox/simulation); the flags above override its values.")
    Path simulationFile;

    @Option(names = {"--faults"}, paramLabel = "FILE",
            description = "Fault rules in force from start-up: a JSON array of rules as POST /dynabox/faults takes them.")
    Path faultsFile;

    @Option(names = {"--credentials"}, paramLabel = "FILE",
            description = "Verify SigV4 signatures against the access keys and secrets in FILE (AWS shared credentials format, "
                    + "or 'ACCESS_KEY_ID SECRET' lines). Off by default: any credentials work.")
    Path credentials;

    @Option(names = {"--prices"}, paramLabel = "FILE",
            description = "Prices for the planning report (/dynabox/report) instead of the bundled ones: a JSON file of their shape.")
    Path prices;

    @Option(names = {"--console-read-only"},
            description = "The web console at /dynabox/console shows tables and items but changes nothing.")
    boolean consoleReadOnly;
    @Option(names = {"--stream-shard-rollover"}, paramLabel = "SECONDS",
            description = "A stream's shard closes and a child shard opens every SECONDS s (default: ${DEFAULT-VALUE}, four hours, as the service).")
    long streamShardRolloverSeconds = DynaboxOptions.DEFAULT_STREAM_SHARD_ROLLOVER.toSeconds();

    @Option(names = {"--idle-timeout"}, paramLabel = "SECONDS",
            description = "Close a keep-alive connection idle for SECONDS (default: ${DEFAULT-VALUE}).")
    long idleTimeoutSeconds = DynaboxOptions.DEFAULT_IDLE_TIMEOUT.toSeconds();

    @Option(names = {"--request-timeout"}, paramLabel = "SECONDS",
            description = "Close a connection whose request has not arrived whole SECONDS after its first byte (default: ${DEFAULT-VALUE}).")
    long requestTimeoutSeconds = DynaboxOptions.DEFAULT_REQUEST_TIMEOUT.toSeconds();

    @Option(names = {"--max-connections"}, paramLabel = "N",
            description = "Close connections beyond N open ones as soon as they are accepted (default: ${DEFAULT-VALUE}).")
    int maxConnections = DynaboxOptions.DEFAULT_MAX_CONNECTIONS;

    @Option(names = {"--full-integrity-check"},
            description = "Check every page of every database file at start (with --db-path; slower than the default quick check).")
    boolean fullIntegrityCheck;
    @Option(names = {"--ttl-sweep-delay"}, paramLabel = "SECONDS",
            description = "Items whose Time to Live has passed are deleted within SECONDS s (default: ${DEFAULT-VALUE}; the service takes up to a few days).")
    long ttlSweepDelaySeconds = DynaboxOptions.DEFAULT_TTL_SWEEP_DELAY.toSeconds();

    @Option(names = {"--replication-delay"}, paramLabel = "MILLIS",
            description = "A write to a global table's replica reaches the other replicas MILLIS ms later (default: ${DEFAULT-VALUE}).")
    long replicationDelayMillis;

    @Option(names = {"--max-tables"}, paramLabel = "N",
            description = "A namespace (account and region) holds at most N tables; more is LimitExceededException, as the service's table quota (default: ${DEFAULT-VALUE}).")
    int maxTables = AccountQuotas.SERVICE.maxTables();

    @Option(names = {"--max-concurrent-table-operations"}, paramLabel = "N",
            description = "At most N tables and global indexes of a namespace are CREATING, UPDATING or DELETING at once; a control-plane request beyond is LimitExceededException (default: ${DEFAULT-VALUE}).")
    int maxConcurrentTableOperations = AccountQuotas.SERVICE.maxConcurrentTableOperations();

    @Option(names = {"--max-concurrent-indexed-table-creations"}, paramLabel = "N",
            description = "At most N tables with secondary indexes of a namespace are CREATING at once (default: ${DEFAULT-VALUE}).")
    int maxConcurrentIndexedTableCreations = AccountQuotas.SERVICE.maxConcurrentIndexedTableCreations();

    @Option(names = {"--kinesis-endpoint"}, paramLabel = "URL",
            description = "A Kinesis-compatible endpoint (http://HOST:PORT) that Kinesis streaming destinations send the tables' changes to; without one, enabling a destination fails as for a stream that does not exist.")
    URI kinesisEndpoint;

    @Option(names = {"--log-requests"},
            description = "Print one line per request: time, request id, namespace, action, table, HTTP status, duration, error type.")
    boolean logRequests;

    @Option(names = {"--s3-dir"}, paramLabel = "DIR",
            description = "Exports and imports use DIR as S3, a bucket per subfolder (default: s3 under --db-path, or dynabox-s3 in the temporary directory).")
    Path s3Dir;

    @Option(names = {"--s3-endpoint"}, paramLabel = "URL",
            description = "Exports and imports use the S3-compatible server at URL (path-style, through the AWS SDK's S3 client) instead of a directory.")
    String s3Endpoint;

    @Option(names = {"-disableTelemetry"}, hidden = true, description = "Accepted for DynamoDB Local compatibility; Dynabox sends no telemetry.")
    boolean disableTelemetry;

    /** The warm-up of the HTTP door and engine, started before the command line is parsed; null when none was. */
    private Thread warmUp;

    public static void main(String[] args) {
        // Netty's leak detector keeps a stack trace of one buffer in 128, a debugging aid that costs
        // on the request path; -Dio.netty.leakDetection.level=simple brings it back
        if (System.getProperty("io.netty.leakDetection.level") == null) System.setProperty("io.netty.leakDetection.level", "disabled");
        // the warm-up needs nothing from the command line, so it runs while picocli parses
        Main main = new Main();
        main.warmUp = HttpWarmUp.startInBackground();
        int code = commandLine(main).execute(args);
        if (code != 0) System.exit(code);
    }

    /** The command line of {@code main}: a wrong option, or a server that cannot start, is one line saying what to do. */
    static CommandLine commandLine(Main main) {
        CommandLine commandLine = new CommandLine(main);
        Failures failures = new Failures(commandLine);
        commandLine.setParameterExceptionHandler(failures);
        commandLine.setExecutionExceptionHandler(failures);
        return commandLine;
    }

    /** One line on standard error for each way the command line can fail (a class, not lambdas: nothing to link at start-up). */
    private static final class Failures implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
        private final CommandLine commandLine;

        Failures(CommandLine commandLine) {
            this.commandLine = commandLine;
        }

        /** A wrong option, found by the parser or by the checks of {@link #options()} after it. */
        @Override
        public int handleParseException(CommandLine.ParameterException wrong, String[] args) {
            return badOption(commandLine.getErr(), wrong);
        }

        @Override
        public int handleExecutionException(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
            if (commandLine.getCommand() instanceof Main main) {
                commandLine.getErr().println("dynabox: " + StartupFailure.describe(failure, main));
            } else {
                // a subcommand's failure it did not word itself
                commandLine.getErr().println("dynabox " + commandLine.getCommandName() + ": " + failure);
            }
            return EXIT_CANNOT_START;
        }

        private static int badOption(PrintWriter err, CommandLine.ParameterException wrong) {
            err.println("dynabox: " + wrong.getMessage() + " (./dynabox --help lists every option)");
            return EXIT_BAD_OPTION;
        }
    }

    /** Exit codes: a wrong command line, and a server that could not start (port, database). */
    static final int EXIT_BAD_OPTION = 2;
    static final int EXIT_CANNOT_START = 1;

    @Override
    public Integer call() {
        DynaboxOptions options = options();
        // beside the door's warm-up: the SQLite store's (its native library, its code), which the first CreateTable paid for
        Thread fileStoreWarmUp = options.inMemory() ? null : startInBackground(new FileStoreWarmUp(), "dynabox-file-store-warm-up");
        // the engine opens and the server is set up meanwhile; the port opens once both warm-ups are done
        DynaboxServer server = DynaboxServer.startWarmedUp(options, new AwaitWarmUps(warmUp, fileStoreWarmUp));
        Runtime.getRuntime().addShutdownHook(new Thread(new Stop(server, options), "dynabox-shutdown"));
        PrintWriter out = new PrintWriter(System.out, true);
        out.println(readyLine(server, options));
        server.awaitClose();
        return 0;
    }

    /** Ctrl-C (or any end of the JVM): the server closes, and says so. */
    private record Stop(DynaboxServer server, DynaboxOptions options) implements Runnable {
        @Override
        public void run() {
            server.close();
            System.out.println("Dynabox stopped" + (options.inMemory() ? "; its data in memory is gone"
                    : Files.isDirectory(options.dbPath()) ? "; the data is in " + options.dbPath()
                    : "; its directory " + options.dbPath() + " is gone, and the data with it"));
        }
    }

    /** The one line that says the server is ready: where, with which data, and how to stop it. */
    static String readyLine(DynaboxServer server, DynaboxOptions options) {
        return "Dynabox " + Version.number() + " ready on " + server.endpoint() + " ("
                + (options.inMemory() ? "in memory" : "SQLite files in " + options.dbPath()) + ", "
                + (options.sharedDb() ? "one shared namespace" : "a namespace per access key and region") + "); Ctrl-C stops it";
    }

    /** The door's, engine's and file store's warm-ups, waited for before the port opens (a class, not a lambda: nothing to link at start-up). */
    record AwaitWarmUps(Thread httpWarmUp, Thread fileStoreWarmUp) implements Runnable {
        @Override
        public void run() {
            await(httpWarmUp);
            await(fileStoreWarmUp);
        }
    }

    /** {@link WarmUp#throughFileStore}, as a class: a lambda's first linking costs start-up time. */
    private static final class FileStoreWarmUp implements Runnable {
        @Override
        public void run() {
            WarmUp.throughFileStore();
        }
    }

    private static Thread startInBackground(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void await(Thread thread) {
        if (thread == null) return;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The options the parsed command line describes. */
    DynaboxOptions options() {
        if (inMemory && dbPath != null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--in-memory and --db-path cannot be used together");
        }
        if (streamShardRolloverSeconds <= 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--stream-shard-rollover must be at least 1 second");
        }
        if (replicationDelayMillis < 0) throw new CommandLine.ParameterException(new CommandLine(this), "--replication-delay must not be negative");
        if (ttlSweepDelaySeconds < 0) throw new CommandLine.ParameterException(new CommandLine(this), "--ttl-sweep-delay must not be negative");
        if (port < 0 || port > 65_535) throw new CommandLine.ParameterException(new CommandLine(this), "--port must be 0 to 65535 (0 picks a free one)");
        checkFilesNow();
        try {
            return DynaboxOptions.builder()
                    .host(host)
                    .port(port)
                    .dbPath(dbPath)
                    .sharedDb(sharedDb)
                    .delayTransientStatuses(Duration.ofMillis(delayTransientStatusesMillis))
                    .strictMessages(strictMessages)
                    .corsOrigins(corsOrigins)
                    .optimizeDbBeforeStartup(optimizeDbBeforeStartup)
                    .clock(clock)
                    .simulation(simulation())
                    .faults(faults())
                    .credentials(credentials)
                    .consoleReadOnly(consoleReadOnly)
                    .idleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
                    .requestTimeout(Duration.ofSeconds(requestTimeoutSeconds))
                    .maxConnections(maxConnections)
                    .fullIntegrityCheck(fullIntegrityCheck)
                    .prices(prices)
                    .streamShardRollover(Duration.ofSeconds(streamShardRolloverSeconds))
                    .ttlSweepDelay(Duration.ofSeconds(ttlSweepDelaySeconds))
                    .replicationDelay(Duration.ofMillis(replicationDelayMillis))
                    .kinesisEndpoint(kinesisEndpoint)
                    .logRequests(logRequests)
                    .s3Dir(s3Dir)
                    .s3Endpoint(s3Endpoint)
                    .accountQuotas(new AccountQuotas(maxTables, maxConcurrentTableOperations, maxConcurrentIndexedTableCreations))
                    .build();
        } catch (IllegalArgumentException e) { // a malformed clock, settings document or fault rule, a timeout or limit below 1
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
    }

    /** The files the server reads only later (a report's prices, each request's signature) are read now, so a wrong one stops the start. */
    private void checkFilesNow() {
        try {
            if (prices != null) Prices.read(prices);
            if (credentials != null) SignatureCheck.fromFile(credentials);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
    }

    private SimulationSettings simulation() {
        SimulationSettings settings = SimulationSettings.OFF;
        if (simulationFile != null) {
            JsonNode document = readJson(simulationFile, "--simulation");
            try {
                settings = SimulationSettings.fromJson(document);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--simulation " + simulationFile + ": " + e.getMessage());
            }
        }
        if (seed != null) settings = settings.withSeed(seed);
        if (throttling) settings = settings.withThrottling(true);
        if (consistencyLagMillis != null) settings = settings.withConsistencyLagMillis(consistencyLagMillis);
        if (transactionConflicts) settings = settings.withTransactionConflicts(true);
        if (transactionConflictRate != null) settings = settings.withTransactionConflictRate(transactionConflictRate);
        return settings;
    }

    private List<FaultRule> faults() {
        if (faultsFile == null) return List.of();
        JsonNode rules = readJson(faultsFile, "--faults");
        if (!rules.isArray()) throw new CommandLine.ParameterException(new CommandLine(this), "--faults " + faultsFile + ": a JSON array of fault rules");
        List<FaultRule> parsed = new ArrayList<>();
        try {
            for (JsonNode rule : rules) parsed.add(FaultRule.fromJson(rule));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--faults " + faultsFile + ": " + e.getMessage());
        }
        return parsed;
    }

    private JsonNode readJson(Path file, String option) {
        try {
            return Json.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), option + " " + file + ": " + FileProblems.describe(e));
        }
    }

    /** The version from the build, for --version and the start-up line. */
    static final class Version implements CommandLine.IVersionProvider {
        static String number() {
            try (InputStream in = Main.class.getResourceAsStream("/dynabox-version.properties")) {
                Properties properties = new Properties();
                if (in != null) properties.load(in);
                return properties.getProperty("version", "unknown");
            } catch (IOException e) {
                return "unknown";
            }
        }

        @Override
        public String[] getVersion() {
            return new String[] {"Dynabox " + number()};
        }
    }
}
