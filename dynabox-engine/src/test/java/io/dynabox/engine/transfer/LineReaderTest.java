package io.dynabox.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lines an import reads from a stream: input -> lines, whatever size the stream hands its bytes over in. */
class LineReaderTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("", List.of()),
                Arguments.of("a", List.of("a")),
                Arguments.of("a\n", List.of("a")),
                Arguments.of("a\nb", List.of("a", "b")),
                Arguments.of("a\n\nb\n", List.of("a", "", "b")),
                Arguments.of("\n", List.of("")),
                Arguments.of("x\r\ny\r\n", List.of("x\r", "y\r")),
                Arguments.of("é€\n😀", List.of("é€", "😀")),
                Arguments.of("z".repeat(70_000) + "\nend", List.of("z".repeat(70_000), "end")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void splitsAtNewlines(String input, List<String> expected) throws IOException {
        for (int chunk : new int[] {1, 3, 1 << 16}) {
            assertThat(lines(trickle(input.getBytes(StandardCharsets.UTF_8), chunk))).as("handed over %d bytes at a time", chunk)
                    .isEqualTo(expected);
        }
    }

    @org.junit.jupiter.api.Test
    void aLineLongerThanTheLimitIsCutThere() throws IOException {
        byte[] longLine = new byte[LineReader.MAX_LINE + 10];
        java.util.Arrays.fill(longLine, (byte) 'q');
        byte[] input = new byte[longLine.length + 4];
        System.arraycopy(longLine, 0, input, 0, longLine.length);
        System.arraycopy("\nok\n".getBytes(StandardCharsets.UTF_8), 0, input, longLine.length, 4);
        LineReader reader = new LineReader(new ByteArrayInputStream(input));
        assertThat(reader.next()).isEqualTo(LineReader.MAX_LINE);
        assertThat(reader.next()).isEqualTo(2);
        assertThat(new String(reader.buffer(), 0, 2, StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(reader.next()).isEqualTo(-1);
    }

    private static List<String> lines(InputStream in) throws IOException {
        LineReader reader = new LineReader(in);
        List<String> lines = new ArrayList<>();
        for (int length = reader.next(); length >= 0; length = reader.next()) {
            lines.add(new String(reader.buffer(), 0, length, StandardCharsets.UTF_8));
        }
        return lines;
    }

    /** A stream that hands over at most {@code chunk} bytes a read, as a network or decompressing stream may. */
    private static InputStream trickle(byte[] bytes, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, chunk));
            }
        };
    }
}
