package io.dynabox.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A few representative requests that a door sends through a scratch engine before a server
 * opens its port, so the first real CreateTable or PutItem does not pay for class loading,
 * model parsing and the interpreter: start-up time is a feature, and so is the first request.
 */
public final class WarmUp {
    /** The credential the requests are signed with (a namespace of their own). */
    public static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=warmup/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    /** The requests' X-Amz-Date. */
    public static final String AMZ_DATE = "20260101T000000Z";
    private static final List<Request> REQUESTS = List.of(
        new Request("ListTables", "{}"),
        new Request("CreateTable", "{\"TableName\":\"warmup\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
                + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"byG\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
                + "\"Projection\":{\"ProjectionType\":\"ALL\"}}],\"BillingMode\":\"PAY_PER_REQUEST\"}"),
        new Request("DescribeTable", "{\"TableName\":\"warmup\"}"),
        new Request("PutItem", "{\"TableName\":\"warmup\",\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"g\":{\"S\":\"x\"},"
                + "\"l\":{\"L\":[{\"BOOL\":true},{\"NULL\":true},{\"M\":{\"b\":{\"B\":\"AA==\"}}}]},\"ss\":{\"SS\":[\"a\",\"b\"]}},"
                + "\"ReturnConsumedCapacity\":\"INDEXES\"}"),
        new Request("GetItem", "{\"TableName\":\"warmup\",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}},\"ReturnConsumedCapacity\":\"TOTAL\"}"),
        new Request("UpdateItem", "{\"TableName\":\"warmup\",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}},"
                + "\"AttributeUpdates\":{\"n\":{\"Action\":\"ADD\",\"Value\":{\"N\":\"1\"}}},\"ReturnValues\":\"ALL_NEW\"}"),
        new Request("GetItem", "{\"TableName\":\"warmup\",\"Key\":{\"pk\":{\"N\":\"1\"}}}"),
        new Request("DeleteItem", "{\"TableName\":\"warmup\",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}},\"ReturnValues\":\"ALL_OLD\"}"),
        new Request("DeleteTable", "{\"TableName\":\"warmup\"}"));

    /** One warm-up request: an action and its JSON body. */
    public record Request(String action, String body) {}

    private WarmUp() {}

    /** The warm-up requests, in the order to send them. */
    public static List<Request> requests() {
        return REQUESTS;
    }

    /**
     * Sends the requests through a scratch engine whose store is SQLite files in a temporary
     * directory, then deletes it: the SQLite driver's native library, the file store's code and
     * the serializers of table documents are ready before a server with {@code --db-path} takes
     * its first CreateTable (without this, that request loaded all three: hundreds of
     * milliseconds). A failure here only leaves the first request slower: it is not reported.
     */
    public static void throughFileStore() {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("dynabox-warm-up");
            try (Engine scratch = new Engine(DynaboxOptions.builder().dbPath(directory).delayTransientStatuses(Duration.ZERO).build())) {
                for (Request request : REQUESTS) {
                    scratch.handle(new DynamoRequest("DynamoDB_20120810." + request.action(), AUTHORIZATION, AMZ_DATE,
                            request.body().getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException | RuntimeException e) {
            System.getLogger(WarmUp.class.getName()).log(System.Logger.Level.DEBUG, "the file store's warm-up failed: " + e);
        } finally {
            if (directory != null) deleteQuietly(directory);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a scratch directory left in the temporary directory harms nothing
        }
    }
}
