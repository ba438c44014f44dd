package io.dynabox.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RawJsonTest {
    private static RawJson raw(String json) {
        return new RawJson(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"a\":{\"S\":\"x\"}}`   | `{\\\"a\\\":{\\\"S\\\":\\\"x\\\"}}`",
        "`{\"s\":{\"S\":\"é\\n\"}}` | `{\\\"s\\\":{\\\"S\\\":\\\"é\\\\n\\\"}}`",
        "`plain`                   | `plain`",
    })
    void quotedFormsAreTheTextEscapedAsAJsonString(String json, String quoted) throws IOException {
        RawJson value = raw(json);
        byte[] quotedUtf8 = quoted.getBytes(StandardCharsets.UTF_8);

        assertThat(new String(value.asQuotedChars())).isEqualTo(quoted);
        assertThat(value.asQuotedUTF8()).isEqualTo(quotedUtf8);

        byte[] bytes = new byte[quotedUtf8.length + 2];
        assertThat(value.appendQuotedUTF8(bytes, 2)).isEqualTo(quotedUtf8.length);
        assertThat(new String(bytes, 2, quotedUtf8.length, StandardCharsets.UTF_8)).isEqualTo(quoted);
        assertThat(value.appendQuotedUTF8(new byte[quotedUtf8.length - 1], 0)).isEqualTo(-1);

        char[] chars = new char[quoted.length()];
        assertThat(value.appendQuoted(chars, 0)).isEqualTo(quoted.length());
        assertThat(new String(chars)).isEqualTo(quoted);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(value.writeQuotedUTF8(out)).isEqualTo(quotedUtf8.length);
        assertThat(out.toByteArray()).isEqualTo(quotedUtf8);

        ByteBuffer buffer = ByteBuffer.allocate(quotedUtf8.length);
        assertThat(value.putQuotedUTF8(buffer)).isEqualTo(quotedUtf8.length);
        assertThat(buffer.array()).isEqualTo(quotedUtf8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"a\":{\"N\":\"1\"}}`",
        "`{\"s\":{\"S\":\"é\"}}`",
    })
    void unquotedFormsAreTheBytesAsStored(String json) throws IOException {
        RawJson value = raw(json);
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);

        assertThat(value.getValue()).isEqualTo(json);
        assertThat(value.charLength()).isEqualTo(json.length());
        assertThat(value.asUnquotedUTF8()).isEqualTo(utf8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(value.writeUnquotedUTF8(out)).isEqualTo(utf8.length);
        assertThat(out.toByteArray()).isEqualTo(utf8);
        char[] chars = new char[json.length()];
        assertThat(value.appendUnquoted(chars, 0)).isEqualTo(json.length());
        assertThat(new String(chars)).isEqualTo(json);
    }
}
