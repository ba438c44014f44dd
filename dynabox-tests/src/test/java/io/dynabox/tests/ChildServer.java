package io.dynabox.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Dynabox server in a child JVM on a {@code --db-path} directory, so that a test can kill it
 * (SIGKILL: no shutdown hook, nothing flushed) and start the next one on the same files. Its
 * standard error goes to {@code child.log} in that directory.
 */
record ChildServer(Process process, URI endpoint) {

    /** Starts a server with these options besides the directory and waits (at most 30 s) until it listens. */
    static ChildServer start(Path dir, String... options) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.dynabox.server.Main", "--port", "0", "--db-path", dir.toString()));
        command.addAll(List.of(options));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child.log").toFile())).start();
        CompletableFuture<URI> endpoint = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    int at = line.indexOf(" ready on ");
                    if (at >= 0) return URI.create(line.substring(at + " ready on ".length()).split(" ")[0]);
                }
                throw new IllegalStateException("the child server stopped before listening; see " + dir.resolve("child.log"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return new ChildServer(child, endpoint.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            child.destroyForcibly();
            throw e;
        }
    }

    /** Kills the server at once; answers whether it was gone within 10 s. */
    boolean kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor(10, TimeUnit.SECONDS);
    }
}
