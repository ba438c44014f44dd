package io.dynabox.engine.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A global index's KeySchema, written "a:H b:R", and the key it declares or the exact answer.
 * Definitions: a..h S, n N. Texts marked (Dynabox) carry the explanation that the service's
 * wording is not on record.
 */
class GlobalIndexKeySchemaTest {
    private static final String MARKED = " (Dynabox)";

    static Stream<Arguments> cases() {
        return Stream.of(
                k("a:H", "a (HASH, S)"),
                k("a:H n:R", "a (HASH, S), n (RANGE, N)"),
                k("a:H b:H", "a (HASH, S), b (HASH, S)"),
                k("a:H b:H c:H d:H e:R f:R g:R h:R",
                        "a (HASH, S), b (HASH, S), c (HASH, S), d (HASH, S), e (RANGE, S), f (RANGE, S), g (RANGE, S), h (RANGE, S)"),
                k("a:H n:R b:R", "a (HASH, S), n (RANGE, N), b (RANGE, S)"),
                k("a:H b:H c:H d:H e:H", "One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of HASH key attributes" + MARKED),
                k("a:H b:R c:R d:R e:R f:R", "One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of RANGE key attributes" + MARKED),
                k("a:H b:R c:H", "One or more parameter values were invalid: All HASH key attributes must precede RANGE key attributes in the KeySchema"),
                k("a:H b:H a:R", "The KeySchema contains multiple key attributes with the same name" + MARKED),
                k("a:H a:H", "The KeySchema contains multiple key attributes with the same name" + MARKED),
                k("a:H a:R", "Both the Hash Key and the Range Key element in the KeySchema have the same name"),
                k("a:R b:H", "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"),
                k("a:R", "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"),
                k("a:H z:H", "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions."
                        + " Keys: [a, z], AttributeDefinitions: [a, b, c, d, e, f, g, h, n]"));
    }

    private static Arguments k(String schema, String answer) {
        return Arguments.of(schema, answer);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void keySchemas(String schema, String answer) throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (String element : schema.split(" ")) {
            String[] parts = element.split(":");
            if (json.length() > 1) json.append(',');
            json.append("{\"AttributeName\":\"").append(parts[0]).append("\",\"KeyType\":\"")
                    .append(parts[1].equals("H") ? "HASH" : "RANGE").append("\"}");
        }
        Map<String, AttributeValue.Type> definitions = new LinkedHashMap<>();
        for (String name : "abcdefgh".split("")) definitions.put(name, AttributeValue.Type.S);
        definitions.put("n", AttributeValue.Type.N);
        StringBuilder shown = new StringBuilder();
        Throwable thrown = catchThrowable(() -> shown.append(TableGrammar.globalIndexKeySchema(
                Json.parse(json.append(']').toString().getBytes(StandardCharsets.UTF_8)), definitions).describe()));
        if (thrown == null) {
            assertThat(shown.toString()).isEqualTo(answer);
            return;
        }
        assertThat(thrown).isInstanceOf(DynamoException.class);
        DynamoException e = (DynamoException) thrown;
        assertThat(e.getMessage() + (e.explanation() != null ? MARKED : "")).isEqualTo(answer);
    }
}
