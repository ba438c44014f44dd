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
 * Conditions evaluated against one item: every comparator, function and type combination,
 * with the answers DynamoDB Local gave for the same item (true: the write went through).
 */
class ConditionEvaluationTest {
    private static final String ITEM = "{'pk':{'S':'e'},'n':{'N':'5'},'s':{'S':'abc'},'u':{'S':'\u00e9\u20ac'},'b':{'B':'AQID'},'t':{'BOOL':true},"
            + "'z':{'NULL':true},'l':{'L':[{'S':'a'},{'N':'1'},{'M':{'k':{'S':'v'}}}]},'m':{'M':{'x':{'N':'1'},'y':{'L':[{'S':'q'}]}}},"
            + "'ss':{'SS':['a','b']},'ns':{'NS':['1','2']},'bs':{'BS':['AQ==','Ag==']},'e':{'S':''}}";
    private static final String VALUES = "{':n5':{'N':'5'},':n50':{'N':'5.0'},':n4':{'N':'4'},':n6':{'N':'6'},':n1':{'N':'1'},':n2':{'N':'2'},"
            + "':n3':{'N':'3'},':s5':{'S':'5'},':abc':{'S':'abc'},':ab':{'S':'ab'},':b':{'S':'b'},':a':{'S':'a'},':zz':{'S':'zz'},"
            + "':bin':{'B':'AQ=='},':bin3':{'B':'AQID'},':t':{'BOOL':true},':f':{'BOOL':false},':null':{'NULL':true},':ss':{'SS':['b','a']},"
            + "':ns':{'NS':['2','1']},':l':{'L':[{'S':'a'},{'N':'1'},{'M':{'k':{'S':'v'}}}]},':m':{'M':{'x':{'N':'1'},'y':{'L':[{'S':'q'}]}}},"
            + "':TS':{'S':'S'},':TN':{'S':'N'},':TSS':{'S':'SS'},':TL':{'S':'L'},':TM':{'S':'M'},':TNULL':{'S':'NULL'},':TBOOL':{'S':'BOOL'},"
            + "':TB':{'S':'B'},':TBS':{'S':'BS'},':TNS':{'S':'NS'},':empty':{'S':''},':kv':{'M':{'k':{'S':'v'}}},':q':{'S':'q'}}";

    static Stream<Arguments> cases() {
        return Stream.of(
                e("n = :n5", true),
                e("n = :n50", true),
                e("n = :s5", false),
                e("n <> :s5", true),
                e("n <> :n5", false),
                e("n < :n6", true),
                e("n <= :n5", true),
                e("n > :n4", true),
                e("n >= :n6", false),
                e("n < :s5", false),
                e("s < :b", true),
                e("s > :ab", true),
                e("s >= :abc", true),
                e("s = :abc", true),
                e("u > :zz", true),
                e("b > :bin", true),
                e("b = :bin3", true),
                e("b < :bin", false),
                e("t = :t", true),
                e("t = :f", false),
                e("t <> :f", true),
                e("t < :f", "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL"),
                e("z = :null", true),
                e("z <> :null", false),
                e("ss = :ss", true),
                e("ns = :ns", true),
                e("l = :l", true),
                e("m = :m", true),
                e("m.y[0] = :q", true),
                e("l[2].k = :b", false),
                e("l[2] = :kv", true),
                e("nope = :n5", false),
                e("nope <> :n5", true),
                e("nope < :n5", false),
                e("NOT nope = :n5", true),
                e("n BETWEEN :n4 AND :n6", true),
                e("n BETWEEN :n5 AND :n5", true),
                e("n BETWEEN :n1 AND :n4", false),
                e("s BETWEEN :a AND :b", true),
                e("s BETWEEN :n1 AND :n4", false),
                e("n IN (:n1, :n5)", true),
                e("n IN (:n1, :n2)", false),
                e("n IN (:s5, :n50)", true),
                e("nope IN (:n1)", false),
                e("s IN (:abc)", true),
                e("ss IN (:ss)", true),
                e("attribute_exists(n)", true),
                e("attribute_exists(nope)", false),
                e("attribute_not_exists(nope)", true),
                e("attribute_not_exists(n)", false),
                e("attribute_exists(m.x)", true),
                e("attribute_exists(m.nope)", false),
                e("attribute_exists(l[2])", true),
                e("attribute_exists(l[3])", false),
                e("attribute_exists(z)", true),
                e("attribute_type(n, :TN)", true),
                e("attribute_type(n, :TS)", false),
                e("attribute_type(s, :TS)", true),
                e("attribute_type(ss, :TSS)", true),
                e("attribute_type(l, :TL)", true),
                e("attribute_type(m, :TM)", true),
                e("attribute_type(z, :TNULL)", true),
                e("attribute_type(t, :TBOOL)", true),
                e("attribute_type(b, :TB)", true),
                e("attribute_type(bs, :TBS)", true),
                e("attribute_type(ns, :TNS)", true),
                e("attribute_type(nope, :TS)", false),
                e("begins_with(s, :ab)", true),
                e("begins_with(s, :abc)", true),
                e("begins_with(s, :b)", false),
                e("begins_with(s, :empty)", true),
                e("begins_with(b, :bin)", true),
                e("begins_with(b, :ab)", false),
                e("begins_with(s, :bin)", false),
                e("begins_with(nope, :a)", false),
                e("begins_with(ss, :a)", false),
                e("contains(s, :b)", true),
                e("contains(s, :zz)", false),
                e("contains(s, :empty)", true),
                e("contains(ss, :a)", true),
                e("contains(ss, :zz)", false),
                e("contains(ns, :n1)", true),
                e("contains(ns, :s5)", false),
                e("contains(bs, :bin)", true),
                e("contains(l, :a)", true),
                e("contains(l, :n1)", true),
                e("contains(l, :kv)", true),
                e("contains(l, :b)", false),
                e("contains(b, :bin)", true),
                e("contains(n, :n5)", false),
                e("contains(nope, :a)", false),
                e("contains(m, :a)", false),
                e("size(s) = :n3", true),
                e("size(u) = :n2", true),
                e("size(b) = :n3", true),
                e("size(ss) = :n2", true),
                e("size(ns) = :n2", true),
                e("size(l) = :n3", true),
                e("size(m) = :n2", true),
                e("size(n) = :n1", false),
                e("size(t) = :n1", false),
                e("size(nope) = :n1", false),
                e("size(nope) <> :n1", true),
                e("size(e) = :n1", false),
                e("size(s) > :n2", true),
                e("size(s) BETWEEN :n1 AND :n3", true),
                e("size(s) IN (:n3)", true),
                e("size(l[2]) = :n1", true),
                e("size(m.y) = :n1", true),
                e("n = :n5 AND s = :abc", true),
                e("n = :n4 AND s = :abc", false),
                e("n = :n4 OR s = :abc", true),
                e("n = :n4 OR s = :ab", false),
                e("NOT n = :n4", true),
                e("NOT (n = :n5 AND s = :abc)", false),
                e("n = :n4 OR s = :abc AND t = :f", false),
                e("(n = :n4 OR s = :abc) AND t = :f", false),
                e("NOT n = :n4 AND NOT s = :ab", true),
                e(":n5 = n", true),
                e(":n5 = :n50", true),
                e(":a < :b", true),
                e("n = m.x", false),
                e("m.x < n", true),
                e("l[1] = m.x", true),
                e("n < :ss", "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: SS"),
                e("n <= :l", "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <=, operand type: L"),
                e("n > :null", "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: >, operand type: NULL"),
                e("n >= :m", "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: >=, operand type: M"),
                e(":t < n", "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL"),
                e("n BETWEEN :t AND :t", "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: BOOL"),
                e("n BETWEEN :ss AND :ss", "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: SS"),
                e("n < :bin", false),
                e("n = :ss", false),
                e("n IN (:t, :l)", false),
                e("size(n) < :t", "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL"));
    }

    private static Arguments e(String expression, Object answer) {
        return Arguments.of(expression, answer);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void evaluates(String expression, Object answer) {
        Map<String, AttributeValue> values = Fixtures.item(VALUES);
        StringBuilder used = new StringBuilder();
        for (String key : values.keySet()) {
            if (expression.matches(".*" + key + "(?![A-Za-z0-9_]).*")) {
                used.append(used.length() == 0 ? "{" : ",").append("'").append(key).append("':")
                        .append(Fixtures.text(Map.of("v", values.get(key))).replaceFirst("^\\{'v':", "").replaceFirst("}$", ""));
            }
        }
        ExpressionAttributes attributes = Fixtures.attributes("", used.length() == 0 ? "" : used + "}");
        Map<String, AttributeValue> item = Fixtures.item(ITEM);
        boolean[] result = new boolean[1];
        Throwable thrown = catchThrowable(() -> {
            Condition condition = Expressions.condition("ConditionExpression", expression, attributes);
            attributes.checkAllUsed();
            result[0] = Evaluator.test(condition, item);
        });
        if (answer instanceof Boolean expected) {
            assertThat(thrown).isNull();
            assertThat(result[0]).isEqualTo(expected);
        } else {
            assertThat(thrown).isInstanceOf(DynamoException.class).hasMessage((String) answer);
        }
    }
}
