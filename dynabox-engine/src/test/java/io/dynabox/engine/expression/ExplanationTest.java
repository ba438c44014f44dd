package io.dynabox.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Dynabox's explanation of a false condition names the part that failed and the values it saw. */
class ExplanationTest {
    private static final String ITEM = "{'id':{'S':'a'},'n':{'N':'5'},'s':{'S':'abc'}}";
    private static final String VALUES = "{':one':{'N':'1'},':ten':{'N':'10'},':x':{'S':'x'}}";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("n > :ten", ITEM, "n > :ten was false: n is {N: 5}"),
                Arguments.of("n > :one AND s = :x", ITEM, "s = :x was false: s is {S: abc}"),
                Arguments.of("n > :ten OR s = :x", ITEM, "neither held: n > :ten was false: n is {N: 5}; s = :x was false: s is {S: abc}"),
                Arguments.of("NOT attribute_exists(s)", ITEM, "attribute_exists(s) held, so NOT was false: s is {S: abc}"),
                Arguments.of("attribute_exists(id)", null, "attribute_exists(id) was false: the item does not exist"),
                Arguments.of("size(s) BETWEEN :ten AND :ten", ITEM, "size(s) BETWEEN :ten AND :ten was false: size(s) is {N: 3}"),
                Arguments.of("contains(nope, :x)", ITEM, "contains(nope, :x) was false: nope is absent"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void explains(String expression, String item, String explanation) {
        ExpressionAttributes attributes = Fixtures.attributes("", VALUES);
        Condition condition = Expressions.condition("ConditionExpression", expression, attributes);
        var values = item == null ? null : Fixtures.item(item);
        assertThat(Evaluator.test(condition, values)).isFalse();
        assertThat(Evaluator.explain(condition, values)).isEqualTo(explanation);
    }
}
