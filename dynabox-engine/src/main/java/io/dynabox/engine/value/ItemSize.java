package io.dynabox.engine.value;

import java.util.Map;

/**
 * Item and value sizes by DynamoDB's rules: names and strings count their UTF-8 bytes,
 * binaries their raw bytes, numbers about one byte per two significant digits plus one,
 * BOOL and NULL one byte, and lists and maps three bytes plus one byte per element.
 */
public final class ItemSize {
    /** 400 KB, the largest item DynamoDB stores, attribute names included. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {}

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8Length(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    public static long of(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8Length(((AttributeValue.S) value).value());
            case N -> of(((AttributeValue.N) value).value());
            case B -> ((AttributeValue.B) value).value().length();
            case BOOL, NULL -> 1;
            case SS -> {
                long size = 0;
                for (String element : ((AttributeValue.SS) value).values()) size += utf8Length(element);
                yield size;
            }
            case NS -> {
                long size = 0;
                for (DynamoNumber element : ((AttributeValue.NS) value).values()) size += of(element);
                yield size;
            }
            case BS -> {
                long size = 0;
                for (Bytes element : ((AttributeValue.BS) value).values()) size += element.length();
                yield size;
            }
            case L -> {
                long size = 3;
                for (AttributeValue element : ((AttributeValue.L) value).values()) size += 1 + of(element);
                yield size;
            }
            case M -> {
                long size = 3;
                for (Map.Entry<String, AttributeValue> e : ((AttributeValue.M) value).values().entrySet()) {
                    size += 1 + utf8Length(e.getKey()) + of(e.getValue());
                }
                yield size;
            }
        };
    }

    /**
     * DynamoDB stores numbers as base-100 digit pairs aligned on the decimal point, plus
     * one byte of exponent and one more for a negative sign.
     */
    public static long of(DynamoNumber number) {
        if (number.signum() == 0) return 1;
        int digits = number.significantDigits(); // of the canonical form: its unscaled value has no trailing zeros
        int exponent = number.exponent();
        // digits before the point, counted from the leading digit: exponent + 1 (may be <= 0)
        int integerDigits = exponent + 1;
        // align the first digit so pairs split on the decimal point
        int leadingPad = Math.floorMod(-integerDigits, 2);
        int totalDigits = leadingPad + digits;
        long size = (totalDigits + 1) / 2 + 1;
        return number.signum() < 0 ? size + 1 : size;
    }

    public static int utf8Length(String s) {
        int length = s.length();
        int bytes = length;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) bytes += 1;
                else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2; // the pair counts 4 bytes in all
                    i++;
                } else bytes += 2;
            }
        }
        return bytes;
    }
}
