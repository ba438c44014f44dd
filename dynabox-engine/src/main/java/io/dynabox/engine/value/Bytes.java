package io.dynabox.engine.value;

import java.util.Arrays;
import java.util.Base64;

/** An immutable byte string, compared as DynamoDB compares binaries: unsigned, byte by byte. */
public final class Bytes implements Comparable<Bytes> {
    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** Wraps without copying: the caller hands over ownership of the array. */
    public static Bytes wrap(byte[] data) {
        return new Bytes(data);
    }

    public static Bytes copyOf(byte[] data) {
        return new Bytes(data.clone());
    }

    public int length() {
        return data.length;
    }

    /** The bytes themselves; callers must not modify the array. */
    public byte[] unsafeArray() {
        return data;
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(data);
    }

    public boolean startsWith(Bytes prefix) {
        return data.length >= prefix.data.length
                && Arrays.equals(data, 0, prefix.data.length, prefix.data, 0, prefix.data.length);
    }

    public boolean contains(Bytes part) {
        outer:
        for (int i = 0; i + part.data.length <= data.length; i++) {
            for (int j = 0; j < part.data.length; j++) {
                if (data[i + j] != part.data[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(data, other.data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return base64();
    }
}
