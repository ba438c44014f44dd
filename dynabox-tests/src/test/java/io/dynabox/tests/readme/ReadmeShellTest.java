package io.dynabox.tests.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README's shell commands, run as a newcomer copies them: every {@code ```bash} block marked
 * {@code <!-- tested -->} on the line before its fence, in README order, in one bash session
 * ({@code set -euo pipefail}) in a directory of its own (so that files the commands write land
 * there), with no AWS settings but README's own and a HOME of its own. The conventions (README,
 * "README is tested"):
 * <ul>
 *   <li>{@code ./dynabox} and {@code ./mvnw} are the repository's;</li>
 *   <li>a line that starts the server ({@code ./dynabox} without {@code --help}/{@code --version})
 *       runs in the background, as in a terminal of its own: the script goes on once the server's
 *       ready line is out, and the server is stopped with Ctrl-C (SIGINT) at the end;</li>
 *   <li>each port number ({@code --port N}, {@code 127.0.0.1:N}) becomes a free port (a server line
 *       without --port gets the one of 8000, the default), and paths under {@code /tmp/dynabox-} a
 *       fresh temporary directory, so that runs never meet each other;</li>
 *   <li>{@code ./mvnw} lines are the build this test runs in; .ci/run runs them;</li>
 *   <li>blocks of any other language ({@code text}, {@code console}, ...) are shown, not run.</li>
 * </ul>
 * The commands need the AWS CLI and sqlite3: without them on the PATH the test is skipped, unless
 * DYNABOX_README_TOOLS=required (as in .ci/run, which installs them).
 */
class ReadmeShellTest {
    /** The port of a server line without --port. */
    private static final String DEFAULT_PORT = "8000";
    private static final Pattern PORT = Pattern.compile("(?:--port[ =]|-port |127\\.0\\.0\\.1:|localhost:)(\\d+)");
    /** {@code ./dynabox} with nothing or only options after it, not --help or --version: a server (not a subcommand). */
    private static final Pattern SERVER_START = Pattern.compile("^(\\s*)(\\./dynabox(?![^#]*--(?:help|version))(?:\\s+-[^#]*?)?)\\s*(#.*)?$");

    @Test
    void everyBashBlockRunsAsWritten() throws IOException, InterruptedException {
        boolean toolsPresent = onPath("aws") && onPath("sqlite3");
        assumeTrue(toolsPresent || "required".equals(System.getenv("DYNABOX_README_TOOLS")),
                "README's commands need the AWS CLI and sqlite3 on the PATH");
        assertThat(toolsPresent).as("aws and sqlite3 on the PATH (DYNABOX_README_TOOLS=required)").isTrue();

        Path work = Files.createTempDirectory("dynabox-readme");
        String script = script(Readme.read().blocks(), work);
        Path file = work.resolve("readme.sh");
        Files.writeString(file, script);
        ProcessBuilder bash = new ProcessBuilder("bash", file.toString())
                .directory(Files.createDirectories(work.resolve("cwd")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("output.txt").toFile());
        bash.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        bash.environment().put("HOME", Files.createDirectories(work.resolve("home")).toString());
        Process process = bash.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            // the servers run in process groups of their own (job control): end them with the script
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(work.resolve("output.txt"));
        assertThat(finished ? process.exitValue() : -1)
                .as("README's shell blocks (script %s) ended with:%n%s", file, output).isZero();
        assertThat(output).contains("README: all blocks ran");
        // the request log's block: its server printed a line for the AWS CLI's request
        assertThat(output).containsPattern("\\n\\S+Z [0-9A-Z]{52} dynabox_us-east-1 ListTables - 200 \\d+\\.\\d\\dms -\\n");
    }

    /** README's bash blocks as one script, with the conventions above applied. */
    static String script(List<Readme.Block> blocks, Path work) throws IOException {
        Map<String, String> ports = new HashMap<>();
        ports.put(DEFAULT_PORT, freePort());
        for (Readme.Block block : blocks) {
            Matcher port = PORT.matcher(block.text());
            while (port.find()) if (!ports.containsKey(port.group(1))) ports.put(port.group(1), freePort());
        }
        StringBuilder script = new StringBuilder("""
                set -euo pipefail
                # job control: a background job keeps Ctrl-C (SIGINT), which a script's jobs otherwise ignore
                set -m
                servers=()
                # a server runs as in a terminal of its own: in the background, until its ready line
                start_server() {
                  local log; log="$(mktemp -p "$WORK" server-XXXX.log)"
                  "$@" >"$log" 2>&1 &
                  servers+=("$!:$log")
                  for _ in $(seq 1 600); do
                    grep -q "ready on http" "$log" && { cat "$log"; return 0; }
                    kill -0 "$!" 2>/dev/null || { cat "$log"; echo "README: the server stopped before it was ready" >&2; return 1; }
                    sleep 0.2
                  done
                  cat "$log"; echo "README: no ready line after two minutes" >&2; return 1
                }
                # then stopped with Ctrl-C, as a newcomer stops it; where this script was started with
                # Ctrl-C ignored (a background job of a non-interactive shell, as some CI runners start
                # theirs), every child inherits that and a JVM never hears it: SIGTERM, which takes the
                # same shutdown path, stands in for it there
                stop_signal=INT
                ignored="$(sed -n 's/^SigIgn:[[:space:]]*//p' /proc/$$/status 2>/dev/null || true)"
                (( 0x${ignored:-0} & 2 )) && stop_signal=TERM
                stop_servers() {
                  local status=$? entry pid
                  for entry in "${servers[@]}"; do
                    pid="${entry%%:*}"
                    kill -"$stop_signal" "$pid" 2>/dev/null || true
                    ( sleep 20; kill -KILL "$pid" 2>/dev/null ) & local watchdog=$!
                    wait "$pid" || true
                    kill "$watchdog" 2>/dev/null || true
                    if ! grep -q "^Dynabox stopped" "${entry#*:}"; then
                      echo "README: no stop message from the server:" >&2; cat "${entry#*:}" >&2; status=1
                    fi
                    echo "### what the server on pid $pid printed"; cat "${entry#*:}"
                  done
                  exit "$status"
                }
                trap stop_servers EXIT
                trap 'echo "README: failed at README line $readme_line" >&2' ERR
                """).append("WORK=").append(work).append('\n');
        for (Readme.Block block : blocks) {
            if (!block.language().equals("bash") || !block.tested()) continue;
            script.append("\n# README line ").append(block.line()).append('\n')
                    .append("readme_line=").append(block.line()).append("; echo \"### README line ").append(block.line()).append("\"\n");
            for (String line : block.text().split("\n", -1)) script.append(line(line, ports, work)).append('\n');
        }
        return script.append("\necho 'README: all blocks ran'\n").toString();
    }

    private static String line(String line, Map<String, String> ports, Path work) {
        String rewritten = PORT.matcher(line).replaceAll(m -> m.group().substring(0, m.start(1) - m.start()) + ports.get(m.group(1)))
                .replace("/tmp/dynabox-", work + "/dynabox-");
        if (rewritten.trim().startsWith("./mvnw")) return "# (the build itself) " + rewritten;
        Matcher server = SERVER_START.matcher(rewritten);
        String repository = Readme.repositoryRoot().toString();
        if (!server.matches()) return rewritten.replaceAll("(^|\\s)\\./dynabox\\b", "$1" + Matcher.quoteReplacement(repository) + "/dynabox");
        String command = server.group(2).contains("--port") ? server.group(2) : server.group(2) + " --port " + ports.get(DEFAULT_PORT);
        return server.group(1) + "start_server " + repository + "/" + command.strip().substring(2);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        }
    }
}
