package io.dynabox.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes an answer's tree straight into bytes, the bytes the mapper writes for it, when the
 * tree holds only what answers are made of: objects, arrays, ASCII strings, ints, longs,
 * finite doubles, booleans, nulls and stored items ({@link Json#raw}). Anything else (a
 * string with a character beyond ASCII, which the mapper may escape, another kind of number)
 * and the caller has the mapper write the whole tree.
 *
 * <p>Why: until the JIT has compiled them, the mapper's per-token calls through its generator
 * are most of an answer's cost (a CreateTable's TableDescription took 0.3-0.4 ms
 * interpreted), and every early request of a test suite runs interpreted. A walk with a few
 * bytecodes per token, each string's characters copied out by the JDK (compiled during
 * start-up), costs about half of that, and no more once compiled.
 */
final class TreeBytes {
    private static final int BUFFER_BYTES = 4096;
    /** Buffers grown past this by a large answer are not kept for the thread's next one. */
    private static final int KEPT_BYTES = 64 * 1024;
    /** One writer per thread, its buffers kept between answers (a request is answered on one thread, without reentry). */
    private static final ThreadLocal<TreeBytes> WRITERS = ThreadLocal.withInitial(TreeBytes::new);

    /**
     * Member names written before, as {@code "name":}: an answer's names are mostly the service's,
     * the same few hundred in every answer, which are then copied instead of checked character by
     * character. Only names of letters, and a bounded number of them (an item's attribute names
     * in a projected answer may be anything).
     */
    private static final ConcurrentHashMap<String, byte[]> NAMES = new ConcurrentHashMap<>();
    private static final int MAX_NAMES = 1024;
    private static final int MAX_NAME_LENGTH = 64;

    private byte[] out = new byte[BUFFER_BYTES];
    /** A string's characters, copied out to be read without a call per character. */
    private char[] chars = new char[256];
    private int length;

    private TreeBytes() {}

    /** The tree's JSON as the mapper writes it, or null when it holds anything this writer leaves to the mapper. */
    static byte[] write(JsonNode tree) {
        TreeBytes writer = WRITERS.get();
        writer.length = 0;
        boolean written = writer.value(tree);
        byte[] bytes = written ? Arrays.copyOf(writer.out, writer.length) : null;
        if (writer.out.length > KEPT_BYTES) writer.out = new byte[BUFFER_BYTES];
        if (writer.chars.length > KEPT_BYTES) writer.chars = new char[256];
        return bytes;
    }

    private boolean value(JsonNode node) {
        if (node instanceof TextNode) return string(node.textValue());
        if (node instanceof ObjectNode object) return object(object);
        if (node instanceof ArrayNode array) return array(array);
        if (node instanceof IntNode || node instanceof LongNode) return ascii(Long.toString(node.longValue()));
        if (node instanceof BooleanNode) return ascii(node.booleanValue() ? "true" : "false");
        if (node instanceof DoubleNode) {
            double d = node.doubleValue();
            return Double.isFinite(d) && ascii(Double.toString(d)); // the mapper quotes NaN and infinities
        }
        if (node instanceof NullNode) return ascii("null");
        if (node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw && raw.rawValue() instanceof RawJson json) {
            ensure(json.length());
            json.copyTo(out, length);
            length += json.length();
            return true;
        }
        return false;
    }

    private boolean object(ObjectNode object) {
        put('{');
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> members = object.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            if (!first) put(',');
            first = false;
            if (!memberName(member.getKey())) return false;
            if (!value(member.getValue())) return false;
        }
        put('}');
        return true;
    }

    /** {@code "name":}, from the cache when the name is one (the service's member names are a few hundred). */
    private boolean memberName(String name) {
        byte[] written = NAMES.get(name);
        if (written == null) {
            if (!string(name)) return false;
            put(':');
            if (NAMES.size() < MAX_NAMES && isLetters(name)) NAMES.putIfAbsent(name, ('"' + name + "\":").getBytes(StandardCharsets.US_ASCII));
            return true;
        }
        ensure(written.length);
        System.arraycopy(written, 0, out, length, written.length);
        length += written.length;
        return true;
    }

    /** A name of ASCII letters only, as the service's member names are (written as it is, with no escape). */
    private static boolean isLetters(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) return false;
        }
        return true;
    }

    private boolean array(ArrayNode array) {
        put('[');
        for (int i = 0, n = array.size(); i < n; i++) {
            if (i > 0) put(',');
            if (!value(array.get(i))) return false;
        }
        put(']');
        return true;
    }

    /**
     * A quoted string, escaped as the mapper escapes it: {@code "} and {@code \} with a backslash,
     * the control characters backspace, tab, line feed, form feed and carriage return by their
     * letters, the others as a backslash, u and four upper-case hex digits. False for any character beyond ASCII.
     */
    private boolean string(String text) {
        int n = text.length();
        if (chars.length < n) chars = new char[Math.max(n, 2 * chars.length)];
        text.getChars(0, n, chars, 0); // one call of the JDK's (compiled early), then plain array reads
        ensure(n + 2);
        byte[] bytes = out;
        int at = length;
        bytes[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                bytes[at++] = (byte) c;
                continue;
            }
            if (c >= 0x80) return false;
            length = at;
            escape((byte) c);
            ensure(n - i + 1);
            bytes = out;
            at = length;
        }
        bytes[at++] = '"';
        length = at;
        return true;
    }

    private void escape(byte b) {
        char letter = switch (b) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        ensure(6);
        out[length++] = '\\';
        if (letter != 0) {
            out[length++] = (byte) letter;
            return;
        }
        out[length++] = 'u';
        out[length++] = '0';
        out[length++] = '0';
        out[length++] = (byte) HEX[b >> 4];
        out[length++] = (byte) HEX[b & 0xF];
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Text known to be plain ASCII (a number, a literal). */
    private boolean ascii(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        append(bytes, 0, bytes.length);
        return true;
    }

    private void append(byte[] bytes, int from, int to) {
        int n = to - from;
        if (n == 0) return;
        ensure(n);
        System.arraycopy(bytes, from, out, length, n);
        length += n;
    }

    private void put(char c) {
        ensure(1);
        out[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > out.length) out = Arrays.copyOf(out, Math.max(2 * out.length, length + more));
    }
}
