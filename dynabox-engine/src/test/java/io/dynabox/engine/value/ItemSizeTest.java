package io.dynabox.engine.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Item sizes as the service counts them against its 400 KB limit and its capacity units. */
class ItemSizeTest {

    /** The twenty-three number sizes measured against the service's 409,600-byte gate. */
    static Stream<Arguments> capturedNumberSizes() {
        return Stream.of(
                Arguments.of("0", 1), Arguments.of("1", 2), Arguments.of("12", 2), Arguments.of("123", 3),
                Arguments.of("1234", 3), Arguments.of("12345678901234567890123456789012345678", 20),
                Arguments.of("0042", 2), Arguments.of("100", 2), Arguments.of("1010", 3),
                Arguments.of("0.0000001", 2), Arguments.of("1E125", 2), Arguments.of("1E-100", 2),
                Arguments.of("1.5", 3), Arguments.of("15", 2), Arguments.of("1.2", 3), Arguments.of("1.200", 3),
                Arguments.of("1.234", 4), Arguments.of("3.14159", 5), Arguments.of("123456", 4),
                Arguments.of("100.5", 4), Arguments.of("0.15", 2), Arguments.of("-42", 3), Arguments.of("-0", 1));
    }

    @ParameterizedTest(name = "{0} is {1} bytes")
    @MethodSource
    void capturedNumberSizes(String number, int bytes) {
        assertThat(ItemSize.of(DynamoNumber.parse(number))).isEqualTo(bytes);
    }

    static Stream<Arguments> derivedNumberSizes() {
        return Stream.of(
                // the digit-pair rule: pairs align on the decimal point
                Arguments.of("0.012", 3), Arguments.of("0.12", 2), Arguments.of("-0.15", 3), Arguments.of("-1E125", 3),
                Arguments.of("0e-130", 1), Arguments.of("-12345", 5), Arguments.of("9".repeat(38), 20),
                Arguments.of("0." + "0".repeat(129) + "1", 2));
    }

    @ParameterizedTest(name = "{0} is {1} bytes")
    @MethodSource
    void derivedNumberSizes(String number, int bytes) {
        assertThat(ItemSize.of(DynamoNumber.parse(number))).isEqualTo(bytes);
    }

    @Test
    void stringsAndNamesCountUtf8Bytes() {
        assertThat(ItemSize.of(AttributeValue.s("abc"))).isEqualTo(3);
        assertThat(ItemSize.of(AttributeValue.s("£"))).isEqualTo(2);
        assertThat(ItemSize.of(AttributeValue.s("€"))).isEqualTo(3);
        assertThat(ItemSize.of(AttributeValue.s("😀"))).isEqualTo(4);
        assertThat(ItemSize.of(AttributeValue.s(""))).isZero();
        assertThat(ItemSize.of(Map.of("£", AttributeValue.s("")))).isEqualTo(2);
        String mixed = "aé€😀\uFFFF";
        assertThat(ItemSize.utf8Length(mixed)).isEqualTo(mixed.getBytes(StandardCharsets.UTF_8).length).isEqualTo(13);
    }

    @Test
    void binariesCountRawBytes() {
        assertThat(ItemSize.of(new AttributeValue.B(Bytes.wrap(new byte[17])))).isEqualTo(17);
        assertThat(ItemSize.of(new AttributeValue.BS(Set.of(Bytes.wrap(new byte[3]), Bytes.wrap(new byte[5]))))).isEqualTo(8);
    }

    @Test
    void scalarsAndSets() {
        assertThat(ItemSize.of(AttributeValue.bool(true))).isEqualTo(1);
        assertThat(ItemSize.of(AttributeValue.NULL.INSTANCE)).isEqualTo(1);
        assertThat(ItemSize.of(new AttributeValue.SS(new LinkedHashSet<>(List.of("ab", "cde"))))).isEqualTo(5);
        assertThat(ItemSize.of(new AttributeValue.NS(new LinkedHashSet<>(List.of(DynamoNumber.parse("1"), DynamoNumber.parse("1234")))))).isEqualTo(5);
    }

    @Test
    void listsAndMapsCostThreeBytesPlusOnePerElement() {
        assertThat(ItemSize.of(new AttributeValue.L(List.of()))).isEqualTo(3);
        assertThat(ItemSize.of(new AttributeValue.M(Map.of()))).isEqualTo(3);
        assertThat(ItemSize.of(new AttributeValue.L(List.of(AttributeValue.s("ab"), AttributeValue.n("1"))))).isEqualTo(3 + 1 + 2 + 1 + 2);
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        map.put("k", AttributeValue.s("abc"));
        map.put("nested", new AttributeValue.L(List.of(AttributeValue.bool(false))));
        assertThat(ItemSize.of(new AttributeValue.M(map))).isEqualTo(3 + (1 + 1 + 3) + (1 + 6 + (3 + 1 + 1)));
    }

    @Test
    void anItemIsItsNamesPlusItsValues() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.s("k"));
        item.put("n", AttributeValue.n("42"));
        assertThat(ItemSize.of(item)).isEqualTo(3 + 1 + 2);
        assertThat(ItemSize.MAX_ITEM_BYTES).isEqualTo(409_600);
    }
}
