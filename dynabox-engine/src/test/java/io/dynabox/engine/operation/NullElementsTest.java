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
 * JSON nulls where a batch or a transaction lists its requests: each is a 400 in the service's
 * (or DynamoDB Local's) words and nothing is written, never a 500 (TransactGetItems' [null] was
 * one) or a partial write (a BatchWriteItem table of null was skipped and the others written).
 * Raw JSON: the SDKs do not send such nulls.
 */
class NullElementsTest {
    private static final String INVALID = "400 {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"";

    private Engine engine;

    @BeforeEach
    void open() {
        engine = new Engine(DynaboxOptions.defaults(), new MemoryStore(), System::currentTimeMillis);
        RawRequests.createHashTable(engine, "tab");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("TransactGetItems", "{\"TransactItems\":[null]}",
                        INVALID + "1 validation error detected: Value null at 'transactItems.1.member.get' failed to satisfy constraint: Member must not be null\"}"),
                Arguments.of("TransactGetItems", "{\"TransactItems\":[{\"Get\":{\"TableName\":\"tab\",\"Key\":{\"pk\":{\"S\":\"a\"}}}},null]}",
                        INVALID + "1 validation error detected: Value null at 'transactItems.2.member.get' failed to satisfy constraint: Member must not be null\"}"),
                Arguments.of("BatchWriteItem", "{\"RequestItems\":{\"tab\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"}}}}],\"other\":null}}",
                        INVALID + "The batch write request list for a table cannot be null or empty: other\"}"));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void nullsInRequestListsAreRefusedAndNothingIsWritten(String action, String request, String answer) {
        assertThat(RawRequests.call(engine, action, request)).isEqualTo(answer);
        assertThat(RawRequests.call(engine, "Scan", "{\"TableName\":\"tab\",\"Select\":\"COUNT\"}")).contains("\"Count\":0");
    }
}
