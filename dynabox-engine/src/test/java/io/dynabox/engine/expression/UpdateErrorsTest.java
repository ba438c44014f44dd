package io.dynabox.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dynabox.engine.error.DynamoException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad UpdateExpressions and the service's exact answers (recorded from DynamoDB Local and dynalite). */
class UpdateErrorsTest {
    private static final String P = "Invalid UpdateExpression: ";
    private static final String V = "{':v':{'S':'x'},':n':{'N':'1'},':l':{'L':[{'S':'q'}]},':s':{'SS':['a']},':m':{'M':{}},"
            + "':b':{'B':'AQ=='},':t':{'BOOL':true},':z':{'NULL':true},':ns':{'NS':['1']},':bs':{'BS':['AQ==']}}";

    static Stream<Arguments> cases() {
        return Stream.of(
                c("SET", P + "Syntax error; token: \"<EOF>\", near: \"SET\""),
                c("SET a", P + "Syntax error; token: \"<EOF>\", near: \"a\""),
                c("SET a =", P + "Syntax error; token: \"<EOF>\", near: \"=\""),
                c("SET a = b, c = d,", P + "Syntax error; token: \"<EOF>\", near: \",\""),
                c("SET a = b c = d", P + "Syntax error; token: \"c\", near: \"b c =\""),
                c("SET a = b = c", P + "Syntax error; token: \"=\", near: \"b = c\""),
                c("SET a = b + c + d", P + "Syntax error; token: \"+\", near: \"c + d\""),
                c("ADD a b", P + "Syntax error; token: \"b\", near: \"a b\""),
                c("UPDATE a = b", P + "Syntax error; token: \"UPDATE\", near: \"UPDATE a\""),
                c("", P + "The expression can not be empty;"),
                c("SET a = b SET c = d", P + "The \"SET\" section can only be used once in an update expression;"),
                c("REMOVE a REMOVE b", P + "The \"REMOVE\" section can only be used once in an update expression;"),
                c("ADD a :n ADD b :n", P + "The \"ADD\" section can only be used once in an update expression;"),
                c("DELETE a :s delete b :s", P + "The \"DELETE\" section can only be used once in an update expression;"),
                c("SET a = b, a = c", P + "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"),
                c("SET a = b REMOVE a", P + "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"),
                c("SET a.b = c, a.b.c = d", P + "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, b, c]"),
                c("SET a.b = c REMOVE a[1]", P + "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]"),
                c("SET a[1] = :n REMOVE a[1]", P + "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, [1]], path two: [a, [1]]"),
                c("ADD a :v", P + "Incorrect operand type for operator or function; operator: ADD, operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND"),
                c("ADD a :l", P + "Incorrect operand type for operator or function; operator: ADD, operand type: LIST, typeSet: ALLOWED_FOR_ADD_OPERAND"),
                c("ADD a :m", P + "Incorrect operand type for operator or function; operator: ADD, operand type: MAP, typeSet: ALLOWED_FOR_ADD_OPERAND"),
                c("ADD a :b", P + "Incorrect operand type for operator or function; operator: ADD, operand type: BINARY, typeSet: ALLOWED_FOR_ADD_OPERAND"),
                c("ADD a :t", P + "Incorrect operand type for operator or function; operator: ADD, operand type: BOOLEAN, typeSet: ALLOWED_FOR_ADD_OPERAND"),
                c("ADD a :z", P + "Incorrect operand type for operator or function; operator: ADD, operand type: NULL, typeSet: ALLOWED_FOR_ADD_OPERAND"),
                c("DELETE a :n", P + "Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND"),
                c("DELETE a :v", P + "Incorrect operand type for operator or function; operator: DELETE, operand type: STRING, typeSet: ALLOWED_FOR_DELETE_OPERAND"),
                c("SET a = :v + :v", P + "Incorrect operand type for operator or function; operator or function: +, operand type: S"),
                c("SET a = b + :v", P + "Incorrect operand type for operator or function; operator or function: +, operand type: S"),
                c("SET a = :l - :n", P + "Incorrect operand type for operator or function; operator or function: -, operand type: L"),
                c("SET a = list_append(:v, b)", P + "Incorrect operand type for operator or function; operator or function: list_append, operand type: S"),
                c("SET a = foo(b)", P + "Invalid function name; function: foo"),
                c("SET a = if_not_exists(:v, b)", P + "Operator or function requires a document path; operator or function: if_not_exists"),
                c("SET a = size(b)", P + "The function is not allowed in an update expression; function: size"),
                c("SET a = if_not_exists(b)", P + "Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1"),
                c("SET a = list_append(b)", P + "Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1"),
                // list_append is a SET's whole value only (if_not_exists may be nested anywhere)
                c("SET a = list_append(b, :l) + :n", P + "The function is not allowed to be used this way in an expression; function: list_append"),
                c("SET a = :n - list_append(b, :l)", P + "The function is not allowed to be used this way in an expression; function: list_append"),
                c("SET a = list_append(list_append(b, :l), :l)", P + "The function is not allowed to be used this way in an expression; function: list_append"),
                c("SET a = list_append(:l, list_append(b, :l))", P + "The function is not allowed to be used this way in an expression; function: list_append"),
                c("SET a = if_not_exists(b, list_append(b, :l))", P + "The function is not allowed to be used this way in an expression; function: list_append"),
                c("SET a = list_append(b, :l), c = list_append(list_append(b, :l), :l)",
                        P + "The function is not allowed to be used this way in an expression; function: list_append"),
                c("SET a = list_append(b, :l) + :n, c = :zz", P + "The function is not allowed to be used this way in an expression; function: list_append"),
                c("SET #x = :n", P + "An expression attribute name used in the document path is not defined; attribute name: #x"),
                c("SET a = :undefined", P + "An expression attribute value used in expression is not defined; attribute value: :undefined"),
                c("SET name = :n", P + "Attribute name is a reserved keyword; reserved keyword: name"),
                c("ADD m.new :n", P + "Attribute name is a reserved keyword; reserved keyword: new"),
                c("SET a = foo(name)", P + "Attribute name is a reserved keyword; reserved keyword: name"),
                // nesting deeper than any valid expression is refused before the parser descends into it
                c("SET a = " + "f(".repeat(400) + ":n" + ")".repeat(400),
                        P + "The expression contains too many operators; operator count: 301"),
                c("SET a = " + "(".repeat(1000) + "b" + ")".repeat(1000), P + "The expression has redundant parentheses;"),
                c("SET a = b", null),
                c("set a = b", null),
                c("SET a = (b + c)", null),
                c("SET a = b add c :n", null),
                c("SET a = :n - :n", null),
                c("SET a = :n + if_not_exists(b, :n)", null),
                c("SET a = if_not_exists(b, c) + :n", null),
                c("SET a[1] = :v, b = :n, c = :l, d = :s", null),
                c("REMOVE a, b.c, d[0]", null),
                c("ADD a :n, b :s, c :ns, d :bs", null),
                c("DELETE a :s, b :ns, c :bs", null),
                c("SET a = b REMOVE c ADD d :n DELETE e :s", null),
                c("DELETE e :s ADD d :n REMOVE c SET a = b", null),
                c("SET a.b = c, a.d = e, a.f[0] = g", null));
    }

    private static Arguments c(String expression, String error) {
        return Arguments.of(expression, error);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void answers(String expression, String error) {
        Throwable thrown = catchThrowable(() -> Expressions.update(expression, Fixtures.attributes("", V)));
        if (error == null) {
            assertThat(thrown).isNull();
        } else {
            assertThat(thrown).isInstanceOf(DynamoException.class).hasMessage(error);
        }
    }
}
