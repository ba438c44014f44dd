package io.dynabox.engine.wire;

import io.dynabox.engine.error.DynamoException;
import java.util.Base64;

/** Blob members arrive as base64 text; the service rejects what its decoder rejects, with its words. */
public final class Base64Text {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Base64Text() {}

    /** Decodes, or throws the service's SerializationException. */
    public static byte[] decode(String text) {
        if (text.length() % 4 != 0) {
            throw DynamoException.serialization(
                    "Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        // Java ignores bits left over in the last character before the padding; the service refuses them
        int pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
        if (pad > 0) {
            int last = ALPHABET.indexOf(text.charAt(text.length() - pad - 1));
            int unusedBits = pad == 2 ? 0x0F : 0x03;
            if ((last & unusedBits) != 0) throw invalid();
        }
        return decoded;
    }

    private static DynamoException invalid() {
        return DynamoException.serialization("Invalid last non-pad Base64 character dectected");
    }

    /** Decoded size without decoding, for length constraints of already-checked text. */
    public static int decodedLength(String text) {
        int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
        return text.length() / 4 * 3 - padding;
    }
}
