package io.dynabox.engine.wire;

import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A JSON value already written, as UTF-8 (an item as a store keeps it), put into an answer
 * as it is: {@link Json#write} copies the bytes into its output instead of decoding the item
 * and encoding it again. The character forms, which only a {@code Writer} output needs, are
 * made when asked for.
 */
final class RawJson implements SerializableString {
    private final byte[] utf8;

    RawJson(byte[] utf8) {
        this.utf8 = utf8;
    }

    @Override
    public String getValue() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return utf8;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (offset + utf8.length > buffer.length) return -1;
        System.arraycopy(utf8, 0, buffer, offset, utf8.length);
        return utf8.length;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(utf8);
        return utf8.length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (utf8.length > buffer.remaining()) return -1;
        buffer.put(utf8);
        return utf8.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        String value = getValue();
        if (offset + value.length() > buffer.length) return -1;
        value.getChars(0, value.length(), buffer, offset);
        return value.length();
    }

    // a raw value is never written as a quoted string; these are here for the interface's sake

    @Override
    public char[] asQuotedChars() {
        throw quotedForm();
    }

    @Override
    public byte[] asQuotedUTF8() {
        throw quotedForm();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        throw quotedForm();
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        throw quotedForm();
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) {
        throw quotedForm();
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        throw quotedForm();
    }

    private static UnsupportedOperationException quotedForm() {
        return new UnsupportedOperationException("a raw JSON value has no quoted form");
    }

    @Override
    public String toString() {
        return getValue();
    }
}
