package io.dynabox.tests.wire;

import static io.dynabox.tests.wire.RawHttp.AMZ_JSON;
import static io.dynabox.tests.wire.RawHttp.AUTH;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.server.DynaboxServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP door's rules, checked on the wire with requests no SDK would send. */
class HttpWireTest {
    private static final String TARGET = "DynamoDB_20120810.";
    private static final String SERIALIZATION = "{\"__type\":\"com.amazon.coral.service#SerializationException\"}";
    private static final String UNKNOWN_OPERATION = "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}";
    private static final String NOT_FOUND_BODY = "<UnknownOperationException/>\n";

    static DynaboxServer server;
    static DynaboxServer corsServer;

    @BeforeAll
    static void start() {
        server = DynaboxServer.start(DynaboxOptions.builder().port(0).build());
        corsServer = DynaboxServer.start(DynaboxOptions.builder().port(0).corsOrigins(List.of("*")).build());
    }

    @AfterAll
    static void stop() {
        server.close();
        corsServer.close();
    }

    private static RawHttp connect() throws IOException {
        return new RawHttp(server.port());
    }

    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) headers.put(namesAndValues[i], namesAndValues[i + 1]);
        return headers;
    }

    /** Every answer names its request and carries the CRC32 of exactly the bytes of its body. */
    private static RawHttp.Response checked(RawHttp.Response response) {
        assertThat(response.header("x-amzn-RequestId")).matches("[0-9A-Z]{52}");
        assertThat(response.header("x-amz-crc32")).isEqualTo(Long.toString(response.crc32()));
        if (response.header("transfer-encoding") == null) {
            assertThat(response.header("content-length")).isEqualTo(Integer.toString(response.body().length));
        }
        return response;
    }

    @Test
    void getOfTheRootIsAHealthCheckNamingTheHostAsked() throws IOException {
        try (RawHttp http = connect()) {
            RawHttp.Response response = checked(http.send("GET", headers(), new byte[0]));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("healthy: 127.0.0.1 "); // RawHttp sends Host: 127.0.0.1
            assertThat(checked(http.send("GET", "/?x=1", headers(), new byte[0])).status()).isEqualTo(200);
            // only the root is the health check: other paths are the service's 404
            for (String path : List.of("/abc", "/-", "/index.htm", "/health")) {
                RawHttp.Response other = checked(http.send("GET", path, headers(), new byte[0]));
                assertThat(other.status()).as(path).isEqualTo(404);
                assertThat(other.text()).isEqualTo(NOT_FOUND_BODY);
            }
        }
    }

    @Test
    void everyAnswerCarriesTheServicesHeaders() throws IOException {
        try (RawHttp http = connect()) {
            for (RawHttp.Response response : List.of(checked(http.call(TARGET + "ListTables", "{}")),
                    checked(http.call(TARGET + "DescribeTable", "{\"TableName\":\"missing\"}")),
                    checked(http.send("GET", headers(), new byte[0])), checked(http.send("PUT", headers(), new byte[0])))) {
                assertThat(response.header("Server")).isEqualTo("Server");
                assertThat(response.header("Date")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
                assertThat(response.header("Connection")).isEqualTo("keep-alive");
            }
        }
    }

    @Test
    void largeAnswersAreCompressedAsAcceptEncodingAsksAndTheCrcCoversTheBytesSent() throws IOException {
        try (RawHttp http = connect()) {
            String table = "{\"TableName\":\"deflated\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":[{\"AttributeName\":\"k\",\"KeyType\":\"HASH\"}],"
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"k\",\"AttributeType\":\"S\"}]}";
            assertThat(http.call(TARGET + "CreateTable", table).status()).isEqualTo(200);
            String big = "y".repeat(6000);
            assertThat(http.call(TARGET + "PutItem", "{\"TableName\":\"deflated\",\"Item\":{\"k\":{\"S\":\"a\"},\"v\":{\"S\":\"" + big + "\"}}}")
                    .status()).isEqualTo(200);
            byte[] get = "{\"TableName\":\"deflated\",\"Key\":{\"k\":{\"S\":\"a\"}}}".getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = headers("Content-Type", AMZ_JSON, "X-Amz-Target", TARGET + "GetItem", "Authorization", AUTH,
                    "X-Amz-Date", "20260101T000000Z", "Accept-Encoding", "br, deflate");
            RawHttp.Response deflated = checked(http.send("POST", headers, get));
            assertThat(deflated.header("Content-Encoding")).isEqualTo("deflate");
            assertThat(new String(new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(deflated.body())).readAllBytes(),
                    StandardCharsets.UTF_8)).contains(big);
            headers.put("Accept-Encoding", "identity");
            assertThat(checked(http.send("POST", headers, get)).header("Content-Encoding")).isNull();
            assertThat(http.call(TARGET + "DeleteTable", "{\"TableName\":\"deflated\"}").status()).isEqualTo(200); // others list the tables
        }
    }

    @Test
    void aNullWhereAnAttributeValueIsWantedIsRefused() throws IOException {
        try (RawHttp http = connect()) {
            RawHttp.Response member = checked(http.call(TARGET + "PutItem", "{\"TableName\":\"any\",\"Item\":{\"h\":{\"S\":\"z\"},\"a\":null}}"));
            assertThat(member.text()).isEqualTo("{\"__type\":\"com.amazon.coral.validate#ValidationException\","
                    + "\"message\":\"The supplied Item contains a null AttributeValue: a is null\"}");
            RawHttp.Response value = checked(http.call(TARGET + "PutItem", "{\"TableName\":\"any\",\"Item\":{\"h\":{\"S\":\"z\"}},"
                    + "\"ConditionExpression\":\"a = :a\",\"ExpressionAttributeValues\":{\":a\":null}}"));
            assertThat(value.text()).contains("ExpressionAttributeValues contains invalid value: The supplied Item contains a null AttributeValue for key :a");
        }
    }

    @Test
    void aCorruptGzipBodyIsTheServicesInternalServerError() throws IOException {
        try (RawHttp http = connect()) {
            RawHttp.Response response = checked(http.send("POST", headers("Content-Type", AMZ_JSON, "X-Amz-Target", TARGET + "ListTables",
                    "Authorization", AUTH, "X-Amz-Date", "20260101T000000Z", "Content-Encoding", "gzip"), "{}".getBytes(StandardCharsets.UTF_8)));
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.text()).startsWith("{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"Internal server error");
        }
    }

    @Test
    void otherMethodsAndUnknownContentTypesAre404() throws IOException {
        try (RawHttp http = connect()) {
            for (String method : List.of("PUT", "DELETE", "PATCH", "OPTIONS")) {
                RawHttp.Response response = checked(http.send(method, headers("Content-Type", AMZ_JSON), "{}".getBytes(StandardCharsets.UTF_8)));
                assertThat(response.status()).as(method).isEqualTo(404);
                assertThat(response.text()).isEqualTo(NOT_FOUND_BODY);
                assertThat(response.header("x-amz-crc32")).isEqualTo("3552371480");
            }
            for (String type : List.of("text/plain", "application/x-amz-json-1.1", "application/jsonasdf", "")) {
                Map<String, String> headers = headers("X-Amz-Target", TARGET + "ListTables", "Authorization", AUTH, "X-Amz-Date", "20260101T000000Z");
                if (!type.isEmpty()) headers.put("Content-Type", type);
                RawHttp.Response response = checked(http.send("POST", headers, "{}".getBytes(StandardCharsets.UTF_8)));
                assertThat(response.status()).as(type).isEqualTo(404);
                assertThat(response.text()).isEqualTo(NOT_FOUND_BODY);
            }
        }
    }

    @Test
    void theResponseContentTypeEchoesTheRequest() throws IOException {
        try (RawHttp http = connect()) {
            for (String type : List.of("application/json", "application/json;charset=asfdsaf", "  application/json  ;   asfd", "application/json;")) {
                RawHttp.Response response = checked(http.send("POST", headers("Content-Type", type, "X-Amz-Target", TARGET + "ListTables",
                        "Authorization", AUTH, "X-Amz-Date", "20260101T000000Z"), "{}".getBytes(StandardCharsets.UTF_8)));
                assertThat(response.status()).as(type).isEqualTo(200);
                assertThat(response.header("content-type")).isEqualTo("application/json");
                assertThat(response.text()).isEqualTo("{\"TableNames\":[]}");
            }
            RawHttp.Response amz = checked(http.call(TARGET + "ListTables", "{}"));
            assertThat(amz.header("content-type")).isEqualTo(AMZ_JSON);
            // an empty body skips the content-type check; the answer is JSON
            RawHttp.Response empty = checked(http.send("POST", headers("X-Amz-Target", TARGET + "ListTables", "Authorization", AUTH,
                    "X-Amz-Date", "20260101T000000Z"), new byte[0]));
            assertThat(empty.status()).isEqualTo(400);
            assertThat(empty.text()).isEqualTo(SERIALIZATION);
            assertThat(empty.header("content-type")).isEqualTo("application/json");
        }
    }

    @Test
    void malformedJsonIsABareSerializationExceptionBeforeTheTarget() throws IOException {
        try (RawHttp http = connect()) {
            for (String target : Arrays.asList(TARGET + "ListTables", TARGET + "Nope", null)) {
                for (String body : List.of("hi", "{", "{\"a\":1}}", "{\"Limit\":}")) {
                    RawHttp.Response response = checked(http.call(target, body));
                    assertThat(response.status()).isEqualTo(400);
                    assertThat(response.text()).as(body).isEqualTo(SERIALIZATION);
                    assertThat(response.header("x-amz-crc32")).isEqualTo("3948637019");
                }
            }
        }
    }

    @Test
    void unknownTargetsAreUnknownOperations() throws IOException {
        try (RawHttp http = connect()) {
            for (String target : Arrays.asList(null, "whatever", TARGET + "ListTable", "DynamoDB_20120811.ListTables", TARGET + "listTables")) {
                RawHttp.Response response = checked(http.call(target, "{}"));
                assertThat(response.status()).as(target).isEqualTo(400);
                assertThat(response.text()).isEqualTo(UNKNOWN_OPERATION);
                assertThat(response.header("x-amz-crc32")).isEqualTo("1368724161");
            }
        }
    }

    @Test
    void requestsWithoutAuthenticationAreRefusedAfterTheTarget() throws IOException {
        String missing = "{\"__type\":\"com.amazon.coral.service#MissingAuthenticationTokenException\",\"message\":\"Request is missing Authentication Token\"}";
        try (RawHttp http = connect()) {
            for (String auth : Arrays.asList(null, "AWS4", "X", "Basic dXNlcjpwYXNz")) {
                Map<String, String> headers = headers("Content-Type", AMZ_JSON, "X-Amz-Target", TARGET + "ListTables");
                if (auth != null) headers.put("Authorization", auth);
                RawHttp.Response response = checked(http.send("POST", headers, "{}".getBytes(StandardCharsets.UTF_8)));
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.text()).as(auth).isEqualTo(missing);
                assertThat(response.header("x-amz-crc32")).isEqualTo("2088342776"); // as recorded from the service
            }
            RawHttp.Response unknown = checked(http.send("POST", headers("Content-Type", AMZ_JSON, "X-Amz-Target", "nope"),
                    "{}".getBytes(StandardCharsets.UTF_8)));
            assertThat(unknown.text()).isEqualTo(UNKNOWN_OPERATION);
            // an action of the service that Dynabox has not built is still one the service knows:
            // authentication comes first, and only an authenticated call learns it is not there
            String notBuiltAction = notBuiltAction();
            if (notBuiltAction != null) {
                RawHttp.Response notBuilt = checked(http.send("POST", headers("Content-Type", AMZ_JSON, "X-Amz-Target", TARGET + notBuiltAction),
                        "{}".getBytes(StandardCharsets.UTF_8)));
                assertThat(notBuilt.text()).isEqualTo(missing);
                assertThat(checked(http.call(TARGET + notBuiltAction, "{}")).text())
                        .startsWith(UNKNOWN_OPERATION.substring(0, UNKNOWN_OPERATION.length() - 1));
            }

            RawHttp.Response incomplete = checked(http.send("POST", headers("Content-Type", AMZ_JSON, "X-Amz-Target", TARGET + "ListTables",
                    "Authorization", "AWS4-"), "{}".getBytes(StandardCharsets.UTF_8)));
            assertThat(incomplete.text()).isEqualTo("{\"__type\":\"com.amazon.coral.service#IncompleteSignatureException\",\"message\":\""
                    + "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. "
                    + "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a "
                    + "'X-Amz-Date' or a 'Date' header. Authorization=AWS4-\"}");
            RawHttp.Response partial = checked(http.send("POST", headers("Content-Type", AMZ_JSON, "X-Amz-Target", TARGET + "ListTables",
                    "Authorization", "AWS4-HMAC-SHA256 Signature=b,Credential=a", "Date", "Thu, 01 Jan 2026 00:00:00 GMT"),
                    "{}".getBytes(StandardCharsets.UTF_8)));
            assertThat(partial.text()).isEqualTo("{\"__type\":\"com.amazon.coral.service#IncompleteSignatureException\",\"message\":\""
                    + "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Signature=b,Credential=a\"}");
        }
    }

    @Test
    void queryStringSigningIsCheckedLikeTheHeader() throws IOException {
        Map<String, String> headers = headers("Content-Type", AMZ_JSON, "X-Amz-Target", TARGET + "ListTables");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = connect()) {
            assertThat(checked(http.send("POST", "/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=b", headers, body)).text())
                    .isEqualTo("{\"__type\":\"com.amazon.coral.service#IncompleteSignatureException\",\"message\":\""
                            + "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-SignedHeaders'. "
                            + "AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string parameters.\"}");
            assertThat(checked(http.send("POST", "/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=q%2F20260101%2Fus-east-1%2Fdynamodb%2Faws4_request"
                    + "&X-Amz-Signature=b&X-Amz-SignedHeaders=host&X-Amz-Date=20260101T000000Z", headers, body)).text())
                    .isEqualTo("{\"TableNames\":[]}");
            // every parameter but the algorithm is no authentication at all
            assertThat(checked(http.send("POST", "/?X-Amz-Credential=q&X-Amz-Signature=b&X-Amz-SignedHeaders=host&X-Amz-Date=x", headers, body)).text())
                    .contains("MissingAuthenticationTokenException");
            Map<String, String> signed = new LinkedHashMap<>(headers);
            signed.put("Authorization", AUTH);
            assertThat(checked(http.send("POST", "/?X-Amz-Algorithm=AWS4-HMAC-SHA256", signed, body)).text())
                    .isEqualTo("{\"__type\":\"com.amazon.coral.service#InvalidSignatureException\",\"message\":\""
                            + "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.\"}");
        }
    }

    @Test
    void jsonOfTheWrongTypeNamesTheJavaTypes() throws IOException {
        try (RawHttp http = connect()) {
            assertThat(checked(http.call(TARGET + "ListTables", "{\"Limit\":\"23\"}")).text())
                    .isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\",\"Message\":\"STRING_VALUE cannot be converted to Integer\"}");
            assertThat(checked(http.call(TARGET + "GetItem", "{\"Key\":{\"a\":\"x\"}}")).text())
                    .isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\",\"Message\":\"Unexpected value type in payload\"}");
            assertThat(checked(http.call(TARGET + "PutItem", "{\"TableName\":\"abc\",\"Item\":{\"a\":{\"B\":\"23456\"}}}")).text())
                    .isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\","
                            + "\"Message\":\"Base64 encoded length is expected a multiple of 4 bytes but found: 5\"}");
            // unknown members and nulls are ignored; a non-object body is an empty request
            assertThat(checked(http.call(TARGET + "ListTables", "{\"hi\":\"yo\",\"Limit\":null}")).status()).isEqualTo(200);
            assertThat(checked(http.call(TARGET + "ListTables", "7")).status()).isEqualTo(200);
        }
    }

    @Test
    void shapeAndItemErrorsAreValidationExceptions() throws IOException {
        try (RawHttp http = connect()) {
            RawHttp.Response shape = checked(http.call(TARGET + "GetItem", "{}"));
            assertThat(shape.status()).isEqualTo(400);
            assertThat(shape.text()).isEqualTo("{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"2 validation errors detected: "
                    + "Value null at 'key' failed to satisfy constraint: Member must not be null; "
                    + "Value null at 'tableName' failed to satisfy constraint: Member must not be null\"}");
            RawHttp.Response item = checked(http.call(TARGET + "PutItem", "{\"TableName\":\"abc\",\"Item\":{\"a\":{\"S\":\"a\",\"N\":\"1\"}}}"));
            assertThat(item.text()).startsWith("{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":"
                    + "\"Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
            RawHttp.Response notFound = checked(http.call(TARGET + "GetItem", "{\"TableName\":\"missing\",\"Key\":{}}"));
            assertThat(notFound.text()).startsWith("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                    + "\"message\":\"Requested resource not found");
        }
    }

    @Test
    void connectionsAreKeptAlive() throws IOException {
        try (RawHttp http = connect()) {
            for (int i = 0; i < 3; i++) assertThat(checked(http.call(TARGET + "ListTables", "{}")).status()).isEqualTo(200);
            assertThat(checked(http.send("GET", headers(), new byte[0])).status()).isEqualTo(200);
            assertThat(checked(http.call(TARGET + "ListTables", "hi")).status()).isEqualTo(400);
            assertThat(checked(http.call(TARGET + "ListTables", "{}")).status()).isEqualTo(200);
        }
    }

    @Test
    void bodiesOver16MebibytesAre413WithoutBeingRead() throws IOException {
        try (RawHttp http = connect()) {
            // announce one byte too many and send none of it: the answer comes anyway, and the connection closes
            http.writeHead("POST", headers("Content-Type", AMZ_JSON, "X-Amz-Target", TARGET + "ListTables", "Authorization", AUTH,
                    "X-Amz-Date", "20260101T000000Z"), 16L * 1024 * 1024 + 1);
            RawHttp.Response response = http.read();
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).isEmpty();
            assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
            checked(response);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void bodiesOfExactly16MebibytesAreRead() throws IOException {
        byte[] body = new byte[16 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        byte[] json = "{\"Limit\":5}".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(json, 0, body, 0, json.length);
        try (RawHttp http = connect()) {
            RawHttp.Response response = checked(http.send("POST", headers("Content-Type", AMZ_JSON, "X-Amz-Target", TARGET + "ListTables",
                    "Authorization", AUTH, "X-Amz-Date", "20260101T000000Z"), body));
            assertThat(response.status()).isEqualTo(200);
        }
    }

    @Test
    void corsHeadersOnlyWhenAskedFor() throws IOException {
        try (RawHttp http = connect()) {
            Map<String, String> headers = headers("Content-Type", AMZ_JSON, "X-Amz-Target", TARGET + "ListTables", "Authorization", AUTH,
                    "X-Amz-Date", "20260101T000000Z", "Origin", "http://example.com");
            assertThat(checked(http.send("POST", headers, "{}".getBytes(StandardCharsets.UTF_8))).header("Access-Control-Allow-Origin")).isNull();
            RawHttp.Response preflight = checked(http.send("OPTIONS", headers("Origin", "http://example.com"), new byte[0]));
            assertThat(preflight.status()).isEqualTo(404);
        }
        try (RawHttp http = new RawHttp(corsServer.port())) {
            Map<String, String> headers = headers("Content-Type", AMZ_JSON, "X-Amz-Target", TARGET + "ListTables", "Authorization", AUTH,
                    "X-Amz-Date", "20260101T000000Z", "Origin", "http://example.com");
            RawHttp.Response answer = checked(http.send("POST", headers, "{}".getBytes(StandardCharsets.UTF_8)));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(answer.header("Access-Control-Expose-Headers"))
                    .isEqualTo("x-amzn-RequestId,x-amzn-ErrorType,x-amz-request-id,x-amz-id-2,x-amzn-ErrorMessage,Date");
            // only a preflight says how long it may be cached and which methods and headers are allowed
            assertThat(answer.header("Access-Control-Max-Age")).isNull();
            assertThat(answer.header("Access-Control-Allow-Methods")).isNull();
            assertThat(checked(http.send("GET", headers("Origin", "http://example.com"), new byte[0])).header("Access-Control-Allow-Origin"))
                    .isEqualTo("*");
            RawHttp.Response error = checked(http.send("POST", headers, "hi".getBytes(StandardCharsets.UTF_8)));
            assertThat(error.header("Access-Control-Allow-Origin")).isEqualTo("*");
            RawHttp.Response preflight = checked(http.send("OPTIONS", headers("Origin", "http://example.com",
                    "Access-Control-Request-Headers", "content-type,x-amz-target", "Access-Control-Request-Method", "POST"), new byte[0]));
            assertThat(preflight.status()).isEqualTo(200);
            assertThat(preflight.body()).isEmpty();
            assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("172800");
            assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("content-type,x-amz-target");
            assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("POST");
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
            // without an Origin there is nothing to allow
            assertThat(checked(http.call(TARGET + "ListTables", "{}")).header("Access-Control-Allow-Origin")).isNull();
        }
    }

    /** An action of the service's model that Dynabox does not answer yet, or null once every one is built. */
    private static String notBuiltAction() {
        java.util.Set<String> built = io.dynabox.engine.operation.Operations.all().keySet();
        return io.dynabox.engine.wire.ShapeValidator.instance().operations().stream().filter(a -> !built.contains(a)).sorted()
                .findFirst().orElse(null);
    }
}
