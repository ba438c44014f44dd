package io.dynabox.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.RequestObserver.Answered;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --log-requests}: what each answered request's line says. */
class RequestLogTest {
    private static final long AT = Instant.parse("2030-01-02T03:04:05.678Z").toEpochMilli();

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of(new Answered("REQ1", "ada_us-east-1", "PutItem", "PutItem", "orders", 200, null, 420_000),
                        "2030-01-02T03:04:05.678Z REQ1 ada_us-east-1 PutItem orders 200 0.42ms -"),
                Arguments.of(new Answered("REQ2", "ada_us-east-1", "GetItem", "GetItem", "missing", 400, "ResourceNotFoundException", 1_234_567),
                        "2030-01-02T03:04:05.678Z REQ2 ada_us-east-1 GetItem missing 400 1.23ms ResourceNotFoundException"),
                Arguments.of(new Answered("REQ3", "ada_eu-west-1", "ListTables", "ListTables", null, 200, null, 5_000),
                        "2030-01-02T03:04:05.678Z REQ3 ada_eu-west-1 ListTables - 200 0.01ms -"),
                // refused before a namespace was chosen: the action named is still shown
                Arguments.of(new Answered("REQ4", null, "ImportTable", null, null, 400, "UnknownOperationException", 90_000),
                        "2030-01-02T03:04:05.678Z REQ4 - ImportTable - 400 0.09ms UnknownOperationException"),
                Arguments.of(new Answered("REQ5", null, null, null, null, 400, "UnknownOperationException", 90_000),
                        "2030-01-02T03:04:05.678Z REQ5 - - - 400 0.09ms UnknownOperationException"),
                Arguments.of(new Answered("REQ6", "shared", "Scan", "Scan", "t1_big", 500, "InternalServerError", 12_345_678_900L),
                        "2030-01-02T03:04:05.678Z REQ6 shared Scan t1_big 500 12345.68ms InternalServerError"));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void aLineHasEveryFieldAndADashWhereOneDoesNotApply(Answered request, String line) {
        assertThat(RequestLog.line(AT, request)).isEqualTo(line);
    }

    @Test
    void theEngineLogsEveryRequestOnlyWhenAsked() {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try (Engine quiet = new Engine(DynaboxOptions.builder().manualClock(Instant.ofEpochMilli(AT)).build());
             Engine logging = new Engine(DynaboxOptions.builder().manualClock(Instant.ofEpochMilli(AT)).logRequests(true).build())) {
            for (Engine engine : new Engine[] {quiet, logging}) {
                engine.handle(request("ListTables", "{}"));
                engine.handle(request("GetItem", "{\"TableName\":\"nothing\",\"Key\":{\"id\":{\"S\":\"a\"}}}"));
            }
        } finally {
            System.setOut(original);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).satisfiesExactly(
                line -> assertThat(line).matches("2030-01-02T03:04:05.678Z [0-9A-Z]+ ada_us-east-1 ListTables - 200 \\d+\\.\\d\\dms -"),
                line -> assertThat(line).matches(
                        "2030-01-02T03:04:05.678Z [0-9A-Z]+ ada_us-east-1 GetItem nothing 400 \\d+\\.\\d\\dms ResourceNotFoundException"));
    }

    private static DynamoRequest request(String action, String body) {
        return new DynamoRequest("DynamoDB_20120810." + action,
                "AWS4-HMAC-SHA256 Credential=ada/20300102/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0",
                "20300102T030405Z", body.getBytes(StandardCharsets.UTF_8));
    }
}
