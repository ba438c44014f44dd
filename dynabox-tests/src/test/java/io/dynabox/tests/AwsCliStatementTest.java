package io.dynabox.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynabox.engine.DynaboxOptions;
import io.dynabox.server.DynaboxServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PartiQL through the AWS CLI ({@code aws dynamodb execute-statement}) against a server on a
 * free loopback port: the CLI's own marshalling of statements, parameters and answers.
 * Skipped where no {@code aws} command is on the PATH.
 */
class AwsCliStatementTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DynaboxServer server;

    @BeforeAll
    static void start() {
        assumeTrue(onPath("aws"), "the AWS CLI is not installed");
        server = DynaboxServer.start(DynaboxOptions.builder().port(0).build());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) if (new File(dir, command).canExecute()) return true;
        return false;
    }

    /** Runs {@code aws dynamodb ARGS...}: its exit code, standard output and standard error. */
    private record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private Run aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "dynamodb"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", server.endpoint().toString(), "--region", "us-east-1", "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AWS_ACCESS_KEY_ID", "cli");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "cli");
        builder.environment().put("AWS_MAX_ATTEMPTS", "1");
        builder.environment().remove("AWS_PROFILE");
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("aws finished").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void executeStatementWritesAndReadsThroughTheCli() throws Exception {
        Run created = aws("create-table", "--table-name", "cli_orders", "--billing-mode", "PAY_PER_REQUEST",
                "--attribute-definitions", "AttributeName=pk,AttributeType=S", "AttributeName=sk,AttributeType=N",
                "--key-schema", "AttributeName=pk,KeyType=HASH", "AttributeName=sk,KeyType=RANGE");
        assertThat(created.exit()).as(created.err()).isZero();

        Run inserted = aws("execute-statement", "--statement", "INSERT INTO \"cli_orders\" VALUE {'pk': ?, 'sk': ?, 'tags': <<'a', 'b'>>}",
                "--parameters", "[{\"S\":\"c1\"},{\"N\":\"1\"}]");
        assertThat(inserted.exit()).as(inserted.err()).isZero();

        Run updated = aws("execute-statement", "--statement",
                "UPDATE \"cli_orders\" SET total = 10 WHERE pk = 'c1' AND sk = 1 RETURNING ALL NEW *");
        assertThat(updated.exit()).as(updated.err()).isZero();
        assertThat(updated.json().at("/Items/0/total/N").asText()).isEqualTo("10");

        Run selected = aws("execute-statement", "--statement", "SELECT total, tags FROM \"cli_orders\" WHERE pk = ?",
                "--parameters", "[{\"S\":\"c1\"}]", "--return-consumed-capacity", "TOTAL");
        assertThat(selected.exit()).as(selected.err()).isZero();
        JsonNode answer = selected.json();
        assertThat(answer.at("/Items/0/total/N").asText()).isEqualTo("10");
        assertThat(answer.at("/Items/0/tags/SS")).hasSize(2);
        assertThat(answer.at("/ConsumedCapacity/CapacityUnits").asDouble()).isEqualTo(0.5);
    }

    @Test
    void theCliShowsTheServicesErrorTypeAndText() throws Exception {
        Run refused = aws("execute-statement", "--statement", "SELEC * FROM \"cli_orders\"");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("ValidationException").contains("Statement wasn't well formed, can't be processed: Expected data manipulation");
    }
}
