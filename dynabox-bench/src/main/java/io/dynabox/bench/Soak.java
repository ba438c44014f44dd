package io.dynabox.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A soak test of a running Dynabox server: {@code clients} threads, each with its own
 * keep-alive connection, send a mix of PutItem, GetItem, UpdateItem, Query and DeleteItem
 * over a bounded set of keys (so the data stops growing once every key was written) for
 * {@code seconds}, while the server's resident memory is read from
 * {@code /proc/PID/status} every ten seconds. It prints one line per sample and a summary,
 * and exits 1 if any answer was not a 200.
 *
 * <pre>
 * ./dynabox --port 8000 &amp;     # or any server; note its pid
 * java -cp dynabox-bench/target/benchmarks.jar io.dynabox.bench.Soak 8000 PID 32 600
 * </pre>
 */
public final class Soak {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=soak/20260101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0";
    private static final int KEYS = 20_000;

    private Soak() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Soak PORT SERVER_PID [CLIENTS=32] [SECONDS=600]");
            System.exit(2);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + args[0] + "/");
        long pid = Long.parseLong(args[1]);
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        long seconds = args.length > 3 ? Long.parseLong(args[3]) : 600;

        call(HttpClient.newHttpClient(), endpoint, "CreateTable", "{\"TableName\":\"soak\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}]}");

        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> work(endpoint, client, end, requests, errors), "soak-" + c);
            thread.start();
            threads.add(thread);
        }
        long started = System.nanoTime();
        long lastRequests = 0;
        System.out.println("seconds  rss_mib  requests_per_s  errors");
        while (System.nanoTime() < end) {
            Thread.sleep(10_000);
            long now = requests.get();
            System.out.printf("%7d  %7d  %14d  %6d%n", (System.nanoTime() - started) / 1_000_000_000, rssKib(pid) / 1024,
                    (now - lastRequests) / 10, errors.get());
            lastRequests = now;
        }
        for (Thread thread : threads) thread.join();
        System.out.printf("done: %d requests, %d errors, %d clients, %d s%n", requests.get(), errors.get(), clients, seconds);
        System.exit(errors.get() == 0 ? 0 : 1);
    }

    private static void work(URI endpoint, int client, long end, AtomicLong requests, AtomicLong errors) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Random random = new Random(client);
        String padding = "x".repeat(200);
        while (System.nanoTime() < end) {
            int k = random.nextInt(KEYS);
            String key = "{\"pk\":{\"S\":\"p" + (k % 500) + "\"},\"sk\":{\"N\":\"" + k + "\"}}";
            String[] call = switch (random.nextInt(10)) {
                case 0, 1, 2 -> new String[] {"PutItem", "{\"TableName\":\"soak\",\"Item\":{\"pk\":{\"S\":\"p" + (k % 500) + "\"},\"sk\":{\"N\":\""
                        + k + "\"},\"v\":{\"S\":\"" + padding + "\"},\"n\":{\"N\":\"" + random.nextInt(1000) + "\"}}}"};
                case 3, 4, 5 -> new String[] {"GetItem", "{\"TableName\":\"soak\",\"Key\":" + key + "}"};
                case 6 -> new String[] {"UpdateItem", "{\"TableName\":\"soak\",\"Key\":" + key
                        + ",\"UpdateExpression\":\"ADD c :one\",\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}}}"};
                case 7, 8 -> new String[] {"Query", "{\"TableName\":\"soak\",\"KeyConditionExpression\":\"pk = :p\",\"Limit\":20,"
                        + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p" + (k % 500) + "\"}}}"};
                default -> new String[] {"DeleteItem", "{\"TableName\":\"soak\",\"Key\":" + key + "}"};
            };
            try {
                int status = call(http, endpoint, call[0], call[1]);
                if (status != 200) errors.incrementAndGet();
            } catch (Exception e) {
                errors.incrementAndGet();
            }
            requests.incrementAndGet();
        }
    }

    private static int call(HttpClient http, URI endpoint, String action, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + action)
                .header("Authorization", AUTH)
                .header("X-Amz-Date", "20260101T000000Z")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long rssKib(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return -1;
    }
}
