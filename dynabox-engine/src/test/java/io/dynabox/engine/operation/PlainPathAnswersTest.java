package io.dynabox.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.wire.PlainRequests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request → the same answer, byte for byte (status, error type and message, or result), from
 * the streamed path and from the tree path, for requests each path takes and for every kind
 * of refusal: two engines with the same tables get each request, one as it is, the other with
 * a member the service ignores ({@code "Unread"}), which only the tree path reads. The table
 * also says which path the plain engine took, so a row cannot pass by both taking the tree path.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlainPathAnswersTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final Map<String, PlainOperation> STREAMED = Map.of("GetItem", new GetItem(), "PutItem", new PutItem(),
            "DeleteItem", new DeleteItem(), "BatchWriteItem", new BatchWriteItem(), "UpdateItem", new UpdateItem());
    private static Engine plainEngine;
    private static Engine treeEngine;

    @BeforeAll
    static void tables() {
        plainEngine = new Engine(DynaboxOptions.builder().build());
        treeEngine = new Engine(DynaboxOptions.builder().build());
        for (Engine engine : List.of(plainEngine, treeEngine)) {
            call(engine, "CreateTable", """
                    {"TableName":"items","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
                     "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}""");
            call(engine, "CreateTable", """
                    {"TableName":"lsi","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"},
                     {"AttributeName":"l","AttributeType":"S"},{"AttributeName":"g","AttributeType":"S"}],
                     "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
                     "LocalSecondaryIndexes":[{"IndexName":"byL","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"l","KeyType":"RANGE"}],
                       "Projection":{"ProjectionType":"KEYS_ONLY"}}],
                     "GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}],
                     "BillingMode":"PAY_PER_REQUEST"}""");
            call(engine, "PutItem", "{\"TableName\":\"items\",\"Item\":{\"pk\":{\"S\":\"old\"},\"n\":{\"N\":\"7\"}}}");
            call(engine, "PutItem", "{\"TableName\":\"lsi\",\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"},\"l\":{\"S\":\"x\"},\"g\":{\"S\":\"y\"}}}");
        }
    }

    @AfterAll
    static void close() {
        plainEngine.close();
        treeEngine.close();
    }

    static Stream<Arguments> requests() {
        List<Arguments> rows = new ArrayList<>();
        // GetItem, PutItem, DeleteItem: answers and refusals after the read
        rows.add(row("GetItem", "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"S\":\"old\"}},\"ReturnConsumedCapacity\":\"TOTAL\"}", "plain"));
        rows.add(row("GetItem", "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"S\":\"none\"}},\"ConsistentRead\":true}", "plain"));
        rows.add(row("GetItem", "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"N\":\"1\"}}}", "plain"));
        rows.add(row("GetItem", "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"S\":\"a\"},\"x\":{\"S\":\"b\"}}}", "plain"));
        rows.add(row("GetItem", "{\"TableName\":\"nope\",\"Key\":{\"pk\":{\"S\":\"a\"}}}", "plain"));
        rows.add(row("GetItem", "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"S\":\"\"}}}", "plain"));
        rows.add(row("GetItem", "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"SS\":[]}}}", "tree"));
        rows.add(row("PutItem", "{\"TableName\":\"items\",\"Item\":{\"pk\":{\"S\":\"old\"},\"n\":{\"N\":\"8.50\"}},\"ReturnValues\":\"ALL_OLD\","
                + "\"ReturnConsumedCapacity\":\"INDEXES\"}", "plain"));
        rows.add(row("PutItem", "{\"TableName\":\"items\",\"Item\":{\"n\":{\"N\":\"1\"}}}", "plain"));
        rows.add(row("PutItem", "{\"TableName\":\"lsi\",\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"2\"},\"g\":{\"N\":\"1\"}}}", "plain"));
        rows.add(row("PutItem", "{\"TableName\":\"lsi\",\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"3\"},\"l\":{\"S\":\"z\"}},"
                + "\"ReturnItemCollectionMetrics\":\"SIZE\",\"ReturnConsumedCapacity\":\"INDEXES\"}", "plain"));
        rows.add(row("PutItem", "{\"TableName\":\"items\",\"Item\":{\"pk\":{\"S\":\"big\"},\"d\":{\"S\":\"" + "x".repeat(400 * 1024) + "\"}}}", "plain"));
        rows.add(row("PutItem", "{\"TableName\":\"items\",\"Item\":{\"pk\":{\"S\":\"a\"}},\"ReturnValues\":\"ALL_NEW\"}", "tree"));
        rows.add(row("DeleteItem", "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"S\":\"gone\"}},\"ReturnValues\":\"ALL_OLD\",\"ReturnConsumedCapacity\":\"TOTAL\"}", "plain"));
        rows.add(row("DeleteItem", "{\"TableName\":\"lsi\",\"Key\":{\"pk\":{\"S\":\"p\"}}}", "plain"));
        // BatchWriteItem: what it writes and answers
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"b1\"},\"n\":{\"N\":\"1.50\"}}}},"
                + "{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"old\"}}}},{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"none\"}}}}]},"
                + "\"ReturnConsumedCapacity\":\"TOTAL\"}", "plain"));
        rows.add(row("BatchWriteItem", "{\"ReturnConsumedCapacity\":\"INDEXES\",\"ReturnItemCollectionMetrics\":\"SIZE\",\"RequestItems\":{"
                + "\"lsi\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"4\"},\"l\":{\"S\":\"w\"},\"g\":{\"S\":\"v\"}}}}],"
                + "\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"b2\"},\"m\":{\"M\":{\"l\":{\"L\":[{\"NULL\":true},{\"BOOL\":false},{\"B\":\"AAE=\"}]}}}}}}]}}",
                "plain"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"b3\"},\"s\":{\"SS\":[\"a\",\"b\"]},"
                + "\"ns\":{\"NS\":[\"1\",\"2.0\"]}}}}]},\"ReturnConsumedCapacity\":\"NONE\",\"ReturnItemCollectionMetrics\":\"NONE\"}", "plain"));
        // BatchWriteItem: refusals the streamed path leaves to the engine's checks, in the tree path's order
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"d\"}}}},"
                + "{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"d\"}}}}]}}", "plain"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"nope\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"d\"}}}}]}}", "plain"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"N\":\"1\"}}}}]}}", "plain"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"x\":{\"S\":\"1\"}}}}]}}", "plain"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"1\"},\"x\":{\"S\":\"1\"}}}}]}}", "plain"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"\"}}}}]}}", "plain"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"lsi\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"5\"},\"g\":{\"N\":\"1\"}}}}]}}", "plain"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"nope\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"}}}}],"
                + "\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"N\":\"1\"}}}}]}}", "plain"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":" + puts("m", 20) + ",\"lsi\":" + puts("n", 6) + "}}", "plain"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"big\"},\"d\":{\"S\":\""
                + "x".repeat(400 * 1024) + "\"}}}},{\"PutRequest\":{\"Item\":{\"pk\":{\"N\":\"1\"}}}}]}}", "plain"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":" + puts("o", 25) + ",\"nope\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"x\"}}}}]}}", "plain"));
        // BatchWriteItem: what the streamed path does not read, so the tree path answers it
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":" + puts("q", 26) + "}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{}}", "tree"));
        rows.add(row("BatchWriteItem", "{}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[]}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":null}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{}]}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[null]}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"}}},"
                + "\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"a\"}}}}]}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{}}]}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Key\":{\"pk\":{\"S\":\"a\"}}}}]}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"DeleteRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"}}}}]}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"}},\"X\":1}}]}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"}}},\"X\":1}]}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"}}}}],"
                + "\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"b\"}}}}]}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"ab\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"}}}}]}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"arn:aws:dynamodb:us-east-1:000000000000:table/items\":"
                + "[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"arn\"}}}}]}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"},\"s\":{\"SS\":[]}}}}]}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"},\"s\":{\"SS\":[\"x\",\"x\"]}}}}]}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1e999\"}}}}]}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\",\"N\":\"1\"}}}}]}}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"}}}}]},\"ReturnConsumedCapacity\":\"ALL\"}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"}}}}]},\"ReturnItemCollectionMetrics\":null}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":[]}", "tree"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"}}}}]}", "tree"));
        // UpdateItem with an UpdateExpression: answers, and refusals after the read
        String u = "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"S\":\"u1\"}},";
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET #c = if_not_exists(#c, :z) + :one\",\"ExpressionAttributeNames\":{\"#c\":\"n\"},"
                + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"},\":z\":{\"N\":\"0\"}},\"ReturnValues\":\"ALL_NEW\"}", "plain"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET #c = #c + :one, s = :s ADD ns :ns\",\"ExpressionAttributeNames\":{\"#c\":\"n\"},"
                + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1.50\"},\":s\":{\"SS\":[\"a\"]},\":ns\":{\"NS\":[\"3\"]}},"
                + "\"ReturnValues\":\"UPDATED_OLD\",\"ReturnConsumedCapacity\":\"TOTAL\"}", "plain"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"DELETE ns :ns REMOVE s\",\"ExpressionAttributeValues\":{\":ns\":{\"NS\":[\"3\"]}},"
                + "\"ReturnValues\":\"UPDATED_NEW\"}", "plain"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET m = :m\",\"ExpressionAttributeValues\":{\":m\":{\"M\":{\"a\":{\"L\":[{\"NULL\":true}]}}}},"
                + "\"ReturnValues\":\"ALL_OLD\",\"ReturnConsumedCapacity\":\"INDEXES\",\"ReturnItemCollectionMetrics\":\"SIZE\"}", "plain"));
        rows.add(row("UpdateItem", "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"S\":\"u2\"}},\"UpdateExpression\":\"REMOVE a\",\"ReturnValues\":\"ALL_NEW\"}", "plain"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET pk = :v\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}", "plain"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET a = :v\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"},\":w\":{\"S\":\"y\"}}}", "plain"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET a = :v\",\"ExpressionAttributeNames\":{\"#a\":\"a\"},\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}", "plain"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET a = :nope\"}", "plain"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET #x = :v\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}", "plain"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET\"}", "plain"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"\"}", "plain"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET a = :v, a = :v\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}", "plain"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET a = b + :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}}}", "plain"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET d = :d\",\"ExpressionAttributeValues\":{\":d\":{\"S\":\""
                + "x".repeat(400 * 1024) + "\"}}}", "plain"));
        rows.add(row("UpdateItem", "{\"TableName\":\"nope\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"UpdateExpression\":\"REMOVE a\"}", "plain"));
        rows.add(row("UpdateItem", "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"N\":\"1\"}},\"UpdateExpression\":\"REMOVE a\"}", "plain"));
        rows.add(row("UpdateItem", "{\"TableName\":\"lsi\",\"Key\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}},\"UpdateExpression\":\"SET g = :n\","
                + "\"ExpressionAttributeValues\":{\":n\":{\"N\":\"1\"}}}", "plain"));
        rows.add(row("UpdateItem", "{\"TableName\":\"lsi\",\"Key\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}},\"UpdateExpression\":\"SET l = :s\","
                + "\"ExpressionAttributeValues\":{\":s\":{\"S\":\"new\"}},\"ReturnItemCollectionMetrics\":\"SIZE\",\"ReturnConsumedCapacity\":\"INDEXES\"}", "plain"));
        String deep = "{\"L\":[".repeat(31) + "{\"S\":\"x\"}" + "]}".repeat(31);
        String deeper = "{\"L\":[".repeat(32) + "{\"S\":\"x\"}" + "]}".repeat(32);
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET a = :v\",\"ExpressionAttributeValues\":{\":v\":" + deep + "}}", "plain"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET a = :v\",\"ExpressionAttributeValues\":{\":v\":" + deeper + "}}", "tree"));
        // UpdateItem: what the streamed path does not read
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET a = :v\",\"ExpressionAttributeNames\":{},\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}", "tree"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"REMOVE a\",\"ExpressionAttributeValues\":{}}", "tree"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET #a = :v\",\"ExpressionAttributeNames\":{\"a\":\"a\"},\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}", "tree"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET #a = :v\",\"ExpressionAttributeNames\":{\"#a\":\"\"},\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}", "tree"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET #a = :v\",\"ExpressionAttributeNames\":{\"#a\":null},\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}", "tree"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET a = :v\",\"ExpressionAttributeValues\":{\":v-w\":{\"S\":\"x\"}}}", "tree"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET a = :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"x\"}}}", "tree"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET a = :v\",\"ExpressionAttributeValues\":{\":v\":null}}", "tree"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET a = :v\",\"ExpressionAttributeValues\":{\":v\":{\"SS\":[]}}}", "tree"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET a = :v\",\"ConditionExpression\":\"attribute_exists(pk)\","
                + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}", "tree"));
        rows.add(row("UpdateItem", u + "\"AttributeUpdates\":{\"a\":{\"Value\":{\"S\":\"x\"}}}}", "tree"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET a = :v\",\"Expected\":{\"a\":{\"Exists\":false}},"
                + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}", "tree"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"REMOVE a\",\"ReturnValues\":\"ALL\"}", "tree"));
        rows.add(row("UpdateItem", u + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}", "tree"));
        rows.add(row("UpdateItem", u.substring(0, u.length() - 1) + "}", "tree"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":7}", "tree"));
        return rows.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0} {2}: {1}")
    @MethodSource("requests")
    void bothPathsAnswerAlike(String action, String body, String path) {
        assertThat(readsPlain(action, body)).as("the streamed path reads it").isEqualTo(path.equals("plain"));
        DynamoResponse plain = call(plainEngine, action, body);
        DynamoResponse tree = call(treeEngine, action, body.startsWith("{\"") ? "{\"Unread\":0," + body.substring(1) : body);
        assertThat(plain.status()).isEqualTo(tree.status());
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(new String(tree.body(), StandardCharsets.UTF_8));
    }

    @Order(2)
    @Test
    void bothPathsLeaveTheSameItems() {
        for (String table : List.of("items", "lsi")) {
            String scan = "{\"TableName\":\"" + table + "\"}";
            assertThat(new String(call(plainEngine, "Scan", scan).body(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(call(treeEngine, "Scan", scan).body(), StandardCharsets.UTF_8));
        }
    }

    private static boolean readsPlain(String action, String body) {
        try {
            PlainRequests.read(body.getBytes(StandardCharsets.UTF_8), STREAMED.get(action).newPlainRequest());
            return true;
        } catch (PlainRequests.NotPlain e) {
            return false;
        }
    }

    private static String puts(String prefix, int count) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            list.append(i == 0 ? "" : ",").append("{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"").append(prefix).append(i)
                    .append("\"},\"sk\":{\"N\":\"").append(i).append("\"}}}}");
        }
        return list.append("]").toString();
    }

    private static Arguments row(String action, String body, String path) {
        return Arguments.of(action, body, path);
    }

    private static DynamoResponse call(Engine engine, String action, String body) {
        return engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTH, "20260101T000000Z", body.getBytes(StandardCharsets.UTF_8)));
    }
}
