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
            "DeleteItem", new DeleteItem(), "BatchWriteItem", new BatchWriteItem(), "UpdateItem", new UpdateItem(), "Query", new Query(),
            "BatchGetItem", new BatchGetItem());
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
            // a page of big items for BatchGetItem's 16 MB answer
            for (int i = 0; i < 42; i++) {
                call(engine, "PutItem", "{\"TableName\":\"items\",\"Item\":{\"pk\":{\"S\":\"huge" + i + "\"},\"d\":{\"S\":\""
                        + "h".repeat(399 * 1024) + "\"}}}");
            }
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
        // strings copied from the request as they are, or decoded first (escapes, characters outside the BMP), in keys and index keys
        rows.add(row("PutItem", "{\"TableName\":\"lsi\",\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"5\"},\"l\":{\"S\":\"é\\u00e9\\\"x\"},"
                + "\"g\":{\"S\":\"中\\n😀 y\"},\"d\":{\"S\":\"plain text\"}},\"ReturnConsumedCapacity\":\"INDEXES\"}", "plain"));
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"é😀\\\\\"},\"d\":{\"S\":\"x\\ty\"}}}},"
                + "{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"€ plain\"},\"d\":{\"S\":\"" + "z".repeat(1000) + "\"}}}}],"
                + "\"lsi\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"6\"},\"l\":{\"S\":\"ß\"},\"g\":{\"S\":\"ü\"}}}}]},"
                + "\"ReturnConsumedCapacity\":\"INDEXES\"}", "plain"));
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
        rows.add(row("UpdateItem", u + "\"AttributeUpdates\":{\"a\":{\"Value\":{\"S\":\"x\"}}}}", "tree"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"SET a = :v\",\"Expected\":{\"a\":{\"Exists\":false}},"
                + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}", "tree"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":\"REMOVE a\",\"ReturnValues\":\"ALL\"}", "tree"));
        rows.add(row("UpdateItem", u + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}", "tree"));
        rows.add(row("UpdateItem", u.substring(0, u.length() - 1) + "}", "tree"));
        rows.add(row("UpdateItem", u + "\"UpdateExpression\":7}", "tree"));
        queryRows(rows);
        batchGetRows(rows);
        conditionRows(rows);
        reviewRows(rows);
        return rows.stream();
    }

    private static void queryRows(List<Arguments> rows) {
        // Query: a partition of the table with its sort key range, its indexes, pages and start keys
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"lsi\":" + partitionPuts() + "}}", "plain"));
        String p = "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"pk = :p\",";
        String pv = "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p\"}}";
        rows.add(row("Query", p + pv + ",\"ReturnConsumedCapacity\":\"TOTAL\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"Limit\":3,\"ScanIndexForward\":false,\"ConsistentRead\":true,\"ReturnConsumedCapacity\":\"INDEXES\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"Limit\":100}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"pk = :p AND sk BETWEEN :a AND :b\",\"ExpressionAttributeValues\":"
                + "{\":p\":{\"S\":\"p\"},\":a\":{\"N\":\"2\"},\":b\":{\"N\":\"5.0\"}},\"Limit\":2}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"#k = :p AND #s >= :a\",\"ExpressionAttributeNames\":{\"#k\":\"pk\",\"#s\":\"sk\"},"
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p\"},\":a\":{\"N\":\"6\"}},\"ProjectionExpression\":\"sk, l\"}", "plain"));
        rows.add(row("Query", p + "\"FilterExpression\":\"attribute_exists(#l) AND v <> :x\",\"ExpressionAttributeNames\":{\"#l\":\"l\"},"
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p\"},\":x\":{\"N\":\"1\"}},\"Select\":\"COUNT\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"Select\":\"ALL_ATTRIBUTES\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"Select\":\"SPECIFIC_ATTRIBUTES\",\"ProjectionExpression\":\"g\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"IndexName\":\"byL\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"IndexName\":\"byL\",\"Select\":\"ALL_ATTRIBUTES\",\"ReturnConsumedCapacity\":\"INDEXES\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"IndexName\":\"byL\",\"ProjectionExpression\":\"g\",\"Limit\":1}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"IndexName\":\"byG\",\"KeyConditionExpression\":\"g = :g\",\"ExpressionAttributeValues\":{\":g\":{\"S\":\"y\"}},"
                + "\"ReturnConsumedCapacity\":\"INDEXES\"}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"items\",\"KeyConditionExpression\":\"pk = :p\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"b2\"}}}", "plain"));
        // Query: start keys
        String start = ",\"ExclusiveStartKey\":";
        rows.add(row("Query", p + pv + start + "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"3\"}},\"Limit\":2}", "plain"));
        rows.add(row("Query", p + pv + start + "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"3\"}},\"ScanIndexForward\":false}", "plain"));
        rows.add(row("Query", p + pv + start + "{\"pk\":{\"S\":\"q\"},\"sk\":{\"N\":\"3\"}}}", "plain"));
        rows.add(row("Query", p + pv + start + "{\"pk\":{\"S\":\"p\"}}}", "plain"));
        rows.add(row("Query", p + pv + start + "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"3\"}}}", "plain"));
        rows.add(row("Query", p + pv + start + "{\"pk\":{\"N\":\"1\"},\"sk\":{\"N\":\"3\"}}}", "plain"));
        rows.add(row("Query", p + pv + start + "{\"pk\":{\"S\":\"p\"},\"x\":{\"N\":\"3\"}}}", "plain"));
        rows.add(row("Query", p + pv + start + "{\"pk\":{\"S\":\"\"},\"sk\":{\"N\":\"3\"}}}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"pk = :p AND sk > :a\",\"ExpressionAttributeValues\":"
                + "{\":p\":{\"S\":\"p\"},\":a\":{\"N\":\"5\"}}" + start + "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"3\"}}}", "plain"));
        rows.add(row("Query", p + pv + ",\"IndexName\":\"byL\"" + start + "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"},\"l\":{\"S\":\"x\"}}}", "plain"));
        rows.add(row("Query", p + pv + ",\"IndexName\":\"byL\"" + start + "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}}}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"IndexName\":\"byG\",\"KeyConditionExpression\":\"g = :g\",\"ExpressionAttributeValues\":{\":g\":{\"S\":\"y\"}}"
                + start + "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"},\"g\":{\"S\":\"y\"}}}", "plain"));
        // Query: refusals the streamed path leaves to the shared checks, in the tree path's order
        rows.add(row("Query", "{\"TableName\":\"nope\",\"KeyConditionExpression\":\"pk = :p\"," + pv + "}", "plain"));
        rows.add(row("Query", p + pv + ",\"IndexName\":\"nope\"}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"IndexName\":\"byG\",\"KeyConditionExpression\":\"g = :g\",\"ExpressionAttributeValues\":{\":g\":{\"S\":\"y\"}},"
                + "\"ConsistentRead\":true}", "plain"));
        rows.add(row("Query", p + pv + ",\"Select\":\"COUNT\",\"ProjectionExpression\":\"g\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"Select\":\"SPECIFIC_ATTRIBUTES\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"Select\":\"ALL_PROJECTED_ATTRIBUTES\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"Select\":\"ALL_ATTRIBUTES\",\"ProjectionExpression\":\"g\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"FilterExpression\":\"sk > :p\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"FilterExpression\":\"g >\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"ProjectionExpression\":\"a,,b\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"ProjectionExpression\":\"\"}", "plain"));
        rows.add(row("Query", p + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p\"},\":q\":{\"S\":\"q\"}}}", "plain"));
        rows.add(row("Query", p + pv + ",\"ExpressionAttributeNames\":{\"#n\":\"n\"}}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"pk = :nope\"}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"\"}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"pk = :p AND\"," + pv + "}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"sk = :p\"," + pv + "}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"pk < :p\"," + pv + "}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"pk = :p AND g = :p\"," + pv + "}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"pk = :p OR sk = :p\"," + pv + "}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"pk = :p AND sk = :p\"," + pv + "}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"pk = :p AND begins_with(sk, :a)\",\"ExpressionAttributeValues\":"
                + "{\":p\":{\"S\":\"p\"},\":a\":{\"N\":\"1\"}}}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"pk = :p AND sk BETWEEN :b AND :a\",\"ExpressionAttributeValues\":"
                + "{\":p\":{\"S\":\"p\"},\":a\":{\"N\":\"2\"},\":b\":{\"N\":\"5\"}}}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"pk = :p\",\"ExpressionAttributeValues\":{\":p\":{\"N\":\"1\"}}}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"items\",\"KeyConditionExpression\":\"pk = :p AND n > :p\"," + pv + "}", "plain"));
        rows.add(row("Query", p + pv + ",\"IndexName\":\"byG\"}", "plain"));
        // Query: what the streamed path does not read, so the tree path answers it
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditions\":{\"pk\":{\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":[{\"S\":\"p\"}]}}}", "tree"));
        rows.add(row("Query", "{\"TableName\":\"lsi\"}", "tree"));
        rows.add(row("Query", p + pv + ",\"Limit\":0}", "tree"));
        rows.add(row("Query", p + pv + ",\"Limit\":-1}", "tree"));
        rows.add(row("Query", p + pv + ",\"Limit\":1.5}", "tree"));
        rows.add(row("Query", p + pv + ",\"Limit\":\"2\"}", "tree"));
        rows.add(row("Query", p + pv + ",\"Limit\":3000000000}", "tree"));
        rows.add(row("Query", p + pv + ",\"Select\":\"ALL\"}", "tree"));
        rows.add(row("Query", p + pv + ",\"IndexName\":\"ab\"}", "tree"));
        rows.add(row("Query", p + pv + ",\"AttributesToGet\":[\"g\"]}", "tree"));
        rows.add(row("Query", p + pv + ",\"QueryFilter\":{\"g\":{\"ComparisonOperator\":\"NOT_NULL\"}}}", "tree"));
        rows.add(row("Query", p + pv + ",\"ConditionalOperator\":\"AND\"}", "tree"));
        rows.add(row("Query", p + pv + ",\"ScanIndexForward\":\"false\"}", "tree"));
        rows.add(row("Query", p + pv + start + "{\"pk\":{\"S\":\"p\"},\"sk\":null}}", "tree"));
        rows.add(row("Query", p + pv + start + "{}}", "plain"));
        rows.add(row("Query", p + pv + ",\"IndexName\":null}", "tree"));
        rows.add(row("Query", p + "\"ExpressionAttributeValues\":{}}", "tree"));
        rows.add(row("Query", p + pv + ",\"ExpressionAttributeNames\":{}}", "tree"));
        rows.add(row("Query", p + "\"ExpressionAttributeValues\":{\"p\":{\"S\":\"p\"}}}", "tree"));
        rows.add(row("Query", p + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p\",\"N\":\"1\"}}}", "tree"));
        rows.add(row("Query", "{\"TableName\":\"arn:aws:dynamodb:us-east-1:000000000000:table/lsi\",\"KeyConditionExpression\":\"pk = :p\"," + pv + "}", "tree"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"pk = :p\",\"KeyConditions\":{}," + pv + "}", "tree"));
        rows.add(row("Query", p + pv + ",\"Limit\":2,\"Limit\":3}", "tree"));
    }

    private static void batchGetRows(List<Arguments> rows) {
        // BatchGetItem: items of two tables, projected, consistent, with their capacity
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"b2\"}},{\"pk\":{\"S\":\"none\"}},{\"pk\":{\"S\":\"m3\"}}]},"
                + "\"lsi\":{\"Keys\":[{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}},{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"2.0\"}}],\"ConsistentRead\":true,"
                + "\"ProjectionExpression\":\"#s, g, m.l[0]\",\"ExpressionAttributeNames\":{\"#s\":\"sk\"}}},\"ReturnConsumedCapacity\":\"INDEXES\"}", "plain"));
        rows.add(row("BatchGetItem", "{\"ReturnConsumedCapacity\":\"TOTAL\",\"RequestItems\":{\"items\":{\"ConsistentRead\":false,\"Keys\":[{\"pk\":{\"S\":\"b2\"}}],"
                + "\"ProjectionExpression\":\"m.l[2], nothing\"}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"b2\"}}]}},\"ReturnConsumedCapacity\":\"NONE\"}", "plain"));
        // BatchGetItem: an answer past 16 MB leaves the rest of the keys unprocessed, echoed as given
        StringBuilder huge = new StringBuilder("{\"RequestItems\":{\"items\":{\"ConsistentRead\":true,\"Keys\":[");
        for (int i = 0; i < 42; i++) huge.append(i == 0 ? "" : ",").append("{\"pk\":{\"S\":\"huge").append(i).append("\"}}");
        huge.append("],\"ProjectionExpression\":\"#p\",\"ExpressionAttributeNames\":{\"#p\":\"pk\"}},\"lsi\":{\"Keys\":[{\"sk\":{\"N\":\"1\"},\"pk\":{\"S\":\"p\"}}]}}}");
        rows.add(row("BatchGetItem", huge.toString().replace(",\"ProjectionExpression\":\"#p\",\"ExpressionAttributeNames\":{\"#p\":\"pk\"}", ""), "plain",
                "\"UnprocessedKeys\":{\"items\":{\"ConsistentRead\":true,\"Keys\":[{\"pk\":{\"S\":\"huge41\"}}]}}"));
        rows.add(row("BatchGetItem", huge.toString(), "plain", "\"UnprocessedKeys\":{\"items\":{\"ConsistentRead\":true,\"Keys\":[{\"pk\":{\"S\":\"huge41\"}}],"
                + "\"ProjectionExpression\":\"#p\",\"ExpressionAttributeNames\":{\"#p\":\"pk\"}}}"));
        // BatchGetItem: refusals the streamed path leaves to the shared checks, in the tree path's order
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}},{\"pk\":{\"S\":\"a\"}}]}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":" + keys("k", 60) + "},\"lsi\":{\"Keys\":" + keys("l", 41) + "}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":" + keys("k", 60) + "},\"lsi\":{\"Keys\":" + keys("l", 40) + "}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"nope\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]},\"items\":{\"Keys\":[{\"pk\":{\"N\":\"1\"}}]}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"N\":\"1\"}}]},\"nope\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"},\"x\":{\"S\":\"b\"}}]}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"\"}}]}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"lsi\":{\"Keys\":[{\"pk\":{\"S\":\"p\"}}]}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}],\"ProjectionExpression\":\"a\","
                + "\"ExpressionAttributeNames\":{\"#u\":\"u\"}}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}],\"ProjectionExpression\":\"#x\"}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}],\"ProjectionExpression\":\"\"}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}],\"ProjectionExpression\":\"a..b\"},"
                + "\"lsi\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}},{\"pk\":{\"S\":\"a\"}}]}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"lsi\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}},{\"pk\":{\"S\":\"a\"}}]},"
                + "\"items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}],\"ProjectionExpression\":\"a..b\"}}}", "plain"));
        // BatchGetItem: what the streamed path does not read
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}],\"AttributesToGet\":[\"a\"]}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}],\"ExpressionAttributeNames\":{\"#a\":\"a\"}}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}],\"ProjectionExpression\":\"a\",\"ExpressionAttributeNames\":{}}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}],\"ExpressionAttributeValues\":{\":a\":{\"S\":\"a\"}}}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":" + keys("k", 101) + "}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[]}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":null}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":null}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[null]}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{}}", "tree"));
        rows.add(row("BatchGetItem", "{}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]},\"items\":{\"Keys\":[{\"pk\":{\"S\":\"b\"}}]}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}],\"Keys\":[{\"pk\":{\"S\":\"b\"}}]}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"ab\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"arn:aws:dynamodb:us-east-1:000000000000:table/items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"SS\":[]}}]}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}],\"ConsistentRead\":\"yes\"}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}},\"ReturnConsumedCapacity\":\"ALL\"}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":[]}", "tree"));
    }

    private static void conditionRows(List<Arguments> rows) {
        // DeleteItem and UpdateItem with a ConditionExpression: kept, refused (and charged), the item on failure
        rows.add(row("BatchWriteItem", "{\"RequestItems\":{\"items\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"c1\"},\"n\":{\"N\":\"1\"}}}},"
                + "{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"c2\"},\"n\":{\"N\":\"2\"},\"s\":{\"S\":\"x\"}}}}]}}", "plain"));
        String d = "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"S\":\"c1\"}},";
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"#n > :v\",\"ExpressionAttributeNames\":{\"#n\":\"n\"},"
                + "\"ExpressionAttributeValues\":{\":v\":{\"N\":\"5\"}},\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\",\"ReturnConsumedCapacity\":\"TOTAL\"}", "plain"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"#n > :v\",\"ExpressionAttributeNames\":{\"#n\":\"n\"},"
                + "\"ExpressionAttributeValues\":{\":v\":{\"N\":\"5\"}},\"ReturnValuesOnConditionCheckFailure\":\"NONE\"}", "plain"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"n < :v AND attribute_exists(pk)\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"5\"}},"
                + "\"ReturnValues\":\"ALL_OLD\",\"ReturnConsumedCapacity\":\"INDEXES\"}", "plain"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"attribute_exists(pk)\",\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}", "plain"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"attribute_not_exists(pk)\"}", "plain"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"n = :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"},\":w\":{\"N\":\"1\"}}}", "plain"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"n = :v\",\"ExpressionAttributeNames\":{\"#u\":\"u\"},\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}}}", "plain"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"#x = :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}}}", "plain"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"n = \"}", "plain"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"\"}", "plain"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"size(n) > :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}}}", "plain"));
        rows.add(row("DeleteItem", "{\"TableName\":\"nope\",\"Key\":{\"pk\":{\"S\":\"c1\"}},\"ConditionExpression\":\"attribute_exists(pk)\"}", "plain"));
        rows.add(row("DeleteItem", "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"N\":\"1\"}},\"ConditionExpression\":\"attribute_exists(pk)\"}", "plain"));
        rows.add(row("DeleteItem", "{\"TableName\":\"lsi\",\"Key\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"9\"}},\"ConditionExpression\":\"attribute_exists(v)\","
                + "\"ReturnItemCollectionMetrics\":\"SIZE\",\"ReturnConsumedCapacity\":\"INDEXES\"}", "plain"));
        String c = "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"S\":\"c2\"}},";
        rows.add(row("UpdateItem", c + "\"UpdateExpression\":\"SET #n = #n + :one\",\"ConditionExpression\":\"#n < :max AND s = :s\","
                + "\"ExpressionAttributeNames\":{\"#n\":\"n\"},\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"},\":max\":{\"N\":\"3\"},\":s\":{\"S\":\"x\"}},"
                + "\"ReturnValues\":\"UPDATED_NEW\",\"ReturnConsumedCapacity\":\"TOTAL\"}", "plain"));
        rows.add(row("UpdateItem", c + "\"UpdateExpression\":\"SET #n = #n + :one\",\"ConditionExpression\":\"#n < :max\","
                + "\"ExpressionAttributeNames\":{\"#n\":\"n\"},\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"},\":max\":{\"N\":\"3\"}},"
                + "\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\",\"ReturnConsumedCapacity\":\"TOTAL\"}", "plain"));
        rows.add(row("UpdateItem", "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"S\":\"c3\"}},\"UpdateExpression\":\"SET n = :one\","
                + "\"ConditionExpression\":\"attribute_exists(pk)\",\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}},"
                + "\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}", "plain"));
        rows.add(row("UpdateItem", "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"S\":\"c3\"}},\"UpdateExpression\":\"SET n = :one\","
                + "\"ConditionExpression\":\"attribute_not_exists(pk)\",\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}},\"ReturnValues\":\"ALL_NEW\"}", "plain"));
        rows.add(row("UpdateItem", c + "\"UpdateExpression\":\"SET n = :one\",\"ConditionExpression\":\"n = :two\",\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}}}", "plain"));
        rows.add(row("UpdateItem", c + "\"UpdateExpression\":\"SET n = :one\",\"ConditionExpression\":\"n = :one\",\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"},\":u\":{\"N\":\"1\"}}}", "plain"));
        rows.add(row("UpdateItem", c + "\"UpdateExpression\":\"SET n = :one\",\"ConditionExpression\":\"n = \",\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}}}", "plain"));
        rows.add(row("UpdateItem", c + "\"UpdateExpression\":\"SET n = \",\"ConditionExpression\":\"n = :zzz\"}", "plain"));
        String pc = "{\"TableName\":\"items\",\"Item\":{\"pk\":{\"S\":\"c4\"},\"n\":{\"N\":\"4\"}},";
        rows.add(row("PutItem", pc + "\"ConditionExpression\":\"attribute_not_exists(pk)\",\"ReturnConsumedCapacity\":\"TOTAL\"}", "plain"));
        rows.add(row("PutItem", pc + "\"ConditionExpression\":\"attribute_not_exists(pk)\",\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}", "plain"));
        rows.add(row("PutItem", pc + "\"ConditionExpression\":\"attribute_not_exists(pk)\"}", "plain"));
        rows.add(row("PutItem", pc + "\"ConditionExpression\":\"#n = :v\",\"ExpressionAttributeNames\":{\"#n\":\"n\"},\"ExpressionAttributeValues\":{\":v\":{\"N\":\"4\"}},"
                + "\"ReturnValues\":\"ALL_OLD\",\"ReturnItemCollectionMetrics\":\"SIZE\"}", "plain"));
        rows.add(row("PutItem", pc + "\"ConditionExpression\":\"n = :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"4\"},\":w\":{\"N\":\"4\"}}}", "plain"));
        rows.add(row("PutItem", pc + "\"ConditionExpression\":\"n = \"}", "plain"));
        rows.add(row("PutItem", "{\"TableName\":\"items\",\"Item\":{\"pk\":{\"S\":\"c5\"},\"d\":{\"S\":\"" + "x".repeat(400 * 1024) + "\"}},"
                + "\"ConditionExpression\":\"n = :nope\"}", "plain"));
        rows.add(row("PutItem", "{\"TableName\":\"lsi\",\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"2\"},\"g\":{\"N\":\"1\"}},"
                + "\"ConditionExpression\":\"attribute_exists(pk)\"}", "plain"));
        rows.add(row("PutItem", "{\"TableName\":\"lsi\",\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"2\"},\"v\":{\"N\":\"21\"}},"
                + "\"ConditionExpression\":\"v = :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"20\"}},\"ReturnConsumedCapacity\":\"INDEXES\",\"ReturnValues\":\"ALL_OLD\"}", "plain"));
        // conditions the streamed path does not read
        rows.add(row("PutItem", pc + "\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}}}", "tree"));
        rows.add(row("PutItem", pc + "\"Expected\":{\"pk\":{\"Exists\":false}}}", "tree"));
        rows.add(row("PutItem", pc + "\"ConditionExpression\":\"attribute_not_exists(pk)\",\"ReturnValuesOnConditionCheckFailure\":\"UPDATED_OLD\"}", "tree"));
        rows.add(row("DeleteItem", d + "\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}}}", "tree"));
        rows.add(row("DeleteItem", d + "\"ExpressionAttributeNames\":{\"#n\":\"n\"}}", "tree"));
        rows.add(row("DeleteItem", d + "\"Expected\":{\"n\":{\"Value\":{\"N\":\"1\"}}}}", "tree"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"attribute_exists(pk)\",\"Expected\":{\"n\":{\"Exists\":false}}}", "tree"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"attribute_exists(pk)\",\"ReturnValuesOnConditionCheckFailure\":\"ALL\"}", "tree"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"attribute_exists(pk)\",\"ConditionalOperator\":\"AND\"}", "tree"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"n = :v\",\"ExpressionAttributeValues\":{}}", "tree"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"n = :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"x\"}}}", "tree"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":7}", "tree"));
        rows.add(row("UpdateItem", c + "\"ConditionExpression\":\"attribute_exists(pk)\"}", "tree"));
        rows.add(row("UpdateItem", c + "\"AttributeUpdates\":{\"a\":{\"Value\":{\"S\":\"x\"}}},\"ConditionExpression\":\"attribute_exists(pk)\"}", "tree"));
    }

    /** The review's rows: member order, escapes, wrong types, empty members and first-error order on each streamed reader. */
    private static void reviewRows(List<Arguments> rows) {
        String pv = "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p\"}}";
        String p = "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"pk = :p\",";
        // Query: members in unusual order, escapes in names and expressions
        rows.add(row("Query", "{" + pv + ",\"KeyConditionExpression\":\"pk = :p\",\"Limit\":2,\"TableName\":\"lsi\"}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"l\\u0073i\",\"KeyConditionExpression\":\"#\\u006b \\u003d :p\",\"ExpressionAttributeNames\":{\"#\\u006b\":\"p\\u006b\"}," + pv + "}", "plain"));
        rows.add(row("Query", "{\"Table\\u004eame\":\"lsi\",\"KeyConditionExpression\":\"pk = :p\"," + pv + "}", "plain"));
        rows.add(row("Query", p + pv + ",\"ExpressionAttributeNames\":{\"#\\u00e9\":\"x\"}}", "tree"));
        // Query: wrong JSON types and empty members
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":7," + pv + "}", "tree"));
        rows.add(row("Query", "{\"TableName\":7,\"KeyConditionExpression\":\"pk = :p\"," + pv + "}", "tree"));
        rows.add(row("Query", "{\"TableName\":[\"lsi\"],\"KeyConditionExpression\":\"pk = :p\"," + pv + "}", "tree"));
        rows.add(row("Query", p + pv + ",\"ExpressionAttributeNames\":[\"#n\"]}", "tree"));
        rows.add(row("Query", p + pv + ",\"ProjectionExpression\":{}}", "tree"));
        rows.add(row("Query", p + pv + ",\"FilterExpression\":\"\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"FilterExpression\":null}", "tree"));
        rows.add(row("Query", p + pv + ",\"Select\":null}", "tree"));
        rows.add(row("Query", p + pv + ",\"ConsistentRead\":1}", "tree"));
        rows.add(row("Query", p + pv + ",\"ReturnConsumedCapacity\":\"total\"}", "tree"));
        rows.add(row("Query", p + pv + ",\"Limit\":2147483647}", "plain"));
        rows.add(row("Query", p + pv + ",\"Limit\":1e2}", "tree"));
        rows.add(row("Query", p + "\"ExpressionAttributeValues\":{\":p\":{\"N\":\"1e125\"}}}", "plain"));
        rows.add(row("Query", p + "\"ExpressionAttributeValues\":{\":p\":{\"N\":\"1e126\"}}}", "tree"));
        rows.add(row("Query", p + "\"ExpressionAttributeValues\":{\":p\":{\"N\":\"" + "9".repeat(38) + "\"}}}", "plain"));
        rows.add(row("Query", p + "\"ExpressionAttributeValues\":{\":p\":{\"N\":\"" + "9".repeat(39) + "\"}}}", "tree"));
        rows.add(row("Query", p + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"\"}}}", "plain"));
        // Query: placeholders unused or missing, several refusals at once (the first one answers)
        rows.add(row("Query", p + pv + ",\"ExpressionAttributeNames\":{\"#u\":\"u\"},\"FilterExpression\":\"g = :nope\"}", "plain"));
        rows.add(row("Query", p + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p\"},\":u\":{\"S\":\"u\"}},\"ExpressionAttributeNames\":{\"#u\":\"u\"}}", "plain"));
        rows.add(row("Query", p + pv + ",\"ProjectionExpression\":\"#x\",\"FilterExpression\":\"#y > :p\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"FilterExpression\":\"v > :p\",\"ProjectionExpression\":\"a..b\",\"Select\":\"COUNT\"}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"nope\",\"KeyConditionExpression\":\"pk = :p\"," + pv + ",\"Select\":\"SPECIFIC_ATTRIBUTES\"}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"nope\",\"KeyConditionExpression\":\"pk = :p\"," + pv + ",\"IndexName\":\"byG\",\"ConsistentRead\":true}", "plain"));
        // Query: Select and ProjectionExpression on the indexes, ConsistentRead on a GSI
        String g = "{\"TableName\":\"lsi\",\"IndexName\":\"byG\",\"KeyConditionExpression\":\"g = :g\",\"ExpressionAttributeValues\":{\":g\":{\"S\":\"y\"}}";
        rows.add(row("Query", g + ",\"ConsistentRead\":false,\"Select\":\"ALL_PROJECTED_ATTRIBUTES\"}", "plain"));
        rows.add(row("Query", g + ",\"ConsistentRead\":true,\"Select\":\"SPECIFIC_ATTRIBUTES\"}", "plain"));
        rows.add(row("Query", g + ",\"Select\":\"ALL_ATTRIBUTES\",\"ProjectionExpression\":\"v\",\"ConsistentRead\":true}", "plain"));
        rows.add(row("Query", g + ",\"ProjectionExpression\":\"v, pk\",\"ScanIndexForward\":false,\"Limit\":1,\"ReturnConsumedCapacity\":\"INDEXES\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"IndexName\":\"byL\",\"Select\":\"ALL_PROJECTED_ATTRIBUTES\",\"ConsistentRead\":true,\"ReturnConsumedCapacity\":\"TOTAL\"}", "plain"));
        rows.add(row("Query", p + pv + ",\"IndexName\":\"byL\",\"FilterExpression\":\"v > :z\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p\"},\":z\":{\"N\":\"0\"}}}", "tree"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"KeyConditionExpression\":\"pk = :p\",\"IndexName\":\"byL\",\"FilterExpression\":\"v > :z\","
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p\"},\":z\":{\"N\":\"0\"}},\"ReturnConsumedCapacity\":\"INDEXES\"}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"items\",\"IndexName\":\"byG\",\"KeyConditionExpression\":\"pk = :p\"," + pv + "}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"lsi\",\"IndexName\":\"byL\",\"KeyConditionExpression\":\"pk = :p AND l > :l\","
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p\"},\":l\":{\"S\":\"x3\"}},\"Limit\":2}", "plain"));
        // Query: start key shapes
        String start = ",\"ExclusiveStartKey\":";
        rows.add(row("Query", p + pv + start + "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"3\"},\"x\":{\"S\":\"x\"}}}", "plain"));
        rows.add(row("Query", p + pv + start + "{\"sk\":{\"N\":\"3.00\"},\"pk\":{\"S\":\"p\"}},\"Limit\":1}", "plain"));
        rows.add(row("Query", p + pv + start + "{\"pk\":{\"M\":{}},\"sk\":{\"N\":\"3\"}}}", "plain"));
        rows.add(row("Query", p + pv + start + "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"3\"},\"pk\":{\"S\":\"q\"}}}", "tree"));
        rows.add(row("Query", p + pv + start + "[]}", "tree"));
        rows.add(row("Query", g + start + "{\"g\":{\"S\":\"y\"},\"pk\":{\"S\":\"p\"}}}", "plain"));
        rows.add(row("Query", g + start + "{\"g\":{\"S\":\"y\"},\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"1\"}}}", "plain"));
        rows.add(row("Query", g + start + "{\"g\":{\"S\":\"z\"},\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}}}", "plain"));
        // BatchGetItem: order, escapes, projections per table, first refusal over tables, the 100 keys
        String k = "\"Keys\":[{\"pk\":{\"S\":\"b2\"}}]";
        rows.add(row("BatchGetItem", "{\"ReturnConsumedCapacity\":\"TOTAL\",\"RequestItems\":{\"it\\u0065ms\":{\"ProjectionExpression\":\"m\"," + k + "}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{" + k + ",\"ProjectionExpression\":\"\"}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{" + k + ",\"ProjectionExpression\":\"#m\"}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{" + k + ",\"ProjectionExpression\":\"m\",\"ExpressionAttributeNames\":{\"#m\":\"m\"}}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{" + k + ",\"ProjectionExpression\":7}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{" + k + ",\"ConsistentRead\":null}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":{\"pk\":{\"S\":\"b2\"}}}}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{}]}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"\"}}]}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}},{\"pk\":{\"S\":\"a\"}}]},"
                + "\"lsi\":{\"Keys\":[{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}}],\"ProjectionExpression\":\"#nope\"}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"nope\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]},"
                + "\"lsi\":{\"Keys\":[{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}},{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1.0\"}}]}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"N\":\"1\"}}]},\"nope\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"b2\"}}]},\"lsi\":{\"Keys\":[{\"pk\":{\"S\":\"b2\"}}]}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":" + keys("k", 60) + "},\"lsi\":{\"Keys\":[{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}}],"
                + "\"ProjectionExpression\":\"a..b\"},\"nope\":{\"Keys\":" + keys("j", 40) + "}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":" + keys("k", 50) + "},\"nope\":{\"Keys\":" + keys("j", 50) + "}},"
                + "\"ReturnConsumedCapacity\":\"INDEXES\"}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":" + keys("k", 100) + ",\"ConsistentRead\":true},\"ReturnConsumedCapacity\":\"INDEXES\"}}", "tree"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":" + keys("k", 100) + ",\"ConsistentRead\":true}},\"ReturnConsumedCapacity\":\"INDEXES\"}", "plain"));
        StringBuilder huge = new StringBuilder("{\"RequestItems\":{\"lsi\":{\"Keys\":[{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}}]},\"items\":{\"Keys\":[");
        for (int i = 0; i < 42; i++) huge.append(i == 0 ? "" : ",").append("{\"pk\":{\"S\":\"hug\\u0065").append(i).append("\"}}");
        huge.append("],\"ProjectionExpression\":\"\\u0064, #n\",\"ExpressionAttributeNames\":{\"#n\":\"n\"},\"ConsistentRead\":false}},\"ReturnConsumedCapacity\":\"TOTAL\"}");
        rows.add(row("BatchGetItem", huge.toString(), "plain", "\"UnprocessedKeys\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"huge"));
        // conditions: escapes, ReturnValuesOnConditionCheckFailure without a condition, first refusal between the two expressions
        String c = "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"S\":\"c2\"}},";
        rows.add(row("UpdateItem", c + "\"ConditionExpression\":\"n = \",\"UpdateExpression\":\"SET n = \"}", "plain"));
        rows.add(row("UpdateItem", c + "\"ConditionExpression\":\"#c = :c\",\"UpdateExpression\":\"SET #u = :u\",\"ExpressionAttributeNames\":{\"#c\":\"n\"},"
                + "\"ExpressionAttributeValues\":{\":c\":{\"N\":\"1\"}}}", "plain"));
        rows.add(row("UpdateItem", c + "\"UpdateExpression\":\"SET s = :s\",\"ExpressionAttributeValues\":{\":s\":{\"S\":\"y\"}},"
                + "\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\",\"ReturnValues\":\"UPDATED_OLD\"}", "plain"));
        rows.add(row("UpdateItem", c + "\"UpdateExpression\":\"SET s = :s\",\"ConditionExpression\":\"s \\u003d :s\",\"ExpressionAttributeValues\":{\":s\":{\"S\":\"nope\"}},"
                + "\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\",\"ReturnValues\":\"ALL_NEW\",\"ReturnConsumedCapacity\":\"INDEXES\"}", "plain"));
        rows.add(row("UpdateItem", c + "\"UpdateExpression\":\"SET s = :s\",\"ConditionExpression\":\"s = :s\",\"ExpressionAttributeValues\":{\":s\":{\"S\":\"y\"}},"
                + "\"ReturnValuesOnConditionCheckFailure\":null}", "tree"));
        rows.add(row("UpdateItem", c + "\"UpdateExpression\":\"SET s = :s\",\"ConditionExpression\":\"s = :s\",\"ExpressionAttributeValues\":{\":s\":{\"S\":\"y\"}},"
                + "\"ReturnValuesOnConditionCheckFailure\":\"all_old\"}", "tree"));
        String d = "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"S\":\"gone2\"}},";
        rows.add(row("DeleteItem", d + "\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}", "plain"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"attribute_exists(pk)\",\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\",\"ReturnValues\":\"ALL_OLD\"}", "plain"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"attribute_exists(pk)\",\"ReturnValues\":\"ALL_NEW\"}", "tree"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":\"a = :a\",\"ExpressionAttributeValues\":{\":a\":{\"S\":\"x\"}},\"ExpressionAttributeNames\":{\"#n\":\"n\"}}", "plain"));
        rows.add(row("DeleteItem", "{\"ConditionExpression\":\"attribute_exists(pk)\",\"Key\":{\"pk\":{\"S\":\"c1\"}},\"TableName\":\"items\",\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}", "plain"));
        rows.add(row("DeleteItem", d + "\"ConditionExpression\":[\"attribute_exists(pk)\"]}", "tree"));
        String pc = "{\"TableName\":\"items\",\"Item\":{\"pk\":{\"S\":\"c6\"},\"e\":{\"S\":\"\\u00e9\\ud83d\\ude00\\\"\"}},";
        rows.add(row("PutItem", pc + "\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}", "plain"));
        rows.add(row("PutItem", pc + "\"ConditionExpression\":\"attribute_exists(pk)\",\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\",\"ReturnValues\":\"ALL_OLD\"}", "plain"));
        rows.add(row("PutItem", pc + "\"ConditionExpression\":\"attribute_not_exists(pk)\",\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\",\"ReturnValues\":\"ALL_OLD\"}", "plain"));
        rows.add(row("PutItem", "{\"TableName\":\"nope\",\"Item\":{\"pk\":{\"S\":\"c7\"}},\"ConditionExpression\":\"a = :nope\"}", "plain"));
        rows.add(row("PutItem", "{\"TableName\":\"nope\",\"Item\":{\"pk\":{\"S\":\"c7\"}},\"ConditionExpression\":\"attribute_exists(pk)\"}", "plain"));
        rows.add(row("PutItem", pc + "\"ConditionExpression\":\"attribute_exists(pk)\",\"ReturnValues\":\"ALL_NEW\"}", "tree"));
        // lone surrogates in values, names and placeholders
        rows.add(row("PutItem", "{\"TableName\":\"items\",\"Item\":{\"pk\":{\"S\":\"c8\"},\"\\ud800\":{\"S\":\"\\udc00x\"}},\"ReturnValues\":\"ALL_OLD\"}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"items\",\"KeyConditionExpression\":\"pk = :p\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"c8\"}}}", "plain"));
        rows.add(row("Query", "{\"TableName\":\"items\",\"KeyConditionExpression\":\"pk = :p\",\"ProjectionExpression\":\"#n\",\"ExpressionAttributeNames\":{\"#n\":\"\\ud800\"},"
                + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"c8\"}}}", "plain"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"c8\"}},{\"pk\":{\"S\":\"\\udfff\"}}],\"ProjectionExpression\":\"#n\","
                + "\"ExpressionAttributeNames\":{\"#n\":\"\\ud800\"}}}}", "plain"));
        rows.add(row("DeleteItem", "{\"TableName\":\"items\",\"Key\":{\"pk\":{\"S\":\"c8\"}},\"ConditionExpression\":\"#n = :v\",\"ExpressionAttributeNames\":{\"#n\":\"\\ud800\"},"
                + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"\\udc00\"}},\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}", "plain"));
        // answers that start with stored items: escapes and numbers as stored, an empty page
        rows.add(row("Query", "{\"TableName\":\"items\",\"KeyConditionExpression\":\"pk = :p\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"c6\"}}}", "plain", "\\uD83D\\uDE00"));
        rows.add(row("Query", "{\"TableName\":\"items\",\"KeyConditionExpression\":\"pk = :p\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"none\"}},"
                + "\"ReturnConsumedCapacity\":\"TOTAL\"}", "plain", "{\"Items\":[],\"Count\":0"));
        rows.add(row("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[{\"pk\":{\"S\":\"c6\"}},{\"pk\":{\"S\":\"none\"}}]},\"lsi\":{\"Keys\":[{\"pk\":{\"S\":\"none\"},"
                + "\"sk\":{\"N\":\"1\"}}]}}}", "plain", "\"lsi\":[]"));
    }

    private static String keys(String prefix, int count) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < count; i++) list.append(i == 0 ? "" : ",").append("{\"pk\":{\"S\":\"").append(prefix).append(i).append("\"}}");
        return list.append("]").toString();
    }

    @Order(1)
    @ParameterizedTest(name = "{0} {2}: {1}")
    @MethodSource("requests")
    void bothPathsAnswerAlike(String action, String body, String path, String fragment) {
        assertThat(readsPlain(action, body)).as("the streamed path reads it").isEqualTo(path.equals("plain"));
        DynamoResponse plain = call(plainEngine, action, body);
        DynamoResponse tree = call(treeEngine, action, body.startsWith("{\"") ? "{\"Unread\":0," + body.substring(1) : body);
        assertThat(plain.status()).isEqualTo(tree.status());
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(new String(tree.body(), StandardCharsets.UTF_8));
        if (fragment != null) assertThat(new String(plain.body(), StandardCharsets.UTF_8)).contains(fragment);
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

    /** Items 2 to 9 of partition p of table lsi, in both indexes where even, with an attribute neither projects. */
    private static String partitionPuts() {
        StringBuilder list = new StringBuilder("[");
        for (int i = 2; i < 10; i++) {
            list.append(i == 2 ? "" : ",").append("{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"").append(i)
                    .append("\"},\"v\":{\"N\":\"").append(i * 10).append(i % 2 == 0 ? "\"},\"l\":{\"S\":\"x" + i + "\"},\"g\":{\"S\":\"y\"}}}}" : "\"}}}}");
        }
        return list.append("]").toString();
    }

    private static Arguments row(String action, String body, String path) {
        return row(action, body, path, null);
    }

    /** A row whose answer must also hold {@code fragment}: the row reaches the part of the action it is there for. */
    private static Arguments row(String action, String body, String path, String fragment) {
        return Arguments.of(action, body, path, fragment);
    }

    private static DynamoResponse call(Engine engine, String action, String body) {
        return engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTH, "20260101T000000Z", body.getBytes(StandardCharsets.UTF_8)));
    }
}
