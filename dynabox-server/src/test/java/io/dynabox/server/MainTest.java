package io.dynabox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynabox.engine.DynaboxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
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
}
