package io.dynabox.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dynabox.engine.error.DynamoException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad condition expressions and the service's exact answers (recorded from DynamoDB Local,
 * which shares the service's parser, and from dynalite's record of the service).
 */
class ConditionErrorsTest {
    private static final String P = "Invalid ConditionExpression: ";
    private static final String V = "{':v':{'S':'x'},':n':{'N':'1'},':n2':{'N':'2'},':b':{'B':'AQ=='},':t':{'BOOL':true},':l':{'L':[]}}";

    static Stream<Arguments> cases() {
        return Stream.of(
                // syntax: token and its neighbourhood
                c("a = ", P + "Syntax error; token: \"<EOF>\", near: \"= \""),
                c("a =", P + "Syntax error; token: \"<EOF>\", near: \"=\""),
                c("a = b AND", P + "Syntax error; token: \"<EOF>\", near: \"AND\""),
                c("a = = b", P + "Syntax error; token: \"=\", near: \"= = b\""),
                c("(a = b", P + "Syntax error; token: \"<EOF>\", near: \"b\""),
                c("a = b)", P + "Syntax error; token: \")\", near: \"b)\""),
                c("a = b)  ", P + "Syntax error; token: \")\", near: \"b)  \""),
                c("a == b", P + "Syntax error; token: \"=\", near: \"== b\""),
                c("a = b c", P + "Syntax error; token: \"c\", near: \"b c\""),
                c("  a = b c  d", P + "Syntax error; token: \"c\", near: \"b c  d\""),
                c("attribute_exists(a) OR", P + "Syntax error; token: \"<EOF>\", near: \"OR\""),
                c("   ", P + "Syntax error; token: \"<EOF>\", near: \"   \""),
                c("", P + "The expression can not be empty;"),
                c(") a", P + "Syntax error; token: \")\", near: \") a\""),
                c("= b", P + "Syntax error; token: \"=\", near: \"= b\""),
                c("a", P + "Syntax error; token: \"<EOF>\", near: \"a\""),
                c("a b", P + "Syntax error; token: \"b\", near: \"a b\""),
                c("a = b $", P + "Syntax error; token: \"$\", near: \"b $\""),
                c("a = 'x'", P + "Syntax error; token: \"'\", near: \"= 'x\""),
                c("a = \"b\"", P + "Syntax error; token: \"\"\", near: \"= \"b\""),
                c("a = 1", P + "Syntax error; token: \"1\", near: \"= 1\""),
                c("a.1 = b", P + "Syntax error; token: \"1\", near: \".1 =\""),
                c("a[-1] = b", P + "Syntax error; token: \"-\", near: \"[-1\""),
                c("a[x] = b", P + "Syntax error; token: \"x\", near: \"[x]\""),
                c("a[01] = b", P + "Syntax error; token: \"1\", near: \"01]\""),
                c("a[3]b = c", P + "Syntax error; token: \"b\", near: \"]b =\""),
                c("# = b", P + "Syntax error; token: \"#\", near: \"# =\""),
                c("a = :", P + "Syntax error; token: \":\", near: \"= :\""),
                c("_a = b", P + "Syntax error; token: \"_\", near: \"_a\""),
                c("a = b AND AND c = d", P + "Syntax error; token: \"AND\", near: \"AND AND c\""),
                c("a = b AND (c = d", P + "Syntax error; token: \"<EOF>\", near: \"d\""),
                c("NOT a", P + "Syntax error; token: \"<EOF>\", near: \"a\""),
                c("a < b < c", P + "Syntax error; token: \"<\", near: \"b < c\""),
                c("a = b = c", P + "Syntax error; token: \"=\", near: \"b = c\""),
                c("a = b OR c", P + "Syntax error; token: \"<EOF>\", near: \"c\""),
                c("attribute_exists(a", P + "Syntax error; token: \"<EOF>\", near: \"a\""),
                c("a IN ()", P + "Syntax error; token: \")\", near: \"()\""),
                c("a IN b", P + "Syntax error; token: \"b\", near: \"IN b\""),
                c("a BETWEEN b", P + "Syntax error; token: \"<EOF>\", near: \"b\""),
                c("a BETWEEN b AND", P + "Syntax error; token: \"<EOF>\", near: \"AND\""),
                c("a = b AND c", P + "Syntax error; token: \"<EOF>\", near: \"c\""),
                c("a = b ,c", P + "Syntax error; token: \",\", near: \"b ,c\""),
                // functions
                c("foo(a)", P + "Invalid function name; function: foo"),
                c("attribute_exists(a, b)", P + "Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2"),
                c("attribute_exists(:v)", P + "Operator or function requires a document path; operator or function: attribute_exists"),
                c("attribute_not_exists(:v)", P + "Operator or function requires a document path; operator or function: attribute_not_exists"),
                c("size(a)", P + "The function is not allowed to be used this way in an expression; function: size"),
                c("begins_with(a, b) = c", P + "The function is not allowed to be used this way in an expression; function: begins_with"),
                c("attribute_type(a, :v)", P + "Invalid attribute type name found; type: x, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}"),
                c("attribute_type(a, :n)", P + "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N"),
                c("begins_with(a, :n)", P + "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"),
                c("size(:n) = a", P + "Incorrect operand type for operator or function; operator or function: size, operand type: N"),
                c("size(:t) = a", P + "Incorrect operand type for operator or function; operator or function: size, operand type: BOOL"),
                c("a BETWEEN :n2 AND :n", P + "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}"),
                c("a BETWEEN :n AND :v", P + "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:x}"),
                // distinct operands
                c("a = a", P + "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]"),
                c("a < a", P + "The first operand must be distinct from the remaining operands for this operator or function; operator: <, first operand: [a]"),
                c("contains(a, a)", P + "The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [a]"),
                c("begins_with(a, a)", P + "The first operand must be distinct from the remaining operands for this operator or function; operator: begins_with, first operand: [a]"),
                c("a IN (a, b)", P + "The first operand must be distinct from the remaining operands for this operator or function; operator: IN, first operand: [a]"),
                c("a BETWEEN a AND b", P + "The first operand must be distinct from the remaining operands for this operator or function; operator: BETWEEN, first operand: [a]"),
                // parentheses
                c("((a = b))", P + "The expression has redundant parentheses;"),
                c("a = b AND ((c = d))", P + "The expression has redundant parentheses;"),
                c("((a)) = b", P + "The expression has redundant parentheses;"),
                c("((a = b)) AND foo(c)", P + "The expression has redundant parentheses;"),
                // placeholders and reserved words
                c("a = :zz", P + "An expression attribute value used in expression is not defined; attribute value: :zz"),
                c("a = #n", P + "An expression attribute name used in the document path is not defined; attribute name: #n"),
                // the first comparison or function with a problem decides which is reported, not the highest category overall
                c("attribute_exists(:v) AND #x = :v", P + "Operator or function requires a document path; operator or function: attribute_exists"),
                c("#x = :v AND attribute_exists(:v)", P + "An expression attribute name used in the document path is not defined; attribute name: #x"),
                c("begins_with(a, :n) OR a = :zz", P + "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"),
                c("a = :zz OR begins_with(a, :n)", P + "An expression attribute value used in expression is not defined; attribute value: :zz"),
                c("a BETWEEN :n2 AND :n OR #x = :v", P + "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                        + "lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}"),
                c("a = a AND :zz = b", P + "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]"),
                c("NOT attribute_exists(:v) AND a = :zz", P + "Operator or function requires a document path; operator or function: attribute_exists"),
                c("a IN (:v, a) AND b = :zz", P + "The first operand must be distinct from the remaining operands for this operator or function; operator: IN, first operand: [a]"),
                c("begins_with(#x, :n)", P + "An expression attribute name used in the document path is not defined; attribute name: #x"),
                c("name = b", P + "Attribute name is a reserved keyword; reserved keyword: name"),
                c("a = name", P + "Attribute name is a reserved keyword; reserved keyword: name"),
                c("a.status = b", P + "Attribute name is a reserved keyword; reserved keyword: status"),
                c("zone = b", P + "Attribute name is a reserved keyword; reserved keyword: zone"),
                c("TTL = b", P + "Attribute name is a reserved keyword; reserved keyword: TTL"),
                c("foo(name) AND a = #q", P + "Invalid function name; function: foo"),
                c("name = b AND a = :zz", P + "Attribute name is a reserved keyword; reserved keyword: name"),
                c("a = :zz AND name = b", P + "Attribute name is a reserved keyword; reserved keyword: name"),
                // limits
                c("a[99999999999] = b", P + "List index is not within the allowable range; index: [99999999999]"),
                c("a" + ".b".repeat(40) + " = c", P + "The document path has too many nesting levels; nesting levels: 41"),
                c("a" + "[0]".repeat(40) + " = c", P + "The document path has too many nesting levels; nesting levels: 41"),
                c("a = b" + " ".repeat(4092), P + "Expression size has exceeded the maximum allowed size; expression size: 4097"),
                c(String.join(" AND ", java.util.stream.IntStream.range(0, 151).mapToObj(i -> "a" + i + " = b").toList()),
                        P + "The expression contains too many operators; operator count: 301"),
                c(String.join(" AND ", java.util.stream.IntStream.range(0, 101).mapToObj(i -> "NOT a" + i + " = b").toList()),
                        P + "The expression contains too many operators; operator count: 301"),
                c(String.join(" AND ", java.util.stream.IntStream.range(0, 101).mapToObj(i -> "size(a" + i + ") = b").toList()),
                        P + "The expression contains too many operators; operator count: 301"),
                c(String.join(" OR ", java.util.stream.IntStream.range(0, 151).mapToObj(i -> "attribute_exists(a" + i + ")").toList()),
                        P + "The expression contains too many operators; operator count: 301"),
                c(String.join(" AND ", java.util.stream.IntStream.range(0, 151).mapToObj(i -> "a" + i + " BETWEEN b AND c").toList()),
                        P + "The expression contains too many operators; operator count: 301"),
                c(String.join(" AND ", java.util.stream.IntStream.range(0, 151).mapToObj(i -> "(a" + i + " IN (b, c))").toList()),
                        P + "The expression contains too many operators; operator count: 301"),
                c(String.join(" AND ", java.util.stream.IntStream.range(0, 100).mapToObj(i -> "NOT a" + i + " = b").toList()), null),
                // nesting deeper than any valid expression is refused before the parser descends into it
                c("(".repeat(2000) + "a = b" + ")".repeat(2000), P + "The expression has redundant parentheses;"),
                c("(".repeat(302) + "a = b" + ")".repeat(302), P + "The expression has redundant parentheses;"),
                c("(a = b AND ".repeat(302) + "a = b" + ")".repeat(302), P + "The expression contains too many operators; operator count: 301"),
                c("NOT ".repeat(1000) + "a = b", P + "The expression contains too many operators; operator count: 301"),
                c("a = size(".repeat(400) + "b" + ")".repeat(400), P + "The expression contains too many operators; operator count: 301"),
                c("(".repeat(2000) + "a = b", P + "Syntax error; token: \"<EOF>\", near: \"b\""),
                c("a = b" + ")".repeat(2000), P + "Syntax error; token: \")\", near: \"b))\""),
                c("(a = b AND (c = d AND (e = f)))", null),
                c("a IN (" + String.join(", ", java.util.Collections.nCopies(101, "b")) + ")",
                        P + "The IN operator is provided with too many operands; number of operands: 101"),
                // accepted
                c("a = b", null),
                c("a = b" + " ".repeat(4091), null),
                c("size = b", null),
                c("a.size = b", null),
                c("(a) = b", null),
                c("a = (b)", null),
                c("a. b = c", null),
                c("a .b = c", null),
                c("a [1] = b", null),
                c("a[1 ] = b", null),
                c("a_b1 = c", null),
                c("NOT (a = b)", null),
                c("NOT a = b", null),
                c("a = b AND NOT c = d", null),
                c("a.b.c = x.y[3].z", null),
                c("a IN (b)", null),
                c("size(a) = b", null),
                c("a BETWEEN :n AND :n2", null),
                c("attribute_type(a, :s)", null, "{':s':{'S':'SS'}}"),
                c("(a = b OR c = d) AND e = f", null),
                c("(a = b OR (c = d AND e = f))", null),
                c(String.join(" AND ", java.util.stream.IntStream.range(0, 150).mapToObj(i -> "a" + i + " = b").toList()), null),
                c("a IN (" + String.join(", ", java.util.Collections.nCopies(100, "b")) + ")", null),
                c("a" + ".b".repeat(31) + " = c", null),
                c("attribute_exists(#a) and attribute_not_exists(#b) or contains(c, :v) and begins_with(d, :v)", null,
                        "{':v':{'S':'x'}}"));
    }

    private static Arguments c(String expression, String error) {
        return Arguments.of(expression, error, V);
    }

    private static Arguments c(String expression, String error, String values) {
        return Arguments.of(expression, error, values);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void answers(String expression, String error, String values) {
        String names = expression.contains("#a") ? "{'#a':'a','#b':'b'}" : "";
        Throwable thrown = catchThrowable(() -> Expressions.condition("ConditionExpression", expression, Fixtures.attributes(names, values)));
        if (error == null) {
            assertThat(thrown).isNull();
        } else {
            assertThat(thrown).isInstanceOf(DynamoException.class).hasMessage(error);
        }
    }
}
