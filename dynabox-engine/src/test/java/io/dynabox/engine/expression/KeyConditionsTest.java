package io.dynabox.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dynabox.engine.error.DynamoException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** KeyConditionExpressions: the terms they give, or the service's answer to their shape (recorded from DynamoDB Local). */
class KeyConditionsTest {
    private static final String V = "{':p':{'S':'a'},':q':{'S':'b'},':n':{'N':'1'},':m':{'N':'2'},':s':{'S':'x'}}";

    static Stream<Arguments> cases() {
        return Stream.of(
                k("pk = :p", "pk EQ [{S: a}]"),
                k("pk = :p AND sk > :n", "pk EQ [{S: a}]; sk GT [{N: 1}]"),
                k("sk > :n AND pk = :p", "sk GT [{N: 1}]; pk EQ [{S: a}]"),
                k(":p = pk", "pk EQ [{S: a}]"),
                k("pk = :p AND :n < sk", "pk EQ [{S: a}]; sk GT [{N: 1}]"),
                k("pk = :p AND :n >= sk", "pk EQ [{S: a}]; sk LE [{N: 1}]"),
                k("pk = :p AND sk BETWEEN :n AND :m", "pk EQ [{S: a}]; sk BETWEEN [{N: 1}, {N: 2}]"),
                k("pk = :p AND begins_with(sk, :s)", "pk EQ [{S: a}]; sk BEGINS_WITH [{S: x}]"),
                k("(pk = :p) AND (sk <= :n)", "pk EQ [{S: a}]; sk LE [{N: 1}]"),
                k("#k = :p AND #s < :n", "pk EQ [{S: a}]; sk LT [{N: 1}]"),
                k("pk < :p", "pk LT [{S: a}]"),
                k("pk = :p OR sk > :n", "Invalid operator used in KeyConditionExpression: OR"),
                k("NOT pk = :p", "Invalid operator used in KeyConditionExpression: NOT"),
                k("pk <> :p", "Invalid operator used in KeyConditionExpression: <>"),
                k("pk = :p AND sk IN (:n)", "Invalid operator used in KeyConditionExpression: IN"),
                k("pk = :p AND attribute_exists(sk)", "Invalid operator used in KeyConditionExpression: attribute_exists"),
                k("pk = :p AND contains(sk, :n)", "Invalid operator used in KeyConditionExpression: contains"),
                k("pk = :p AND (sk = :n OR sk = :m)", "Invalid operator used in KeyConditionExpression: OR"),
                k("pk = :p AND begins_with(sk, :n)", "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"),
                k("pk = :p AND sk BETWEEN :m AND :n", "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}"),
                k("pk = :p AND sk = :n AND sk = :m", "KeyConditionExpressions must only contain one condition per key"),
                k("pk = :p AND pk = :q", "KeyConditionExpressions must only contain one condition per key"),
                k("pk = :p AND pk = :q AND sk = :n", "KeyConditionExpressions must only contain one condition per key"),
                // up to eight terms parse (a multi-attribute index key has up to 4 + 4); the Query checks the count against the key
                k("pk = :p AND sk = :n AND x = :n", "pk EQ [{S: a}]; sk EQ [{N: 1}]; x EQ [{N: 1}]"),
                k("a = :p AND b = :p AND c = :p AND d = :p AND e = :n AND f = :n AND g = :n AND h = :n AND i = :n",
                        "Conditions can be of length 1 or 2 only"),
                k("pk = pk", "Invalid KeyConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [pk]"),
                k("pk = sk", "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition"),
                k(":p = :q", "Invalid condition in KeyConditionExpression: No key attribute specified"),
                k("pk = :p AND size(sk) = :n", "KeyConditionExpressions cannot contain nested operations"),
                k("pk = size(sk)", "KeyConditionExpressions cannot contain nested operations"),
                k("pk = :p AND sk BETWEEN size(sk) AND :n", "KeyConditionExpressions cannot contain nested operations"),
                k("pk.x = :p", "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk"),
                k("pk[0] = :p", "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk"),
                k("pk = :p AND begins_with(:s, sk)", "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand"),
                k("pk = :p AND", "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\""),
                k("status = :p", "Invalid KeyConditionExpression: Attribute name is a reserved keyword; reserved keyword: status"));
    }

    private static Arguments k(String expression, String answer) {
        return Arguments.of(expression, answer);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void shapes(String expression, String answer) {
        String names = expression.contains("#") ? "{'#k':'pk','#s':'sk'}" : "";
        StringBuilder values = new StringBuilder();
        Map<String, io.dynabox.engine.value.AttributeValue> all = Fixtures.item(V);
        for (String key : all.keySet()) {
            if (expression.matches(".*" + key + "(?![A-Za-z0-9_]).*")) {
                values.append(values.length() == 0 ? "{" : ",").append("'").append(key).append("':")
                        .append(Fixtures.text(Map.of("v", all.get(key))).replaceFirst("^\\{'v':", "").replaceFirst("}$", ""));
            }
        }
        ExpressionAttributes attributes = Fixtures.attributes(names, values.length() == 0 ? "" : values + "}");
        StringBuilder shown = new StringBuilder();
        Throwable thrown = catchThrowable(() -> {
            for (KeyConditions.Term term : KeyConditions.parse(expression, attributes).values()) {
                shown.append(shown.length() == 0 ? "" : "; ").append(term.attribute()).append(' ').append(term.operator()).append(' ')
                        .append(term.operands().stream().map(Values::typed).toList());
            }
            attributes.checkAllUsed();
        });
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(DynamoException.class).hasMessage(answer);
        } else {
            assertThat(shown.toString()).isEqualTo(answer);
        }
    }
}
