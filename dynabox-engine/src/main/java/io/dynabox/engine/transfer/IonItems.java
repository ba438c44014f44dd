package io.dynabox.engine.transfer;

import com.amazon.ion.IonReader;
import com.amazon.ion.IonType;
import com.amazon.ion.IonWriter;
import io.dynabox.engine.value.AttributeValue;
import io.dynabox.engine.value.Bytes;
import io.dynabox.engine.value.DynamoNumber;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Items in Amazon Ion, as the service exports and imports them: a string is an Ion string, a
 * number an Ion decimal, a binary an Ion blob, a map a struct, a list a list, a Boolean a bool,
 * NULL an Ion null, and the sets lists annotated {@code $dynamodb_SS}, {@code $dynamodb_NS} and
 * {@code $dynamodb_BS}. On reading, Ion ints and floats are numbers too, symbols strings, clobs
 * binaries and s-expressions lists.
 */
final class IonItems {
    static final String SS = "$dynamodb_SS";
    static final String NS = "$dynamodb_NS";
    static final String BS = "$dynamodb_BS";

    private IonItems() {}

    /** Writes an item's attributes into the struct the writer is in. */
    static void writeAttributes(IonWriter out, Map<String, AttributeValue> item) throws IOException {
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            out.setFieldName(attribute.getKey());
            write(out, attribute.getValue());
        }
    }

    /** An item as a struct (the writer is where a value goes). */
    static void writeItem(IonWriter out, Map<String, AttributeValue> item) throws IOException {
        out.stepIn(IonType.STRUCT);
        writeAttributes(out, item);
        out.stepOut();
    }

    private static void write(IonWriter out, AttributeValue value) throws IOException {
        if (value instanceof AttributeValue.S s) {
            out.writeString(s.value());
        } else if (value instanceof AttributeValue.N n) {
            out.writeDecimal(n.value().bigDecimal());
        } else if (value instanceof AttributeValue.B b) {
            out.writeBlob(b.value().unsafeArray());
        } else if (value instanceof AttributeValue.BOOL bool) {
            out.writeBool(bool.value());
        } else if (value instanceof AttributeValue.NULL) {
            out.writeNull();
        } else if (value instanceof AttributeValue.M m) {
            writeItem(out, m.values());
        } else if (value instanceof AttributeValue.L l) {
            out.stepIn(IonType.LIST);
            for (AttributeValue element : l.values()) write(out, element);
            out.stepOut();
        } else if (value instanceof AttributeValue.SS ss) {
            out.setTypeAnnotations(SS);
            out.stepIn(IonType.LIST);
            for (String element : ss.values()) out.writeString(element);
            out.stepOut();
        } else if (value instanceof AttributeValue.NS ns) {
            out.setTypeAnnotations(NS);
            out.stepIn(IonType.LIST);
            for (DynamoNumber element : ns.values()) out.writeDecimal(element.bigDecimal());
            out.stepOut();
        } else if (value instanceof AttributeValue.BS bs) {
            out.setTypeAnnotations(BS);
            out.stepIn(IonType.LIST);
            for (Bytes element : bs.values()) out.writeBlob(element.unsafeArray());
            out.stepOut();
        }
    }

    /**
     * The value the reader is on (after {@code next()}), as an attribute value. Throws
     * IllegalArgumentException for what no attribute value is (a timestamp, a bad number).
     */
    static AttributeValue read(IonReader in) {
        IonType type = in.getType();
        if (in.isNullValue()) return AttributeValue.NULL.INSTANCE;
        String[] annotations = in.getTypeAnnotations();
        String annotation = annotations.length == 0 ? null : annotations[0];
        return switch (type) {
            case STRING, SYMBOL -> new AttributeValue.S(in.stringValue());
            case INT, DECIMAL, FLOAT -> new AttributeValue.N(number(in));
            case BLOB, CLOB -> new AttributeValue.B(Bytes.wrap(in.newBytes()));
            case BOOL -> AttributeValue.bool(in.booleanValue());
            case STRUCT -> new AttributeValue.M(readStruct(in));
            case LIST, SEXP -> annotation == null ? list(in) : set(in, annotation);
            default -> throw new IllegalArgumentException("an Ion " + type + " is no DynamoDB attribute value");
        };
    }

    /** The fields of the struct the reader is on. */
    static Map<String, AttributeValue> readStruct(IonReader in) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        in.stepIn();
        while (in.next() != null) values.put(in.getFieldName(), read(in));
        in.stepOut();
        return values;
    }

    private static DynamoNumber number(IonReader in) {
        BigDecimal value = in.getType() == IonType.FLOAT ? BigDecimal.valueOf(in.doubleValue()) : in.bigDecimalValue();
        return DynamoNumber.parse(value.toString());
    }

    private static AttributeValue list(IonReader in) {
        List<AttributeValue> values = new ArrayList<>();
        in.stepIn();
        while (in.next() != null) values.add(read(in));
        in.stepOut();
        return new AttributeValue.L(values);
    }

    private static AttributeValue set(IonReader in, String annotation) {
        in.stepIn();
        try {
            switch (annotation) {
                case SS -> {
                    Set<String> values = new LinkedHashSet<>();
                    while (in.next() != null) values.add(in.stringValue());
                    return new AttributeValue.SS(values);
                }
                case NS -> {
                    Set<DynamoNumber> values = new LinkedHashSet<>();
                    while (in.next() != null) values.add(number(in));
                    return new AttributeValue.NS(values);
                }
                case BS -> {
                    Set<Bytes> values = new LinkedHashSet<>();
                    while (in.next() != null) values.add(Bytes.wrap(in.newBytes()));
                    return new AttributeValue.BS(values);
                }
                default -> throw new IllegalArgumentException("an Ion list annotated " + annotation + " is no DynamoDB attribute value");
            }
        } finally {
            in.stepOut();
        }
    }
}
