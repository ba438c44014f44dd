package io.dynabox.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.DynamoRequest;
import io.dynabox.engine.Engine;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Trees written by {@link TreeBytes} are the bytes the mapper writes for them; what it leaves to the mapper, the mapper writes. */
class TreeBytesTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    // reads numbers with a fraction as doubles, as answers hold them (the engine's mapper reads BigDecimals)
    private static final ObjectMapper DOUBLES = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            plain text                  | true
            `"quoted" and \\backslash\\` | true
            a?b                         | true
            tab\there                   | true
            ``                          | true
            é                           | false
            ☃ snowman                   | false
            """)
    void stringsOfAsciiAreWrittenHereAndOthersByTheMapper(String text, boolean here) throws Exception {
        ObjectNode tree = Json.object().put("s", text.replace("\\t", "\t"));
        assertThat(TreeBytes.write(tree) != null).isEqualTo(here);
        assertThat(Json.write(tree)).isEqualTo(Json.MAPPER.writeValueAsBytes(tree));
    }

    @Test
    void everyControlCharacterIsEscapedAsTheMapperEscapesIt() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) all.append(c);
        ObjectNode tree = Json.object().put(all.toString(), all.toString());
        assertThat(TreeBytes.write(tree)).isNotNull().isEqualTo(Json.MAPPER.writeValueAsBytes(tree));
    }

    @Test
    void loneSurrogatesAndPairsAreTheMappers() throws Exception {
        for (String text : List.of("\uD83D\uDE00", "a\uD83D", "\uDE00?", "?\uD800?")) {
            ObjectNode tree = Json.object().put("s", text);
            assertThat(TreeBytes.write(tree)).as(text).isNull();
            assertThat(Json.write(tree)).isEqualTo(Json.MAPPER.writeValueAsBytes(tree));
        }
    }

    @Test
    void numbersAreWrittenAsTheMapperWritesThemOrLeftToIt() throws Exception {
        ObjectNode here = Json.object().put("i", Integer.MIN_VALUE).put("l", Long.MAX_VALUE).put("z", 0).put("d", 1.700000000123E9)
                .put("e", 1e-7).put("n", -0.0).put("m", Double.MAX_VALUE).put("h", 0.5).put("b", true).put("f", false).putNull("x");
        assertThat(TreeBytes.write(here)).isNotNull().isEqualTo(Json.MAPPER.writeValueAsBytes(here));
        for (ObjectNode mapper : List.of(Json.object().put("d", Double.NaN), Json.object().put("d", Double.NEGATIVE_INFINITY),
                Json.object().put("f", 1.5f), Json.object().put("s", (short) 3), Json.object().put("b", new BigDecimal("1E+3")),
                Json.object().put("b", BigInteger.TEN.pow(30)), Json.object().put("b", new byte[] {1, 2}))) {
            assertThat(TreeBytes.write(mapper)).as(mapper.toString()).isNull();
            assertThat(Json.write(mapper)).isEqualTo(Json.MAPPER.writeValueAsBytes(mapper));
        }
    }

    @Test
    void randomTreesAreTheMappersBytes() throws Exception {
        Random random = new Random(27);
        int writtenHere = 0;
        for (int i = 0; i < 3000; i++) {
            JsonNode tree = randomValue(random, 0);
            ObjectNode answer = Json.object().set("A", tree);
            byte[] mine = TreeBytes.write(answer);
            if (mine != null) {
                writtenHere++;
                assertThat(new String(mine, StandardCharsets.UTF_8)).isEqualTo(new String(Json.MAPPER.writeValueAsBytes(answer), StandardCharsets.UTF_8));
            }
            assertThat(Json.write(answer)).isEqualTo(Json.MAPPER.writeValueAsBytes(answer));
        }
        assertThat(writtenHere).isGreaterThan(1000);
    }

    private static JsonNode randomValue(Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (random.nextInt(depth > 3 ? 7 : 9)) {
            case 0: return nodes.textNode(randomText(random));
            case 1: return nodes.numberNode(random.nextInt());
            case 2: return nodes.numberNode(random.nextLong() >> random.nextInt(64));
            case 3: return nodes.numberNode(random.nextBoolean() ? random.nextDouble() * Math.pow(10, random.nextInt(40) - 20) : random.nextInt(1000) / 10.0);
            case 4: return nodes.booleanNode(random.nextBoolean());
            case 5: return random.nextInt(10) == 0 ? nodes.nullNode() : nodes.textNode("");
            case 6: return Json.object().putRawValue("r", Json.raw(("{\"S\":\"" + randomText(random).replace("\\", "").replace("\"", "") + "\"}")
                    .getBytes(StandardCharsets.UTF_8))).get("r");
            case 7: {
                ObjectNode object = Json.object();
                for (int n = random.nextInt(5); n > 0; n--) object.set(randomText(random), randomValue(random, depth + 1));
                return object;
            }
            default: {
                ArrayNode array = Json.array();
                for (int n = random.nextInt(5); n > 0; n--) array.add(randomValue(random, depth + 1));
                return array;
            }
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            int kind = random.nextInt(40);
            text.append(kind == 0 ? (char) random.nextInt(0x20) : kind == 1 ? '"' : kind == 2 ? '\\' : kind == 3 ? '?'
                    : kind == 4 ? (char) (0x80 + random.nextInt(0x800)) : kind == 5 ? (char) (0xD800 + random.nextInt(0x800))
                    : (char) (0x20 + random.nextInt(0x5F)));
        }
        return text.toString();
    }

    /**
     * Table answers through the engine: each is written here (not by the mapper) and is the
     * bytes the mapper writes for the same tree (read back with doubles, as the answer's tree holds them).
     */
    @Test
    void tableAnswersAreWrittenHereAsTheMapperWritesThem() throws Exception {
        String keys = "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},"
                + "{\"AttributeName\":\"l\",\"AttributeType\":\"B\"},{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]";
        String lsi = "\"LocalSecondaryIndexes\":[{\"IndexName\":\"byL\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"l\",\"KeyType\":\"RANGE\"}],\"Projection\":{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[\"z\",\"a\"]}}]";
        String gsi = "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"byG\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
                + "\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}%s}]";
        List<String[]> requests = new ArrayList<>();
        requests.add(new String[] {"CreateTable", "{\"TableName\":\"tab1\"," + keys + "," + lsi + "," + gsi.formatted("")
                + ",\"BillingMode\":\"PAY_PER_REQUEST\",\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"},"
                + "\"SSESpecification\":{\"Enabled\":true,\"SSEType\":\"KMS\"},\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}],"
                + "\"TableClass\":\"STANDARD_INFREQUENT_ACCESS\",\"DeletionProtectionEnabled\":true,"
                + "\"OnDemandThroughput\":{\"MaxReadRequestUnits\":10,\"MaxWriteRequestUnits\":20},\"WarmThroughput\":{\"ReadUnitsPerSecond\":13000}}"});
        requests.add(new String[] {"CreateTable", "{\"TableName\":\"tab2\"," + keys + "," + lsi + ","
                + gsi.formatted(",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":3,\"WriteCapacityUnits\":4}")
                + ",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":6}}"});
        requests.add(new String[] {"CreateTable", "{\"TableName\":\"tab3\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}"});
        for (String table : List.of("tab1", "tab2", "tab3")) requests.add(new String[] {"DescribeTable", "{\"TableName\":\"" + table + "\"}"});
        requests.add(new String[] {"UpdateTable", "{\"TableName\":\"tab2\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":7,\"WriteCapacityUnits\":8}}"});
        requests.add(new String[] {"ListTables", "{}"});
        requests.add(new String[] {"PutItem", "{\"TableName\":\"tab3\",\"Item\":{\"pk\":{\"S\":\"a\"}},\"ReturnConsumedCapacity\":\"INDEXES\"}"});
        requests.add(new String[] {"DeleteTable", "{\"TableName\":\"tab3\"}"});
        try (Engine engine = new Engine(DynaboxOptions.builder().build())) {
            for (String[] request : requests) {
                byte[] answer = engine.handle(new DynamoRequest("DynamoDB_20120810." + request[0], AUTH, "20260101T000000Z",
                        request[1].getBytes(StandardCharsets.UTF_8))).body();
                JsonNode tree = DOUBLES.readTree(answer);
                assertThat(tree.has("__type")).as(new String(answer, StandardCharsets.UTF_8)).isFalse();
                assertThat(TreeBytes.write(tree)).as(request[0]).isNotNull();
                assertThat(new String(answer, StandardCharsets.UTF_8)).as(request[0])
                        .isEqualTo(new String(Json.MAPPER.writeValueAsBytes(tree), StandardCharsets.UTF_8));
            }
        }
    }
}
