package io.dynabox.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An action the service does not have is a bare UnknownOperationException, as the service sends it,
 * with or without --strict-messages. (Every action of the service's model is built now: one a newer
 * model adds would get the same type with a note naming it until it is built.)
 */
class UnknownOperationTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    private static final String BARE = "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            DynamoDB_20120810.Nope            | false | BARE
            DynamoDB_20120810.importTable     | false | BARE
            DynamoDB_20120811.ImportTable     | false | BARE
            ImportTable                       | false | BARE
            DynamoDB_20120810.Nope            | true  | BARE
            """)
    void answers(String target, boolean strict, String expected) {
        try (Engine engine = new Engine(DynaboxOptions.builder().strictMessages(strict).build())) {
            DynamoResponse answer = engine.handle(new DynamoRequest(target, AUTH, "20260101T000000Z", "{}".getBytes(StandardCharsets.UTF_8)));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(expected.equals("BARE") ? BARE : expected);
        }
    }
}
