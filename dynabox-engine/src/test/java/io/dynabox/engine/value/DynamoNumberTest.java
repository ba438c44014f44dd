package io.dynabox.engine.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Number text in, canonical text or the service's exact message out. */
class DynamoNumberTest {
    private static final String NOT_A_NUMBER = "The parameter cannot be converted to a numeric value";
    private static final String OVERFLOW = "Number overflow. Attempting to store a number with magnitude larger than supported range";
    private static final String UNDERFLOW = "Number underflow. Attempting to store a number with magnitude smaller than supported range";
    private static final String DIGITS = "Attempting to store more than 38 significant digits in a Number";
    private static final int MILLION = 1_000_000;

    static Stream<Arguments> canonical() {
        return Stream.of(
                Arguments.of("0", "0"),
                Arguments.of("-0", "0"),
                Arguments.of("+0.000", "0"),
                Arguments.of("0e125", "0"),
                Arguments.of("0.0e126", "0"),
                Arguments.of("0e-130", "0"),
                Arguments.of("1", "1"),
                Arguments.of("+1", "1"),
                Arguments.of("1.", "1"),
                Arguments.of(".5", "0.5"),
                Arguments.of("-.5", "-0.5"),
                Arguments.of("1.0", "1"),
                Arguments.of("3.1400", "3.14"),
                Arguments.of("0042.1200", "42.12"),
                Arguments.of("1.5E2", "150"),
                Arguments.of("1e3", "1000"),
                Arguments.of("1.e1", "10"),
                Arguments.of("-0015.789e6", "-15789000"),
                Arguments.of("0000012345678901234567890123456789012345678", "12345678901234567890123456789012345678"),
                Arguments.of("-00001.23456789012345678901234567890123456780000", "-1.2345678901234567890123456789012345678"),
                Arguments.of("1E125", "1" + "0".repeat(125)),
                Arguments.of("-1E125", "-1" + "0".repeat(125)),
                Arguments.of("0001.000e-130", "0." + "0".repeat(129) + "1"),
                Arguments.of("0009.99999999999999999999999999999999999990000e125", "9".repeat(38) + "0".repeat(88)),
                Arguments.of("123e-2", "1.23"),
                Arguments.of("-1." + "0".repeat(36) + "1e2", "-100." + "0".repeat(34) + "1"),
                Arguments.of("0".repeat(MILLION) + "12.5" + "0".repeat(MILLION), "12.5"),
                Arguments.of("1" + "0".repeat(MILLION) + "e-" + MILLION, "1"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource
    void canonical(String text, String expected) {
        assertThat(DynamoNumber.parse(text).toString()).isEqualTo(expected);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("", NOT_A_NUMBER),
                Arguments.of("a", NOT_A_NUMBER + ": a"),
                Arguments.of("Infinity", NOT_A_NUMBER + ": Infinity"),
                Arguments.of("NaN", NOT_A_NUMBER + ": NaN"),
                Arguments.of("0x10", NOT_A_NUMBER + ": 0x10"),
                Arguments.of(" 1", NOT_A_NUMBER + ":  1"),
                Arguments.of("1 ", NOT_A_NUMBER + ": 1 "),
                Arguments.of("1e", NOT_A_NUMBER + ": 1e"),
                Arguments.of(".", NOT_A_NUMBER + ": ."),
                Arguments.of("--1", NOT_A_NUMBER + ": --1"),
                Arguments.of("1e9223372036854775808", NOT_A_NUMBER + ": 1e9223372036854775808"),
                Arguments.of("1e126", OVERFLOW),
                Arguments.of("0e126", OVERFLOW),
                Arguments.of("10E125", OVERFLOW),
                Arguments.of("-1e126", OVERFLOW),
                Arguments.of("1e99999999999", OVERFLOW),
                Arguments.of("11e9223372036854775807", OVERFLOW),
                Arguments.of("1e-131", UNDERFLOW),
                Arguments.of("0e-131", UNDERFLOW),
                Arguments.of("0.1e-130", UNDERFLOW),
                Arguments.of("1e-99999999999", UNDERFLOW),
                // range is checked before precision
                Arguments.of("1" + "1".repeat(38) + "e126", OVERFLOW),
                Arguments.of("1" + "1".repeat(38), DIGITS),
                Arguments.of("0.1" + "1".repeat(38), DIGITS),
                Arguments.of("-1." + "0".repeat(37) + "1", DIGITS),
                // a million characters are judged in one pass (the old parse took ~20 s on the first)
                Arguments.of("1".repeat(MILLION), OVERFLOW),
                Arguments.of("0." + "1".repeat(MILLION), DIGITS),
                Arguments.of("0." + "0".repeat(MILLION) + "1", UNDERFLOW),
                Arguments.of("1".repeat(MILLION) + "e-" + (MILLION + 130), UNDERFLOW),
                Arguments.of("1".repeat(MILLION) + "e-" + (MILLION - 5), DIGITS),
                Arguments.of("9".repeat(MILLION) + "x", NOT_A_NUMBER + ": " + "9".repeat(MILLION) + "x"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource
    void refused(String text, String message) {
        assertThatThrownBy(() -> DynamoNumber.parse(text))
                .isInstanceOf(DynamoNumber.InvalidNumberException.class)
                .hasMessage(message);
    }

    @Test
    void equalValuesAreEqualWhateverTheirSpelling() {
        assertThat(DynamoNumber.parse("1e3")).isEqualTo(DynamoNumber.parse("1000.00")).hasSameHashCodeAs(DynamoNumber.parse("1000"));
        assertThat(DynamoNumber.parse("1.0")).isEqualTo(DynamoNumber.parse("1"));
        assertThat(DynamoNumber.parse("-2").compareTo(DynamoNumber.parse("1e-5"))).isNegative();
    }

    @Test
    void arithmeticBeyondThePrecisionIsAnOverflow() {
        DynamoNumber big = DynamoNumber.parse("1e50");
        assertThatThrownBy(() -> big.add(DynamoNumber.parse("1"))).hasMessage(OVERFLOW);
        assertThat(DynamoNumber.parse("5").add(DynamoNumber.parse("2.50")).toString()).isEqualTo("7.5");
        assertThat(DynamoNumber.parse("9.9999999999999999999999999999999999999e125").subtract(DynamoNumber.parse("1e125")).toString())
                .isEqualTo("89999999999999999999999999999999999999" + "0".repeat(88));
        assertThatThrownBy(() -> DynamoNumber.parse("9.9999999999999999999999999999999999999e125").add(DynamoNumber.parse("1e125")))
                .hasMessage(OVERFLOW);
    }
}
