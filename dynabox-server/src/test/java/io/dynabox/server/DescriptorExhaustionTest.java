package io.dynabox.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A server in a child process allowed few file descriptors: connections beyond them fail to
 * be accepted, and once they close the server accepts and answers again (it used to lose its
 * accepting thread for good).
 */
class DescriptorExhaustionTest {
    private static final Pattern LISTENING = Pattern.compile("ready on http://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void runningOutOfDescriptorsDoesNotStopTheServerAccepting() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell for ulimit");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "ulimit -n 160 && exec '" + java + "' -XX:+UseSerialGC -Xmx128m -cp '" + System.getProperty("java.class.path")
                + "' io.dynabox.server.Main --port 0";
        Process child = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
        List<Socket> held = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            int port = -1;
            for (String line; port < 0 && (line = out.readLine()) != null; ) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) port = Integer.parseInt(m.group(1));
            }
            assertThat(port).as("the child server's port").isPositive();
            Thread drain = new Thread(() -> out.lines().forEach(line -> { }), "child-output");
            drain.setDaemon(true);
            drain.start();

            for (int i = 0; i < 300; i++) held.add(new Socket("127.0.0.1", port)); // the backlog takes what is not accepted
            Thread.sleep(1_000); // the server tries (and fails) to accept the rest meanwhile
            for (Socket socket : held) socket.close();
            held.clear();

            String answer = "";
            for (int attempt = 0; attempt < 100 && !answer.startsWith("HTTP/1.1 200 OK"); attempt++) {
                try (RawHttp client = new RawHttp(port)) {
                    client.socket.setSoTimeout(1_000);
                    answer = client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(answer).startsWith("HTTP/1.1 200 OK").contains("healthy");
            assertThat(child.isAlive()).isTrue();
        } finally {
            for (Socket socket : held) socket.close();
            child.destroy();
            if (!child.waitFor(10, TimeUnit.SECONDS)) child.destroyForcibly();
        }
    }
}
