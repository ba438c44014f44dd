package io.dynabox.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.DynamoResponse;
import io.dynabox.engine.Engine;
import io.dynabox.engine.store.MemoryStore;
import io.dynabox.engine.wire.PlainRequests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CreateTable request (and DescribeTable's and DeleteTable's) → the same answer, byte for byte (status, error type and message, or the
 * table's description, its random TableId aside), from the streamed path and from the tree
 * path, and the same table after it (DescribeTable): two engines on the same clock get each
 * request, one as it is, the other with a member the service ignores ({@code "Unread"}), which
 * only the tree path reads. The table also says which path the plain engine took, so a row
 * cannot pass by both taking the tree path.
 */
class PlainCreateTableTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final long NOW = 1_700_000_000_123L;
    private static final String TABLE_ID = "\"TableId\":\"[0-9a-f-]{36}\"";
    private static final String KEYS = "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
            + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
            + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]";
    private static final String HASH_KEY = "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
            + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]";
    private static final String ON_DEMAND = "\"BillingMode\":\"PAY_PER_REQUEST\"";
    private static final String THROUGHPUT = "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":6}";
    private static Engine plainEngine;
    private static Engine treeEngine;

    @BeforeAll
    static void engines() {
        plainEngine = new Engine(DynaboxOptions.defaults(), new MemoryStore(), () -> NOW);
        treeEngine = new Engine(DynaboxOptions.defaults(), new MemoryStore(), () -> NOW);
        for (Engine engine : List.of(plainEngine, treeEngine)) {
            for (String table : List.of("kept", "doomed")) call(engine, "CreateTable", "{\"TableName\":\"" + table + "\"," + HASH_KEY + "," + ON_DEMAND + "}");
            call(engine, "CreateTable", "{\"TableName\":\"guarded\"," + HASH_KEY + "," + ON_DEMAND + ",\"DeletionProtectionEnabled\":true}");
        }
    }

    @AfterAll
    static void close() {
        plainEngine.close();
        treeEngine.close();
    }

    static Stream<Arguments> requests() {
        List<Arguments> rows = new ArrayList<>();
        // created: the shapes test suites send
        rows.add(row("{\"TableName\":\"bench_first\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"gpk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"gsi1\",\"KeySchema\":[{\"AttributeName\":\"gpk\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}],\"BillingMode\":\"PAY_PER_REQUEST\"}", "plain"));
        rows.add(row("{\"TableName\":\"hash_only\"," + HASH_KEY + "," + ON_DEMAND + "}", "plain"));
        rows.add(row("{\"TableName\":\"provisioned\"," + HASH_KEY + "," + THROUGHPUT + "}", "plain"));
        rows.add(row("{\"KeySchema\":[{\"KeyType\":\"HASH\",\"AttributeName\":\"pk\"}],\"ProvisionedThroughput\":{\"WriteCapacityUnits\":1,"
                + "\"ReadCapacityUnits\":2147483648},\"TableName\":\"Members.In-Another_Order\",\"AttributeDefinitions\":[{\"AttributeType\":\"B\","
                + "\"AttributeName\":\"pk\"}],\"BillingMode\":\"PROVISIONED\"}", "plain"));
        rows.add(row("{\"TableName\":\"indexes\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},{\"AttributeName\":\"l\",\"AttributeType\":\"B\"},"
                + "{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],\"LocalSecondaryIndexes\":[{\"IndexName\":\"byL\",\"KeySchema\":["
                + "{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"l\",\"KeyType\":\"RANGE\"}],"
                + "\"Projection\":{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[\"z\",\"a\",\"é☃\"]}}],"
                + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"byG\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
                + "\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"},\"ProvisionedThroughput\":{\"ReadCapacityUnits\":3,\"WriteCapacityUnits\":4}},"
                + "{\"IndexName\":\"byG.2\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                + "\"Projection\":{},\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1}}]," + THROUGHPUT + "}", "plain"));
        rows.add(row("{\"TableName\":\"streamed\"," + KEYS + "," + ON_DEMAND + ",\"StreamSpecification\":{\"StreamEnabled\":true,"
                + "\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"},\"TableClass\":\"STANDARD_INFREQUENT_ACCESS\",\"DeletionProtectionEnabled\":true}", "plain"));
        rows.add(row("{\"TableName\":\"not_streamed\"," + KEYS + "," + ON_DEMAND + ",\"StreamSpecification\":{\"StreamEnabled\":false},"
                + "\"TableClass\":\"STANDARD\",\"DeletionProtectionEnabled\":false}", "plain"));
        rows.add(row("{\"TableName\":\"multi_key\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"a\",\"AttributeType\":\"S\"},{\"AttributeName\":\"b\",\"AttributeType\":\"N\"},{\"AttributeName\":\"c\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"GlobalSecondaryIndexes\":[{\"IndexName\":\"abc\",\"KeySchema\":["
                + "{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"b\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"c\",\"KeyType\":\"RANGE\"}],"
                + "\"Projection\":{\"ProjectionType\":\"ALL\"}}]," + ON_DEMAND + "}", "plain"));
        rows.add(row(" {\n  \"TableName\" : \"spaced\",\n  " + HASH_KEY + ",\n  " + ON_DEMAND + "\n}\n", "plain"));
        // refused after the read, by the same checks on the same tree
        rows.add(row("{\"TableName\":\"hash_only\"," + HASH_KEY + "," + ON_DEMAND + "}", "plain")); // exists
        rows.add(row("{\"TableName\":\"no_billing\"," + HASH_KEY + "}", "plain"));
        rows.add(row("{\"TableName\":\"both_billing\"," + HASH_KEY + "," + ON_DEMAND + "," + THROUGHPUT + "}", "plain"));
        rows.add(row("{\"TableName\":\"unused\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"x\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]," + ON_DEMAND + "}", "plain"));
        rows.add(row("{\"TableName\":\"undefined\",\"AttributeDefinitions\":[],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]," + ON_DEMAND + "}", "plain"));
        rows.add(row("{\"TableName\":\"two_hashes\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"sk\",\"KeyType\":\"HASH\"}]," + ON_DEMAND + "}", "plain"));
        rows.add(row("{\"TableName\":\"empty_gsis\"," + HASH_KEY + "," + ON_DEMAND + ",\"GlobalSecondaryIndexes\":[]}", "plain"));
        rows.add(row("{\"TableName\":\"lsi_no_range\"," + HASH_KEY + "," + ON_DEMAND + ",\"LocalSecondaryIndexes\":[{\"IndexName\":\"ls1\","
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}]}", "plain"));
        rows.add(row("{\"TableName\":\"lsi_hash_only\"," + HASH_KEY + "," + ON_DEMAND + ",\"LocalSecondaryIndexes\":[{\"IndexName\":\"lsi\","
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}]}", "plain"));
        rows.add(row("{\"TableName\":\"same_index\"," + KEYS + "," + ON_DEMAND + ",\"GlobalSecondaryIndexes\":["
                + "{\"IndexName\":\"twice\",\"KeySchema\":[{\"AttributeName\":\"sk\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}},"
                + "{\"IndexName\":\"twice\",\"KeySchema\":[{\"AttributeName\":\"sk\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}]}", "plain"));
        rows.add(row("{\"TableName\":\"gsi_throughput\"," + KEYS + "," + ON_DEMAND + ",\"GlobalSecondaryIndexes\":[{\"IndexName\":\"gs1\","
                + "\"KeySchema\":[{\"AttributeName\":\"sk\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}," + THROUGHPUT + "}]}", "plain"));
        rows.add(row("{\"TableName\":\"gsi_no_throughput\"," + KEYS + "," + THROUGHPUT + ",\"GlobalSecondaryIndexes\":[{\"IndexName\":\"gs1\","
                + "\"KeySchema\":[{\"AttributeName\":\"sk\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}]}", "plain"));
        rows.add(row("{\"TableName\":\"include_without\"," + KEYS + "," + ON_DEMAND + ",\"GlobalSecondaryIndexes\":[{\"IndexName\":\"gs1\","
                + "\"KeySchema\":[{\"AttributeName\":\"sk\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"INCLUDE\"}}]}", "plain"));
        rows.add(row("{\"TableName\":\"no_view_type\"," + KEYS + "," + ON_DEMAND + ",\"StreamSpecification\":{\"StreamEnabled\":true}}", "plain"));
        rows.add(row("{\"TableName\":\"view_type_off\"," + KEYS + "," + ON_DEMAND + ",\"StreamSpecification\":{\"StreamEnabled\":false,"
                + "\"StreamViewType\":\"KEYS_ONLY\"}}", "plain"));
        rows.add(row("{\"TableName\":\"huge_throughput\"," + HASH_KEY + ",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":9223372036854775807,"
                + "\"WriteCapacityUnits\":1}}", "plain"));
        // the tree path's: refused by the model's shapes, or members this reader leaves to it
        rows.add(row("{\"TableName\":\"three_keys\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"a\",\"KeyType\":\"RANGE\"},"
                + "{\"AttributeName\":\"b\",\"KeyType\":\"RANGE\"}]," + ON_DEMAND + "}", "tree"));
        rows.add(row("{\"TableName\":\"no_keys\",\"AttributeDefinitions\":[],\"KeySchema\":[]," + ON_DEMAND + "}", "tree"));
        rows.add(row("{\"TableName\":\"missing_keys\",\"AttributeDefinitions\":[]," + ON_DEMAND + "}", "tree"));
        rows.add(row("{\"TableName\":\"short_index\"," + KEYS + "," + ON_DEMAND + ",\"GlobalSecondaryIndexes\":[{\"IndexName\":\"ab\","
                + "\"KeySchema\":[{\"AttributeName\":\"sk\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}]}", "tree"));
        rows.add(row("{\"TableName\":\"short_lsi\"," + KEYS + "," + ON_DEMAND + ",\"LocalSecondaryIndexes\":[{\"IndexName\":\"l1\","
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                + "\"Projection\":{\"ProjectionType\":\"ALL\"}}]}", "tree"));
        rows.add(row("{\"TableName\":\"no_projection\"," + KEYS + "," + ON_DEMAND + ",\"GlobalSecondaryIndexes\":[{\"IndexName\":\"abc\","
                + "\"KeySchema\":[{\"AttributeName\":\"sk\",\"KeyType\":\"HASH\"}]}]}", "tree"));
        rows.add(row("{\"TableName\":\"zero\"," + HASH_KEY + ",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":0,\"WriteCapacityUnits\":1}}", "tree"));
        rows.add(row("{\"TableName\":\"fraction\"," + HASH_KEY + ",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5.0,\"WriteCapacityUnits\":1}}", "tree"));
        rows.add(row("{\"TableName\":\"text_units\"," + HASH_KEY + ",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":\"5\",\"WriteCapacityUnits\":1}}", "tree"));
        rows.add(row("{\"TableName\":\"half_throughput\"," + HASH_KEY + ",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5}}", "tree"));
        rows.add(row("{\"TableName\":\"bad_type\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"X\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]," + ON_DEMAND + "}", "tree"));
        rows.add(row("{\"TableName\":\"bad_mode\"," + HASH_KEY + ",\"BillingMode\":\"ON_DEMAND\"}", "tree"));
        rows.add(row("{\"TableName\":null," + HASH_KEY + "," + ON_DEMAND + "}", "tree"));
        rows.add(row("{\"TableName\":\"ab\"," + HASH_KEY + "," + ON_DEMAND + "}", "tree"));
        rows.add(row("{\"TableName\":\"arn:aws:dynamodb:us-east-1:000000000000:table/arn_named\"," + HASH_KEY + "," + ON_DEMAND + "}", "tree"));
        rows.add(row("{\"TableName\":\"dup_name\",\"AttributeDefinitions\":[{\"AttributeName\":\"x\",\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]," + ON_DEMAND + "}", "tree"));
        rows.add(row("{\"TableName\":\"long_name\",\"AttributeDefinitions\":[{\"AttributeName\":\"" + "n".repeat(256) + "\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"" + "n".repeat(256) + "\",\"KeyType\":\"HASH\"}]," + ON_DEMAND + "}", "tree"));
        rows.add(row("{\"TableName\":\"empty_name\",\"AttributeDefinitions\":[{\"AttributeName\":\"\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"\",\"KeyType\":\"HASH\"}]," + ON_DEMAND + "}", "tree"));
        rows.add(row("{\"TableName\":\"many_non_keys\"," + KEYS + "," + ON_DEMAND + ",\"GlobalSecondaryIndexes\":[{\"IndexName\":\"abc\","
                + "\"KeySchema\":[{\"AttributeName\":\"sk\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":["
                + "\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\",\"l\",\"m\",\"n\",\"o\",\"p\",\"q\",\"r\",\"s\",\"t\",\"u\"]}}]}", "tree"));
        rows.add(row("{\"TableName\":\"no_non_keys\"," + KEYS + "," + ON_DEMAND + ",\"GlobalSecondaryIndexes\":[{\"IndexName\":\"abc\","
                + "\"KeySchema\":[{\"AttributeName\":\"sk\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[]}}]}", "tree"));
        rows.add(row("{\"TableName\":\"stream_null\"," + KEYS + "," + ON_DEMAND + ",\"StreamSpecification\":{\"StreamEnabled\":null}}", "tree"));
        rows.add(row("{\"TableName\":\"lsi_throughput\"," + KEYS + "," + THROUGHPUT + ",\"LocalSecondaryIndexes\":[{\"IndexName\":\"ls1\","
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                + "\"Projection\":{\"ProjectionType\":\"ALL\"}," + THROUGHPUT + "}]}", "tree"));
        rows.add(row("{\"TableName\":\"sse\"," + HASH_KEY + "," + ON_DEMAND + ",\"SSESpecification\":{\"Enabled\":true}}", "tree"));
        rows.add(row("{\"TableName\":\"tagged\"," + HASH_KEY + "," + ON_DEMAND + ",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}", "tree"));
        rows.add(row("{\"TableName\":\"warm\"," + HASH_KEY + "," + ON_DEMAND + ",\"WarmThroughput\":{\"ReadUnitsPerSecond\":13000}}", "tree"));
        rows.add(row("{\"TableName\":\"on_demand_max\"," + HASH_KEY + "," + ON_DEMAND + ",\"OnDemandThroughput\":{\"MaxReadRequestUnits\":10}}", "tree"));
        rows.add(row("{\"TableName\":\"trailing\"," + HASH_KEY + "," + ON_DEMAND + "} {}", "tree"));
        rows.add(row("[]", "tree"));
        return rows.stream();
    }

    @ParameterizedTest
    @MethodSource("requests")
    void bothPathsAnswerAndCreateAlike(String body, String path) {
        assertThat(readsPlain(body)).as("the streamed path reads it").isEqualTo(path.equals("plain"));
        DynamoResponse plain = call(plainEngine, "CreateTable", body);
        DynamoResponse tree = call(treeEngine, "CreateTable", body.startsWith("{\"") ? "{\"Unread\":0," + body.substring(1) : body);
        assertThat(plain.status()).isEqualTo(tree.status());
        assertThat(withoutTableId(plain)).isEqualTo(withoutTableId(tree));
        String name = tableName(body);
        if (name != null) {
            String describe = "{\"TableName\":\"" + name + "\"}";
            assertThat(withoutTableId(call(plainEngine, "DescribeTable", describe))).isEqualTo(withoutTableId(call(treeEngine, "DescribeTable", describe)));
        }
    }

    static Stream<Arguments> tableNameRequests() {
        return Stream.of(
                Arguments.of("DescribeTable", "{\"TableName\":\"kept\"}", "plain"),
                Arguments.of("DescribeTable", "{\"TableName\":\"missing\"}", "plain"),
                Arguments.of("DescribeTable", "{\"TableName\":\"ab\"}", "tree"),
                Arguments.of("DescribeTable", "{\"TableName\":\"arn:aws:dynamodb:us-east-1:000000000000:table/kept\"}", "tree"),
                Arguments.of("DescribeTable", "{}", "tree"),
                Arguments.of("DescribeTable", "{\"TableName\":null}", "tree"),
                Arguments.of("DescribeTable", "{\"TableName\":\"kept\",\"Extra\":1}", "tree"),
                Arguments.of("DeleteTable", "{\"TableName\":\"guarded\"}", "plain"),
                Arguments.of("DeleteTable", "{\"TableName\":\"doomed\"}", "plain"),
                Arguments.of("DescribeTable", "{\"TableName\":\"doomed\"}", "plain"),
                Arguments.of("DeleteTable", "{\"TableName\":\"doomed\"}", "plain"),
                Arguments.of("DeleteTable", "{\"TableName\":\"missing\"}", "plain"),
                Arguments.of("DeleteTable", "{\"TableName\":\"a b c\"}", "tree"));
    }

    /** DescribeTable and DeleteTable of a table named by the name rules: read straight from the bytes, answered alike. */
    @ParameterizedTest
    @MethodSource("tableNameRequests")
    void tableNameRequestsAnswerAlike(String action, String body, String path) {
        Operation operation = action.equals("DescribeTable") ? new DescribeTable() : new DeleteTable();
        boolean readsPlain;
        try {
            PlainRequests.read(body.getBytes(StandardCharsets.UTF_8), ((PlainOperation) operation).newPlainRequest());
            readsPlain = true;
        } catch (PlainRequests.NotPlain e) {
            readsPlain = false;
        }
        assertThat(readsPlain).as("the streamed path reads it").isEqualTo(path.equals("plain"));
        DynamoResponse plain = call(plainEngine, action, body);
        DynamoResponse tree = call(treeEngine, action, body.startsWith("{\"") ? "{\"Unread\":0," + body.substring(1) : body);
        assertThat(plain.status()).isEqualTo(tree.status());
        assertThat(withoutTableId(plain)).isEqualTo(withoutTableId(tree));
    }

    private static String tableName(String body) {
        int at = body.indexOf("\"TableName\":\"");
        if (at < 0) return null;
        int start = at + "\"TableName\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    private static String withoutTableId(DynamoResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8).replaceAll(TABLE_ID, "\"TableId\":\"-\"");
    }

    private static boolean readsPlain(String body) {
        try {
            PlainRequests.read(body.getBytes(StandardCharsets.UTF_8), new CreateTable().newPlainRequest());
            return true;
        } catch (PlainRequests.NotPlain e) {
            return false;
        }
    }

    private static Arguments row(String body, String path) {
        return Arguments.of(body, path);
    }

    private static DynamoResponse call(Engine engine, String action, String body) {
        return engine.handle(new DynamoRequest("DynamoDB_20120810." + action, AUTH, "20260101T000000Z", body.getBytes(StandardCharsets.UTF_8)));
    }
}
