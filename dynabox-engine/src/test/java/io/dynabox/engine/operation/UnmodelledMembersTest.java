package io.dynabox.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynabox.engine.DynaboxOptions;
import io.dynabox.engine.Engine;
import io.dynabox.engine.RawRequests;
import io.dynabox.engine.store.MemoryStore;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Members a request's shape does not have are ignored, as the service ignores them: the
 * reads of items by key have no ExpressionAttributeValues (the SDKs cannot send it; a hand-made
 * request can), so one given there is not checked. Requests as raw JSON, answers as the engine
 * writes them (DynamoDB Local answers the same).
 */
class UnmodelledMembersTest {
    private static final String KEY = "{\"pk\":{\"S\":\"a\"}}";
    private static final String VALUES = "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}";

    private Engine engine;

    @BeforeEach
    void open() {
        engine = new Engine(DynaboxOptions.defaults(), new MemoryStore(), System::currentTimeMillis);
        RawRequests.createHashTable(engine, "tab");
        RawRequests.call(engine, "PutItem", "{\"TableName\":\"tab\",\"Item\":{\"pk\":{\"S\":\"a\"},\"s\":{\"S\":\"hello\"},\"t\":{\"N\":\"1\"}}}");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    static Stream<Arguments> reads() {
        String projected = "{\"s\":{\"S\":\"hello\"}}";
        String whole = "{\"pk\":{\"S\":\"a\"},\"s\":{\"S\":\"hello\"},\"t\":{\"N\":\"1\"}}";
        return Stream.of(
                Arguments.of("GetItem", "{\"TableName\":\"tab\",\"Key\":" + KEY + ",\"ProjectionExpression\":\"s\"," + VALUES + "}",
                        "200 {\"Item\":" + projected + "}"),
                Arguments.of("GetItem", "{\"TableName\":\"tab\",\"Key\":" + KEY + "," + VALUES + "}", "200 {\"Item\":" + whole + "}"),
                Arguments.of("GetItem", "{\"TableName\":\"tab\",\"Key\":" + KEY + ",\"ExpressionAttributeValues\":{}}", "200 {\"Item\":" + whole + "}"),
                Arguments.of("BatchGetItem", "{\"RequestItems\":{\"tab\":{\"Keys\":[" + KEY + "],\"ProjectionExpression\":\"s\"," + VALUES + "}}}",
                        "200 {\"Responses\":{\"tab\":[" + projected + "]},\"UnprocessedKeys\":{}}"),
                Arguments.of("TransactGetItems", "{\"TransactItems\":[{\"Get\":{\"TableName\":\"tab\",\"Key\":" + KEY
                        + ",\"ProjectionExpression\":\"s\"," + VALUES + "}}]}", "200 {\"Responses\":[{\"Item\":" + projected + "}]}"),
                // names are a member of these shapes, and checked
                Arguments.of("GetItem", "{\"TableName\":\"tab\",\"Key\":" + KEY + ",\"ExpressionAttributeNames\":{\"#s\":\"s\"}}",
                        "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"ExpressionAttributeNames can only be specified when using expressions\"}"));
    }

    @ParameterizedTest
    @MethodSource("reads")
    void readsOfItemsByKeyIgnoreExpressionAttributeValues(String action, String request, String answer) {
        assertThat(RawRequests.call(engine, action, request)).isEqualTo(answer);
    }
}
