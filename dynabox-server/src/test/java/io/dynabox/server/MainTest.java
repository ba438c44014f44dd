package io.dynabox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.simulation.FaultRule;
import io.dynabox.engine.simulation.SimulationSettings;
import io.dynabox.engine.table.AccountQuotas;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

    private static DynaboxOptions parse(String... args) {
        Main main = new Main();
        new CommandLine(main).parseArgs(args);
        return main.options();
    }

    @Test
    void defaultsAreLoopbackPort8000InMemoryWithoutDelaysOrCors() {
        DynaboxOptions options = parse();
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(8000);
        assertThat(options.inMemory()).isTrue();
        assertThat(options.sharedDb()).isFalse();
        assertThat(options.delayTransientStatuses()).isEqualTo(Duration.ZERO);
        assertThat(options.strictMessages()).isFalse();
        assertThat(options.corsOrigins()).isEmpty();
    }

    @Test
    void requestsAreLoggedOnlyWhenAsked() {
        assertThat(parse().logRequests()).isFalse();
        assertThat(parse("--log-requests").logRequests()).isTrue();
    }

    @Test
    void streamShardRolloverIsFourHoursUnlessGivenInSeconds() {
        assertThat(parse().streamShardRollover()).isEqualTo(Duration.ofHours(4));
        assertThat(parse("--stream-shard-rollover", "90").streamShardRollover()).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> parse("--stream-shard-rollover", "0")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--stream-shard-rollover must be at least 1 second");
    }

    @Test
    void accountQuotasAreTheServicesUnlessGiven() {
        assertThat(parse().accountQuotas()).isEqualTo(new AccountQuotas(2500, 500, 250));
        assertThat(parse("--max-tables", "3", "--max-concurrent-table-operations", "2", "--max-concurrent-indexed-table-creations", "1")
                .accountQuotas()).isEqualTo(new AccountQuotas(3, 2, 1));
        assertThatThrownBy(() -> parse("--max-tables", "0")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("account quotas must be at least 1");
    }

    @Test
    void ttlSweepDelayIsFiveSecondsUnlessGiven() {
        assertThat(parse().ttlSweepDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(parse("--ttl-sweep-delay", "0").ttlSweepDelay()).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> parse("--ttl-sweep-delay", "-1")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--ttl-sweep-delay must not be negative");
    }

    @Test
    void dynaboxSpellings() {
        DynaboxOptions options = parse("--port", "9000", "--host", "0.0.0.0", "--db-path", "/tmp/d", "--shared-db",
                "--delay-transient-statuses=250", "--strict-messages", "--cors", "http://a.example,http://b.example",
                "--optimize-db-before-startup");
        assertThat(options.port()).isEqualTo(9000);
        assertThat(options.host()).isEqualTo("0.0.0.0");
        assertThat(options.dbPath()).isEqualTo(Path.of("/tmp/d"));
        assertThat(options.sharedDb()).isTrue();
        assertThat(options.delayTransientStatuses()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.strictMessages()).isTrue();
        assertThat(options.corsOrigins()).containsExactly("http://a.example", "http://b.example");
        assertThat(options.optimizeDbBeforeStartup()).isTrue();
    }

    @Test
    void dynamoDbLocalSpellingsDropIn() {
        DynaboxOptions options = parse("-port", "8001", "-inMemory", "-sharedDb", "-delayTransientStatuses", "-cors", "*",
                "-disableTelemetry");
        assertThat(options.port()).isEqualTo(8001);
        assertThat(options.inMemory()).isTrue();
        assertThat(options.sharedDb()).isTrue();
        assertThat(options.delayTransientStatuses()).isEqualTo(Duration.ofMillis(Main.DEFAULT_TRANSIENT_DELAY_MILLIS));
        assertThat(options.corsOrigins()).isEqualTo(List.of("*"));
        assertThat(parse("-dbPath", "/var/db", "-optimizeDbBeforeStartup").dbPath()).isEqualTo(Path.of("/var/db"));
    }

    @Test
    void inMemoryAndDbPathTogetherAreRefused() {
        assertThatThrownBy(() -> parse("--in-memory", "--db-path", "/tmp/d"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--in-memory and --db-path cannot be used together");
    }

    @Test
    void unknownOptionsAreRefused() {
        assertThatThrownBy(() -> parse("--no-such-option")).isInstanceOf(CommandLine.UnmatchedArgumentException.class);
    }

    @Test
    void simulationIsOffByDefaultAndTheClockIsTheSystems() {
        DynaboxOptions options = parse();
        assertThat(options.clock()).isEqualTo("system");
        assertThat(options.simulation()).isEqualTo(SimulationSettings.OFF);
        assertThat(options.faults()).isEmpty();
    }

    @Test
    void simulationFlagsOverrideTheSettingsFile(@TempDir Path dir) throws Exception {
        Path settings = Files.writeString(dir.resolve("sim.json"), "{\"seed\": 3, \"consistencyLagMillis\": 100, \"tables\": {\"hot\": {\"throttling\": false}}}");
        Path faults = Files.writeString(dir.resolve("faults.json"), "[{\"action\": \"GetItem\", \"error\": \"InternalServerError\", \"rate\": 0.1}]");

        DynaboxOptions options = parse("--simulation", settings.toString(), "--seed", "9", "--throttling", "--clock", "manual=2030-01-01T00:00:00Z",
                "--faults", faults.toString(), "--transaction-conflict-rate", "0.25");

        assertThat(options.clock()).isEqualTo("manual=2030-01-01T00:00:00Z");
        assertThat(options.simulation().seed()).isEqualTo(9);
        assertThat(options.simulation().throttling()).isTrue();
        assertThat(options.simulation().throttling("hot")).isFalse();
        assertThat(options.simulation().consistencyLagMillis()).isEqualTo(100);
        assertThat(options.simulation().transactionConflictRate()).isEqualTo(0.25);
        assertThat(options.faults()).containsExactly(new FaultRule(null, "GetItem", null, "InternalServerError", null, 0.1, 0));
        assertThat(parse("--clock").clock()).isEqualTo("manual");
    }

    @Test
    void malformedSimulationSettingsAreRefusedAtTheCommandLine() {
        assertThatThrownBy(() -> parse("--clock", "manual=tomorrow")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("not an ISO-8601 instant");
        assertThatThrownBy(() -> parse("--clock", "fast")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("'system', 'manual' or 'manual=ISO-8601'");
        assertThatThrownBy(() -> parse("--transaction-conflict-rate", "2")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("between 0 and 1");
    }

    @Test
    void reliabilityOptions() {
        DynaboxOptions defaults = parse();
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.maxConnections()).isEqualTo(10_000);
        assertThat(defaults.fullIntegrityCheck()).isFalse();
        DynaboxOptions options = parse("--idle-timeout", "5", "--request-timeout", "7", "--max-connections", "3", "--full-integrity-check");
        assertThat(options.idleTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(options.maxConnections()).isEqualTo(3);
        assertThat(options.fullIntegrityCheck()).isTrue();
        assertThatThrownBy(() -> parse("--idle-timeout", "0")).isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> parse("--max-connections", "0")).isInstanceOf(CommandLine.ParameterException.class);
    }

    /** What the command line printed and returned. */
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(new Main());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aWrongOptionIsOneLineWithWhereTheOptionsAreAndExitCode2() {
        Run run = run("--prot");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("dynabox: Unknown option: '--prot' (./dynabox --help lists every option)" + System.lineSeparator());

        Run both = run("--in-memory", "--db-path", "/tmp/d");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("dynabox: --in-memory and --db-path cannot be used together (./dynabox --help lists every option)"
                + System.lineSeparator());

        assertThat(run("--port", "eight").err()).startsWith("dynabox: Invalid value for option '--port': 'eight' is not an int");
    }

    @Test
    void wrongValuesAndFilesAreWrongOptionsFoundAtStart(@TempDir Path dir) throws IOException {
        assertThat(run("--port", "70000").err()).isEqualTo("dynabox: --port must be 0 to 65535 (0 picks a free one)"
                + " (./dynabox --help lists every option)" + System.lineSeparator());
        assertThat(run("--port", "-1").code()).isEqualTo(2);
        // files the server would read only later are read at start
        Run prices = run("--port", "0", "--prices", dir.resolve("missing.json").toString());
        assertThat(prices.code()).isEqualTo(2);
        assertThat(prices.err()).startsWith("dynabox: cannot read the prices file " + dir.resolve("missing.json") + ": no such file");
        Run credentials = run("--port", "0", "--credentials", dir.resolve("keys").toString());
        assertThat(credentials.code()).isEqualTo(2);
        assertThat(credentials.err()).startsWith("dynabox: cannot read the credentials file " + dir.resolve("keys") + ": no such file");
        // a file's content: the option and the file are named
        Path settings = Files.writeString(dir.resolve("sim.json"), "{\"seed\":\"x\"}");
        assertThat(run("--port", "0", "--simulation", settings.toString()).err()).startsWith("dynabox: --simulation " + settings + ": ");
        assertThat(run("--port", "0", "--simulation", dir.resolve("none.json").toString()).err())
                .startsWith("dynabox: --simulation " + dir.resolve("none.json") + ": no such file");
        Path faults = Files.writeString(dir.resolve("faults.json"), "[{\"eror\":\"InternalServerError\"}]");
        assertThat(run("--port", "0", "--faults", faults.toString()).err()).startsWith("dynabox: --faults " + faults + ": ");
    }

    @Test
    void theReportSubcommandSaysWhatWentWrongInOneLine(@TempDir Path dir) {
        // its failures were hidden behind a ClassCastException of the failure handler
        Run unreachable = run("report", "--endpoint", "http://127.0.0.1:1", "--json");
        assertThat(unreachable.code()).isEqualTo(1);
        Run noPrices = run("report", "--db-path", dir.toString(), "--prices", dir.resolve("missing.json").toString());
        assertThat(noPrices.code()).isEqualTo(1);
        assertThat(noPrices.err()).startsWith("dynabox report: ").contains("cannot read the prices file").hasLineCount(1);
        assertThat(run("report", "--db-path", dir.resolve("typo").toString()).code()).isEqualTo(2);
        assertThat(dir.resolve("typo")).doesNotExist();
    }

    @Test
    void aPortInUseIsOneLineWithItsFixAndExitCode1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = run("--port", Integer.toString(taken.getLocalPort()));
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).matches("dynabox: cannot listen on 127\\.0\\.0\\.1:" + taken.getLocalPort() + " \\(.*\\): another program holds"
                    + " the port; stop it, or choose another port with --port \\(0 picks a free one\\)\\R");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void aDatabaseDirectoryThatCannotBeMadeIsOneLineWithExitCode1(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        Run run = run("--port", "0", "--db-path", file.resolve("db").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("dynabox: cannot create the database directory " + file.resolve("db"))
                .endsWith("(--db-path " + file.resolve("db") + ")" + System.lineSeparator())
                .hasLineCount(1);
    }

    @Test
    void aDatabaseAnotherServerHoldsIsOneLineWithItsFixAndExitCode1(@TempDir Path dir) {
        try (DynaboxServer first = DynaboxServer.start(DynaboxOptions.builder().port(0).dbPath(dir).build())) {
            Run run = run("--port", "0", "--db-path", dir.toString());
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("dynabox: the database directory " + dir.toAbsolutePath() + " is in use by another Dynabox process"
                    + " (it holds " + "dynabox.lock" + "); stop it or choose another --db-path" + System.lineSeparator());
        }
    }

    @Test
    void theReadyLineSaysWhereWhichDataAndHowToStop() {
        DynaboxOptions options = DynaboxOptions.builder().port(0).build();
        try (DynaboxServer server = DynaboxServer.start(options)) {
            assertThat(Main.readyLine(server, options)).isEqualTo("Dynabox " + Main.Version.number() + " ready on http://127.0.0.1:" + server.port()
                    + " (in memory, a namespace per access key and region); Ctrl-C stops it");
        }
    }
}
