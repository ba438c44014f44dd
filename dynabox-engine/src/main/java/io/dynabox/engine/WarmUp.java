package io.dynabox.engine;

import java.util.List;

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
}
