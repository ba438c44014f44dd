package io.dynabox.server;

import io.dynabox.engine.WarmUp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import picocli.CommandLine;

/**
 * The run the {@code ./dynabox} launcher makes once per build of the jar, to learn which
 * classes a server loads: it parses a command line and starts a server as {@link Main}
 * does (warm-up included), sends the warm-up requests over HTTP, and stops. The JVM lists
 * the classes it loaded ({@code -XX:DumpLoadedClassList}) and the launcher archives them
 * ({@code -Xshare:dump}), so that a later start maps them instead of loading them one by
 * one: about a third of the start-up time.
 */
public final class TrainingRun {
    private TrainingRun() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        // as Main does: the leak detector's classes would otherwise be loaded here and archived for nothing
        if (System.getProperty("io.netty.leakDetection.level") == null) System.setProperty("io.netty.leakDetection.level", "disabled");
        Main main = new Main();
        new CommandLine(main).parseArgs("--port", "0");
        Thread warmUp = HttpWarmUp.startInBackground();
        try (DynaboxServer server = DynaboxServer.startWarmedUp(main.options(), new Main.AwaitWarmUps(warmUp, null))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (WarmUp.Request request : WarmUp.requests()) {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(server.endpoint())
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "DynamoDB_20120810." + request.action())
                        .header("X-Amz-Date", WarmUp.AMZ_DATE)
                        .header("Authorization", WarmUp.AUTHORIZATION)
                        .POST(HttpRequest.BodyPublishers.ofString(request.body()))
                        .build(), HttpResponse.BodyHandlers.discarding());
                System.out.println(request.action() + " " + response.statusCode());
            }
            client.send(HttpRequest.newBuilder(server.endpoint()).GET().build(), HttpResponse.BodyHandlers.discarding());
        }
    }
}
