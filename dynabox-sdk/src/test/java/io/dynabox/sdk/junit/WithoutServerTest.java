package io.dynabox.sdk.junit;

import static io.dynabox.sdk.junit.DynaboxExtensionTest.SCENARIO;
import static io.dynabox.sdk.junit.DynaboxExtensionTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynabox.sdk.Dynabox;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * dynabox-sdk without its optional HTTP server, as a user's test classpath has it: the in-process
 * door works, and asking for a server fails with one message that says what to add. Runs only in
 * the build's "without-server" test run, whose classpath leaves dynabox-server and picocli out.
 */
class WithoutServerTest {
    @Test
    void theServerIsNotOnThisClasspath() {
        assertThat(Dynabox.serverAvailable()).isFalse();
        assertThatThrownBy(() -> Class.forName("io.dynabox.server.DynaboxServer")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("picocli.CommandLine")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void inProcessClientsWorkAndStartServerSaysWhatToAdd() {
        try (Dynabox dynabox = Dynabox.inMemory()) {
            assertThat(dynabox.dynamoDbClient().listTables().tableNames()).isEmpty();
            assertThatThrownBy(() -> dynabox.startServer())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Dynabox's HTTP server is not on the classpath: add the dependency io.dynabox:dynabox-server"
                            + " (test scope, the version of dynabox-sdk) to start one; README, \"Programmatic server\", shows it");
        }
    }

    @Test
    void theExtensionWorksAndAUriParameterSaysWhatToAdd() {
        TestExecutionSummary summary = run(AsksForAnEndpoint.class, Map.of());
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getFailures()).singleElement().satisfies(failure -> assertThat(failure.getException())
                .hasMessageContaining("Injecting a URI or a DynaboxServer starts Dynabox's HTTP server, which is not on the classpath:"
                        + " add the dependency io.dynabox:dynabox-server (test scope, the version of dynabox-sdk)"));
    }

    @DynaboxTest
    @DynaboxTable(name = "notes", hashKey = "id")
    @Tag(SCENARIO)
    static class AsksForAnEndpoint {
        @Test
        void inProcess(DynamoDbClient dynamo) {
            assertThat(dynamo.listTables().tableNames()).containsExactly("notes");
        }

        @Test
        void endpoint(URI endpoint) {
            assertThat(endpoint).isNotNull();
        }
    }
}
