package io.dynabox.engine.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Sort keys encode so that unsigned byte order is DynamoDB's order. */
class KeyCodecTest {

    private static byte[] sortable(AttributeValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KeyCodec.writeSortable(out, value);
        return out.toByteArray();
    }

    /** Shuffles {@code inOrder}, sorts by encoded bytes, and expects the original order back. */
    private static <T> void assertEncodedOrder(List<T> inOrder, Function<T, AttributeValue> value) {
        List<T> shuffled = new ArrayList<>(inOrder);
        Collections.reverse(shuffled);
        Collections.swap(shuffled, 0, shuffled.size() / 2);
        shuffled.sort((a, b) -> Arrays.compareUnsigned(sortable(value.apply(a)), sortable(value.apply(b))));
        assertThat(shuffled).containsExactlyElementsOf(inOrder);
    }

    @Test
    void numbersSortNumerically() {
        assertEncodedOrder(List.of("-1E125", "-1000", "-999.5", "-100", "-10", "-9", "-1.55", "-1.5", "-1", "-0.5", "-1E-130",
                "0", "1E-130", "0.001", "0.5", "1", "1.5", "1.55", "2", "9", "10", "10.5", "100", "999", "1000", "1E125",
                "9.9999999999999999999999999999999999999E125"), n -> AttributeValue.n(n));
    }

    /** The digits of numbers of up to 18 digits are written from a long; the bytes are those of the decimal text. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"7", "-7", "10", "-0.5", "123.45", "999999999999999999", "-999999999999999999",
            "1000000000000000001", "-1000000000000000001", "123456789012345678.9", "1.5E-100", "-98765432109876543210987654321098765432"})
    void numberDigitsAreTheDecimalText(String text) {
        DynamoNumber number = DynamoNumber.parse(text);
        String digits = number.bigDecimal().unscaledValue().abs().toString();
        byte[] encoded = sortable(new AttributeValue.N(number));
        assertThat(encoded).hasSize(3 + digits.length() + 1);
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i);
            assertThat(encoded[3 + i] & 0xFF).isEqualTo(number.signum() < 0 ? 0xFF - d : d);
        }
    }

    @Test
    void equalNumbersEncodeEqually() {
        assertThat(sortable(AttributeValue.n("1e3"))).isEqualTo(sortable(AttributeValue.n("1000.000")));
        assertThat(sortable(AttributeValue.n("-0"))).isEqualTo(sortable(AttributeValue.n("0.0")));
    }

    @Test
    void stringsSortByUtf8BytesNotUtf16Units() {
        // Java's String.compareTo puts U+10000 (a surrogate pair, 0xD800...) before U+FFFD; UTF-8 puts it after
        String supplementary = "\uD800\uDC00";
        String bmpHigh = "\uFFFD";
        assertThat(supplementary.compareTo(bmpHigh)).isNegative();
        assertEncodedOrder(List.of("", "A", "Z", "a", "ab", "abc", "b", "z", "¿", "é", "\uE000", bmpHigh, supplementary, "😀"),
                AttributeValue::s);
    }

    @Test
    void stringsWithZeroCharactersKeepPrefixOrder() {
        assertEncodedOrder(List.of("a", "a\u0000", "a\u0000\u0000", "a\u0000b", "a\u0001", "ab"), AttributeValue::s);
    }

    @Test
    void binariesSortAsUnsignedBytes() {
        assertEncodedOrder(List.of(new byte[] {}, new byte[] {0}, new byte[] {0, 0}, new byte[] {0, 1}, new byte[] {1},
                new byte[] {0x7F}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFF, 0}),
                b -> new AttributeValue.B(Bytes.wrap(b)));
    }

    @Test
    void partitionKeysOfEqualValueAreIdentical() {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        KeyCodec.writePartition(a, AttributeValue.n("1e3"));
        KeyCodec.writePartition(b, AttributeValue.n("1000"));
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        KeyCodec.writePartition(c, AttributeValue.n("1001"));
        assertThat(c.toByteArray()).isNotEqualTo(a.toByteArray());
    }

    /** The service's binary number form (Oracle NUMBER's layout), which the partition hash of a number reads. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "0, 80",
        "1, C102",
        "-1, 3E6466",
        "100, C202",
        "0.5, C033",
        "0.05, C006",
        "123.45, C202182E",
        "-123.45, 3D644E3866",
        "1e3, C20B",
        "12, C10D",
    })
    void numbersHashTheServicesBinaryForm(String number, String hex) {
        assertThat(java.util.HexFormat.of().withUpperCase().formatHex(KeyCodec.numberBytes(DynamoNumber.parse(number)))).isEqualTo(hex);
    }

    /** The partition hash is MD5("Outliers" + key bytes): its first bytes order the scan. */
    @Test
    void thePartitionHashIsTheMd5OfOutliersAndTheKeyBytes() throws Exception {
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        md5.update("Outliers".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] expected = md5.digest("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KeyCodec.writePartition(out, AttributeValue.s("abc"));
        assertThat(Arrays.copyOf(out.toByteArray(), 8)).isEqualTo(Arrays.copyOf(expected, 8));
        md5.update("Outliers".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] ofNumber = md5.digest(new byte[] {(byte) 0xC2, 0x02, 0x18, 0x2E});
        out.reset();
        KeyCodec.writePartition(out, AttributeValue.n("123.450"));
        assertThat(Arrays.copyOf(out.toByteArray(), 8)).isEqualTo(Arrays.copyOf(ofNumber, 8));
        assertThat(KeyCodec.hashOfStored(AttributeValue.Type.N, "123.45".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo(KeyCodec.hashOf(out.toByteArray()));
    }
    @Test
    void storedKeysDecodeToTheirValues() {
        List<AttributeValue> values = List.of(AttributeValue.n("0"), AttributeValue.n("1"), AttributeValue.n("-1"), AttributeValue.n("123.45"),
                AttributeValue.n("-0.00125"), AttributeValue.n("1E125"), AttributeValue.n("-9.9999999999999999999999999999999999999E125"),
                AttributeValue.n("1E-130"), new AttributeValue.S("a\u0000b ¿"), new AttributeValue.S("x"),
                new AttributeValue.B(Bytes.wrap(new byte[] {0, 0, (byte) 0xFF, 1})));
        for (AttributeValue partition : values) {
            for (AttributeValue sort : values) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                KeyCodec.writePartition(out, partition);
                KeyCodec.writeSortable(out, sort);
                KeyCodec.writeSortable(out, new AttributeValue.S("table key after an index key"));
                byte[] stored = out.toByteArray();
                assertThat(KeyCodec.decodeKey(stored, partition.type(), sort.type())).containsExactly(partition, sort);
                assertThat(KeyCodec.decodeKey(stored, partition.type(), null)).containsExactly(partition);
                ByteArrayOutputStream key = new ByteArrayOutputStream();
                KeyCodec.writePartition(key, partition);
                int partitionLength = key.size();
                KeyCodec.writeSortable(key, sort);
                assertThat(KeyCodec.keyLength(stored, null)).isEqualTo(partitionLength);
                assertThat(KeyCodec.keyLength(stored, sort.type())).isEqualTo(key.size());
            }
        }
    }
}
