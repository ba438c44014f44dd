package io.dynabox.engine;

import java.nio.charset.StandardCharsets;

/**
 * Requests to an engine as raw JSON: what the SDKs would not send (nulls, unmodelled members,
 * numbers past a long), answered as the engine writes them.
 */
public final class RawRequests {
    public static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";

    private RawRequests() {}

    public static DynamoResponse response(Engine engine, String action, String body) {
        return engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTH, "20260101T000000Z", body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The answer as its status and body, e.g. {@code 200 {}}. */
    public static String call(Engine engine, String action, String body) {
        DynamoResponse response = response(engine, action, body);
        return response.status() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }

    /** CreateTable of an on-demand table keyed by the string {@code pk}. */
    public static String createHashTable(Engine engine, String name) {
        return call(engine, "CreateTable", "{\"TableName\":\"" + name + "\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}");
    }
}
