package io.dynabox.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.expression.ExpressionAttributes;
import io.dynabox.engine.table.KeySchema;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Key conditions on a multi-attribute index key (HASH h1 S, h2 N; RANGE r1 S, r2 N, r3 B): the
 * condition a KeyConditionExpression makes, or the exact answer. Every HASH attribute by
 * equality; RANGE attributes from the first on without a gap, equalities and at most one other
 * condition, on the last one used. The texts of these rules are Dynabox's (the service's are
 * not on public record); each carries the explanation suffix, checked here as the exception's
 * explanation.
 */
class MultiAttributeKeyConditionsTest {
    private static final KeySchema KEY = KeySchema.of(
            List.of(new KeySchema.Element("h1", AttributeValue.Type.S), new KeySchema.Element("h2", AttributeValue.Type.N)),
            List.of(new KeySchema.Element("r1", AttributeValue.Type.S), new KeySchema.Element("r2", AttributeValue.Type.N),
                    new KeySchema.Element("r3", AttributeValue.Type.B)));
    private static final String VALUES = "{':s':{'S':'a'},':t':{'S':'b'},':n':{'N':'1'},':m':{'N':'2'},':b':{'B':'AQ=='}}";
    private static final String HASH = "Query key condition not supported: every HASH key attribute of the index must be given an equality"
            + " condition; HASH key attributes: [h1, h2]";
    private static final String RANGE = "Query key condition not supported: RANGE key attributes must be used from left to right without"
            + " a gap, each with an equality condition except the last one used; RANGE key attributes: [r1, r2, r3]";

    static Stream<Arguments> cases() {
        return Stream.of(
                k("h1 = :s AND h2 = :n", "partition [a, 1]; prefix []; sort none"),
                k("h2 = :n AND h1 = :s", "partition [a, 1]; prefix []; sort none"),
                k("h1 = :s AND h2 = :n AND r1 = :t", "partition [a, 1]; prefix []; sort r1 EQ [b]"),
                k("h1 = :s AND h2 = :n AND r1 > :t", "partition [a, 1]; prefix []; sort r1 GT [b]"),
                k("h1 = :s AND h2 = :n AND r1 = :t AND r2 BETWEEN :n AND :m", "partition [a, 1]; prefix [r1=b]; sort r2 BETWEEN [1, 2]"),
                k("r2 = :n AND h1 = :s AND r1 = :t AND h2 = :n", "partition [a, 1]; prefix [r1=b]; sort r2 EQ [1]"),
                k("h1 = :s AND h2 = :n AND r1 = :t AND r2 = :n AND r3 = :b", "partition [a, 1]; prefix [r1=b, r2=1]; sort r3 EQ [AQ==]"),
                k("h1 = :s AND h2 = :n AND r1 = :t AND r2 = :n AND begins_with(r3, :b)",
                        "partition [a, 1]; prefix [r1=b, r2=1]; sort r3 BEGINS_WITH [AQ==]"),
                k("h1 = :s AND h2 = :n AND begins_with(r1, :t)", "partition [a, 1]; prefix []; sort r1 BEGINS_WITH [b]"),
                k("h1 = :s", HASH),
                k("h2 = :n", HASH),
                k("h1 = :s AND h2 > :n", HASH),
                k("h1 = :s AND h2 BETWEEN :n AND :m", HASH),
                k("h1 = :s AND r1 = :t", HASH),
                k("h1 = :s AND h2 = :n AND r2 = :n", RANGE),
                k("h1 = :s AND h2 = :n AND r1 = :t AND r3 = :b", RANGE),
                k("h1 = :s AND h2 = :n AND r1 > :t AND r2 = :n", RANGE),
                k("h1 = :s AND h2 = :n AND r1 > :t AND r2 > :n", RANGE),
                k("h1 = :s AND h2 = :n AND begins_with(r1, :t) AND r2 = :n", RANGE),
                k("h1 = :s AND h2 = :n AND x = :n", "Query condition missed key schema element: r1"),
                k("h1 = :s AND h2 = :n AND r1 = :t AND r2 = :n AND r3 = :b AND x = :n", "Query key condition not supported"),
                k("h1 = :n AND h2 = :n", "One or more parameter values were invalid: Condition parameter type does not match schema type"),
                k("h1 = :s AND h2 = :n AND r1 = :t AND r2 = :s", "One or more parameter values were invalid: Condition parameter type does not match schema type"),
                // the expression language's own checks come first, as on every key
                k("h1 = :s AND h2 = :n AND r1 = :t AND begins_with(r2, :n)", "Invalid KeyConditionExpression: Incorrect operand type for"
                        + " operator or function; operator or function: begins_with, operand type: N"),
                k("h1 = :s AND h2 = :n AND r1 BETWEEN :t AND :s", "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound"
                        + " to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand:"
                        + " AttributeValue: {S:a}"));
    }

    private static Arguments k(String expression, String answer) {
        return Arguments.of(expression, answer);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void conditions(String expression, String answer) throws Exception {
        Map<String, String> used = new java.util.LinkedHashMap<>();
        for (String placeholder : List.of(":s", ":t", ":n", ":m", ":b")) {
            if (expression.matches(".*" + placeholder + "(?![A-Za-z0-9_]).*")) used.put(placeholder, placeholder);
        }
        var all = Json.parse(VALUES.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
        var values = Json.object();
        used.keySet().forEach(p -> values.set(p, all.get(p)));
        var request = Json.object();
        request.set("ExpressionAttributeValues", values);
        ExpressionAttributes attributes = ExpressionAttributes.of(request);
        StringBuilder shown = new StringBuilder();
        Throwable thrown = catchThrowable(() -> {
            KeyCondition c = QueryConditions.resolve(QueryConditions.fromExpression(expression, attributes), KEY, null);
            shown.append("partition ").append(c.partitionValues().stream().map(MultiAttributeKeyConditionsTest::plain).toList())
                    .append("; prefix ").append(c.sortPrefix().stream().map(e -> e.name() + "=" + plain(e.value())).toList())
                    .append("; sort ").append(c.sort() == null ? "none" : c.sort().name() + " " + c.sort().operator() + " "
                            + c.sort().operands().stream().map(MultiAttributeKeyConditionsTest::plain).toList());
        });
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(DynamoException.class).hasMessage(answer);
            boolean dynaboxWording = answer.equals(HASH) || answer.equals(RANGE);
            assertThat(((DynamoException) thrown).explanation() != null).isEqualTo(dynaboxWording);
        } else {
            assertThat(shown.toString()).isEqualTo(answer);
        }
    }

    private static String plain(AttributeValue value) {
        if (value instanceof AttributeValue.S s) return s.value();
        if (value instanceof AttributeValue.N n) return n.value().toString();
        if (value instanceof AttributeValue.B b) return java.util.Base64.getEncoder().encodeToString(b.value().unsafeArray());
        return value.toString();
    }
}
