package io.dynabox.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.wire.ContentCoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/** The headers the in-process door hands the engine, however the request spells their names: request headers → answer. */
class EngineExchangeTest {
    private static final Engine ENGINE = new Engine(DynaboxOptions.builder().delayTransientStatuses(Duration.ZERO).build());
    private static final String AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=exchange/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String TABLES = "200 {\"TableNames\":[\"long_answers\"]}";

    /** A table holding an item whose GetItem answer is long enough to be compressed when the request accepts it. */
    @BeforeAll
    static void itemWithALongAnswer() {
        send(headers("X-Amz-Target", "DynamoDB_20120810.CreateTable", "X-Amz-Date", "20260101T000000Z", "Authorization", AUTHORIZATION),
                "{\"TableName\":\"long_answers\",\"BillingMode\":\"PAY_PER_REQUEST\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                        + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}");
        send(headers("X-Amz-Target", "DynamoDB_20120810.PutItem", "X-Amz-Date", "20260101T000000Z", "Authorization", AUTHORIZATION),
                "{\"TableName\":\"long_answers\",\"Item\":{\"pk\":{\"S\":\"long\"},\"text\":{\"S\":\"" + "x".repeat(ContentCoding.COMPRESSION_THRESHOLD) + "\"}}}");
    }

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("the SDK's spelling", headers("X-Amz-Target", "DynamoDB_20120810.ListTables", "X-Amz-Date", "20260101T000000Z",
                        "Authorization", AUTHORIZATION), false, TABLES),
                Arguments.of("lower case", headers("x-amz-target", "DynamoDB_20120810.ListTables", "x-amz-date", "20260101T000000Z",
                        "authorization", AUTHORIZATION), false, TABLES),
                Arguments.of("upper case", headers("X-AMZ-TARGET", "DynamoDB_20120810.ListTables", "X-AMZ-DATE", "20260101T000000Z",
                        "AUTHORIZATION", AUTHORIZATION), false, TABLES),
                Arguments.of("a Date header instead of X-Amz-Date", headers("X-Amz-Target", "DynamoDB_20120810.ListTables",
                        "date", "Thu, 01 Jan 2026 00:00:00 GMT", "Authorization", AUTHORIZATION), false, TABLES),
                Arguments.of("no date at all", headers("X-Amz-Target", "DynamoDB_20120810.ListTables", "Authorization", AUTHORIZATION), false,
                        "400 {\"__type\":\"com.amazon.coral.service#IncompleteSignatureException\",\"message\":\"Authorization header requires "
                                + "existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=" + AUTHORIZATION + "\"}"),
                Arguments.of("no authorization", headers("X-Amz-Target", "DynamoDB_20120810.ListTables", "X-Amz-Date", "20260101T000000Z"), false,
                        "400 {\"__type\":\"com.amazon.coral.service#MissingAuthenticationTokenException\",\"message\":\"Request is missing Authentication Token\"}"),
                Arguments.of("a gzip body, its coding named in lower case", headers("X-Amz-Target", "DynamoDB_20120810.ListTables",
                        "X-Amz-Date", "20260101T000000Z", "Authorization", AUTHORIZATION, "content-encoding", "gzip"), true, TABLES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void headersAreReadWhateverTheirCase(String name, Map<String, String> headers, boolean gzipBody, String expected) {
        byte[] body = gzipBody ? gzip("{}") : "{}".getBytes(StandardCharsets.UTF_8);
        EngineExchange.Exchange exchange = EngineExchange.call(ENGINE, request(headers), body).join();
        assertThat(exchange.answer().status() + " " + new String(exchange.body(), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Accept-Encoding", "accept-encoding", "ACCEPT-ENCODING"})
    void answerIsCompressedAsTheRequestAccepts(String headerName) {
        EngineExchange.Exchange exchange = send(headers("X-Amz-Target", "DynamoDB_20120810.GetItem", "X-Amz-Date", "20260101T000000Z",
                "Authorization", AUTHORIZATION, headerName, "gzip"), "{\"TableName\":\"long_answers\",\"Key\":{\"pk\":{\"S\":\"long\"}}}");
        assertThat(exchange.coding()).isEqualTo(ContentCoding.GZIP);
        assertThat(exchange.body().length).isLessThan(exchange.answer().body().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Accept", "X-Accept-Encoding"})
    void otherHeadersAskForNoCoding(String headerName) {
        EngineExchange.Exchange exchange = send(headers("X-Amz-Target", "DynamoDB_20120810.GetItem", "X-Amz-Date", "20260101T000000Z",
                "Authorization", AUTHORIZATION, headerName, "gzip"), "{\"TableName\":\"long_answers\",\"Key\":{\"pk\":{\"S\":\"long\"}}}");
        assertThat(exchange.coding()).isNull();
        assertThat(exchange.body()).isEqualTo(exchange.answer().body());
    }

    private static EngineExchange.Exchange send(Map<String, String> headers, String body) {
        EngineExchange.Exchange exchange = EngineExchange.call(ENGINE, request(headers), body.getBytes(StandardCharsets.UTF_8)).join();
        assertThat(exchange.answer().status()).as(new String(exchange.answer().body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return exchange;
    }

    private static SdkHttpFullRequest request(Map<String, String> headers) {
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).protocol("http").host("localhost").encodedPath("/");
        headers.forEach(request::putHeader);
        return request.build();
    }

    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) headers.put(namesAndValues[i], namesAndValues[i + 1]);
        return headers;
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
