package io.dynabox.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The digits of an answer's Content-Length and x-amz-crc32, written without a String: the same text as Long.toString. */
class HttpDoorDecimalTest {
    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "7, 7",
        "9, 9",
        "10, 10",
        "99, 99",
        "100, 100",
        "1234, 1234",
        "16777216, 16777216",
        "4294967295, 4294967295",
        "9223372036854775807, 9223372036854775807",
    })
    void writesTheDecimalDigitsOfANumber(long value, String text) {
        assertThat(HttpDoor.decimal(value).toString()).isEqualTo(text);
        assertThat(HttpDoor.decimal(value).length()).isEqualTo(text.length());
    }
}
