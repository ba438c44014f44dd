package io.dynabox.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.value.AttributeValue;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 2 MB (2,097,152 bytes) limit on an expression's substitutions: placeholders, names and
 * values in UTF-8 bytes. Each row is at the limit or one byte over it, as measured on DynamoDB
 * Local (two values of 1,048,574 characters under placeholders of two pass, 1,048,575 do not).
 */
class SubstitutionLimitTest {
    private static final String REFUSED = "ExpressionAttributeValues exceeds max size";

    static Stream<Arguments> cases() {
        return Stream.of(
                row(Map.of(), two(":a", ":b", "x", 1_048_574), null),
                row(Map.of(), two(":a", ":b", "x", 1_048_575), REFUSED),
                row(Map.of(), two(":azzzzzzzz", ":bzzzzzzzz", "x", 1_048_566), null),
                row(Map.of(), two(":azzzzzzzz", ":bzzzzzzzz", "x", 1_048_567), REFUSED),
                row(Map.of("#n", "n".repeat(100)), two(":a", ":b", "x", 1_048_523), null),
                row(Map.of("#n", "n".repeat(100)), two(":a", ":b", "x", 1_048_524), REFUSED),
                row(Map.of(), two(":a", ":b", "\u00e9", 524_287), null),
                row(Map.of(), two(":a", ":b", "\u00e9", 524_288), REFUSED));
    }

    private static Map<String, AttributeValue> two(String first, String second, String character, int repeat) {
        AttributeValue value = new AttributeValue.S(character.repeat(repeat));
        return Map.of(first, value, second, value);
    }

    private static Arguments row(Map<String, String> names, Map<String, AttributeValue> values, String error) {
        return Arguments.of(names, values, error);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void substitutionsAreLimitedToTwoMegabytes(Map<String, String> names, Map<String, AttributeValue> values, String error) {
        Throwable thrown = catchThrowable(() -> new ExpressionAttributes(names, values));
        if (error == null) {
            assertThat(thrown).isNull();
        } else {
            assertThat(thrown).isInstanceOf(DynamoException.class).hasMessage(error);
        }
    }
}
