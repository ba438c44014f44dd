package io.dynabox.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynabox.engine.error.DynamoException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Legacy Expected (with ConditionalOperator) and filters: the request-level answers
 * (research/items.md section 6, from dynalite's record of the service) and the result
 * against one item.
 */
class LegacyTest {
    private static final String I = "One or more parameter values were invalid: ";
    private static final String ITEM = "{'id':{'S':'a'},'n':{'N':'5'},'s':{'S':'abc'},'ss':{'SS':['x','y']},'b':{'B':'AQI='}}";

    static Stream<Arguments> cases() {
        return Stream.of(
                e("{'n':{'Value':{'N':'5'},'AttributeValueList':[{'N':'5'}]}}", null, I + "Value and AttributeValueList cannot be used together for Attribute: n"),
                e("{'n':{'ComparisonOperator':'EQ','Exists':true,'Value':{'N':'5'}}}", null, I + "Exists and ComparisonOperator cannot be used together for Attribute: n"),
                e("{'n':{'ComparisonOperator':'EQ'}}", null, I + "Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: n"),
                e("{'n':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'5'}]}}", null, I + "Invalid number of argument(s) for the BETWEEN ComparisonOperator"),
                e("{'n':{'ComparisonOperator':'NULL','AttributeValueList':[{'N':'5'}]}}", null, I + "Invalid number of argument(s) for the NULL ComparisonOperator"),
                e("{'n':{'ComparisonOperator':'EQ','AttributeValueList':[{'N':'5'},{'N':'6'}]}}", null, I + "Invalid number of argument(s) for the EQ ComparisonOperator"),
                e("{'n':{'ComparisonOperator':'IN','AttributeValueList':[]}}", null, I + "Invalid number of argument(s) for the IN ComparisonOperator"),
                e("{'n':{'ComparisonOperator':'IN','AttributeValueList':[{'N':'5'},{'S':'6'}]}}", null, I + "AttributeValues inside AttributeValueList must be of same type"),
                e("{'n':{'ComparisonOperator':'LT','Value':{'SS':['a']}}}", null, I + "ComparisonOperator LT is not valid for SS AttributeValue type"),
                e("{'n':{'ComparisonOperator':'BEGINS_WITH','Value':{'N':'1'}}}", null, I + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type"),
                e("{'n':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'6'},{'N':'5'}]}}", null,
                        "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound"),
                e("{'n':{'AttributeValueList':[{'N':'5'}]}}", null, I + "AttributeValueList can only be used with a ComparisonOperator for Attribute: n"),
                e("{'n':{}}", null, I + "Value must be provided when Exists is null for Attribute: n"),
                e("{'n':{'Exists':true}}", null, I + "Value must be provided when Exists is true for Attribute: n"),
                e("{'n':{'Exists':false,'Value':{'N':'5'}}}", null, I + "Value cannot be used when Exists is false for Attribute: n"),
                e(null, "'AND'", "ConditionalOperator cannot be used without Filter or Expected"),
                e("{}", "'OR'", "ConditionalOperator cannot be used without Filter or Expected"),
                e("{'n':{'Exists':false}}", "'OR'", "ConditionalOperator can only be used when Filter or Expected has two or more elements"),
                // evaluation
                e("{'n':{'Value':{'N':'5.0'}}}", null, true),
                e("{'n':{'Value':{'N':'5'},'Exists':true}}", null, true),
                e("{'n':{'Value':{'S':'5'}}}", null, false),
                e("{'nope':{'Exists':false}}", null, true),
                e("{'n':{'Exists':false}}", null, false),
                e("{'n':{'ComparisonOperator':'GT','AttributeValueList':[{'N':'4'}]}}", null, true),
                e("{'n':{'ComparisonOperator':'GE','AttributeValueList':[{'N':'6'}]}}", null, false),
                e("{'n':{'ComparisonOperator':'NE','AttributeValueList':[{'N':'6'}]}}", null, true),
                e("{'nope':{'ComparisonOperator':'NE','AttributeValueList':[{'N':'6'}]}}", null, true),
                e("{'nope':{'ComparisonOperator':'NULL'}}", null, true),
                e("{'n':{'ComparisonOperator':'NOT_NULL'}}", null, true),
                e("{'ss':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'S':'x'}]}}", null, true),
                e("{'ss':{'ComparisonOperator':'NOT_CONTAINS','AttributeValueList':[{'S':'x'}]}}", null, false),
                e("{'nope':{'ComparisonOperator':'NOT_CONTAINS','AttributeValueList':[{'S':'x'}]}}", null, false),
                e("{'s':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'S':'ab'}]}}", null, true),
                e("{'b':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'B':'AQ=='}]}}", null, true),
                e("{'n':{'ComparisonOperator':'IN','AttributeValueList':[{'N':'1'},{'N':'5'}]}}", null, true),
                e("{'n':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'5'},{'N':'9'}]}}", null, true),
                e("{'s':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'S':'abd'},{'S':'b'}]}}", null, false),
                e("{'n':{'Value':{'N':'5'}},'s':{'Value':{'S':'zz'}}}", null, false),
                e("{'n':{'Value':{'N':'5'}},'s':{'Value':{'S':'zz'}}}", "'AND'", false),
                e("{'n':{'Value':{'N':'5'}},'s':{'Value':{'S':'zz'}}}", "'OR'", true));
    }

    private static Arguments e(String expected, String operator, Object answer) {
        return Arguments.of(expected, operator, answer);
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("cases")
    void translates(String expected, String operator, Object answer) {
        JsonNode request = Fixtures.json("{" + (expected == null ? "" : "'Expected':" + expected)
                + (operator == null ? "" : (expected == null ? "" : ",") + "'ConditionalOperator':" + operator) + "}");
        boolean[] result = new boolean[1];
        Throwable thrown = catchThrowable(() -> result[0] = Evaluator.test(
                Legacy.expected(request.get("Expected"), request.get("ConditionalOperator")), Fixtures.item(ITEM)));
        if (answer instanceof Boolean b) {
            assertThat(thrown).isNull();
            assertThat(result[0]).isEqualTo(b);
        } else {
            assertThat(thrown).isInstanceOf(DynamoException.class).hasMessage((String) answer);
        }
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                e("{'n':{'ComparisonOperator':'EQ'}}", null, I + "Invalid number of argument(s) for the EQ ComparisonOperator"),
                e("{'n':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'x'},{'S':'y'}]}}", null, I + "Invalid number of argument(s) for the EQ ComparisonOperator"),
                e("{'n':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'S':'x'}]}}", null, I + "Invalid number of argument(s) for the BETWEEN ComparisonOperator"),
                e("{'n':{'ComparisonOperator':'LT','AttributeValueList':[{'SS':['x']}]}}", null, I + "ComparisonOperator LT is not valid for SS AttributeValue type"),
                e("{'n':{'ComparisonOperator':'IN','AttributeValueList':[{'S':'x'},{'N':'1'}]}}", null, I + "AttributeValues inside AttributeValueList must be of same type"),
                e("{'n':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'2'},{'N':'1'}]}}", null,
                        "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound"),
                e("{'n':{'ComparisonOperator':'NULL','AttributeValueList':[{'N':'2'}]}}", null, I + "Invalid number of argument(s) for the NULL ComparisonOperator"),
                e("{'n':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'N':'2'}]}}", null, I + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type"),
                e("{'n':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'SS':['x']}]}}", null, I + "ComparisonOperator CONTAINS is not valid for SS AttributeValue type"),
                e("{'n':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'x'}]}}", "'OR'", "ConditionalOperator can only be used when Filter or Expected has two or more elements"),
                e("{'n':{'ComparisonOperator':'GT','AttributeValueList':[{'N':'4'}]},'s':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'zz'}]}}", null, false),
                e("{'n':{'ComparisonOperator':'GT','AttributeValueList':[{'N':'4'}]},'s':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'zz'}]}}", "'OR'", true),
                e("{'ss':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'S':'y'}]}}", null, true));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("filters")
    void filters(String filter, String operator, Object answer) {
        JsonNode request = Fixtures.json("{'ScanFilter':" + filter + (operator == null ? "" : ",'ConditionalOperator':" + operator) + "}");
        boolean[] result = new boolean[1];
        Throwable thrown = catchThrowable(() -> result[0] = Evaluator.test(
                Legacy.filter(request.get("ScanFilter"), request.get("ConditionalOperator")), Fixtures.item(ITEM)));
        if (answer instanceof Boolean b) {
            assertThat(thrown).isNull();
            assertThat(result[0]).isEqualTo(b);
        } else {
            assertThat(thrown).isInstanceOf(DynamoException.class).hasMessage((String) answer);
        }
    }
}
