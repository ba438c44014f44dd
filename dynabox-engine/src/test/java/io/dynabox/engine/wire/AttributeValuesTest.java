package io.dynabox.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynabox.engine.error.DynamoException;
import io.dynabox.engine.error.ErrorCode;
import io.dynabox.engine.value.AttributeValue;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One attribute value in JSON, the service's answer out: the canonical value, or the exact message of its first problem. */
class AttributeValuesTest {
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final String EMPTY = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
    private static final String SEVERAL = "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";
    private static final String NESTING = "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit";

    private static AttributeValue read(String json) throws IOException {
        return AttributeValues.read(Json.MAPPER.readTree(json.replace('\'', '"')));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("{}", EMPTY),
                Arguments.of("{'a': ''}", EMPTY),
                Arguments.of("{'S': null}", EMPTY),
                Arguments.of("{'M': {'a': {}}}", EMPTY),
                Arguments.of("{'L': [{}]}", EMPTY),
                Arguments.of("{'L': [{'a': {}}]}", EMPTY),
                Arguments.of("{'S': 'a', 'N': '1'}", SEVERAL),
                Arguments.of("{'S': 'a', 'BOOL': true, 'NULL': true}", SEVERAL),
                // each member is checked before the count of members
                Arguments.of("{'S': 'a', 'N': 'b'}", "The parameter cannot be converted to a numeric value: b"),
                Arguments.of("{'SS': [], 'N': '1'}", INVALID + "An string set  may not be empty"),
                Arguments.of("{'N': ''}", "The parameter cannot be converted to a numeric value"),
                Arguments.of("{'N': 'x'}", "The parameter cannot be converted to a numeric value: x"),
                Arguments.of("{'N': '1e126'}", "Number overflow. Attempting to store a number with magnitude larger than supported range"),
                Arguments.of("{'N': '1e-131'}", "Number underflow. Attempting to store a number with magnitude smaller than supported range"),
                Arguments.of("{'N': '" + "1".repeat(39) + "'}", "Attempting to store more than 38 significant digits in a Number"),
                Arguments.of("{'NULL': false}", INVALID + "Null attribute value types must have the value of true"),
                Arguments.of("{'SS': []}", INVALID + "An string set  may not be empty"),
                Arguments.of("{'NS': []}", INVALID + "An number set  may not be empty"),
                Arguments.of("{'BS': []}", INVALID + "Binary sets should not be empty"),
                // a null where a value is wanted (DynamoDB Local's words, which share the service's validation)
                Arguments.of("{'SS': [null]}", INVALID + "An string set may not have a null string as a member"),
                Arguments.of("{'NS': [null, null]}", "A value provided cannot be converted into a number"),
                Arguments.of("{'BS': [null]}", "The supplied Item contains a null AttributeValue"),
                Arguments.of("{'L': [{'S': 'q'}, null]}", "The supplied Item contains a null AttributeValue"),
                Arguments.of("{'M': {'x': null}}", "The supplied Item contains a null AttributeValue: x is null"),
                Arguments.of("{'SS': ['a', 'a']}", INVALID + "Input collection [a, a] contains duplicates."),
                Arguments.of("{'SS': ['b', 'a', 'b', 'c']}", INVALID + "Input collection [b, a, b, c] contains duplicates."),
                Arguments.of("{'SS': ['', '']}", INVALID + "Input collection [, ] contains duplicates."),
                Arguments.of("{'NS': ['1', '1']}", "Input collection contains duplicates"),
                Arguments.of("{'NS': ['1', '1.0']}", "Input collection contains duplicates"),
                Arguments.of("{'NS': ['1e3', '1000']}", "Input collection contains duplicates"),
                // number rules before duplicates
                Arguments.of("{'NS': ['1', '1', 'x']}", "The parameter cannot be converted to a numeric value: x"),
                Arguments.of("{'NS': ['']}", "The parameter cannot be converted to a numeric value"),
                Arguments.of("{'BS': ['Yg==', 'Yg==']}", INVALID + "Input collection [Yg==, Yg==]of type BS contains duplicates."),
                Arguments.of("{'M': {'a': {'N': 'x'}}}", "The parameter cannot be converted to a numeric value: x"),
                Arguments.of("{'L': [{'S': 'ok'}, {'NULL': false}]}", INVALID + "Null attribute value types must have the value of true"),
                Arguments.of(nested(32, "{'S': 'leaf'}"), NESTING),
                Arguments.of(nested(40, "{'S': 'leaf'}"), NESTING));
    }

    /** {@code levels} wrappers of alternating M and L around {@code leaf}. */
    static String nested(int levels, String leaf) {
        String json = leaf;
        for (int i = 0; i < levels; i++) json = i % 2 == 0 ? "{'L': [" + json + "]}" : "{'M': {'m': " + json + "}}";
        return json;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refused(String json, String message) {
        DynamoException e = catchThrowableOfType(DynamoException.class, () -> read(json));
        assertThat(e).as(json).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("{'S': ''}", "{'S':''}"),
                Arguments.of("{'B': ''}", "{'B':''}"),
                Arguments.of("{'SS': ['']}", "{'SS':['']}"),
                Arguments.of("{'BS': ['']}", "{'BS':['']}"),
                Arguments.of("{'N': '-0015.789e6'}", "{'N':'-15789000'}"),
                Arguments.of("{'NS': ['1e3', '2.50']}", "{'NS':['1000','2.5']}"),
                Arguments.of("{'S': 'a', 'x': 'ignored'}", "{'S':'a'}"),
                Arguments.of("{'S': 'a', 'N': null}", "{'S':'a'}"),
                Arguments.of("{'NULL': true}", "{'NULL':true}"),
                Arguments.of("{'BOOL': false}", "{'BOOL':false}"),
                Arguments.of("{'M': {}}", "{'M':{}}"),
                Arguments.of("{'L': []}", "{'L':[]}"),
                Arguments.of("{'M': {'a': {'S': ''}, 'b': {'L': [{'N': '01'}]}}}", "{'M':{'a':{'S':''},'b':{'L':[{'N':'1'}]}}}"),
                Arguments.of("{'B': 'YQ=='}", "{'B':'YQ=='}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void accepted(String json, String canonical) throws IOException {
        assertThat(Json.MAPPER.writeValueAsString(AttributeValues.write(read(json)))).isEqualTo(canonical.replace('\'', '"'));
    }

    @Test
    void aLeafAtLevel32IsAccepted() throws IOException {
        assertThat(read(nested(31, "{'S': 'leaf'}"))).isNotNull();
    }
}
