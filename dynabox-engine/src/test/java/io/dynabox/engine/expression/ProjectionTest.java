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

/** ProjectionExpressions: the projected shape of an item (recorded from DynamoDB Local) or the exact error. */
class ProjectionTest {
    private static final String P = "Invalid ProjectionExpression: ";
    private static final String ITEM = "{'pk':{'S':'p'},'a':{'N':'1'},'l':{'L':[{'S':'x'},{'M':{'k':{'S':'v'},'j':{'N':'2'}}},"
            + "{'L':[{'S':'i0'},{'S':'i1'}]}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'},'w':{'S':'w'}}}}}}";

    static Stream<Arguments> cases() {
        return Stream.of(
                p("a", "{'a':{'N':'1'}}"),
                p("l[2], l[0]", "{'l':{'L':[{'S':'x'},{'L':[{'S':'i0'},{'S':'i1'}]}]}}"),
                p("l[1].k", "{'l':{'L':[{'M':{'k':{'S':'v'}}}]}}"),
                p("l[2][1]", "{'l':{'L':[{'L':[{'S':'i1'}]}]}}"),
                p("m.y.z, m.x", "{'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}}}"),
                p("m.nope", "{}"),
                p("l[5]", "{}"),
                p("a, nope", "{'a':{'N':'1'}}"),
                p("nope", "{}"),
                p("m.y, l[1].j", "{'l':{'L':[{'M':{'j':{'N':'2'}}}]},'m':{'M':{'y':{'M':{'z':{'S':'deep'},'w':{'S':'w'}}}}}}"),
                p("l[0].k", "{}"),
                p("m.x[0]", "{}"),
                p("pk, a", "{'a':{'N':'1'},'pk':{'S':'p'}}"),
                p("l[1].k, l[1].j, l[2][0]", "{'l':{'L':[{'M':{'j':{'N':'2'},'k':{'S':'v'}}},{'L':[{'S':'i0'}]}]}}"),
                p("#a, #m.#x", "{'a':{'N':'1'},'m':{'M':{'x':{'N':'1'}}}}"),
                p("size", "{}"),
                p("a, a", P + "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"),
                p("a, a.b", P + "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]"),
                p("a.b, a", P + "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]"),
                p("a.b, a[0]", P + "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]"),
                p("#a, a", P + "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"),
                p("a,", P + "Syntax error; token: \"<EOF>\", near: \",\""),
                p("a b", P + "Syntax error; token: \"b\", near: \"a b\""),
                p("a = b", P + "Syntax error; token: \"=\", near: \"a = b\""),
                p("a, :v", P + "Syntax error; token: \":v\", near: \", :v\""),
                p("name", P + "Attribute name is a reserved keyword; reserved keyword: name"),
                p("a.name", P + "Attribute name is a reserved keyword; reserved keyword: name"),
                p("NAME", P + "Attribute name is a reserved keyword; reserved keyword: NAME"),
                p("#zz", P + "An expression attribute name used in the document path is not defined; attribute name: #zz"),
                p("", P + "The expression can not be empty;"));
    }

    private static Arguments p(String expression, String answer) {
        return Arguments.of(expression, answer);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void projects(String expression, String answer) {
        String names = expression.contains("#a") ? "{'#a':'a','#m':'m','#x':'x'}" : "";
        Map<String, AttributeValue>[] result = new Map[1];
        Throwable thrown = catchThrowable(() -> result[0] = Projector.project(Fixtures.item(ITEM),
                Expressions.projection(expression, Fixtures.attributes(names, ""))));
        if (answer.startsWith("{")) {
            assertThat(thrown).isNull();
            assertThat(result[0]).isEqualTo(Fixtures.item(answer));
        } else {
            assertThat(thrown).isInstanceOf(DynamoException.class).hasMessage(answer);
        }
    }
}
