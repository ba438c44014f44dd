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
 * UpdateExpressions applied to one item: the item after the update (key left out), or the
 * exact error. Answers recorded from DynamoDB Local, except the 38-digit overflow, where the
 * service answers "Number overflow" (SEMANTICS.md row 2) and DynamoDB Local has its own words.
 */
class UpdateApplyTest {
    private static final String ITEM = "{'pk':{'S':'u'},'n':{'N':'5'},'s':{'S':'str'},'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},"
            + "'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'ss':{'SS':['a','b']},'ns':{'NS':['1','2']}}";
    private static final String VALUES = "{':one':{'N':'1'},':big':{'N':'99999999999999999999999999999999999999'},':s':{'S':'v'},"
            + "':l':{'L':[{'S':'z'}]},':ss':{'SS':['b','c']},':ns':{'NS':['2','3']},':ssa':{'SS':['a','b']},':m':{'M':{'k':{'S':'v'}}},"
            + "':tiny':{'N':'1E-130'},':neg':{'N':'-9.9999999999999999999999999999999999999E+125'}}";

    static Stream<Arguments> cases() {
        return Stream.of(
                u("SET n = n + :one", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'6'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET n = :one - n", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'-4'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET n = n + :big", "Number overflow. Attempting to store a number with magnitude larger than supported range"),
                u("SET n = :neg - :big", "Number overflow. Attempting to store a number with magnitude larger than supported range"),
                u("SET n = :tiny - :tiny", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'0'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET a = :one", "{'a':{'N':'1'},'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET m.x = :s", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'S':'v'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET m.y.z = :s", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'v'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET m.q = :s", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'q':{'S':'v'},'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET m.q.r = :s", "The document path provided in the update expression is invalid for update"),
                u("SET nope.x = :s", "The document path provided in the update expression is invalid for update"),
                u("SET l[1] = :s", "{'l':{'L':[{'S':'a'},{'S':'v'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET l[7] = :s", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'},{'S':'v'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET l[9] = :s, l[4] = :one", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'},{'N':'1'},{'S':'v'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET l[9] = :s, l[8] = :one, l[7] = :m", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'},{'M':{'k':{'S':'v'}}},{'N':'1'},{'S':'v'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET l[3] = :s, l[2] = :one", "{'l':{'L':[{'S':'a'},{'S':'b'},{'N':'1'},{'S':'v'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET l[0].x = :s", "The document path provided in the update expression is invalid for update"),
                u("SET s[0] = :s", "The document path provided in the update expression is invalid for update"),
                u("SET s.x = :s", "The document path provided in the update expression is invalid for update"),
                u("SET l = list_append(l, :l)", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'},{'S':'z'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET l = list_append(:l, l)", "{'l':{'L':[{'S':'z'},{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET l = list_append(l, s)", "An operand in the update expression has an incorrect data type"),
                u("SET n = s + :one", "An operand in the update expression has an incorrect data type"),
                u("SET a = if_not_exists(a, :one)", "{'a':{'N':'1'},'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET n = if_not_exists(n, :s)", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET a = if_not_exists(a, n) + :one", "{'a':{'N':'6'},'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET a = nope", "The provided expression refers to an attribute that does not exist in the item"),
                u("SET a = n, b = s", "{'a':{'N':'5'},'b':{'S':'str'},'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET a = m.y", "{'a':{'M':{'z':{'S':'deep'}}},'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("REMOVE n, s", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'ns':{'NS':['1','2']},'ss':{'SS':['a','b']}}"),
                u("REMOVE l[0], l[2]", "{'l':{'L':[{'S':'b'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("REMOVE l[1]", "{'l':{'L':[{'S':'a'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("REMOVE l[9]", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("REMOVE m.y.z", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("REMOVE nope.x", "The document path provided in the update expression is invalid for update"),
                u("REMOVE s.x", "The document path provided in the update expression is invalid for update"),
                u("REMOVE s[0]", "The document path provided in the update expression is invalid for update"),
                u("ADD n :one", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'6'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("ADD a :one", "{'a':{'N':'1'},'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("ADD ss :ss", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b','c']}}"),
                u("ADD ns :ns", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2','3']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("ADD ss :ns", "An operand in the update expression has an incorrect data type"),
                u("ADD s :ss", "An operand in the update expression has an incorrect data type"),
                u("ADD n :ss", "An operand in the update expression has an incorrect data type"),
                u("ADD m.new :one", "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: new"),
                u("ADD m.x :one", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'2'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("DELETE ss :ssa", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'}}"),
                u("DELETE ss :ss", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a']}}"),
                u("DELETE ns :ns", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("DELETE nope :ss", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("DELETE m.zz :ss", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("DELETE l[9] :ss", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("DELETE m.zz.yy :ss", "The document path provided in the update expression is invalid for update"),
                u("DELETE nope.x :ss", "The document path provided in the update expression is invalid for update"),
                u("DELETE s.x :ss", "The document path provided in the update expression is invalid for update"),
                u("DELETE l[9].x :ss", "The document path provided in the update expression is invalid for update"),
                u("DELETE ss :ns", "An operand in the update expression has an incorrect data type"),
                u("DELETE s :ss", "An operand in the update expression has an incorrect data type"),
                u("SET a = :one REMOVE s ADD n :one DELETE ss :ss", "{'a':{'N':'1'},'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'6'},'ns':{'NS':['1','2']},'ss':{'SS':['a']}}"),
                u("SET l[0] = :s REMOVE l[1]", "{'l':{'L':[{'S':'v'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET m = :m", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'k':{'S':'v'}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET m.y.z = m.x, m.x = m.y.z", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'S':'deep'},'y':{'M':{'z':{'N':'1'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("REMOVE m.nokey", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("REMOVE m.q.r", "The document path provided in the update expression is invalid for update"),
                u("SET l[1] = l[0], l[0] = l[1]", "{'l':{'L':[{'S':'b'},{'S':'a'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("ADD ss :ss, ns :ns", "{'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2','3']},'s':{'S':'str'},'ss':{'SS':['a','b','c']}}"),
                u("SET n = n - :one, a = :s", "{'a':{'S':'v'},'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'4'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"),
                u("SET #x = :one", "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #x"),
                u("SET a = :one", "{'a':{'N':'1'},'l':{'L':[{'S':'a'},{'S':'b'},{'S':'c'}]},'m':{'M':{'x':{'N':'1'},'y':{'M':{'z':{'S':'deep'}}}}},'n':{'N':'5'},'ns':{'NS':['1','2']},'s':{'S':'str'},'ss':{'SS':['a','b']}}"));
    }

    private static Arguments u(String expression, String answer) {
        return Arguments.of(expression, answer);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void applies(String expression, String answer) {
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
        Map<String, AttributeValue>[] result = new Map[1];
        Throwable thrown = catchThrowable(() -> {
            UpdateExpression update = Expressions.update(expression, attributes);
            attributes.checkAllUsed();
            result[0] = Updater.apply(update, item);
        });
        if (answer.startsWith("{")) {
            assertThat(thrown).isNull();
            result[0].remove("pk");
            assertThat(result[0]).isEqualTo(Fixtures.item(answer));
        } else {
            assertThat(thrown).isInstanceOf(DynamoException.class).hasMessage(answer);
        }
        assertThat(item).isEqualTo(Fixtures.item(ITEM)); // the old item is never changed
    }
}
